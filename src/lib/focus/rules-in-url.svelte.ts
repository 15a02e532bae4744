/**
 * The focus rules of the page, kept in the URL (`?regler=`, see url.ts): reading falls back to
 * the default preset and says why when the link's rules are broken; writing replaces the history
 * entry, so editing a limit does not fill the back button with every keystroke.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import { DEFAULT_PRESET_ID, preset } from './presets.ts';
import type { RuleSet } from './rule.ts';
import { RULES_PARAM, decodeRules, encodeRules } from './url.ts';

export function defaultRuleSet(): RuleSet {
	return structuredClone(preset(DEFAULT_PRESET_ID)!.ruleSet);
}

export class RulesInUrl {
	/** The rules the URL holds, or the default; and the problems with the URL's rules, if any. */
	readonly read = $derived.by(() => {
		const value = page.url.searchParams.get(RULES_PARAM);
		if (!value) return { ruleSet: defaultRuleSet(), errors: [] as string[] };
		const checked = decodeRules(value);
		return checked.ok ? { ruleSet: checked.value, errors: [] as string[] } : { ruleSet: defaultRuleSet(), errors: checked.errors };
	});

	get ruleSet(): RuleSet {
		return this.read.ruleSet;
	}

	set(ruleSet: RuleSet): Promise<void> {
		const url = new URL(page.url);
		url.searchParams.set(RULES_PARAM, encodeRules(ruleSet));
		return goto(url.pathname + url.search, { replaceState: true, keepFocus: true, noScroll: true });
	}
}
