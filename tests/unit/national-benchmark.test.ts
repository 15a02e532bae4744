/**
 * The label rule (src/lib/core/national-benchmark.ts): what may be called "Hele landet". Values
 * are Landsbyggefonden's published figures and sums worked out by hand, not the code's output.
 */
import { describe, expect, it } from 'vitest';
import {
	aggregateLabel,
	benchmarkCaption,
	benchmarkSeries,
	countryLabelFor,
	countrySeriesForRules,
	coverageOf,
	nationalBenchmark,
	regionalBenchmark,
	shortSource
} from '../../src/lib/core/national-benchmark.ts';
import { evaluateUnit } from '../../src/lib/focus/evaluate.ts';
import { ratioAgrees, writtenDecimals, type ReferenceRow } from '../../src/lib/core/reference.ts';
import { LBF_VACANCY_2024 } from '../support/lbf-reference.ts';
import { DANISH_MUNICIPALITIES, MUNICIPALITY_REGION, regionOf } from '../../src/lib/core/regions.ts';

const row = (over: Partial<ReferenceRow>): ReferenceRow => ({ ...LBF_VACANCY_2024, ...over });
const LBF_2024 = row({});
const SYD_2024 = row({ niveau: 'region', enhed_id: '1083', enhed_navn: 'Region Syddanmark', taeller: 1008, naevner: 121728, vaerdi: 8.3 });
const YOUTH_2024 = row({ boligtype: 'ungdom', taeller: 710, naevner: 44207, vaerdi: 16.1 });
const LBF_2020 = row({
	aar: 2020,
	periode: 'januar 2020',
	taeller: 1808,
	naevner: null,
	vaerdi: 3.1,
	kilde: 'Landsbyggefonden, LBF orienterer 2020/2 (0,31 %)'
});
const references = [LBF_2024, SYD_2024, YOUTH_2024, LBF_2020];

const ALL = { loaded: 98, total: 98 };
const THREE = { loaded: 3, total: 98 };
const ONE = { loaded: 1, total: 98 };

describe('the label rule', () => {
	it('full coverage, no reference for the year: the sum over the loaded departments is "Hele landet"', () => {
		const b = nationalBenchmark({ indikator: 'ledighed', aar: 2023, aggregate: 6.2, coverage: ALL, references });
		expect(b).toEqual({ kind: 'country', value: 6.2, label: { da: 'Hele landet', en: 'Denmark' } });
		expect(benchmarkCaption(b!, 'da')).toBe('Hele landet');
	});

	it('partial coverage, no reference for the year: "De indlæste kommuner (3 af 98)", never the country', () => {
		const b = nationalBenchmark({ indikator: 'ledighed', aar: 2023, aggregate: 17.0, coverage: THREE, references });
		expect(b).toEqual({
			kind: 'loaded',
			value: 17.0,
			label: { da: 'De indlæste kommuner (3 af 98)', en: 'Loaded municipalities (3 of 98)' }
		});
	});

	it('one municipality, no reference for the year: nothing, for the sum is the municipality itself', () => {
		expect(nationalBenchmark({ indikator: 'ledighed', aar: 2023, aggregate: 5.4, coverage: ONE, references })).toBeNull();
		expect(aggregateLabel(ONE)).toBeNull();
		expect(aggregateLabel({ loaded: 0, total: 98 })).toBeNull();
	});

	it('a reference for the year: LBF’s 6,5 ‰ (3.884 of 596.952) labelled with source and period, whatever the coverage', () => {
		for (const coverage of [ALL, THREE, ONE]) {
			const b = nationalBenchmark({ indikator: 'ledighed', aar: 2024, aggregate: 17.0, coverage, references })!;
			expect(b.kind).toBe('reference');
			expect(b.value).toBe(6.5);
			expect(benchmarkCaption(b, 'da')).toBe('Hele landet, LBF oktober 2024');
			expect(benchmarkCaption(b, 'en')).toBe('Denmark, LBF oktober 2024');
		}
	});

	it('a reference missing for the year but present for others: the rule falls back by coverage for that year', () => {
		expect(nationalBenchmark({ indikator: 'ledighed', aar: 2025, aggregate: 15.3, coverage: ONE, references })).toBeNull();
		expect(nationalBenchmark({ indikator: 'ledighed', aar: 2025, aggregate: 15.3, coverage: THREE, references })?.kind).toBe('loaded');
		// A withheld or missing sum is shown as nothing, not as 0.
		expect(nationalBenchmark({ indikator: 'ledighed', aar: 2025, aggregate: null, coverage: ALL, references })).toBeNull();
	});

	it('a housing type takes its own reference: youth housing 16,1 ‰ (710 of 44.207), not all types’ 6,5 ‰', () => {
		const b = nationalBenchmark({ indikator: 'ledighed', aar: 2024, aggregate: null, coverage: ONE, references, boligtype: 'ungdom' });
		expect(b?.value).toBe(16.1);
		expect(
			nationalBenchmark({ indikator: 'ledighed', aar: 2024, aggregate: null, coverage: ONE, references, boligtype: 'ældre' })
		).toBeNull();
	});

	it('the region’s reference for a municipality of that region only: Odense (Syddanmark) 8,3 ‰, Aarhus (Midtjylland) none', () => {
		const b = regionalBenchmark(references, '0461', 'ledighed', 2024)!;
		expect(benchmarkCaption(b, 'da')).toBe('Region Syddanmark, LBF oktober 2024');
		expect(b.value).toBe(8.3);
		expect(regionalBenchmark(references, '0751', 'ledighed', 2024)).toBeNull();
		expect(regionalBenchmark(references, '0461', 'ledighed', 2023)).toBeNull();
		expect(regionalBenchmark(references, '0411', 'ledighed', 2024)).toBeNull();
	});

	it('coverage counts only Denmark’s 98 municipalities, each once', () => {
		expect(coverageOf(['0461', '0461', '0751', '0411', '9999'], DANISH_MUNICIPALITIES)).toEqual({ loaded: 2, total: 98 });
		expect(coverageOf(DANISH_MUNICIPALITIES, DANISH_MUNICIPALITIES)).toEqual(ALL);
	});

	it('the short source: the publisher before the first comma, LBF for Landsbyggefonden', () => {
		expect(shortSource('Landsbyggefonden, temastatistik 2020:7')).toBe('LBF');
		expect(shortSource('Danmarks Statistik, BOL101')).toBe('DST');
		expect(shortSource('Aarhus Kommune')).toBe('Aarhus Kommune');
	});
});

describe('the country on a trend chart and in the rules', () => {
	const years = [2019, 2020, 2021, 2022, 2023, 2024];
	const sum = years.map((aar, i) => ({ aar, vaerdi: 10 + i, diskretioneret: false }));

	it('draws the reference in the years published only, and the partial sum under its own name', () => {
		const series = benchmarkSeries('ledighed', years, sum, THREE, references);
		expect(series.map((s) => s.label.da)).toEqual(['Hele landet, LBF', 'De indlæste kommuner (3 af 98)']);
		expect(series[0]!.points.map((p) => p.vaerdi)).toEqual([null, 3.1, null, null, null, 6.5]);
		expect(series[1]!.points.map((p) => p.vaerdi)).toEqual([10, 11, 12, 13, 14, 15]);
	});

	it('with one municipality the chart has the reference alone; without references, nothing', () => {
		expect(benchmarkSeries('ledighed', years, sum, ONE, references).map((s) => s.key)).toEqual(['reference']);
		expect(benchmarkSeries('fraflytning', years, sum, ONE, references)).toEqual([]);
		expect(benchmarkSeries('fraflytning', years, sum, ALL, references).map((s) => s.label.da)).toEqual(['Hele landet']);
	});

	it('rules compare with the reference, or the sum only when every municipality is loaded', () => {
		const three = countrySeriesForRules({ ledighed: sum }, THREE, references).ledighed!;
		expect(three.map((p) => [p.aar, p.vaerdi])).toEqual([
			[2019, null],
			[2020, 3.1],
			[2021, null],
			[2022, null],
			[2023, null],
			[2024, 6.5]
		]);
		const all = countrySeriesForRules({ ledighed: sum }, ALL, references).ledighed!;
		expect(all.map((p) => p.vaerdi)).toEqual([10, 3.1, 12, 13, 14, 6.5]);
		// Each point names its source, which the reasons print beside the figure.
		expect(three[5]!.kilde?.da).toBe('LBF oktober 2024');
		expect(three[1]!.kilde?.da).toBe('LBF januar 2020');
		expect(three[0]!.kilde).toBeUndefined();
		expect(all[0]!.kilde?.da).toBe('alle 98 kommuner i data');
		const reason = evaluateUnit(
			{
				navn: 'Afstand',
				kilde: '',
				enheder: ['afdeling'],
				noter: [],
				regler: [{ type: 'afstand', indikator: 'ledighed', sammenligning: '>=', faktor: 1.5, reference: 'land' }]
			},
			{
				kind: 'afdeling',
				id: 'X',
				navn: 'X',
				organisationer: [],
				series: { ledighed: [{ aar: 2024, vaerdi: 13, diskretioneret: false }] }
			},
			{ aar: 2024, reference: { land: { ledighed: three } } }
		).reasons[0];
		// 13 ≥ 1,5 × 6,5 = 9,75: the reason says whose 6,5 ‰ it is.
		expect(reason).toBe('Ledighed 13,0\u00a0‰ ≥ 1,5 × landets 6,5\u00a0‰ (LBF oktober 2024)');
		expect(countryLabelFor(references, 'ledighed', years, 'da')).toBe('Hele landet, LBF');
		expect(countryLabelFor(references, 'husleje', years, 'da')).toBe('Hele landet');
	});
});

describe('reference figures: agreement and regions', () => {
	it('taeller/naevner agree with vaerdi at the precision written', () => {
		// 3884 / 596952 × 1000 = 6,5063 ‰: rounds to 6,5, not to 6,6 or 6,51.
		expect(ratioAgrees(3884, 596952, 6.5, 1, 1000)).toBe(true);
		expect(ratioAgrees(3884, 596952, 6.6, 1, 1000)).toBe(false);
		expect(ratioAgrees(3884, 596952, 6.51, 2, 1000)).toBe(true);
		expect(ratioAgrees(3884, 596952, 6.5, 2, 1000)).toBe(false);
		// 1620 / 124282 × 1000 = 13,035 ‰ written "13,0".
		expect(ratioAgrees(1620, 124282, 13.0, 1, 1000)).toBe(true);
		expect(ratioAgrees(1, 0, 0, 1, 1000)).toBe(false);
	});

	it('counts the decimals as written, by the file’s decimal mark', () => {
		expect(writtenDecimals('6,5', 6.5, ',')).toBe(1);
		expect(writtenDecimals('13,0', 13, ',')).toBe(1);
		expect(writtenDecimals('833', 833, ',')).toBe(0);
		expect(writtenDecimals('1.117', 1117, ',')).toBe(0);
		expect(writtenDecimals('6.5', 6.5, ',')).toBe(1);
		expect(writtenDecimals('6.50', 6.5, '.')).toBe(2);
	});

	it('puts each of the 98 municipalities in one of the five regions', () => {
		expect(DANISH_MUNICIPALITIES).toHaveLength(98);
		expect(Object.keys(MUNICIPALITY_REGION)).toHaveLength(98);
		expect(new Set(Object.values(MUNICIPALITY_REGION))).toEqual(new Set(['1081', '1082', '1083', '1084', '1085']));
		// Spot checks against Danmarks Statistik's list: Bornholm in Hovedstaden, Horsens in Midtjylland,
		// Vejle in Syddanmark, Greve in Sjælland, Morsø in Nordjylland.
		expect(['0400', '0615', '0630', '0253', '0773'].map(regionOf)).toEqual(['1084', '1082', '1083', '1085', '1081']);
		expect(regionOf('0411')).toBeNull();
	});
});
