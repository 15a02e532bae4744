/**
 * The focus evaluator against cases worked out by hand: each rule kind, the three-valued logic
 * for missing and suppressed figures, and the reasons' wording and figures.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/lib/core/output-contract.ts';
import {
	evaluateRule,
	evaluateUnit,
	evaluateUnits,
	type FocusContext,
	type FocusSeries,
	type FocusUnit
} from '../../src/lib/focus/evaluate.ts';
import { all, atLeast, type Rule, type RuleSet } from '../../src/lib/focus/rule.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';

/** `~` marks the no-break space between a number and its unit. */
const s = (text: string) => text.replaceAll('~', NBSP);

/** A series from {year: value}; 'd' is a suppressed value, null a row without a value. */
function series(values: Record<number, number | null | 'd'>): SeriesPoint[] {
	return Object.entries(values).map(([aar, v]) => ({
		aar: Number(aar),
		vaerdi: v === 'd' ? null : v,
		diskretioneret: v === 'd'
	}));
}

const context = (reference: FocusSeries = {}, aar = 2024): FocusContext => ({ aar, reference: { kommune: reference } });

function unit(s: FocusSeries, kind: FocusUnit['kind'] = 'afdeling', id = 'A1'): FocusUnit {
	return { kind, id, navn: `Afdeling ${id}`, organisationer: [{ id: 'B1', navn: 'Boligselskabet' }], series: s };
}

function ruleSet(regler: Rule[], enheder: RuleSet['enheder'] = ['afdeling', 'omraade']): RuleSet {
	return { navn: 'Test', kilde: '', enheder, noter: [], regler };
}

const turnoverAbove20: Rule = { type: 'niveau', indikator: 'fraflytning', sammenligning: '>', graense: 20 };
const turnoverRising2: Rule = { type: 'tendens', indikator: 'fraflytning', retning: 'stigende', aar: 2 };

describe('three-valued logic', () => {
	it('all: a known no decides, else an unknown leaves it open', () => {
		expect(all(['ja', 'ja'])).toBe('ja');
		expect(all(['ja', 'ukendt', 'nej'])).toBe('nej');
		expect(all(['ja', 'ukendt'])).toBe('ukendt');
	});

	it('atLeast: 2 of 4 is certain only when the unknowns cannot change it', () => {
		expect(atLeast(2, ['ja', 'ja', 'nej', 'ukendt'])).toBe('ja');
		expect(atLeast(2, ['ja', 'ukendt', 'nej', 'nej'])).toBe('ukendt');
		expect(atLeast(2, ['ja', 'nej', 'nej', 'nej'])).toBe('nej');
		expect(atLeast(2, ['ukendt', 'nej', 'nej', 'nej'])).toBe('nej');
	});
});

describe('level rule', () => {
	it('flags a value above the limit, with the figure as shown', () => {
		const o = evaluateRule(turnoverAbove20, { fraflytning: series({ 2024: 24.12 }) }, context());
		expect(o.truth).toBe('ja');
		expect(o.findings).toEqual([{ indikator: 'fraflytning', text: s('24,1~% > 20~%') }]);
	});

	it('compares at the shown precision: 20,04 % shows as 20,0 % and is not above 20 %', () => {
		expect(evaluateRule(turnoverAbove20, { fraflytning: series({ 2024: 20.04 }) }, context()).truth).toBe('nej');
		expect(evaluateRule(turnoverAbove20, { fraflytning: series({ 2024: 20.05 }) }, context()).truth).toBe('ja');
	});

	it('a suppressed or missing value is unknown, never a no', () => {
		const suppressed = evaluateRule(turnoverAbove20, { fraflytning: series({ 2024: 'd' }) }, context());
		expect(suppressed.truth).toBe('ukendt');
		expect(suppressed.gaps).toEqual([{ indikator: 'fraflytning', aar: 2024, state: 'suppressed' }]);
		const noRow = evaluateRule(turnoverAbove20, { fraflytning: series({ 2023: 30 }) }, context());
		expect(noRow.truth).toBe('ukendt');
		expect(noRow.gaps).toEqual([{ indikator: 'fraflytning', aar: 2024, state: 'missing' }]);
		const noSeries = evaluateRule(turnoverAbove20, {}, context());
		expect(noSeries.truth).toBe('ukendt');
	});

	it('≤ and < for an indicator where lower is worse', () => {
		const rule: Rule = { type: 'niveau', indikator: 'vedligeholdelsesstand', sammenligning: '<=', graense: 2.5 };
		const o = evaluateRule(rule, { vedligeholdelsesstand: series({ 2024: 2.46 }) }, context());
		expect(o.truth).toBe('ja');
		expect(o.findings[0]!.text).toBe('2,5 ≤ 2,5');
	});
});

describe('trend rule', () => {
	it('rising 2 years in a row: 18,2 → 20,5 → 24,1 after a fall from 19,0', () => {
		const s1 = { fraflytning: series({ 2021: 19.0, 2022: 18.2, 2023: 20.5, 2024: 24.1 }) };
		const o = evaluateRule(turnoverRising2, s1, context());
		expect(o.truth).toBe('ja');
		expect(o.findings[0]!.text).toBe(s('stigende siden 2022 (fra 18,2~%)'));
	});

	it('names where a longer run began', () => {
		const s1 = { fraflytning: series({ 2019: 12, 2020: 11, 2021: 13, 2022: 15, 2023: 17, 2024: 19 }) };
		expect(evaluateRule(turnoverRising2, s1, context()).findings[0]!.text).toBe(s('stigende siden 2020 (fra 11,0~%)'));
	});

	it('a flat year breaks the run (compared as shown: 20,52 and 20,54 are both 20,5)', () => {
		const s1 = { fraflytning: series({ 2022: 18, 2023: 20.52, 2024: 20.54 }) };
		expect(evaluateRule(turnoverRising2, s1, context()).truth).toBe('nej');
	});

	it('a missing year inside the window is unknown when the rest rises', () => {
		const s1 = { fraflytning: series({ 2022: 18, 2024: 24 }) };
		const o = evaluateRule(turnoverRising2, s1, context());
		expect(o.truth).toBe('ukendt');
		expect(o.gaps).toEqual([{ indikator: 'fraflytning', aar: 2023, state: 'missing' }]);
	});

	it('a known fall decides no, whatever the suppressed year held', () => {
		const rule: Rule = { type: 'tendens', indikator: 'fraflytning', retning: 'stigende', aar: 3 };
		const s1 = { fraflytning: series({ 2021: 10, 2022: 9, 2023: 'd', 2024: 12 }) };
		const o = evaluateRule(rule, s1, context());
		expect(o.truth).toBe('nej');
		expect(o.gaps).toEqual([]);
	});

	it('falling maintenance state', () => {
		const rule: Rule = { type: 'tendens', indikator: 'vedligeholdelsesstand', retning: 'faldende', aar: 3 };
		const s1 = { vedligeholdelsesstand: series({ 2021: 4.0, 2022: 3.6, 2023: 3.1, 2024: 2.5 }) };
		const o = evaluateRule(rule, s1, context());
		expect(o.truth).toBe('ja');
		expect(o.findings[0]!.text).toBe('faldende siden 2021 (fra 4,0)');
	});
});

describe('distance rule', () => {
	const rule: Rule = { type: 'afstand', indikator: 'ledighed', sammenligning: '>=', faktor: 1.5, reference: 'kommune' };

	it('15,0 ‰ against 1,5 × 9,8 ‰ = 14,7 ‰ is flagged; 14,6 ‰ is not', () => {
		const ref = { ledighed: series({ 2024: 9.8 }) };
		const hit = evaluateRule(rule, { ledighed: series({ 2024: 15.0 }) }, context(ref));
		expect(hit.truth).toBe('ja');
		expect(hit.findings[0]!.text).toBe(s('15,0~‰ ≥ 1,5 × kommunens 9,8~‰'));
		expect(evaluateRule(rule, { ledighed: series({ 2024: 14.6 }) }, context(ref)).truth).toBe('nej');
	});

	it('is unknown when the municipality has no figure that year', () => {
		const o = evaluateRule(rule, { ledighed: series({ 2024: 15 }) }, context({ ledighed: series({ 2023: 9.8 }) }));
		expect(o.truth).toBe('ukendt');
		expect(o.gaps).toEqual([{ indikator: 'ledighed', aar: 2024, state: 'missing', reference: 'kommune' }]);
	});
});

describe('persistence rule', () => {
	const rule: Rule = { type: 'vedvarende', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 30, aar: 2 };

	it('above 30 % in 2023 and 2024 (not 2022)', () => {
		const o = evaluateRule(rule, { uden_for_arbejdsmarked: series({ 2022: 28, 2023: 31.5, 2024: 33 }) }, context());
		expect(o.truth).toBe('ja');
		expect(o.findings[0]!.text).toBe(s('> 30~% siden 2023 (2024: 33,0~%)'));
	});

	it('names where a longer spell began', () => {
		const o = evaluateRule(rule, { uden_for_arbejdsmarked: series({ 2021: 35, 2022: 32, 2023: 31.5, 2024: 33 }) }, context());
		expect(o.findings[0]!.text).toBe(s('> 30~% siden 2021 (2024: 33,0~%)'));
	});

	it('only one year above is no', () => {
		expect(evaluateRule(rule, { uden_for_arbejdsmarked: series({ 2023: 29, 2024: 33 }) }, context()).truth).toBe('nej');
	});

	it('a suppressed year: unknown when the other is above, no when the other is below', () => {
		expect(evaluateRule(rule, { uden_for_arbejdsmarked: series({ 2023: 'd', 2024: 33 }) }, context()).truth).toBe('ukendt');
		expect(evaluateRule(rule, { uden_for_arbejdsmarked: series({ 2023: 'd', 2024: 29 }) }, context()).truth).toBe('nej');
	});
});

describe('combination rule and a unit’s reasons', () => {
	const twoOfFour: Rule = {
		type: 'kombination',
		navn: 'Tidlig opmærksomhed',
		mindst: 2,
		regler: [
			turnoverAbove20,
			{ type: 'tendens', indikator: 'ledighed', retning: 'stigende', aar: 3 },
			{ type: 'afstand', indikator: 'ledighed', sammenligning: '>=', faktor: 1.5, reference: 'kommune' },
			{ type: 'vedvarende', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 30, aar: 2 }
		]
	};
	const ref = { ledighed: series({ 2021: 9, 2022: 9.5, 2023: 9.6, 2024: 9.8 }) };

	it('2 of 4 hold: the line names the rule, the count and both figures', () => {
		const u = unit({
			fraflytning: series({ 2024: 24.1 }),
			ledighed: series({ 2021: 16, 2022: 15, 2023: 15.5, 2024: 15 }),
			uden_for_arbejdsmarked: series({ 2023: 20, 2024: 20 })
		});
		const f = evaluateUnit(ruleSet([twoOfFour]), u, context(ref));
		expect(f.status).toBe('fokus');
		expect(f.hits).toBe(1);
		expect(f.reasons).toEqual([
			s('Tidlig opmærksomhed (2 af 4 opfyldt): Fraflytning 24,1~% > 20~%; Ledighed 15,0~‰ ≥ 1,5 × kommunens 9,8~‰')
		]);
		expect(f.unknowns).toEqual([]);
	});

	it('1 hit and 1 unknown of 4 with 2 needed is unknown, and says what is missing', () => {
		const u = unit({
			fraflytning: series({ 2024: 24.1 }),
			ledighed: series({ 2021: 5, 2022: 6, 2023: 5, 2024: 5 }),
			uden_for_arbejdsmarked: series({ 2023: 'd', 2024: 35 })
		});
		const f = evaluateUnit(ruleSet([twoOfFour]), u, context(ref));
		expect(f.status).toBe('ukendt');
		expect(f.reasons).toEqual([]);
		expect(f.unknowns).toEqual(['Uden for arbejdsmarkedet: diskretioneret i 2023']);
	});

	it('a unit where every rule is no needs no special focus', () => {
		const u = unit({
			fraflytning: series({ 2024: 8 }),
			ledighed: series({ 2021: 5, 2022: 6, 2023: 5, 2024: 5 }),
			uden_for_arbejdsmarked: series({ 2023: 20, 2024: 20 })
		});
		const f = evaluateUnit(ruleSet([twoOfFour]), u, context(ref));
		expect(f.status).toBe('ingen');
		expect(f.hits).toBe(0);
	});

	it('unlabelled single rules on one indicator read as one line', () => {
		const u = unit({ fraflytning: series({ 2021: 19.0, 2022: 18.2, 2023: 20.5, 2024: 24.1 }) });
		const f = evaluateUnit(ruleSet([turnoverAbove20, turnoverRising2]), u, context());
		expect(f.hits).toBe(2);
		expect(f.reasons).toEqual([s('Fraflytning 24,1~% > 20~%, stigende siden 2022 (fra 18,2~%)')]);
	});

	it('a flagged unit still lists what could not be judged', () => {
		const u = unit({ fraflytning: series({ 2024: 24.1 }), ledighed: series({ 2024: 'd' }) });
		const rule: Rule = { type: 'niveau', indikator: 'ledighed', sammenligning: '>', graense: 20 };
		const f = evaluateUnit(ruleSet([turnoverAbove20, rule]), u, context());
		expect(f.status).toBe('fokus');
		expect(f.unknowns).toEqual(['Ledighed: diskretioneret i 2024']);
	});

	it('evaluateUnits keeps only the kinds the set applies to', () => {
		const units = [unit({}, 'afdeling', 'A1'), unit({}, 'omraade', 'O1')];
		const result = evaluateUnits(ruleSet([turnoverAbove20], ['omraade']), units, context());
		expect(result.map((r) => r.unit.id)).toEqual(['O1']);
	});
});

describe('what cannot be judged', () => {
	it('names each figure once with its years', () => {
		const rule: Rule = { type: 'vedvarende', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 30, aar: 3 };
		const u = unit({ uden_for_arbejdsmarked: series({ 2022: 'd', 2023: 'd', 2024: 'd' }) });
		expect(evaluateUnit(ruleSet([rule]), u, context()).unknowns).toEqual(['Uden for arbejdsmarkedet: diskretioneret i 2022, 2023 og 2024']);
	});
});
