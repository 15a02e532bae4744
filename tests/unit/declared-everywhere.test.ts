/**
 * A declared indicator in the pure parts that print or draw it (issue 15): the agenda's key-figure
 * table, the export captions, the target form's label and the trend chart treat it by what it is,
 * not as the built-in score. A declared figure without a unit that is a ratio (residents per
 * dwelling) is printed bare and drawn from 0; the maintenance state (a weighted mean on 1-5) stays
 * "skala 1–5" with no zero line. Expected texts are written out by hand.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keyFigureTable } from '../../src/lib/agenda/agenda-tables.ts';
import { trendOptions } from '../../src/lib/charts/trend.ts';
import { BUILTIN_DECLARATIONS } from '../../src/lib/core/builtin-indicators.ts';
import { declareIndicator, type IndicatorDeclaration } from '../../src/lib/core/indicator-declaration.ts';
import { indicator, isScore, useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { unitText } from '../../src/lib/formats/export-meta.ts';
import { supervisionStrings } from '../../src/lib/i18n/supervision-strings.ts';

const base: IndicatorDeclaration = BUILTIN_DECLARATIONS[0]!;
/** Residents per dwelling: a ratio of sums, no unit, no range given. */
const perDwelling = declareIndicator({
	...base,
	indikator: 'beboere_pr_bolig',
	navn: 'Beboere pr. bolig',
	navn_en: 'Residents per dwelling',
	enhed: '',
	enhed_en: '',
	art: 'forhold',
	taeller: 'beboere',
	naevner: 'boliger',
	skala: '1',
	decimaler: '2',
	min: '',
	maks: ''
}).indicator!;
/** A rating 0-10 weighted by dwellings: a declared score. */
const rating = declareIndicator({
	...base,
	indikator: 'tilfredshed',
	navn: 'Tilfredshed',
	navn_en: 'Satisfaction',
	enhed: '',
	enhed_en: '',
	art: 'vaegtet_gennemsnit',
	taeller: 'tilfredshed',
	naevner: 'boliger',
	skala: '1',
	min: '0',
	maks: '10'
}).indicator!;

beforeAll(() => useDeclaredIndicators([perDwelling, rating]));
afterAll(() => useDeclaredIndicators([]));

describe('a declared indicator without a unit', () => {
	it('is a score only when it is a weighted mean on a declared range', () => {
		expect(isScore(indicator('vedligeholdelsesstand'))).toBe(true);
		expect(isScore(rating)).toBe(true);
		expect(isScore(perDwelling)).toBe(false);
		expect(isScore(indicator('ledighed'))).toBe(false);
	});

	it('is captioned bare, a score with its own scale, in both languages', () => {
		expect(unitText(perDwelling, 'da')).toBe('');
		expect(unitText(rating, 'da')).toBe('skala 0–10');
		expect(unitText(indicator('vedligeholdelsesstand'), 'en')).toBe('scale 1–5');
		expect(supervisionStrings('da').baseValue(unitText(perDwelling, 'da'))).toBe('Basisværdi');
		expect(supervisionStrings('en').baseValue(unitText(indicator('ledighed'), 'en'))).toBe('Base value (‰)');
	});

	it("gets its own name, not the maintenance state's scale, in the agenda's key-figure table", () => {
		const point = (aar: number, vaerdi: number) => ({ aar, vaerdi, diskretioneret: false });
		const series = { beboere_pr_bolig: [point(2023, 1.8), point(2024, 1.95)], tilfredshed: [point(2024, 7)] };
		const table = keyFigureTable('Nøgletal', series, { label: 'Kommunen', series: {} }, ['beboere_pr_bolig', 'tilfredshed'], 2024);
		expect(table.rows.map((r) => r[0])).toEqual(['Beboere pr. bolig', 'Tilfredshed (skala 0–10)']);
		// 1,95 - 1,80 = 0,15 with the declared two decimals.
		expect(String(table.rows[0]![3]).replaceAll('\u00a0', ' ')).toBe('+0,15');
	});

	it('is drawn from 0 like every ratio; a score keeps its range and no zero line', () => {
		const input = (ind: typeof perDwelling) => ({
			indicator: ind,
			lang: 'da' as const,
			series: [{ key: 'afdeling' as const, label: 'Afdeling', isUnit: true, points: [{ aar: 2024, vaerdi: 2, diskretioneret: false }] }],
			years: [2024],
			year: 2024,
			width: 600
		});
		const ratio = trendOptions(input(perDwelling));
		expect(ratio.y).toMatchObject({ zero: true });
		const score = trendOptions(input(rating));
		expect(score.y).toMatchObject({ domain: [0, 10] });
	});
});

describe("a declared indicator's source", () => {
	it('is shown in English from kilde_en, and in Danish where kilde_en is empty', () => {
		expect(perDwelling.source).toEqual({ da: base.kilde, en: base.kilde_en });
		expect(base.kilde_en).toBe('Landsbyggefonden (LBF), vacancy statistics; the municipality’s own data');
		const danishOnly = declareIndicator({ ...base, indikator: 'kun_dansk', kilde: 'Kommunens egne tal', kilde_en: '' }).indicator!;
		expect(danishOnly.source).toEqual({ da: 'Kommunens egne tal', en: 'Kommunens egne tal' });
	});

	it('reads a row published by an ingest from before kilde_en, which lacks the column, with the Danish in both', () => {
		const { kilde_en: _dropped, ...earlier } = { ...base, indikator: 'tidligere' };
		const read = declareIndicator(earlier as IndicatorDeclaration).indicator!;
		expect(read.source).toEqual({ da: base.kilde, en: base.kilde });
	});
});
