/**
 * What the overview map cannot show of a municipality, in words under it. A municipality's own
 * files may give no coordinates (lat/lon are optional in afdelinger.csv) and no outlines (the
 * GeoJSON files are optional): the map is then an empty box with a full legend, or shows some
 * departments and silently leaves out the rest. The figures are all in the lists either way;
 * the note says so and names the columns and files that would put them on the map.
 */
import type { WebOverview } from '../core/output-contract.ts';
import { formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

const WORDS = {
	da: {
		nothing:
			'Kortet har intet at vise: ingen afdeling har koordinater (lat og lon i afdelinger.csv), og ingen af kommunens boligområder har et omrids (omraader.geojson). Tallene står i listerne nedenfor.',
		some: (missing: string, total: string) =>
			`${missing} af ${total} afdelinger har ingen koordinater (lat og lon i afdelinger.csv) og står ikke som punkter på kortet; de står i listen nedenfor.`
	},
	en: {
		nothing:
			'The map has nothing to show: no department has coordinates (lat and lon in afdelinger.csv), and none of the municipality’s housing areas has an outline (omraader.geojson). The figures are in the lists below.',
		some: (missing: string, total: string) =>
			`${missing} of ${total} departments have no coordinates (lat and lon in afdelinger.csv) and are not shown as points on the map; they are in the list below.`
	}
} satisfies Record<Lang, unknown>;

/** The note, or null when every department has its point. */
export function mapCoverageNote(overview: Pick<WebOverview, 'afdelinger' | 'bbox'>, lang: Lang): string | null {
	const w = WORDS[lang];
	// bbox is null exactly when there is neither an area outline nor a department's point (web-overview.ts).
	if (overview.bbox === null) return w.nothing;
	const total = overview.afdelinger.length;
	const missing = overview.afdelinger.filter((d) => d.lat == null || d.lon == null).length;
	return missing === 0 ? null : w.some(formatNumber(missing, 0, lang), formatNumber(total, 0, lang));
}
