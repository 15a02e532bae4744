/**
 * Saving rules to a JSON file and loading them again. The file is the rule set with two fields in
 * front that say what the file is, so loading a wrong JSON file gives a clear message instead of
 * a list of missing fields:
 *
 *     { "format": "boligbarometer-fokusregler", "version": 1, "navn": …, "kilde": …,
 *       "enheder": ["afdeling", "omraade"], "noter": […], "regler": […] }
 */
import type { Lang } from '../i18n/lang.ts';
import type { RuleSet } from './rule.ts';
import { checkRuleSet, type Checked } from './validate.ts';

export const RULE_FILE_FORMAT = 'boligbarometer-fokusregler';
export const RULE_FILE_VERSION = 1;
export const RULE_FILE_NAME = 'fokusregler.json';

/** The file's text: indented, ending with a newline, so it reads and diffs well. */
export function ruleFileText(ruleSet: RuleSet): string {
	return JSON.stringify({ format: RULE_FILE_FORMAT, version: RULE_FILE_VERSION, ...ruleSet }, null, 2) + '\n';
}

/** A loaded file's rule set, checked; errors in the language asked for (Danish by default). */
export function readRuleFile(text: string, lang: Lang = 'da'): Checked<RuleSet> {
	const da = lang === 'da';
	let parsed: unknown;
	try {
		parsed = JSON.parse(text.replace(/^\uFEFF/, ''));
	} catch (error) {
		return { ok: false, errors: [`${da ? 'Filen er ikke gyldig JSON' : 'The file is not valid JSON'}: ${(error as Error).message}`] };
	}
	const o = parsed as Record<string, unknown> | null;
	if (typeof o !== 'object' || o === null || o.format !== RULE_FILE_FORMAT) {
		return {
			ok: false,
			errors: [
				da
					? `Filen er ikke en fil med fokusregler: forventede "format": "${RULE_FILE_FORMAT}" øverst i filen`
					: `The file is not a focus rules file: expected "format": "${RULE_FILE_FORMAT}" at the top of the file`
			]
		};
	}
	if (o.version !== RULE_FILE_VERSION) {
		return {
			ok: false,
			errors: [
				da
					? `Filen er skrevet i en anden version: forventede "version": ${RULE_FILE_VERSION}, fandt ${JSON.stringify(o.version)}`
					: `The file is written in another version: expected "version": ${RULE_FILE_VERSION}, found ${JSON.stringify(o.version)}`
			]
		};
	}
	const { format: _format, version: _version, ...ruleSet } = o;
	return checkRuleSet(ruleSet, lang);
}
