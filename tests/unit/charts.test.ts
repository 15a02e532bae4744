/**
 * The pure chart builders (src/lib/charts/trend.ts and peers.ts): series, gaps, colours, formats
 * and labels, checked on the Plot options without drawing.
 */
import { describe, expect, it } from 'vitest';
import type * as Plot from '@observablehq/plot';
import { trendData, trendOptions, yearTicks, type TrendSeries } from '../../src/lib/charts/trend.ts';
import { peerBars, peersOptions } from '../../src/lib/charts/peers.ts';
import { HIGHLIGHT, MUTED, OKABE_ITO } from '../../src/lib/charts/palette.ts';
import type { PeerRow } from '../../src/lib/db/queries/peers.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { indicator } from '../../src/lib/core/indicators.ts';

/** `~` marks the no-break space between a number and its unit. */
const s = (text: string) => text.replaceAll('~', NBSP);
const vacancy = indicator('ledighed');
const series: TrendSeries[] = [
	{
		key: 'afdeling',
		label: '<img src=x onerror=alert(1)>',
		isUnit: true,
		points: [
			{ aar: 2022, vaerdi: 20, diskretioneret: false },
			{ aar: 2023, vaerdi: 0, diskretioneret: false },
			{ aar: 2024, vaerdi: null, diskretioneret: false }
		]
	},
	{
		key: 'land',
		label: 'Hele landet',
		isUnit: false,
		points: [
			{ aar: 2022, vaerdi: 7, diskretioneret: false },
			{ aar: 2023, vaerdi: 6.8, diskretioneret: false },
			{ aar: 2024, vaerdi: 6.5, diskretioneret: false }
		]
	}
];
type AnyMark = Record<string, unknown> & { constructor: { name: string } };
const marksOf = (options: Plot.PlotOptions) => (options.marks ?? []) as unknown as AnyMark[];

describe('trendData', () => {
	it('turns missing and suppressed values into gaps (NaN), never 0, and writes da-DK tips', () => {
		const [unit, country] = trendData({ indicator: vacancy, lang: 'da', series });
		expect(unit!.map((d) => d.vaerdi)).toEqual([20, 0, NaN]);
		expect(unit![0]!.tip).toBe(s('<img src=x onerror=alert(1)>\n2022: 20,0~‰'));
		expect(unit![2]!.tip).toBe('<img src=x onerror=alert(1)>\n2024: – (mangler)');
		expect(country![2]!.tip).toBe(s('Hele landet\n2024: 6,5~‰'));
		const suppressed = trendData({
			indicator: indicator('uden_for_arbejdsmarked'),
			lang: 'en',
			series: [{ ...series[0]!, points: [{ aar: 2024, vaerdi: 31, diskretioneret: true }] }]
		});
		expect(suppressed[0]![0]!.vaerdi).toBeNaN();
		expect(suppressed[0]![0]!.tip).toBe('<img src=x onerror=alert(1)>\n2024: – (suppressed: could reveal fewer than 5 persons)');
	});
});

describe('a year no file holds', () => {
	// The input has 2019, 2020, 2022 and 2023; 2021 is in no file, so no series has a point for it.
	const holed: TrendSeries[] = [
		{
			key: 'afdeling',
			label: 'Søparken',
			isUnit: true,
			points: [
				{ aar: 2023, vaerdi: 12, diskretioneret: false },
				{ aar: 2019, vaerdi: 10, diskretioneret: false },
				{ aar: 2020, vaerdi: 11, diskretioneret: false },
				{ aar: 2022, vaerdi: 9, diskretioneret: false }
			]
		}
	];
	it('is a gap in the line, not a bridge from 2020 to 2022', () => {
		const [unit] = trendData({ indicator: vacancy, lang: 'da', series: holed });
		expect(unit!.map((d) => d.aar)).toEqual([2019, 2020, 2021, 2022, 2023]);
		expect(unit!.map((d) => d.vaerdi)).toEqual([10, 11, NaN, 9, 12]);
		expect(unit![2]!.tip).toBe('Søparken\n2021: – (mangler)');
	});
	it('has its own tick on the axis', () => {
		const options = trendOptions({
			indicator: vacancy,
			lang: 'da',
			series: holed,
			years: [2019, 2020, 2022, 2023],
			year: 2023,
			width: 640
		});
		expect((options.x as { ticks: number[] }).ticks).toEqual([2019, 2020, 2021, 2022, 2023]);
	});
});

describe('yearTicks', () => {
	it('shows every year when there is room and thins out from the latest year when not', () => {
		expect(yearTicks([2024, 2022, 2023], 600)).toEqual([2022, 2023, 2024]);
		const years = Array.from({ length: 16 }, (_, i) => 2010 + i);
		// 400 px fits 7 ticks: every third year, ending on 2025
		expect(yearTicks(years, 400)).toEqual([2010, 2013, 2016, 2019, 2022, 2025]);
	});
});

describe('trendOptions', () => {
	const options = trendOptions({ indicator: vacancy, lang: 'da', series, years: [2022, 2023, 2024], year: 2024, width: 600 });

	it('draws a line and dots per series in the palette, the unit strongest, and a tooltip', () => {
		const lines = marksOf(options).filter((m) => m.constructor.name === 'Line');
		expect(lines.map((m) => [m.stroke, m.strokeWidth, m.strokeDasharray])).toEqual([
			[OKABE_ITO.blue, 3, undefined],
			[OKABE_ITO.black, 1.5, '4 4']
		]);
		expect(marksOf(options).filter((m) => m.constructor.name === 'Dot')).toHaveLength(2);
		expect(marksOf(options).filter((m) => m.constructor.name === 'Tip')).toHaveLength(1);
		expect(marksOf(options).filter((m) => m.constructor.name === 'RuleX')).toHaveLength(1); // the chosen year
	});

	it('formats ticks da-DK and years without a thousands separator', () => {
		const x = options.x as { tickFormat: (d: number) => string; domain: number[] };
		const y = options.y as { tickFormat: (d: number) => string; label: string; zero: boolean };
		expect(x.tickFormat(2024)).toBe('2024');
		expect(x.domain).toEqual([2022, 2024]);
		expect(y.tickFormat(2.5)).toBe('2,5');
		expect(y.tickFormat(1000)).toBe('1.000');
		expect(y.label).toBe('‰');
		expect(y.zero).toBe(true);
	});

	it('describes the chart for screen readers', () => {
		expect(options.ariaLabel).toBe('Linjediagram over Ledighed (‰) 2022-2024: <img src=x onerror=alert(1)>, Hele landet.');
		const en = trendOptions({ indicator: vacancy, lang: 'en', series, years: [2022, 2024], year: null, width: 300 });
		expect(en.ariaLabel).toBe('Line chart of Vacancy (‰) 2022-2024: <img src=x onerror=alert(1)>, Hele landet.');
		expect(marksOf(en).filter((m) => m.constructor.name === 'RuleX')).toHaveLength(0);
	});

	it('gives a score its 1-5 scale instead of a zero baseline', () => {
		const score = trendOptions({
			indicator: indicator('vedligeholdelsesstand'),
			lang: 'da',
			series,
			years: [2022],
			year: null,
			width: 300
		});
		expect((score.y as { domain: number[] }).domain).toEqual([1, 5]);
		expect(marksOf(score).filter((m) => m.constructor.name === 'RuleY')).toHaveLength(0);
	});
});

const peers: PeerRow[] = [
	{ afdeling_id: 'A5', afdeling_navn: 'Engstien', omraade_id: null, boligorganisation_id: 'B2', vaerdi: 40, diskretioneret: false },
	{ afdeling_id: 'A1', afdeling_navn: 'Vestparken 1', omraade_id: 'O1', boligorganisation_id: 'B1', vaerdi: 20, diskretioneret: false },
	{ afdeling_id: 'A3', afdeling_navn: 'Tårnhusene', omraade_id: 'O1', boligorganisation_id: 'B2', vaerdi: 20, diskretioneret: false },
	{ afdeling_id: 'A2', afdeling_navn: 'Vestparken 2', omraade_id: 'O1', boligorganisation_id: 'B1', vaerdi: 0, diskretioneret: false },
	{ afdeling_id: 'A4', afdeling_navn: '<b>x</b>', omraade_id: 'O2', boligorganisation_id: 'B2', vaerdi: null, diskretioneret: true },
	{ afdeling_id: 'A6', afdeling_navn: 'Ny', omraade_id: 'O2', boligorganisation_id: 'B2', vaerdi: null, diskretioneret: false }
];

describe('peerBars', () => {
	it('keeps departments with a value, highest first, ties sharing a rank', () => {
		const bars = peerBars({ indicator: vacancy, lang: 'da', rows: peers, highlighted: new Set(['A1', 'A2']) });
		expect(bars.map((b) => [b.id, b.rank, b.highlighted])).toEqual([
			['A5', 1, false],
			['A1', 2, true],
			['A3', 2, false],
			['A2', 4, true]
		]);
		expect(bars[0]!.tip).toBe(s('Engstien\n40,0~‰'));
	});
});

describe('peersOptions', () => {
	const options = peersOptions({
		indicator: vacancy,
		lang: 'da',
		year: 2023,
		rows: peers,
		highlighted: new Set(['A1']),
		unitLabel: 'Vestparken 1',
		reference: { label: 'Aarhus Kommune', value: 10 },
		width: 900
	});

	it('orders the bars by value, colours the unit, and marks it with a dot', () => {
		expect((options.x as { domain: string[] }).domain).toEqual(['A5', 'A1', 'A3', 'A2']);
		const bar = marksOf(options).find((m) => m.constructor.name === 'BarY')!;
		const fill = (bar.channels as { fill: { value: (d: { highlighted: boolean }) => string } }).fill.value;
		expect(fill({ highlighted: true })).toBe(HIGHLIGHT);
		expect(fill({ highlighted: false })).toBe(MUTED);
		const dot = marksOf(options).find((m) => m.constructor.name === 'Dot')!;
		expect((dot.data as { id: string }[]).map((d) => d.id)).toEqual(['A1']);
	});

	it('keeps bars narrow when there are few departments', () => {
		// 64 px for the axis, 4 bars of 48 px, and the label "Aarhus Kommune: 10,0 ‰" (22 characters) at 7 px
		expect(options.width).toBe(64 + (16 + 22 * 7) + 4 * 48);
	});

	it('labels the municipality line in da-DK and describes the chart', () => {
		const text = marksOf(options).find((m) => m.constructor.name === 'Text')!;
		const label = (text.channels as { text: { value: (d: unknown) => string } }).text.value;
		expect(label({ label: 'Aarhus Kommune', value: 10 })).toBe(s('Aarhus Kommune: 10,0~‰'));
		expect(options.ariaLabel).toBe('Søjlediagram over Ledighed (‰) i 2023 for 4 afdelinger, højeste først. Markeret: Vestparken 1.');
	});
});
