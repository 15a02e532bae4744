/**
 * A number as a user types it, Danish or English: the one parser behind every field where a number
 * is typed (focus rules, targets). Pure, so it is unit-tested.
 *
 * Both "1,2" and "1.2" mean 1.2. A lone separator is a decimal separator unless it could as well be
 * a thousands separator: "1.234" or "1,234" where the field can hold thousands (rent in kr./m²) is
 * refused as ambiguous, and means 1.234 where it cannot (a factor, a rate in ‰). With both
 * separators the last is the decimal one and the other must group thousands ("1.234,5",
 * "1,234.5"). Spaces may group thousands too ("1 234"). Anything else is refused in words, in
 * Danish and English, naming what was typed.
 */
import { formatNumber } from './format.ts';
import type { Lang } from './lang.ts';

export interface NumberRules {
	/** Only whole numbers (years, counts). */
	integer?: boolean;
	/** Whether the field can hold 1.000 or more, so a separator may group thousands. */
	thousands?: boolean;
	min?: number;
	max?: number;
}

export type ParsedNumber = { ok: true; value: number } | { ok: false; message: Record<Lang, string> };

const refuse = (da: string, en: string): ParsedNumber => ({ ok: false, message: { da, en } });

/** Digits grouped by threes, the first group 1-3 digits: "1", "12", "1.234", "12.345.678". */
function isGrouped(groups: string[]): boolean {
	return groups.length > 1 && /^\d{1,3}$/.test(groups[0]!) && groups.slice(1).every((g) => /^\d{3}$/.test(g));
}

export function parseUserNumber(input: string, rules: NumberRules = {}): ParsedNumber {
	const shown = input.trim();
	if (shown === '') return refuse('Skriv et tal.', 'Enter a number.');
	const quoted = `«${shown.length > 20 ? `${shown.slice(0, 20)}…` : shown}»`;
	const notANumber = refuse(`${quoted} er ikke et tal. Skriv fx 1,5 eller 12.`, `${quoted} is not a number. Write for instance 1.5 or 12.`);
	// A minus sign typed as hyphen or as the real sign; spaces (also no-break) between digit groups.
	const match = /^([-−]?)\s*([\d.,\s\u00a0\u202f]+)$/.exec(shown);
	if (!match) return notANumber;
	const sign = match[1] ? -1 : 1;
	let body = match[2]!.trim();
	if (/[\s\u00a0\u202f]/.test(body)) {
		const groups = body.split(/[\s\u00a0\u202f]+/);
		// "1 234" or "1 234,5": the last group may carry the decimals.
		const last = groups.at(-1)!;
		const lastInt = last.split(/[.,]/)[0]!;
		if (!rules.thousands || !isGrouped([...groups.slice(0, -1), lastInt]) || groups.slice(0, -1).some((g) => /[.,]/.test(g)))
			return notANumber;
		body = groups.join('');
	}
	if (!/^\d/.test(body) || /[.,]$/.test(body)) return notANumber;

	const dots = body.split('.').length - 1;
	const commas = body.split(',').length - 1;
	let text: string;
	if (dots && commas) {
		const decimal = body.lastIndexOf('.') > body.lastIndexOf(',') ? '.' : ',';
		const group = decimal === '.' ? ',' : '.';
		const [whole, fraction, ...rest] = body.split(decimal);
		if (rest.length || !whole || !fraction || !isGrouped(whole.split(group))) return notANumber;
		if (!rules.thousands) return tooLarge(quoted, rules);
		text = `${whole.split(group).join('')}.${fraction}`;
	} else if (dots + commas === 0) {
		text = body;
	} else {
		const sep = dots ? '.' : ',';
		const parts = body.split(sep);
		if (parts.length > 2) {
			// "1.234.567": only thousands.
			if (!isGrouped(parts)) return notANumber;
			if (!rules.thousands) return tooLarge(quoted, rules);
			text = parts.join('');
		} else if (rules.thousands && /^\d{1,3}$/.test(parts[0]!) && /^\d{3}$/.test(parts[1]!) && parts[0] !== '0') {
			const whole = parts.join('');
			const decimalText = (lang: Lang) => formatNumber(Number(`${parts[0]}.${parts[1]}`), 3, lang);
			const wholeText = (lang: Lang) => formatNumber(Number(whole), 0, lang);
			return refuse(
				`${quoted} kan både betyde ${decimalText('da')} og ${wholeText('da')}. Skriv ${whole} for ${wholeText('da')} eller ${parts[0]},${parts[1]}0 for ${decimalText('da')}.`,
				`${quoted} could mean ${decimalText('en')} or ${wholeText('en')}. Write ${whole} for ${wholeText('en')} or ${parts[0]}.${parts[1]}0 for ${decimalText('en')}.`
			);
		} else {
			text = `${parts[0]}.${parts[1]}`;
		}
	}
	const value = sign * Number(text);
	if (!Number.isFinite(value)) return notANumber;
	if (rules.integer && !Number.isInteger(value))
		return refuse(`${quoted} skal være et helt tal (uden decimaler).`, `${quoted} must be a whole number (no decimals).`);
	return inRange(value, quoted, rules);
}

function inRange(value: number, quoted: string, rules: NumberRules): ParsedNumber {
	// Whole-number fields are years and counts: printed plain, "2000" not "2.000".
	const fmt = (n: number, lang: Lang) => (rules.integer ? String(n) : formatNumber(n, Number.isInteger(n) ? 0 : 1, lang));
	if (rules.min !== undefined && value < rules.min)
		return refuse(`${quoted} er for lille: mindst ${fmt(rules.min, 'da')}.`, `${quoted} is too small: at least ${fmt(rules.min, 'en')}.`);
	if (rules.max !== undefined && value > rules.max)
		return refuse(`${quoted} er for stor: højst ${fmt(rules.max, 'da')}.`, `${quoted} is too large: at most ${fmt(rules.max, 'en')}.`);
	return { ok: true, value };
}

function tooLarge(quoted: string, rules: NumberRules): ParsedNumber {
	return refuse(
		`${quoted} ligner et tal over 1.000, men feltet holder ikke så store tal${rules.max !== undefined ? ` (højst ${formatNumber(rules.max, 0, 'da')})` : ''}.`,
		`${quoted} looks like a number over 1,000, but the field does not hold numbers that large${rules.max !== undefined ? ` (at most ${formatNumber(rules.max, 0, 'en')})` : ''}.`
	);
}
