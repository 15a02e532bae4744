/**
 * Class breaks of the area map: one fixed set per indicator (scales.ts), the same for every
 * municipality and year. The expected bounds are the published figures and their multiples, worked
 * out by hand in the comments. Labels put a no-break space before the unit, like every figure on
 * the dashboard (i18n/format.ts).
 */
import { describe, expect, it } from 'vitest';
import { breaksForOverview, classIndex, classLabels, colorFor, palette, roundTo } from '../../src/lib/map/classes.ts';
import { scaleFor } from '../../src/lib/map/scales.ts';
import { indicator, INDICATOR_IDS, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { SeriesPoint, WebOverview } from '../../src/lib/core/output-contract.ts';

const ledighed = indicator('ledighed'); // ‰, 1 decimal, higher is worse
const husleje = indicator('husleje'); // kr./m², 0 decimals, higher is worse
const vedligehold = indicator('vedligeholdelsesstand'); // score, 1 decimal, lower is worse
const henlaeggelser = indicator('henlaeggelser'); // kr./m², 0 decimals, lower is worse, no published figure
const lejetab = indicator('lejetab'); // kr./m², 1 decimal, no published figure

// ColorBrewer YlOrRd, 5 classes and 4 classes (light to dark), as published by ColorBrewer.
const YLORRD5 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const YLORRD4 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'];

const series = (pairs: [number, number | null][]): SeriesPoint[] => pairs.map(([aar, vaerdi]) => ({ aar, vaerdi, diskretioneret: false }));
/** An overview's `series` with the given country series for every indicator. */
const withLand = (land: SeriesPoint[]): Pick<WebOverview, 'series'> => ({
	series: Object.fromEntries(INDICATOR_IDS.map((id) => [id, { kommune: [] as SeriesPoint[], land }])) as Record<
		IndicatorId,
		{ kommune: SeriesPoint[]; land: SeriesPoint[] }
	>
});

describe('fixed breaks from published figures', () => {
	it('vacancy: ½, 1, 2 and 4 times the national 6,5 ‰, whatever the municipality', () => {
		const a = breaksForOverview(withLand(series([[2024, 3]])), ledighed)!;
		const b = breaksForOverview(withLand(series([[2024, 40]])), ledighed)!;
		expect(a.bounds).toEqual([0, 3, 6.5, 13, 26, Infinity]);
		expect(b.bounds).toEqual(a.bounds);
		expect(a.colors).toEqual(YLORRD5);
		expect(classLabels(a, ledighed, 'da')).toEqual([
			'0,0–3,0\u00a0‰',
			'3,0–6,5\u00a0‰',
			'6,5–13,0\u00a0‰',
			'13,0–26,0\u00a0‰',
			'26,0\u00a0‰ og derover'
		]);
		expect(classLabels(a, ledighed, 'en').at(-1)).toBe('26.0\u00a0‰ or more');
		expect(a.basis.da).toContain('6,5 ‰');
		expect(a.basis.da).toContain('Landsbyggefonden');
	});

	it('rent: classes of 100 kr. around the national 899 kr./m², with a thousands separator', () => {
		const b = breaksForOverview(withLand([]), husleje)!;
		expect(b.bounds).toEqual([0, 750, 850, 950, 1050, Infinity]);
		expect(classLabels(b, husleje, 'da')[4]).toBe('1.050\u00a0kr./m² og derover');
		expect(classIndex(b, 899)).toBe(2);
	});

	it('maintenance score: one class per step of the scale; lower is worse, so the lowest class is darkest', () => {
		const b = breaksForOverview(withLand([]), vedligehold)!;
		expect(b.bounds).toEqual([1, 2, 3, 4, 5]);
		expect(b.colors).toEqual([...YLORRD4].reverse());
		expect(classLabels(b, vedligehold, 'da')).toEqual(['1,0–2,0', '2,0–3,0', '3,0–4,0', '4,0–5,0']);
		expect(classIndex(b, 5)).toBe(3);
	});

	it('outside the labour market: the statutory 30 % and 40 % are bounds', () => {
		const b = breaksForOverview(withLand([]), indicator('uden_for_arbejdsmarked'))!;
		expect(b.bounds).toContain(30);
		expect(b.bounds).toContain(40);
		expect(classIndex(b, 40)).toBe(classIndex(b, 45));
		expect(classIndex(b, 39.9)).toBe(classIndex(b, 30));
	});
});

describe('breaks from the country figure in the data', () => {
	it('provisions: ½, 0,8, 1¼ and 2 times the median of the national series, two significant digits', () => {
		// national values 100, 120, 140 → median 120; × .5 .8 1.25 2 → 60 96 150 240
		const b = breaksForOverview(
			withLand(
				series([
					[2021, 140],
					[2022, 100],
					[2023, 120],
					[2024, null]
				])
			),
			henlaeggelser
		)!;
		expect(b.bounds).toEqual([0, 60, 96, 150, 240, Infinity]);
		expect(b.basis.da).toContain('120 kr./m²');
		expect(b.basis.da).toContain('2021–2023');
	});

	it('loss from vacancy: one decimal kept, e.g. median 5,4 → 2,7 4,3 6,8 11', () => {
		// 5.4 × .5 = 2.7; × .8 = 4.32 → 4.3; × 1.25 = 6.75 → 6.8; × 2 = 10.8 → 11 (two digits)
		const b = scaleFor(lejetab, series([[2021, 5.4]]))!;
		expect(b.bounds).toEqual([0, 2.7, 4.3, 6.8, 11, Infinity]);
	});

	it('no national value gives no classes (the map is all "no data")', () => {
		expect(breaksForOverview(withLand([]), henlaeggelser)).toBeNull();
		expect(breaksForOverview(withLand(series([[2024, null]])), lejetab)).toBeNull();
	});
});

describe('classIndex and colorFor', () => {
	const b = breaksForOverview(withLand([]), ledighed)!; // 0 3 6.5 13 26 ∞

	it('puts a lower bound into its own class and any value beyond the last bound into the last', () => {
		expect(classIndex(b, 0)).toBe(0);
		expect(classIndex(b, 3)).toBe(1);
		expect(classIndex(b, 6.5)).toBe(2);
		expect(classIndex(b, 26)).toBe(4);
		expect(classIndex(b, 400)).toBe(4);
	});
	it('classifies the value as printed, so the tooltip and the legend agree', () => {
		expect(classIndex(b, 6.44)).toBe(1); // shown as 6,4
		expect(classIndex(b, 6.46)).toBe(2); // shown as 6,5
	});
	it('gives -1 and no colour for missing or suppressed, never a class', () => {
		expect(classIndex(b, null)).toBe(-1);
		expect(classIndex(b, undefined)).toBe(-1);
		expect(classIndex(b, Number.NaN)).toBe(-1);
		expect(colorFor(b, null)).toBeNull();
		expect(colorFor(b, 7)).toBe(YLORRD5[2]);
	});
});

describe('palette', () => {
	it('runs light to dark when higher is worse and dark to light when lower is worse', () => {
		expect(palette(5, 'higher')).toEqual(YLORRD5);
		expect(palette(5, 'lower')).toEqual(['#bd0026', '#f03b20', '#fd8d3c', '#fecc5c', '#ffffb2']);
		expect(palette(1, 'lower')).toEqual(['#feb24c']);
	});
});

describe('roundTo', () => {
	it('rounds half away from zero like the labels', () => {
		expect(roundTo(2.45, 1)).toBe(2.5);
		expect(roundTo(0.05, 1)).toBe(0.1);
		expect(roundTo(1249.5, 0)).toBe(1250);
	});
});
