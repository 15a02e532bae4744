/**
 * Class breaks of the area map. Every expected bound below is worked out by hand in the comments:
 * quantiles are R-7 (d3's default): h = (n - 1) * p, q = x[floor h] + frac(h) * (x[floor h + 1] - x[floor h]),
 * then rounded to the nearest multiple of the step. Labels put a no-break space before the unit,
 * like every figure on the dashboard (i18n/format.ts).
 */
import { describe, expect, it } from 'vitest';
import {
	breaksForOverview,
	classBreaks,
	classIndex,
	classLabels,
	collectValues,
	niceStep,
	palette,
	roundTo
} from '../../src/lib/map/classes.ts';
import { indicator, INDICATOR_IDS, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { SeriesPoint, WebOverview } from '../../src/lib/core/output-contract.ts';

const ledighed = indicator('ledighed'); // ‰, 1 decimal, higher is worse
const husleje = indicator('husleje'); // kr./m², 0 decimals, higher is worse
const vedligehold = indicator('vedligeholdelsesstand'); // score, 1 decimal, lower is worse

// ColorBrewer YlOrRd, 5 classes and 3 classes (light to dark), as published by ColorBrewer.
const YLORRD5 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const YLORRD3 = ['#ffeda0', '#feb24c', '#f03b20'];

describe('niceStep', () => {
	it('takes the largest of 5, 2.5, 2, 1 × 10ⁿ not above the target', () => {
		expect(niceStep(4, 1)).toBe(2.5);
		expect(niceStep(2, 1)).toBe(2);
		expect(niceStep(60, 0)).toBe(50);
		expect(niceStep(1.5, 0)).toBe(1);
	});
	it('skips 2.5 × 10ⁿ when the indicator cannot print its last digit', () => {
		// 0.25 needs two decimals; the maintenance score shows one, so 0.2.
		expect(niceStep(0.25, 1)).toBe(0.2);
		// 2.5 needs one decimal; rent shows none, so 2.
		expect(niceStep(3, 0)).toBe(2);
	});
	it('is never finer than the last printed decimal', () => {
		expect(niceStep(0.01, 1)).toBe(0.1);
		expect(niceStep(0, 0)).toBe(1);
	});
});

describe('classBreaks', () => {
	it('vacancy: rounded quantiles on a step of 2 ‰', () => {
		// sorted 2 4 5 6 7 8 9 11 14 22 (n = 10); range 20, target step 20 / (2·5) = 2 → step 2
		// p=.2: h=1.8 → 4 + .8·1 = 4.8 → 4;  p=.4: h=3.6 → 6 + .6·1 = 6.6 → 6
		// p=.6: h=5.4 → 8 + .4·1 = 8.4 → 8;  p=.8: h=7.2 → 11 + .2·3 = 11.6 → 12
		// outer bounds: floor(2/2)·2 = 2, ceil(22/2)·2 = 22
		const values = [14, null, 2, 9, 22, 5, 7, null, 11, 4, 6, 8];
		const b = classBreaks(values, ledighed)!;
		expect(b.bounds).toEqual([2, 4, 6, 8, 12, 22]);
		expect(b.colors).toEqual(YLORRD5);
		expect(classLabels(b, ledighed, 'da')).toEqual([
			'2,0–4,0\u00a0‰',
			'4,0–6,0\u00a0‰',
			'6,0–8,0\u00a0‰',
			'8,0–12,0\u00a0‰',
			'12,0–22,0\u00a0‰'
		]);
		expect(classLabels(b, ledighed, 'en')[3]).toBe('8.0–12.0\u00a0‰');
	});

	it('rent: a step of 50 kr./m² and a thousands separator', () => {
		// sorted 650 800 900 1000 1250 (n = 5); range 600, target 60 → step 50
		// p=.2: h=.8 → 650 + .8·150 = 770 → 750;  p=.4: h=1.6 → 800 + .6·100 = 860 → 850
		// p=.6: h=2.4 → 900 + .4·100 = 940 → 950; p=.8: h=3.2 → 1000 + .2·250 = 1050 → 1050
		const b = classBreaks([1000, 650, 1250, 900, 800], husleje)!;
		expect(b.bounds).toEqual([650, 750, 850, 950, 1050, 1250]);
		expect(classLabels(b, husleje, 'da')).toEqual([
			'650–750\u00a0kr./m²',
			'750–850\u00a0kr./m²',
			'850–950\u00a0kr./m²',
			'950–1.050\u00a0kr./m²',
			'1.050–1.250\u00a0kr./m²'
		]);
		expect(classLabels(b, husleje, 'en')[4]).toBe('1,050–1,250\u00a0DKK/m²');
	});

	it('maintenance score: lower is worse, so the darkest colour is the lowest class; no unit', () => {
		// sorted 2.1 2.4 3.0 3.4 4.0 4.6 (n = 6); range 2.5, target 0.25 → 0.2 (0.25 not printable)
		// p=.2: h=1 → 2.4;  p=.4: h=2 → 3.0;  p=.6: h=3 → 3.4;  p=.8: h=4 → 4.0 (all on the 0.2 grid)
		// outer: floor(2.1/0.2)·0.2 = 2.0, ceil(4.6/0.2)·0.2 = 4.6
		const b = classBreaks([3.4, 2.1, 4.6, 3.0, 2.4, 4.0], vedligehold)!;
		expect(b.bounds).toEqual([2, 2.4, 3, 3.4, 4, 4.6]);
		expect(b.colors).toEqual([...YLORRD5].reverse());
		expect(classLabels(b, vedligehold, 'da')).toEqual(['2,0–2,4', '2,4–3,0', '3,0–3,4', '3,4–4,0', '4,0–4,6']);
	});

	it('merges breaks that round together, giving fewer classes', () => {
		// sorted 5 5 5 5 6 (n = 5); range 1, target 0.1 → step 0.1
		// p=.2, .4, .6 → 5.0 (= lower bound, dropped);  p=.8: h=3.2 → 5 + .2·1 = 5.2
		const b = classBreaks([5, 6, 5, 5, 5], ledighed)!;
		expect(b.bounds).toEqual([5, 5.2, 6]);
		expect(b.colors).toEqual([YLORRD3[0], YLORRD3[2]]);
		expect(classLabels(b, ledighed, 'da')).toEqual(['5,0–5,2\u00a0‰', '5,2–6,0\u00a0‰']);
	});

	it('one value gives one class labelled with that value', () => {
		const b = classBreaks([7, null, 7], ledighed)!;
		expect(b.bounds).toEqual([7, 7]);
		expect(b.colors).toEqual([YLORRD3[1]]);
		expect(classLabels(b, ledighed, 'da')).toEqual(['7,0\u00a0‰']);
		expect(classIndex(b, 7)).toBe(0);
	});

	it('no values gives no classes (the map is all "no data")', () => {
		expect(classBreaks([], ledighed)).toBeNull();
		expect(classBreaks([null, Number.NaN], ledighed)).toBeNull();
	});
});

describe('classIndex', () => {
	const b = classBreaks([14, 2, 9, 22, 5, 7, 11, 4, 6, 8], ledighed)!; // bounds 2 4 6 8 12 22

	it('puts a lower bound into its own class and the top value into the last', () => {
		expect(classIndex(b, 2)).toBe(0);
		expect(classIndex(b, 4)).toBe(1);
		expect(classIndex(b, 12)).toBe(4);
		expect(classIndex(b, 22)).toBe(4);
	});
	it('classifies the value as printed, so the tooltip and the legend agree', () => {
		expect(classIndex(b, 5.94)).toBe(1); // shown as 5,9
		expect(classIndex(b, 5.96)).toBe(2); // shown as 6,0
		expect(classIndex(b, 11.96)).toBe(4); // shown as 12,0
	});
	it('gives -1 for missing or suppressed, never a class', () => {
		expect(classIndex(b, null)).toBe(-1);
		expect(classIndex(b, undefined)).toBe(-1);
		expect(classIndex(b, Number.NaN)).toBe(-1);
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

describe('breaksForOverview', () => {
	const series = (pairs: [number, number | null][]): SeriesPoint[] =>
		pairs.map(([aar, vaerdi]) => ({ aar, vaerdi, diskretioneret: vaerdi == null }));
	const values = (ledighedSeries: SeriesPoint[]) =>
		Object.fromEntries(INDICATOR_IDS.map((id) => [id, id === 'ledighed' ? ledighedSeries : []])) as Record<IndicatorId, SeriesPoint[]>;
	// The ten values of the vacancy case above, spread over three areas and three years.
	const overview: WebOverview = {
		kode: '9999',
		navn: 'Testkommune',
		series: {} as WebOverview['series'],
		omraader: [
			{
				id: 'A',
				navn: 'A',
				afdelinger: 1,
				values: values(
					series([
						[2021, 2],
						[2022, 4],
						[2023, null]
					])
				)
			},
			{
				id: 'B',
				navn: 'B',
				afdelinger: 1,
				values: values(
					series([
						[2021, 5],
						[2022, 6],
						[2023, 7],
						[2024, 8]
					])
				)
			},
			{
				id: 'C',
				navn: 'C',
				afdelinger: 1,
				values: values(
					series([
						[2021, 9],
						[2022, 11],
						[2023, 14],
						[2024, 22]
					])
				)
			}
		],
		afdelinger: [],
		bbox: null
	};

	it('uses every year, so a colour means the same value whichever year is shown', () => {
		expect(collectValues(overview.omraader, 'ledighed').sort((a, b) => a - b)).toEqual([2, 4, 5, 6, 7, 8, 9, 11, 14, 22]);
		expect(breaksForOverview(overview, ledighed)!.bounds).toEqual([2, 4, 6, 8, 12, 22]);
	});
	it('computes once per overview and indicator', () => {
		expect(breaksForOverview(overview, ledighed)).toBe(breaksForOverview(overview, ledighed));
		expect(breaksForOverview(overview, husleje)).toBeNull();
	});
});
