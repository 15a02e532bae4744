/**
 * Class breaks and colours for the area map and its department points: pure, no DOM, so they are
 * unit-tested.
 *
 * The bounds are fixed per indicator (scales.ts): the same for every municipality and year, each
 * with the reason for it. The palette is ColorBrewer YlOrRd (colour-blind safe, sequential) with the
 * darker/warmer end always on the worse side: reversed when a lower value is worse (maintenance
 * state, provisions).
 */
import { schemeBlues, schemeYlOrRd } from 'd3';
import type { Indicator } from '../core/indicators.ts';
import type { ClassBasis, SeriesPoint, WebOverview } from '../core/output-contract.ts';
import { NBSP, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { scaleFor } from './scales.ts';

export interface ClassBreaks {
	/**
	 * Ascending class bounds, one more than there are classes. Class i holds values v with
	 * bounds[i] <= v < bounds[i+1]; the last class includes its upper bound, and values beyond the
	 * first or last bound fall in the first or last class. ±Infinity marks an open end.
	 */
	bounds: number[];
	/** One colour per class, from the lowest values to the highest. */
	colors: string[];
	/** Decimals used for bounds, labels and classification (the indicator's decimals). */
	decimals: number;
	/** What the bounds mean and their source, for the legend. */
	basis: Record<Lang, string>;
}

/** Fill of an area without a value (missing or suppressed); the map hatches it on top. */
export const MISSING_COLOR = '#d0d0d0';
/** The hatch lines drawn over MISSING_COLOR, on the map and in the legend's swatch. */
export const HATCH_COLOR = '#7a7a7a';

/**
 * `n` colours from light to dark when higher is worse, from dark to light when lower is worse.
 * ColorBrewer's discrete schemes exist for 3 to 9 classes; 1 and 2 classes take from the 3-class one.
 */
export function palette(n: number, worse: 'higher' | 'lower' | null): string[] {
	// No better direction (a declared indicator that only describes): blues, which say neither good nor bad.
	const scheme = worse === null ? schemeBlues : schemeYlOrRd;
	const three = scheme[3]!;
	const colors = n <= 1 ? [three[1]!] : n === 2 ? [three[0]!, three[2]!] : [...scheme[Math.min(n, 9)]!];
	return worse === 'lower' ? colors.reverse() : colors;
}

/** Rounds to `decimals` decimals the way the labels print (half away from zero). */
export function roundTo(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	// toPrecision first so that 2.45 stored as 2.4499999 still rounds like the printed "2,45"
	const scaled = Number((value * scale).toPrecision(12));
	return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / scale;
}

/** The class of a value, or -1 when the value is missing. Classified as printed (rounded). */
export function classIndex(breaks: ClassBreaks, value: number | null | undefined): number {
	if (value == null || !Number.isFinite(value)) return -1;
	const v = roundTo(value, breaks.decimals);
	const last = breaks.bounds.length - 2;
	for (let i = 0; i < last; i++) {
		if (v < breaks.bounds[i + 1]!) return i;
	}
	return last;
}

function withUnit(text: string, unit: string): string {
	return unit ? `${text}${NBSP}${unit}` : text;
}

/**
 * One label per class, e.g. "5,0–7,5 ‰", "under 3,0 ‰", "26,0 ‰ og derover" (formatted like every
 * other figure, see i18n/format.ts); the lower bound belongs to the class.
 */
export function classLabels(breaks: ClassBreaks, ind: Pick<Indicator, 'unit'>, lang: Lang): string[] {
	const fmt = (v: number) => formatNumber(v, breaks.decimals, lang);
	const unit = ind.unit[lang];
	const labels: string[] = [];
	for (let i = 0; i + 1 < breaks.bounds.length; i++) {
		const lo = breaks.bounds[i]!;
		const hi = breaks.bounds[i + 1]!;
		if (!Number.isFinite(hi)) labels.push(lang === 'da' ? `${withUnit(fmt(lo), unit)} og derover` : `${withUnit(fmt(lo), unit)} or more`);
		else if (!Number.isFinite(lo)) labels.push(`${lang === 'da' ? 'under' : 'below'} ${withUnit(fmt(hi), unit)}`);
		else labels.push(withUnit(`${fmt(lo)}–${fmt(hi)}`, unit));
	}
	return labels;
}

/** The point of a series for a year, if any. */
export function pointFor(series: readonly SeriesPoint[] | undefined, year: number): SeriesPoint | undefined {
	return series?.find((p) => p.aar === year);
}

/**
 * The breaks for an indicator: the same for every municipality and year (scales.ts), from its
 * published bounds or the municipalities' quintiles the file carries; null when there are none.
 */
export function breaksForOverview(overview: Pick<WebOverview, 'klassegrundlag'>, ind: Indicator): ClassBreaks | null {
	return breaksFromBasis(overview.klassegrundlag?.[ind.id], ind);
}

/** The breaks from a class basis (land.json and overblik.json carry the same one). */
export function breaksFromBasis(basis: ClassBasis | undefined, ind: Indicator): ClassBreaks | null {
	const scale = scaleFor(ind, basis);
	if (!scale) return null;
	return { bounds: scale.bounds, colors: palette(scale.bounds.length - 1, ind.worse), decimals: ind.decimals, basis: scale.basis };
}

/** The colour of a value: its class's colour, or null when it has none (missing, suppressed). */
export function colorFor(breaks: ClassBreaks | null, value: number | null | undefined): string | null {
	const cls = breaks ? classIndex(breaks, value) : -1;
	return breaks && cls >= 0 ? (breaks.colors[cls] ?? null) : null;
}
