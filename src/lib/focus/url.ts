/**
 * Rules in the URL, so a copied link shows the same focus list: `?regler=udsat-2018` for a preset
 * left unchanged, else `?regler=x.<base64url of the rule set's JSON>`.
 *
 * Base64url because the query string percent-encodes JSON's quotes, braces and colons to three
 * characters each; base64url costs a third more and survives mail clients and chat tools intact.
 * A link is input from outside, so decoding checks the rule set like a loaded file.
 */
import { preset, presetOf } from './presets.ts';
import type { RuleSet } from './rule.ts';
import { checkRuleSet, type Checked } from './validate.ts';

export const RULES_PARAM = 'regler';
const CUSTOM_PREFIX = 'x.';

function toBase64Url(text: string): string {
	let binary = '';
	for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): string {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
	return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

/** The parameter's value for a rule set. */
export function encodeRules(ruleSet: RuleSet): string {
	return presetOf(ruleSet)?.id ?? CUSTOM_PREFIX + toBase64Url(JSON.stringify(ruleSet));
}

/** The rule set a parameter value stands for, checked; errors in Danish when it is broken. */
export function decodeRules(value: string): Checked<RuleSet> {
	if (!value.startsWith(CUSTOM_PREFIX)) {
		const found = preset(value);
		if (found) return { ok: true, value: found.ruleSet };
		return { ok: false, errors: [`Linkets regler er ukendte: forventede navnet på et regelsæt, fandt "${value.slice(0, 40)}"`] };
	}
	let parsed: unknown;
	try {
		parsed = JSON.parse(fromBase64Url(value.slice(CUSTOM_PREFIX.length)));
	} catch {
		return { ok: false, errors: ['Linkets regler kan ikke læses: linket er måske afkortet eller ændret'] };
	}
	return checkRuleSet(parsed);
}
