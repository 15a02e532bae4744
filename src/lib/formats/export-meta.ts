/**
 * What every export says about itself: title, unit, period, whether the figures are demo data,
 * and the file name. The chart frame, the XLSX's "Om data" sheet and LÆSMIG.txt all print it.
 */
import { isScore, type Indicator } from '../core/indicators.ts';
import { formatYear } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { exportStrings } from '../i18n/export-strings.ts';

export interface ExportMeta {
	/** E.g. "Ledighed – Boligselskabet Lærkereden". */
	title: string;
	/** A second line, e.g. the municipality. */
	subtitle?: string;
	/** The unit as printed after a number ("‰", "kr./m²") or a scale ("skala 1–5"). */
	unit: string;
	/** "2010–2025", or one year. */
	period: string;
	demo: boolean;
	lang: Lang;
	/** The download's name without extension; made safe for Windows when the file is saved. */
	fileName: string;
	/** A remark printed under the chart, e.g. what a gap in a line means. */
	note?: string;
}

/** The unit of an indicator for a caption: its unit, its scale when it is a score, else '' (a bare number). */
export function unitText(ind: Indicator, lang: Lang): string {
	return ind.unit[lang] || (isScore(ind) ? exportStrings(lang).scale(ind.domain[0], ind.domain[1]) : '');
}

/** "2010–2025" for a span of years, "2025" for one, '' for none. */
export function periodText(years: readonly number[]): string {
	if (!years.length) return '';
	const from = Math.min(...years);
	const to = Math.max(...years);
	return from === to ? formatYear(from) : `${formatYear(from)}–${formatYear(to)}`;
}

/** "Enhed: ‰ · Periode: 2010–2025", with the subtitle first when there is one. */
export function captionLine(meta: Pick<ExportMeta, 'subtitle' | 'unit' | 'period' | 'lang'>): string {
	const t = exportStrings(meta.lang);
	return [meta.subtitle, meta.unit && `${t.unit}: ${meta.unit}`, meta.period && `${t.period}: ${meta.period}`].filter(Boolean).join(' · ');
}

/** The lines that travel with exported figures: title, caption, note, source, demo note. */
export function metaLines(meta: ExportMeta): string[] {
	const t = exportStrings(meta.lang);
	return [meta.title, captionLine(meta), meta.note ?? '', t.noValueNote, t.sourceLine, meta.demo ? t.demoNote : ''].filter(Boolean);
}
