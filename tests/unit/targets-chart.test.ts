/**
 * Trend charts with an agreed target and an intervention: the target's straight path from base to
 * target (ending in a diamond), the intervention's start and end as rules, their labels laid out
 * in rows of a band above the frame, and an x axis that reaches the target year when it lies ahead
 * of the data.
 */
import type * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { trendOptions, type TrendSeries } from '../../src/lib/charts/trend.ts';
import { layoutAnnotations } from '../../src/lib/charts/trend-annotations.ts';
import { indicator } from '../../src/lib/core/indicators.ts';

type AnyMark = Plot.Mark & { data?: unknown; stroke?: string; fill?: string };
const marksOf = (options: Plot.PlotOptions) => (options.marks ?? []).flat(Infinity as 1) as AnyMark[];

const series: TrendSeries[] = [
	{
		key: 'omraade',
		label: 'Svalehøj',
		isUnit: true,
		points: [2022, 2023, 2024, 2025].map((aar, i) => ({ aar, vaerdi: 38 - i, diskretioneret: false }))
	}
];
const base = {
	indicator: indicator('uden_for_arbejdsmarked'),
	lang: 'da' as const,
	series,
	years: [2022, 2023, 2024, 2025],
	year: 2025,
	width: 600
};

describe('a trend chart with a target and an intervention', () => {
	const options = trendOptions({
		...base,
		targets: [{ label: 'Mål: højst 30 % i 2027', basisaar: 2023, basisvaerdi: 38.1, maalaar: 2027, maalvaerdi: 30 }],
		interventions: [{ label: 'Helhedsplan for Svalehøj', startaar: 2018, slutaar: 2023 }]
	});

	it('reaches from the intervention’s start to the target year on the x axis, every year a candidate tick', () => {
		expect((options.x as { domain: number[] }).domain).toEqual([2018, 2027]);
	});

	it('draws the target as a path from base to target ending in a diamond', () => {
		const path = marksOf(options).find((m) => m.constructor.name === 'Line' && JSON.stringify(m.data).includes('38.1'));
		expect(path?.data).toEqual([
			{ aar: 2023, vaerdi: 38.1 },
			{ aar: 2027, vaerdi: 30 }
		]);
		expect(
			marksOf(options).some((m) => m.constructor.name === 'Dot' && JSON.stringify(m.data) === JSON.stringify([{ aar: 2027, vaerdi: 30 }]))
		).toBe(true);
	});

	it('marks the start and the end of the intervention with rules', () => {
		const rule = marksOf(options).find((m) => m.constructor.name === 'RuleX' && JSON.stringify(m.data) === '[2018,2023]');
		expect(rule).toBeDefined();
	});

	it('puts the labels in a band above the frame: three labels that fit in one row here, 15 + 20 px', () => {
		// x: 2018 → 48 px, 2027 → 584 px (600 - 16), 59,6 px a year. "Helhedsplan for Svalehøj begynder"
		// (33 characters, 217,8 px) at 48 runs right to 268,8; "slut" at 2023 = 345,8 fits beside it
		// in row 0 (345,8 ≥ 268,8 + 8); the target (22 characters bold, 159,7 px) at 2027 = 584 runs
		// left to 421,3 and would touch "slut" (345,8 to 374,2 + 8) only if it reached 382,2: row 0 too.
		expect(options.marginTop).toBe(15 + 20);
	});

	it('leaves the axis and the top margin to the data when there is nothing to mark', () => {
		expect((trendOptions(base).x as { domain: number[] }).domain).toEqual([2022, 2025]);
		expect(trendOptions(base).marginTop).toBeUndefined();
		expect((trendOptions({ ...base, targets: [], interventions: [] }).x as { domain: number[] }).domain).toEqual([2022, 2025]);
	});
});

describe('layoutAnnotations', () => {
	const x = (aar: number) => (aar - 2010) * 40; // 40 px a year
	it('stacks labels that would overlap in rows, and turns a label left at the right edge', () => {
		const labels = layoutAnnotations(
			[{ label: 'Mål', basisaar: 2020, basisvaerdi: 5, maalaar: 2025, maalvaerdi: 3 }],
			[
				{ label: 'Plan A', startaar: 2012, slutaar: null },
				{ label: 'Plan B', startaar: 2013, slutaar: 2024 }
			],
			x,
			600
		);
		// "Plan A begynder" 15 × 6,6 = 99 px from 80; "Plan B begynder" at 120 overlaps it: row 1;
		// "slut" at 560 (3 + 4 × 6,6 = 29,4 ≤ 40 left to the edge at 600) runs right, 560 to 589,4, row 0;
		// "Mål" (bold, 3 × 7,26 = 21,8) at 600 turns left: 575,2 to 600, over "slut": row 1.
		expect(labels.map((l) => [l.text, l.row, l.anchor])).toEqual([
			['Plan A begynder', 0, 'start'],
			['Plan B begynder', 1, 'start'],
			['slut', 0, 'start'],
			['Mål', 1, 'end']
		]);
		expect(labels.at(-1)).toMatchObject({ kind: 'target', aar: 2025, vaerdi: 3 });
	});
});
