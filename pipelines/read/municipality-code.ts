/**
 * Municipality codes as files write them. Decision: three digits (`101`) get their leading zero
 * back (`0101`), because Excel drops it when it takes the column for a number; any other form
 * than four digits is an error, and so is a code that is not in municipalities.ts.
 */
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import { quoted } from './issues.ts';

/** Codes already read: a register repeats a few dozen codes 80,000 times. */
const known = new Map<string, string>();

/** The four-digit code, or null (after calling report) when the text is not a known code. */
export function municipalityCode(text: string, report: (code: string, message: string, expected: string) => void): string | null {
	const hit = known.get(text);
	if (hit !== undefined) return hit;
	if (text === '') return null;
	const kode = /^\d{3}$/.test(text) ? `0${text}` : text;
	if (!/^\d{4}$/.test(kode)) {
		report(
			'invalid-municipality-code',
			`Kommunekoden kan ikke læses: forventede fire cifre som 0101 (København), fandt ${quoted(text)}.`,
			'fire cifre'
		);
		return null;
	}
	if (!(kode in MUNICIPALITY_NAMES)) {
		report(
			'unknown-municipality',
			`Kommunekoden ${kode} findes ikke: forventede en af de danske kommunekoder (fx 0101 for København eller 0751 for Aarhus), fandt ${quoted(text)}.`,
			'en dansk kommunekode'
		);
		return null;
	}
	if (known.size < 1000) known.set(text, kode);
	return kode;
}
