/**
 * An id that Excel turned into a number or a date when the file was opened and saved again:
 *
 * - Scientific notation: Excel takes a long run of digits for a number and shows and saves it as
 *   `1,23457E+11` (six significant digits), and a short id in a column formatted "Videnskabelig"
 *   as `2,10E+03`: digits are lost, and two ids may become one.
 * - A date: an id like `5-12` or `3/4` is taken for a day and a month and saved as Excel shows the
 *   date (`05-dec`, `dec-05`, `05-12-2026`, `5.12.2026`).
 *
 * Read as text, such an id passed without a word and published a unit under an id its source never
 * had, so it is an error naming the cell. No id we know of looks like either (`1234-005`,
 * `0751-O01`, `OMR1`).
 */
import { quoted } from './issues.ts';

const SCIENTIFIC = /^-?\d+(?:[.,]\d+)?E[+-]\d+$/i;
/** Danish Excel's month abbreviations (and the English ones that differ: may, oct). */
const MONTH = '(?:jan|feb|mar|apr|maj|may|jun|jul|aug|sep|okt|oct|nov|dec)\\.?';
const DATE = new RegExp(
	`^(?:\\d{1,2}[-. ]${MONTH}(?:[-. ]\\d{2,4})?|${MONTH}[-. ]\\d{2,4}|\\d{1,2}[-./]\\d{1,2}[-./]\\d{4}|\\d{4}-\\d{2}-\\d{2})$`,
	'i'
);

export interface ExcelIdProblem {
	code: 'scientific-id' | 'date-id';
	message: string;
	expected: string;
	found: string;
}

/**
 * What Excel made of the id in a column, or null when it looks like an id. `header` is asked only
 * for a message: the register has 80,000 lines.
 */
export function excelIdProblem(text: string, header: () => string): ExcelIdProblem | null {
	const scientific = SCIENTIFIC.test(text);
	if (!scientific && !DATE.test(text)) return null;
	const expected = "id'et med alle sine tegn, som i kilden";
	const what = scientific
		? `et tal i videnskabelig notation: forventede ${expected}, fandt ${quoted(text)}, som Excel skriver lange tal, så cifre kan være tabt`
		: `en dato: forventede ${expected}, fandt ${quoted(text)}, som Excel skriver et id som 5-12, når det tror, det er en dag og en måned`;
	return {
		code: scientific ? 'scientific-id' : 'date-id',
		message: `Id'et i kolonnen ${header()} er ${what}. Formatér kolonnen som Tekst i Excel, og hent id'erne igen fra kilden.`,
		expected,
		found: text
	};
}
