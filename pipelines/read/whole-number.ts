/**
 * Why a count with decimals was read as it was: `1.5` in a `;` file is 1,5, not 15, since a point
 * can group thousands only with three digits after it (numbers.ts). The key-figure reader and the
 * reference reader say it the same way.
 */
import { COMMA, OTHER_DECIMAL, markUse, type DecimalMark } from './numbers.ts';

/** The sentence that explains the decimal mark, or '' when the cell used the file's own mark. */
export function wholeNumberHint(text: string, mark: DecimalMark): string {
	if (markUse(text, 0, text.length, mark) !== OTHER_DECIMAL) return '';
	const other = mark === COMMA ? 'Punktummet' : 'Kommaet';
	const group = mark === COMMA ? '1.500' : '1,500';
	return ` ${other} er læst som decimaltegn, for tusinder har tre cifre efter sig (fx ${group}).`;
}
