/**
 * The presets in English (issue 11): each preset's name, source, notes and rule names have an
 * English twin, field for field; an English page shows the twin of exactly a preset's text, an
 * edited preset's name as edited, and the user's own words as typed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { declaredIndicators, useDeclaredIndicators, type Indicator } from '../../src/lib/core/indicators.ts';
import { describeRule } from '../../src/lib/focus/phrases.ts';
import { isOwnText, presetText, ruleNames } from '../../src/lib/focus/preset-words.ts';
import { EDITED_SUFFIX, availablePresets, preset } from '../../src/lib/focus/presets.ts';
import { demoDeclaredIndicators } from '../support/demo-declared.ts';

const DEMO_DECLARED = demoDeclaredIndicators();
const before = [...declaredIndicators()];
afterEach(() => useDeclaredIndicators(before));

/**
 * The forms the official criteria take: none of their figures declared, one (income) and all three
 * (the demo's); their notes and rule names differ with each.
 */
const FORMS: Indicator[][] = [[], DEMO_DECLARED.filter((d) => d.id === 'indkomstniveau'), DEMO_DECLARED];

describe('preset words', () => {
	it('gives every preset an English twin for each of its texts, none left Danish', () => {
		expect(DEMO_DECLARED.map((d) => d.id)).toEqual(['domme_pr_1000', 'kun_grundskole', 'indkomstniveau']);
		const seen = new Set<string>();
		for (const declared of FORMS) {
			useDeclaredIndicators(declared);
			for (const p of availablePresets()) {
				seen.add(JSON.stringify(p.ruleSet.regler));
				expect(p.en.noter.length, p.id).toBe(p.ruleSet.noter.length);
				expect(p.en.regler.length, p.id).toBe(ruleNames(p.ruleSet.regler).length);
				const danish = [p.ruleSet.navn, p.ruleSet.kilde ?? '', ...p.ruleSet.noter, ...ruleNames(p.ruleSet.regler)];
				for (const text of danish) {
					const english = presetText(text, 'en');
					expect(english, text).not.toBe(text);
					expect(english, text).not.toMatch(/[æøå]/i);
				}
			}
		}
		// The official criteria's three forms (labour market alone, some, all four) were all met.
		expect(seen.size).toBe(4 + 2 * 2);
	});

	it('names the rules of a combination depth first', () => {
		useDeclaredIndicators(DEMO_DECLARED);
		const full = preset('udsat-2018-fuld')!;
		expect(ruleNames(full.ruleSet.regler)).toEqual([
			'2 af 4 kriterier (2018)',
			'Arbejdsmarkedet: over 40 %',
			'Domme: mindst 3 gange landsgennemsnittet',
			'Uddannelse: over 60 % med kun grundskole',
			'Indkomst: under 55 % af regionens'
		]);
		expect(presetText('Domme: mindst 3 gange landsgennemsnittet', 'en')).toBe('Convictions: at least 3 times the national average');
	});

	it('keeps Danish on a Danish page and the user’s own words on any page', () => {
		expect(presetText('Tidlig opmærksomhed (eksempel)', 'da')).toBe('Tidlig opmærksomhed (eksempel)');
		expect(presetText('Tidlig opmærksomhed (eksempel)', 'en')).toBe('Early attention (example)');
		expect(presetText(`Tidlig opmærksomhed (eksempel)${EDITED_SUFFIX}`, 'en')).toBe('Early attention (example) (edited)');
		expect(presetText('Vores regler <script>', 'en')).toBe('Vores regler <script>');
		expect(isOwnText('Vores regler <script>')).toBe(true);
		expect(isOwnText('40+-område')).toBe(false);
	});

	it('describes a preset rule with its English name', () => {
		const copenhagen = preset('koebenhavn-40-50')!;
		expect(describeRule(copenhagen.ruleSet.regler[0]!, 'en')).toBe('50+ area: Outside the labour market > 50\u00a0%');
		expect(describeRule(copenhagen.ruleSet.regler[0]!, 'da')).toMatch(/^50\+-område: /);
	});
});
