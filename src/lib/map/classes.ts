/**
 * Class breaks and colours for the area map: pure, no DOM, so they are unit-tested.
 *
 * Breaks come from the quantiles of every area's value of the indicator over ALL years, rounded to
 * a "nice" step (1, 2, 2,5 or 5 × 10ⁿ) that the indicator's decimals can show. Using all years keeps
 * a colour meaning the same value when the user changes the year. Quantiles rather than equal steps
 * because the values are skewed (a few areas with high vacancy would otherwise leave every other
 * area in the lightest class).
 *
 * The palette is ColorBrewer YlOrRd (colour-blind safe, sequential) with the darker/warmer end
 * always on the worse side: reversed when a lower value is worse (maintenance state, provisions).
 */
import { quantileSorted, schemeYlOrRd } from 'd3';
import type { Indicator, IndicatorId } from '../core/indicators.ts';
import type { SeriesPoint, WebOverview } from '../core/output-contract.ts';
import { NBSP, formatNumber } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

export interface ClassBreaks {
	/**
	 * Ascending class bounds, one more than there are classes. Class i holds values v with
	 * bounds[i] <= v < bounds[i+1]; the last class includes its upper bound. A single class whose
	 * two bounds are equal holds exactly that value.
	 */
	bounds: number[];
	/** One colour per class, from the lowest values to the highest. */
	colors: string[];
	/** Decimals used for bounds, labels and classification (the indicator's decimals). */
	decimals: number;
}

/** Fill of an area without a value (missing or suppressed); the map hatches it on top. */
export const MISSING_COLOR = '#d0d0d0';
/** The hatch lines drawn over MISSING_COLOR, on the map and in the legend's swatch. */
export const HATCH_COLOR = '#7a7a7a';

export const DEFAULT_CLASS_COUNT = 5;

/** Every non-null value of the indicator over all areas and all years. */
export function collectValues(omraader: WebOverview['omraader'], id: IndicatorId): number[] {
	const out: number[] = [];
	for (const area of omraader) {
		for (const point of area.values[id] ?? []) {
			if (point.vaerdi != null && Number.isFinite(point.vaerdi)) out.push(point.vaerdi);
		}
	}
	return out;
}

/**
 * The largest nice step (5, 2.5, 2 or 1 × 10ⁿ) not above `target` that `decimals` decimals can
 * print exactly; never finer than one unit of the last decimal.
 */
export function niceStep(target: number, decimals: number): number {
	const finest = 10 ** -decimals;
	if (!(target > finest)) return finest;
	const magnitude = 10 ** Math.floor(Math.log10(target));
	for (const factor of [5, 2.5, 2, 1]) {
		const step = factor * magnitude;
		if (step <= target && isPrintable(step, decimals)) return step;
	}
	return Math.max(magnitude, finest);
}

function isPrintable(x: number, decimals: number): boolean {
	const scaled = x * 10 ** decimals;
	return Math.abs(scaled - Math.round(scaled)) < 1e-9;
}

/** Rounds to `decimals` decimals the way the labels print (half away from zero). */
export function roundTo(value: number, decimals: number): number {
	const scale = 10 ** decimals;
	// toPrecision first so that 2.45 stored as 2.4499999 still rounds like the printed "2,45"
	const scaled = Number((value * scale).toPrecision(12));
	return (Math.sign(scaled) * Math.round(Math.abs(scaled))) / scale;
}

/**
 * Class breaks for the given values (nulls and non-finite values ignored), or null when there is
 * no value at all. Fewer than `count` classes come out when rounding makes breaks coincide.
 */
export function classBreaks(
	values: Iterable<number | null>,
	ind: Pick<Indicator, 'decimals' | 'worse'>,
	count = DEFAULT_CLASS_COUNT
): ClassBreaks | null {
	const sorted = [...values].filter((v): v is number => v != null && Number.isFinite(v)).sort((a, b) => a - b);
	if (sorted.length === 0) return null;
	const decimals = ind.decimals;
	// Work in integer ticks of the last printed decimal so that rounding is exact.
	const tick = 10 ** decimals;
	const min = roundTo(sorted[0]!, decimals);
	const max = roundTo(sorted[sorted.length - 1]!, decimals);
	if (min === max) return { bounds: [min, max], colors: palette(1, ind.worse), decimals };

	const step = niceStep((max - min) / (2 * count), decimals);
	const stepTicks = Math.round(step * tick);
	const toBound = (ticks: number) => roundTo(ticks / tick, decimals);
	const lower = Math.floor(Math.round(min * tick) / stepTicks) * stepTicks;
	const upper = Math.ceil(Math.round(max * tick) / stepTicks) * stepTicks;

	const inner: number[] = [];
	for (let i = 1; i < count; i++) {
		const q = quantileSorted(sorted, i / count)!;
		const ticks = Math.round(Number((q * tick).toPrecision(12)) / stepTicks) * stepTicks;
		if (ticks > lower && ticks < upper && ticks !== inner[inner.length - 1]) inner.push(ticks);
	}
	const bounds = [lower, ...inner, upper].map(toBound);
	return { bounds, colors: palette(bounds.length - 1, ind.worse), decimals };
}

/**
 * `n` colours from light to dark when higher is worse, from dark to light when lower is worse.
 * ColorBrewer's discrete schemes exist for 3 to 9 classes; 1 and 2 classes take from the 3-class one.
 */
export function palette(n: number, worse: 'higher' | 'lower'): string[] {
	const three = schemeYlOrRd[3]!;
	const colors = n <= 1 ? [three[1]!] : n === 2 ? [three[0]!, three[2]!] : [...schemeYlOrRd[Math.min(n, 9)]!];
	return worse === 'higher' ? colors : colors.reverse();
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

/** One label per class, e.g. "5,0–7,5 ‰" (formatted like every other figure, see i18n/format.ts); the lower bound belongs to the class. */
export function classLabels(breaks: ClassBreaks, ind: Pick<Indicator, 'unit'>, lang: Lang): string[] {
	const fmt = (v: number) => formatNumber(v, breaks.decimals, lang);
	const unit = ind.unit[lang];
	const labels: string[] = [];
	for (let i = 0; i + 1 < breaks.bounds.length; i++) {
		const lo = breaks.bounds[i]!;
		const hi = breaks.bounds[i + 1]!;
		labels.push(withUnit(lo === hi ? fmt(lo) : `${fmt(lo)}–${fmt(hi)}`, unit));
	}
	return labels;
}

/** The point of a series for a year, if any. */
export function pointFor(series: readonly SeriesPoint[] | undefined, year: number): SeriesPoint | undefined {
	return series?.find((p) => p.aar === year);
}

const cache = new WeakMap<WebOverview['omraader'], Map<IndicatorId, ClassBreaks | null>>();

/**
 * Breaks of an overview's areas for an indicator, computed once per overview: the map and its
 * legend both ask, and must agree.
 */
export function breaksForOverview(overview: WebOverview, ind: Indicator): ClassBreaks | null {
	let byIndicator = cache.get(overview.omraader);
	if (!byIndicator) {
		byIndicator = new Map();
		cache.set(overview.omraader, byIndicator);
	}
	if (!byIndicator.has(ind.id)) byIndicator.set(ind.id, classBreaks(collectValues(overview.omraader, ind.id), ind));
	return byIndicator.get(ind.id) ?? null;
}
