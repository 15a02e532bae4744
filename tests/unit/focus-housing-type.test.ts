/**
 * Focus rules by housing type (issue 11): a limit per type replaces the general limit for a
 * department of that type, never for an area; the example preset judges youth housing by youth
 * housing's normal turnover (LBF: 39,9 % nationally in 2019), not the family limit of 20 %. The
 * figures below are worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/lib/core/output-contract.ts';
import type { HousingType } from '../../src/lib/core/input-contract.ts';
import { evaluateRule, evaluateUnit, type FocusUnit } from '../../src/lib/focus/evaluate.ts';
import { describeRule } from '../../src/lib/focus/phrases.ts';
import { preset, presetOf } from '../../src/lib/focus/presets.ts';
import { newRule } from '../../src/lib/focus/rule-defaults.ts';
import type { LevelRule, PersistenceRule, RuleSet } from '../../src/lib/focus/rule.ts';
import { decodeRules, encodeRules } from '../../src/lib/focus/url.ts';
import { checkRuleSet } from '../../src/lib/focus/validate.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';

const s = (text: string) => text.replaceAll('~', NBSP);
const turnover = (values: Record<number, number>): { fraflytning: SeriesPoint[] } => ({
	fraflytning: Object.entries(values).map(([aar, vaerdi]) => ({ aar: Number(aar), vaerdi, diskretioneret: false }))
});
const context = { aar: 2024, reference: {} };

/** Turnover above 20 %, youth housing above 50 %. */
const rule: LevelRule = { type: 'niveau', indikator: 'fraflytning', sammenligning: '>', graense: 20, graenser: { ungdom: 50 } };

function department(boligtype: HousingType | null, value: number, kind: 'afdeling' | 'omraade' = 'afdeling'): FocusUnit {
	return { kind, id: 'X', navn: 'X', organisationer: [], series: turnover({ 2024: value }), boligtype };
}
const set = (rules: RuleSet['regler']): RuleSet => ({
	navn: 'Test',
	kilde: '',
	enheder: ['afdeling', 'omraade'],
	noter: [],
	regler: rules
});

describe('a limit per housing type', () => {
	it('youth housing at 42 % is not flagged by the family limit of 20 %; family housing at 24 % is', () => {
		expect(evaluateUnit(set([rule]), department('ungdom', 42), context).status).toBe('ingen');
		const family = evaluateUnit(set([rule]), department('familie', 24), context);
		expect(family.status).toBe('fokus');
		expect(family.reasons).toEqual([s('Fraflytning 24,0~% > 20~%')]);
	});

	it('youth housing above its own limit is flagged, and the reason names the limit it was judged by', () => {
		const youth = evaluateUnit(set([rule]), department('ungdom', 55.04), context);
		expect(youth.status).toBe('fokus');
		expect(youth.reasons).toEqual([s('Fraflytning 55,0~% > 50~% (grænse for ungdomsboliger)')]);
		// 50,04 % shows as 50,0 %, which is not above 50 %.
		expect(evaluateRule(rule, turnover({ 2024: 50.04 }), context, 'ungdom').truth).toBe('nej');
	});

	it('a type without a limit of its own, a department without a type, and every area use the general limit', () => {
		expect(evaluateUnit(set([rule]), department('ældre', 24), context).status).toBe('fokus');
		expect(evaluateUnit(set([rule]), department(null, 24), context).status).toBe('fokus');
		// An area's figure is a sum over mixed types: 42 % > 20 % flags it even if named youth.
		expect(evaluateUnit(set([rule]), department(null, 42, 'omraade'), context).status).toBe('fokus');
	});

	it('a persistent level uses the type limit in each year', () => {
		const persistent: PersistenceRule = { ...rule, type: 'vedvarende', aar: 2 };
		// Youth housing at 52 % and 55 %: above 50 % both years.
		const hit = evaluateRule(persistent, turnover({ 2023: 52, 2024: 55 }), context, 'ungdom');
		expect(hit.truth).toBe('ja');
		expect(hit.findings[0]!.text).toBe(s('> 50~% (grænse for ungdomsboliger) siden 2023 (2024: 55,0~%)'));
		// 45 % in 2023 is within youth housing's limit, so not two years in a row.
		expect(evaluateRule(persistent, turnover({ 2023: 45, 2024: 55 }), context, 'ungdom').truth).toBe('nej');
	});

	it('reasons come in English when asked, with English number formats', () => {
		const youth = evaluateUnit(set([rule]), department('ungdom', 55.04), { ...context, lang: 'en' });
		expect(youth.reasons).toEqual([s('Turnover 55.0~% > 50~% (limit for youth housing)')]);
		expect(describeRule(rule, 'en')).toBe(s('Turnover > 20~% (youth housing > 50~%)'));
	});
});

describe('the example preset', () => {
	const example = preset('tidlig-indsats')!.ruleSet;
	/** Units that meet the combination's turnover rule and the distance rule (ledighed ≥ 1,5 × the municipality's). */
	const unit = (boligtype: HousingType, fraflytning: number): FocusUnit => ({
		kind: 'afdeling',
		id: 'X',
		navn: 'X',
		organisationer: [],
		boligtype,
		series: { ...turnover({ 2024: fraflytning }), ledighed: [{ aar: 2024, vaerdi: 15, diskretioneret: false }] }
	});
	const ctx = { aar: 2024, reference: { kommune: { ledighed: [{ aar: 2024, vaerdi: 10, diskretioneret: false }] } } };

	it('does not flag youth housing with LBF’s normal youth turnover, and flags family housing at the same figure', () => {
		// 15 ‰ ≥ 1,5 × 10 ‰ is one of the 2; 39,9 % turnover is the second only for family housing.
		expect(evaluateUnit(example, unit('ungdom', 39.9), ctx).status).not.toBe('fokus');
		expect(evaluateUnit(example, unit('familie', 39.9), ctx).status).toBe('fokus');
		expect(evaluateUnit(example, unit('ungdom', 51), ctx).status).toBe('fokus');
	});

	it('names LBF’s levels and source in its notes', () => {
		const notes = example.noter.join(' ');
		for (const word of ['10,4 %', '39,9 %', 'Landsbyggefonden', 'temastatistik 2020:7']) expect(notes).toContain(word);
	});

	it('a new turnover rule in the editor carries the youth limit too', () => {
		expect(newRule('niveau', 'fraflytning')).toEqual({
			type: 'niveau',
			indikator: 'fraflytning',
			sammenligning: '>',
			graense: 20,
			graenser: { ungdom: 50 }
		});
		expect(newRule('niveau', 'ledighed')).not.toHaveProperty('graenser');
	});
});

describe('checking limits per type from outside', () => {
	it('keeps the limits through the URL and stays the preset', () => {
		const example = preset('tidlig-indsats')!.ruleSet;
		const decoded = decodeRules(encodeRules(example));
		expect(decoded).toEqual({ ok: true, value: example });
		const edited = structuredClone(example);
		(edited.regler[0] as { regler: LevelRule[] }).regler[0]!.graenser = { ungdom: 45 };
		const round = decodeRules(encodeRules(edited));
		expect(round.ok && presetOf(round.value)).toBe(undefined);
		expect(round.ok && (round.value.regler[0] as { regler: LevelRule[] }).regler[0]!.graenser).toEqual({ ungdom: 45 });
	});

	it('refuses an unknown housing type and a limit that is not a number, naming the place', () => {
		const bad = set([{ ...rule, graenser: { studie: 40, ungdom: '50' } as never }]);
		const checked = checkRuleSet(JSON.parse(JSON.stringify(bad)));
		expect(checked.ok).toBe(false);
		expect(!checked.ok && checked.errors).toEqual([
			'regler[0].graenser: forventede boligtyperne "familie", "ældre", "ungdom", fandt "studie"',
			'regler[0].graenser.ungdom: forventede et tal, fandt "50"'
		]);
		const en = checkRuleSet(JSON.parse(JSON.stringify(bad)), 'en');
		expect(!en.ok && en.errors[1]).toBe('regler[0].graenser.ungdom: expected a number, found "50"');
	});
});
