/**
 * An id that Excel turned into a number in scientific notation. Excel takes a long run of digits
 * for a number and shows and saves it as `1,23457E+11` (six significant digits), and a short id
 * in a column formatted as "Videnskabelig" as `2,10E+03`: the digits are lost, and two ids may
 * become one. Read as text, such an id passed without a word and published a unit under an id
 * its source never had, so it is an error naming the cell.
 */
import { quoted } from './issues.ts';

const SCIENTIFIC = /^-?\d+(?:[.,]\d+)?E[+-]\d+$/i;

export function isScientificId(text: string): boolean {
	return SCIENTIFIC.test(text);
}

/** The message for an id in scientific notation in the column `header`. */
export function scientificIdMessage(header: string, text: string): { message: string; expected: string; found: string } {
	const expected = "id'et med alle sine tegn, som i kilden";
	return {
		message: `Id'et i kolonnen ${header} er et tal i videnskabelig notation: forventede ${expected}, fandt ${quoted(text)}, som Excel skriver lange tal, så cifre kan være tabt. Formatér kolonnen som Tekst i Excel, og hent id'erne igen fra kilden.`,
		expected,
		found: text
	};
}
