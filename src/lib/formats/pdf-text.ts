/**
 * Text for jsPDF's standard fonts (Helvetica), which are encoded in WinAnsi (Windows-1252): Latin-1
 * plus € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ. That covers æøå, ‰, ², the en dash
 * and the no-break space the figures use. One character outside it makes jsPDF write the whole
 * line in a two-byte encoding the font does not have, and the line comes out as spaced-out
 * garbage (measured here with a U+2212 minus), so such characters are replaced: typographic
 * variants by their plain form, anything else (an emoji in a name) by `?`.
 */

const WIN_ANSI_EXTRA = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ');

const REPLACEMENTS: Record<string, string> = {
	'\u2212': '-', // minus sign
	'\u2010': '-', // hyphen
	'\u2011': '-', // non-breaking hyphen
	'\u2012': '–', // figure dash
	'\u2015': '—', // horizontal bar
	'\u2009': ' ', // thin space
	'\u202f': '\u00a0', // narrow no-break space (some locales group thousands with it)
	'\u2007': '\u00a0', // figure space
	'\u200b': '', // zero-width space
	'\u2032': "'", // prime
	'\u2033': '"', // double prime
	'\u2044': '/', // fraction slash
	// The focus rules' reasons compare with ≥ and ≤ ("Ledighed 62,5 ‰ ≥ 1,5 × kommunens 25,1 ‰").
	'\u2265': '>=',
	'\u2264': '<=',
	'\u2260': '!='
};

export function isWinAnsi(char: string): boolean {
	const code = char.codePointAt(0)!;
	return (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.has(char);
}

/** The text with every character jsPDF's standard fonts can print; tabs and line breaks become spaces. */
export function winAnsi(text: string): string {
	let out = '';
	for (const char of text.normalize('NFC')) {
		if (isWinAnsi(char)) out += char;
		else if (char in REPLACEMENTS) out += REPLACEMENTS[char];
		else if (/\s/.test(char)) out += ' ';
		else out += '?';
	}
	return out;
}
