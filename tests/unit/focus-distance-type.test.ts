/**
 * Distance rules by housing type (issue 11): a rule comparing a department with the country
 * ("ledighed >= 1,5 × landets niveau") takes LBF's published national figure for the department's
 * housing type where one exists (vacancy, October 2024: family 6,1 ‰, elderly 1,9 ‰, youth 16,1 ‰),
 * and the all-types figure (6,5 ‰) otherwise; an area and a comparison with the municipality always
 * use the all-types figure. Figures worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { countryByTypeForRules } from '../../src/lib/core/country-by-type.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { evaluateRule, type FocusContext } from '../../src/lib/focus/evaluate.ts';
import type { DistanceRule } from '../../src/lib/focus/rule.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';

const s = (text: string) => text.replaceAll('~', NBSP);
const row = (boligtype: ReferenceRow['boligtype'], vaerdi: number, aar = 2024): ReferenceRow => ({
	niveau: 'land',
	enhed_id: 'DK',
	enhed_navn: 'Hele landet',
	indikator: 'ledighed',
	aar,
	periode: 'oktober 2024',
	boligtype,
	taeller: null,
	naevner: null,
	vaerdi,
	decimaler: 1,
	kilde: 'Landsbyggefonden, ledighedsstatistik, oktober 2024',
	url: ''
});
const references = [row(null, 6.5), row('familie', 6.1), row('ældre', 1.9), row('ungdom', 16.1)];
const vacancy = (vaerdi: number) => ({ ledighed: [{ aar: 2024, vaerdi, diskretioneret: false }] });
const context: FocusContext = {
	aar: 2024,
	reference: { land: vacancy(6.5), kommune: vacancy(5) },
	landByType: countryByTypeForRules(references)
};
const rule: DistanceRule = { type: 'afstand', indikator: 'ledighed', sammenligning: '>=', faktor: 1.5, reference: 'land' };

describe('the country by housing type', () => {
	it('holds only the published figures per type, by year', () => {
		const byType = countryByTypeForRules([
			...references,
			row('ungdom', 15.0, 2023),
			{ ...row('ungdom', 9, 2024), niveau: 'region', enhed_id: '1084' }
		]);
		expect(byType.ungdom?.ledighed).toEqual([
			{ aar: 2023, vaerdi: 15.0, diskretioneret: false },
			{ aar: 2024, vaerdi: 16.1, diskretioneret: false }
		]);
		expect(byType.familie?.ledighed?.map((p) => p.vaerdi)).toEqual([6.1]);
		expect(countryByTypeForRules([row(null, 6.5)])).toEqual({});
	});
});

describe('a distance rule with the country', () => {
	it('judges youth housing by youth housing’s national level: 20,0 ‰ is not 1,5 × 16,1 ‰ (24,15 ‰)', () => {
		// Against all types (1,5 × 6,5 = 9,75 ‰) 20 ‰ would be flagged.
		expect(evaluateRule(rule, vacancy(20), context, 'ungdom').truth).toBe('nej');
		const hit = evaluateRule(rule, vacancy(25), context, 'ungdom');
		expect(hit.truth).toBe('ja');
		expect(hit.findings[0]!.text).toBe(s('25,0~‰ ≥ 1,5 × landets 16,1~‰ (tal for ungdomsboliger)'));
	});

	it('judges housing for the elderly by its own low level: 3,0 ‰ ≥ 1,5 × 1,9 ‰ (2,85 ‰)', () => {
		expect(evaluateRule(rule, vacancy(3), context, 'ældre').truth).toBe('ja');
		expect(evaluateRule(rule, vacancy(2.8), context, 'ældre').truth).toBe('nej');
	});

	it('uses the all-types figure without a type, for an area, for a year without a typed figure, and for the municipality', () => {
		expect(evaluateRule(rule, vacancy(10), context, null).findings[0]!.text).toBe(s('10,0~‰ ≥ 1,5 × landets 6,5~‰'));
		const lastYear = { ...context, aar: 2023, reference: { land: { ledighed: [{ aar: 2023, vaerdi: 6.0, diskretioneret: false }] } } };
		const old = { ledighed: [{ aar: 2023, vaerdi: 10, diskretioneret: false }] };
		expect(evaluateRule(rule, old, lastYear, 'ungdom').findings[0]!.text).toBe(s('10,0~‰ ≥ 1,5 × landets 6,0~‰'));
		const municipal: DistanceRule = { ...rule, reference: 'kommune' };
		expect(evaluateRule(municipal, vacancy(7.5), context, 'ungdom').findings[0]!.text).toBe(s('7,5~‰ ≥ 1,5 × kommunens 5,0~‰'));
	});

	it('says so in English', () => {
		const hit = evaluateRule(rule, vacancy(25), { ...context, lang: 'en' }, 'ungdom');
		expect(hit.findings[0]!.text).toBe(s('25.0~‰ ≥ 1.5 × the country’s 16.1~‰ (figure for youth housing)'));
	});
});
