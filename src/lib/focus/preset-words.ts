/**
 * A preset's own words in the page's language (issue 11): its name, source, notes and rule names
 * are Danish in the rule set (the URL and the saved file hold them so, and the documents for the
 * Danish process print them so); an English page shows the preset's English twin of exactly that
 * text. Any other text (the user's own name for a rule set or a rule) is the user's and stays as
 * written, and `isOwnText` says so, so the page can mark it `lang="da"`.
 */
import type { Lang } from '../i18n/lang.ts';
import { EDITED_SUFFIX, availablePresets } from './presets.ts';
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
	for (const { ruleSet, en } of availablePresets()) {
		add(ruleSet.navn, en.navn);
		add(`${ruleSet.navn}${EDITED_SUFFIX}`, `${en.navn}${EDITED_SUFFIX_EN}`);
		add(ruleSet.kilde ?? '', en.kilde);
		ruleSet.noter.forEach((note, i) => add(note, en.noter[i]));
		ruleNames(ruleSet.regler).forEach((name, i) => add(name, en.regler[i]));
	}
	map.delete('');
	return map;
}

/**
 * The pairs for the presets of the catalogue in effect: the official criteria's words depend on
 * which indicators the data declares, so the pairs are remade when the preset list changes.
 */
let cache: { key: string; map: Map<string, string> } | undefined;
function english(): Map<string, string> {
	const key = availablePresets()
		.map((p) => p.ruleSet.navn + '|' + p.ruleSet.noter.length + '|' + p.en.regler.join('|'))
		.join('\n');
	if (cache?.key !== key) cache = { key, map: pairs() };
	return cache.map;
}

/** A preset's text in the page's language; any other text as it stands. */
export function presetText(text: string, lang: Lang): string {
	if (lang === 'da') return text;
	return english().get(text) ?? text;
}

/** True when the text is not a preset's: the user's own words, shown as written (Danish, as a rule). */
export function isOwnText(text: string): boolean {
	return !english().has(text);
}
