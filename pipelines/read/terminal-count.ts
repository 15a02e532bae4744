/**
 * A count and its noun for the terminal's sentences, in the language's digits: `1 afdeling`,
 * `1.234 afdelinger`, `1 municipality`. "1 afdelinger" read as a slip in every message it was in.
 */
export function count(n: number, one: string, many: string, locale: 'da-DK' | 'en-GB' = 'da-DK'): string {
	return `${n.toLocaleString(locale)} ${n === 1 ? one : many}`;
}

/** A number in Danish digits for the terminal: `1.598`, `10,62`. */
export function danish(n: number): string {
	return n.toLocaleString('da-DK');
}
