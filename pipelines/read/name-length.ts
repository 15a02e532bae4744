/**
 * How long a name may be. A department, organisation or project name is a line of text on a
 * page, in a table and in a Word document; a cell of thousands of characters is almost always
 * something else that ended up in it (a quote never closed that swallowed the following rows,
 * a pasted document). 200 characters is more than any name in the official lists needs (the
 * longest Danish housing organisation names are under 100).
 *
 * Length is counted in characters (code points, so an emoji is one), as the user would count.
 */
import { quoted } from './issues.ts';

export const MAX_NAME_LENGTH = 200;

/** The parts of the issue for a name over MAX_NAME_LENGTH; null when the name is fine. */
export function longName(text: string, header: string, place = 'kolonnen'): { message: string; expected: string; found: string } | null {
	// Fewer UTF-16 units than the limit means fewer characters too: the common case costs one compare.
	if (text.length <= MAX_NAME_LENGTH) return null;
	let length = 0;
	for (const _ of text) length++;
	if (length <= MAX_NAME_LENGTH) return null;
	return {
		message: `Navnet i ${place} ${header} er for langt: forventede højst ${MAX_NAME_LENGTH} tegn, fandt ${length} tegn (${quoted(text)}). Er flere celler eller et helt dokument havnet i én celle?`,
		expected: `højst ${MAX_NAME_LENGTH} tegn`,
		found: `${length} tegn`
	};
}
