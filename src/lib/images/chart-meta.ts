/**
 * What an exported chart or map says about itself (title, unit, period, legend, note, file name),
 * the same on the page's download buttons and in the documentation package. Light on purpose
 * (no Plot, no d3), so a page can build it before anything is exported.
 */
import type { TrendSeries } from '../charts/trend.ts';
import type { Indicator } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';
import { MAP_STRINGS } from '../map/strings.ts';
import type { ChartMeta } from './chart-frame.ts';
import { peersLegend, trendLegend } from './legend.ts';
import { periodText, unitText } from '../formats/export-meta.ts';
import { exportStrings } from '../i18n/export-strings.ts';

/** What a trend chart says about itself: the key figure and the unit, the span of years, the legend. */
export function trendMeta(input: {
	ind: Indicator;
	lang: Lang;
	unitName: string;
	subtitle?: string;
	series: readonly TrendSeries[];
	years: readonly number[];
	demo: boolean;
}): ChartMeta {
	const { ind, lang } = input;
	const t = strings(lang);
	const title = `${ind.name[lang]} – ${input.unitName}`;
	return {
		title,
		subtitle: input.subtitle,
		unit: unitText(ind, lang),
		period: periodText(input.years),
		demo: input.demo,
		lang,
		fileName: exportStrings(lang).trendTitle(`${ind.name[lang]} - ${input.unitName}`),
		note: t.gapsNote,
		legend: trendLegend(input.series)
	};
}

/** What a peers chart says about itself: the key figure, the year, the highlighted unit. */
export function peersMeta(input: {
	ind: Indicator;
	lang: Lang;
	unitName: string;
	subtitle?: string;
	year: number;
	demo: boolean;
}): ChartMeta {
	const { ind, lang } = input;
	const t = strings(lang);
	return {
		title: `${ind.name[lang]}: ${t.peersHeading(input.year)}`,
		subtitle: input.subtitle,
		unit: unitText(ind, lang),
		period: String(input.year),
		demo: input.demo,
		lang,
		fileName: exportStrings(lang).peersTitle(`${ind.name[lang]} - ${input.unitName}`, input.year),
		note: t.peersAxis,
		legend: peersLegend(input.unitName, t.peersOthers)
	};
}

/** What the map says about itself; the legend is added when it is captured (map-capture.ts). */
export function mapMeta(input: { ind: Indicator; lang: Lang; kommune: string; year: number; demo: boolean; basis?: string }): ChartMeta {
	const { ind, lang } = input;
	const t = strings(lang);
	return {
		title: `${ind.name[lang]} ${input.year}: ${MAP_STRINGS[lang].regionLabel(t.municipalityOf(input.kommune))}`,
		unit: unitText(ind, lang),
		period: String(input.year),
		demo: input.demo,
		lang,
		fileName: `${t.map} - ${ind.name[lang]} ${input.year} - ${t.municipalityOf(input.kommune)}`,
		note: input.basis ? `${MAP_STRINGS[lang].legendNote} ${input.basis}` : MAP_STRINGS[lang].legendNote
	};
}
