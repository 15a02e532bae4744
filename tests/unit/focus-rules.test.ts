/**
 * The presets, the rule descriptions, the URL form and the JSON file: round trips, and the
 * messages a broken link or file gives.
 */
import { describe, expect, it } from 'vitest';
import type { SeriesPoint } from '../../src/lib/core/output-contract.ts';
import { evaluateUnit } from '../../src/lib/focus/evaluate.ts';
import { describeRule } from '../../src/lib/focus/phrases.ts';
import { availablePresets, nameAfterEdit, preset, presetOf } from '../../src/lib/focus/presets.ts';
import { readRuleFile, ruleFileText } from '../../src/lib/focus/rule-file.ts';
import type { RuleSet } from '../../src/lib/focus/rule.ts';
import { decodeRules, encodeRules } from '../../src/lib/focus/url.ts';
import { checkRuleSet } from '../../src/lib/focus/validate.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';

const s = (text: string) => text.replaceAll('~', NBSP);
const point = (aar: number, vaerdi: number): SeriesPoint => ({ aar, vaerdi, diskretioneret: false });

describe('presets', () => {
	it('every preset is a valid rule set that names its source', () => {
		for (const p of availablePresets()) {
			const checked = checkRuleSet(JSON.parse(JSON.stringify(p.ruleSet)));
			expect(checked).toEqual({ ok: true, value: p.ruleSet });
			expect(p.ruleSet.kilde.length).toBeGreaterThan(20);
		}
	});

	it('the official presets say plainly which criteria the data cannot evaluate', () => {
		const notes2018 = preset('udsat-2018')!.ruleSet.noter.join(' ');
		for (const word of ['dømte', 'grunduddannelse', 'bruttoindkomst', '1.000 beboere']) expect(notes2018).toContain(word);
		const notes2021 = preset('forebyggelse-2021')!.ruleSet.noter.join(' ');
		for (const word of ['ikke-vestlige', 'dømte', 'grunduddannelse', 'bruttoindkomst']) expect(notes2021).toContain(word);
		expect(preset('koebenhavn-40-50')!.ruleSet.kilde).toContain('Styringsdialog');
	});

	it("Copenhagen's thresholds: 45 % is a 40+ area, 55 % both, 40 % neither", () => {
		const rules = preset('koebenhavn-40-50')!.ruleSet;
		const area = (v: number) => ({
			kind: 'omraade' as const,
			id: 'O1',
			navn: 'Område',
			organisationer: [],
			series: { uden_for_arbejdsmarked: [point(2024, v)] }
		});
		const context = { aar: 2024, reference: {} };
		expect(evaluateUnit(rules, area(45), context).reasons).toEqual([s('40+-område: Uden for arbejdsmarkedet 45,0~% > 40~%')]);
		expect(evaluateUnit(rules, area(55), context).hits).toBe(2);
		expect(evaluateUnit(rules, area(40), context).status).toBe('ingen');
	});

	it('describes each rule kind in one Danish line', () => {
		const [combination] = preset('tidlig-indsats')!.ruleSet.regler;
		expect(describeRule(combination!)).toBe(
			s(
				'Tidlig opmærksomhed: mindst 2 af 4: Fraflytning > 20~% (ungdomsboliger > 50~%); Ledighed stigende 3 år i træk; ' +
					'Ledighed ≥ 1,5 × kommunens niveau; Uden for arbejdsmarkedet > 30~% 2 år i træk'
			)
		);
	});
});

const custom: RuleSet = {
	navn: 'Æblehavens særlige regler',
	kilde: 'Kommunens egne',
	enheder: ['afdeling'],
	noter: [],
	regler: [{ type: 'vedvarende', indikator: 'lejetab', sammenligning: '>=', graense: 12.5, aar: 3 }]
};

describe('rules in the URL', () => {
	it('an unchanged preset is its name', () => {
		expect(encodeRules(preset('udsat-2018')!.ruleSet)).toBe('udsat-2018');
		expect(decodeRules('udsat-2018')).toEqual({ ok: true, value: preset('udsat-2018')!.ruleSet });
	});

	it('a changed rule set goes through base64url and back, Danish letters included', () => {
		const encoded = encodeRules(custom);
		expect(encoded).toMatch(/^x\.[A-Za-z0-9_-]+$/);
		expect(decodeRules(encoded)).toEqual({ ok: true, value: custom });
		expect(new URLSearchParams({ regler: encoded }).get('regler')).toBe(encoded);
	});

	it('a preset changed by one number is no longer that preset', () => {
		const changed = structuredClone(preset('udsat-2018')!.ruleSet);
		(changed.regler[0] as { graense: number }).graense = 45;
		expect(presetOf(changed)).toBeUndefined();
		expect(encodeRules(changed).startsWith('x.')).toBe(true);
	});

	it('an edited preset is named as edited, once; an own name stays', () => {
		const unchanged = preset('udsat-2018')!.ruleSet;
		expect(nameAfterEdit(unchanged)).toBe('Udsat boligområde (kriterier fra 2018)');
		const changed = structuredClone(unchanged);
		(changed.regler[0] as { graense: number }).graense = 45;
		expect(nameAfterEdit(changed)).toBe('Udsat boligområde (kriterier fra 2018) (ændret)');
		changed.navn = nameAfterEdit(changed);
		expect(nameAfterEdit(changed)).toBe('Udsat boligområde (kriterier fra 2018) (ændret)');
		expect(nameAfterEdit(custom)).toBe('Æblehavens særlige regler');
	});

	it('a truncated or unknown link says so', () => {
		const encoded = encodeRules(custom);
		const truncated = decodeRules(encoded.slice(0, 20));
		expect(truncated.ok).toBe(false);
		expect(decodeRules('ukendt-saet')).toEqual({
			ok: false,
			errors: ['Linkets regler er ukendte: forventede navnet på et regelsæt, fandt "ukendt-saet"']
		});
	});
});

describe('rules in a JSON file', () => {
	it('saves and loads the same rule set', () => {
		const text = ruleFileText(custom);
		expect(text.startsWith('{\n  "format": "boligbarometer-fokusregler",\n  "version": 1,')).toBe(true);
		expect(readRuleFile(text)).toEqual({ ok: true, value: custom });
	});

	it('accepts a byte order mark, as Windows Notepad writes one', () => {
		expect(readRuleFile('\uFEFF' + ruleFileText(custom)).ok).toBe(true);
	});

	it('refuses a file that is not JSON, or not a rule file', () => {
		const notJson = readRuleFile('{ "format": ');
		expect(notJson.ok).toBe(false);
		if (!notJson.ok) expect(notJson.errors[0]).toMatch(/^Filen er ikke gyldig JSON: /);
		expect(readRuleFile('{"navn": "x"}')).toEqual({
			ok: false,
			errors: ['Filen er ikke en fil med fokusregler: forventede "format": "boligbarometer-fokusregler" øverst i filen']
		});
		expect(readRuleFile('{"format": "boligbarometer-fokusregler", "version": 2}')).toEqual({
			ok: false,
			errors: ['Filen er skrevet i en anden version: forventede "version": 1, fandt 2']
		});
	});

	it('names each bad field by its path', () => {
		const file = {
			format: 'boligbarometer-fokusregler',
			version: 1,
			navn: 'Forkert',
			enheder: ['afdeling', 'kvarter'],
			regler: [
				{ type: 'niveau', indikator: 'fraflyting', sammenligning: '>', graense: '20' },
				{ type: 'kombination', mindst: 3, regler: [{ type: 'tendens', indikator: 'ledighed', retning: 'op', aar: 0 }] },
				{ type: 'gennemsnit' }
			]
		};
		const result = readRuleFile(JSON.stringify(file));
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.errors).toEqual([
			'enheder[1]: forventede en af "afdeling", "omraade", fandt "kvarter"',
			'regler[0].indikator: forventede en af "ledighed", "fraflytning", "uden_for_arbejdsmarked", "vedligeholdelsesstand", "henlaeggelser", "husleje", "lejetab", fandt "fraflyting"',
			'regler[0].graense: forventede et tal, fandt "20"',
			'regler[1].regler[0].retning: forventede en af "stigende", "faldende", fandt "op"',
			'regler[1].regler[0].aar: forventede et helt tal fra 1 til 30, fandt 0',
			'regler[1].mindst: forventede et helt tal fra 1 til 1, fandt 3',
			'regler[2].type: forventede en af "niveau", "tendens", "afstand", "vedvarende", "kombination", fandt "gennemsnit"'
		]);
	});
});
