/**
 * What a cell that is no number probably is, for the end of its not-a-number message. Exports
 * write a missing value in their own way (Danmarks Statistik `..`, others `NA`, `n/a`, `x`, `?`,
 * `–`), Excel's CSV export writes a formula's error as its text (`#DIV/0!`, `#I/T`, `#VÆRDI!`),
 * and an accounting format writes a negative number in parentheses (`(638)`). The value is not
 * guessed: each is still an error, but the message says what to write instead.
 */
const EXCEL_ERROR = /^#(?:[A-ZÆØÅ]+\/[A-ZÆØÅ0-9]+|[A-ZÆØÅ]+)[!?]?$/i;
const MISSING = /^(?:\.{1,3}|-{2,}|[–—?x]|n\.?\s?a\.?|n\/a|i\/t|ukendt|mangler|ikke oplyst|null|none)$/i;
const PARENTHESES = /^\(\s*\d[\d.,\s\u00a0]*\)$/;

export function notANumberHint(text: string): string {
	if (EXCEL_ERROR.test(text)) {
		return ' Det er en fejlværdi fra en formel i Excel: ret formlen, eller skriv tallet (en manglende værdi skrives som en tom celle eller -).';
	}
	if (MISSING.test(text)) return ' En manglende værdi skrives som en tom celle eller -.';
	if (PARENTHESES.test(text)) return ' Et negativt tal skrives med minus foran, ikke i parentes.';
	return '';
}
