/**
 * Where a name may break inside a word. A name may be one long word (the read step allows 200
 * characters, and a 150-character word without a space was seen in a user's test); in a table its
 * cell is at least as wide as its longest word, so one such name pushes the figure columns out of
 * the card. CSS's `overflow-wrap: anywhere` on the cell would let every word break, and on a
 * phone's narrow table that breaks ordinary names ("Andelsboligforeningen") mid-word. So only a
 * word longer than any real one gets break opportunities (the caller puts a `<wbr>` between the
 * pieces, which adds no text: copying the name gives it whole).
 */

/** A word longer than this (in characters) is not a real one; Danish compounds in names reach ~25. */
export const LONG_WORD = 30;
/** A long word may break after every this many characters. */
export const PIECE = 15;

const graphemes = new Intl.Segmenter('da', { granularity: 'grapheme' });

/**
 * The name in pieces, to be shown with a break opportunity between each two; one piece when no
 * word is longer than LONG_WORD. A long word breaks after every PIECE characters, at whole
 * characters (an emoji, or an "å" written as "a" and a combining ring, is never split); joined,
 * the pieces give the name back exactly.
 */
export function softBreaks(name: string): string[] {
	if (name.length <= LONG_WORD) return [name];
	const pieces: string[] = [];
	let current = '';
	for (const token of name.split(/(\s+)/)) {
		const characters = Array.from(graphemes.segment(token), (s) => s.segment);
		if (characters.length <= LONG_WORD) {
			current += token;
			continue;
		}
		for (let i = 0; i < characters.length; i += PIECE) {
			if (i > 0) {
				pieces.push(current);
				current = '';
			}
			current += characters.slice(i, i + PIECE).join('');
		}
	}
	pieces.push(current);
	return pieces;
}
