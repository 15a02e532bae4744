/**
 * A preset's own words in the page's language (issue 11): its name, source, notes and rule names
 * are Danish in the rule set (the URL and the saved file hold them so, and the documents for the
 * Danish process print them so); an English page shows the preset's English twin of exactly that
 * text. Any other text (the user's own name for a rule set or a rule) is the user's and stays as
 * written, and `isOwnText` says so, so the page can mark it `lang="da"`.
 */
import type { Lang } from '../i18n/lang.ts';
import { EDITED_SUFFIX, FULL_PRESETS, PRESETS } from './presets.ts';
import type { Rule } from './rule.ts';

const EDITED_SUFFIX_EN = ' (edited)';

/** The names of a rule list's named rules, depth first: the order Preset.en.regler lists them in. */
export function ruleNames(rules: readonly Rule[]): string[] {
	return rules.flatMap((r) => [...(r.navn ? [r.navn] : []), ...(r.type === 'kombination' ? ruleNames(r.regler) : [])]);
}

function pairs(): Map<string, string> {
	const map = new Map<string, string>();
	const add = (da: string, en: string | undefined) => {
		if (en !== undefined && !map.has(da)) map.set(da, en);
	};
	for (const { ruleSet, en } of [...PRESETS, ...FULL_PRESETS]) {
		add(ruleSet.navn, en.navn);
		add(`${ruleSet.navn}${EDITED_SUFFIX}`, `${en.navn}${EDITED_SUFFIX_EN}`);
		add(ruleSet.kilde ?? '', en.kilde);
		ruleSet.noter.forEach((note, i) => add(note, en.noter[i]));
		ruleNames(ruleSet.regler).forEach((name, i) => add(name, en.regler[i]));
	}
	map.delete('');
	return map;
}

let english: Map<string, string> | undefined;

/** A preset's text in the page's language; any other text as it stands. */
export function presetText(text: string, lang: Lang): string {
	if (lang === 'da') return text;
	english ??= pairs();
	return english.get(text) ?? text;
}

/** True when the text is not a preset's: the user's own words, shown as written (Danish, as a rule). */
export function isOwnText(text: string): boolean {
	english ??= pairs();
	return !english.has(text);
}
