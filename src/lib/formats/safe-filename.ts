/**
 * File and folder names that Windows, macOS and Linux all accept and a person can read: the name
 * of an organisation or a key figure, with æøå kept, made safe.
 *
 * Windows is the strictest (https://learn.microsoft.com/windows/win32/fileio/naming-a-file):
 * no `< > : " / \ | ? *` and no control characters; no trailing dot or space (Explorer drops
 * them, so the file cannot be opened by its name); not a reserved device name (CON, PRN, AUX, NUL,
 * COM1–9, LPT1–9, also with an extension: `CON.txt` is the console too); and a path of at most
 * 260 characters, so a name is kept well below that, leaving room for the folders it unzips into.
 */

const FORBIDDEN = /[<>:"/\\|?*\u0000-\u001f\u007f]+/g;
const RESERVED = /^(con|prn|aux|nul|com[1-9¹²³]|lpt[1-9¹²³])(\..*)?$/i;

/** The longest name (without the extension) that safeFileName() returns, in characters. */
export const MAX_NAME_LENGTH = 80;

/** Cuts to at most `max` UTF-16 units without splitting a surrogate pair (an emoji). */
function cut(text: string, max: number): string {
	if (text.length <= max) return text;
	const high = text.charCodeAt(max - 1);
	return text.slice(0, high >= 0xd800 && high <= 0xdbff ? max - 1 : max);
}

/**
 * A safe file or folder name. `extension` (e.g. `csv`) is appended after the name is made safe, so
 * it always survives the length limit. Forbidden characters become `-`, runs of white space one
 * space; an empty result becomes `fil`.
 */
export function safeFileName(name: string, extension?: string, max = MAX_NAME_LENGTH): string {
	let stem = name
		.normalize('NFC')
		.replace(FORBIDDEN, '-')
		.replace(/\s+/g, ' ')
		.replace(/^[\s.]+/, '');
	stem = cut(stem, max).replace(/[\s.]+$/, '');
	if (!stem) stem = 'fil';
	if (RESERVED.test(stem)) stem = `_${stem}`;
	return extension ? `${stem}.${extension}` : stem;
}
