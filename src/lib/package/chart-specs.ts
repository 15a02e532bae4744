/**
 * Which charts an exported chart or a documentation package holds, and what each says about
 * itself. The Plot options come from the dashboard's own builders (charts/trend.ts and
 * charts/peers.ts) at a fixed width that suits an A4 page, so a chart in the package is the chart
 * on the page, drawn the same way with the same number formats. Pure: unit-tested without a DOM.
 */
import { peerBars, peersOptions, type PeerBar } from '../charts/peers.ts';
import { trendOptions } from '../charts/trend.ts';
import type { IndicatorId } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';
import { peersMeta, trendMeta } from '../images/chart-meta.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { peersTable, trendTable } from '../download/page-tables.ts';
import type { ChartData, ChartSpec } from './model.ts';

/** Chart width in the package: 720 px, which at 96 dpi fills the text width of an A4 page. */
export const PACKAGE_CHART_WIDTH = 720;

/** The departments that belong to the organisation. */
export function organisationDepartments(data: ChartData): Set<string> {
	return new Set(data.departments.map((d) => d.afdeling_id));
}

/** The municipality's value in a year as the peers chart's reference line, or null. */
export function municipalityReference(data: ChartData, id: IndicatorId): { label: string; value: number } | null {
	const series = data.trends[id]?.find((s) => s.key === 'kommune');
	const point = series?.points.find((p) => p.aar === data.year);
	return series && point && point.vaerdi != null && !point.diskretioneret ? { label: series.label, value: point.vaerdi } : null;
}

/** The organisation's departments' bars among the municipality's, for the report's text. */
export function organisationBars(data: ChartData, id: IndicatorId, lang: Lang): { bars: PeerBar[]; own: PeerBar[] } {
	const ind = data.indicators.find((i) => i.id === id)!;
	const highlighted = organisationDepartments(data);
	const bars = peerBars({ indicator: ind, lang, rows: data.peers[id]?.year ?? [], highlighted });
	return { bars, own: bars.filter((b) => b.highlighted) };
}

const number = (n: number) => String(n).padStart(2, '0');

/** Every chart of an organisation's package: per key figure its trend and its place among the peers. */
export function packageCharts(data: ChartData): ChartSpec[] {
	const { lang } = data;
	const t = strings(lang);
	const e = exportStrings(lang);
	const subtitle = t.municipalityOf(data.kommune.navn);
	const highlighted = organisationDepartments(data);
	const specs: ChartSpec[] = [];
	let n = 0;
	for (const ind of data.indicators) {
		const series = data.trends[ind.id] ?? [];
		const rows = data.peers[ind.id]?.year ?? [];
		const unitName = data.organisation.navn;
		specs.push({
			name: `${number(++n)} ${e.trendTitle(ind.name[lang])}`,
			indicator: ind.id,
			kind: 'trend',
			options: trendOptions({ indicator: ind, lang, series, years: data.years, year: data.year, width: PACKAGE_CHART_WIDTH }),
			meta: trendMeta({ ind, lang, unitName, subtitle, series, years: data.years, demo: data.demo }),
			table: trendTable(ind, lang, series, data.years)
		});
		const bars = peerBars({ indicator: ind, lang, rows, highlighted });
		specs.push({
			name: `${number(++n)} ${e.peersTitle(ind.name[lang], data.year)}`,
			indicator: ind.id,
			kind: 'peers',
			options: peersOptions({
				indicator: ind,
				lang,
				year: data.year,
				rows,
				highlighted,
				unitLabel: unitName,
				reference: municipalityReference(data, ind.id),
				width: PACKAGE_CHART_WIDTH
			}),
			meta: peersMeta({ ind, lang, unitName, subtitle, year: data.year, demo: data.demo }),
			table: peersTable(ind, lang, data.year, rows, bars, highlighted)
		});
	}
	return specs;
}
