/**
 * Trend charts with an agreed target and an intervention: the target's straight path from base to
 * target (ending in a diamond, labelled), the intervention's start and end as rules, and an x axis
 * that reaches the target year when it lies ahead of the data.
 */
import type * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { trendOptions, type TrendSeries } from '../../src/lib/charts/trend.ts';
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

	it('draws the target as a path from base to target with a labelled end', () => {
		const path = marksOf(options).find((m) => m.constructor.name === 'Line' && JSON.stringify(m.data).includes('38.1'));
		expect(path?.data).toEqual([
			{ aar: 2023, vaerdi: 38.1 },
			{ aar: 2027, vaerdi: 30 }
		]);
		const label = marksOf(options).find((m) => m.constructor.name === 'Text' && JSON.stringify(m.data).includes('Mål:'));
		expect(label?.data).toEqual([{ aar: 2027, vaerdi: 30, text: 'Mål: højst 30 % i 2027' }]);
		expect(
			marksOf(options).some((m) => m.constructor.name === 'Dot' && JSON.stringify(m.data) === JSON.stringify([{ aar: 2027, vaerdi: 30 }]))
		).toBe(true);
	});

	it('marks the start and the end of the intervention', () => {
		const rule = marksOf(options).find((m) => m.constructor.name === 'RuleX' && JSON.stringify(m.data).includes('Helhedsplan'));
		expect(rule?.data).toEqual([
			{ aar: 2018, text: 'Helhedsplan for Svalehøj begynder' },
			{ aar: 2023, text: 'slut' }
		]);
	});

	it('leaves the axis to the data when there is nothing to mark', () => {
		expect((trendOptions(base).x as { domain: number[] }).domain).toEqual([2022, 2025]);
		expect((trendOptions({ ...base, targets: [], interventions: [] }).x as { domain: number[] }).domain).toEqual([2022, 2025]);
	});
});
