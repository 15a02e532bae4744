/**
 * Which separator and which line break a CSV file uses, the separator decided once per file from
 * its first line, the header. Danish Excel writes `;` (its list separator, because the comma is the decimal
 * mark), English settings and most scripts `,`, some tools a tab.
 */

export type Delimiter = ';' | ',' | '\t';
export type Newline = '\r\n' | '\n' | '\r';

/**
 * The separator that occurs most often in the header (the first non-empty line) outside quotes; on a tie `;`
 * before tab before `,` (the Danish Excel order). A header with none of them is one column;
 * we then say `,`, which only matters for how decimals are read (see numbers.ts).
 */
export function detectDelimiter(text: string): Delimiter {
	let semicolons = 0;
	let commas = 0;
	let tabs = 0;
	let quoted = false;
	let i = 0;
	while (i < text.length && (text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13)) i++; // blank lines before the header
	for (; i < text.length; i++) {
		const c = text.charCodeAt(i);
		if (c === 34) quoted = !quoted;
		else if (quoted) continue;
		else if (c === 10 || c === 13) break;
		else if (c === 59) semicolons++;
		else if (c === 44) commas++;
		else if (c === 9) tabs++;
	}
	if (semicolons === 0 && commas === 0 && tabs === 0) return ',';
	if (semicolons >= tabs && semicolons >= commas) return ';';
	if (tabs >= commas) return '\t';
	return ',';
}

/**
 * Excel's separator line: asked to save with a given separator (or opening a file that has one),
 * it writes `sep=;` (also `sep=,` or a tab) as the first line, before the header. That line names
 * the separator and is not part of the table. `sep=\t` spelled with a backslash is taken too,
 * since that is how the line is usually described; a quoted `"sep=;"` as well, as some tools
 * write it. Returns the separator, or null when the first line is something else.
 */
export function separatorLine(text: string): Delimiter | null {
	const match = /^"?sep=(;|,|\t|\\t)"?[;,\t]*\r?$/i.exec(firstLine(text));
	if (!match) return null;
	return match[1] === ',' ? ',' : match[1] === ';' ? ';' : '\t';
}

function firstLine(text: string): string {
	const end = text.indexOf('\n');
	return end === -1 ? text : text.slice(0, end);
}

/**
 * A file's line breaks made one kind. Excel writes CR LF, but a file that passed through another
 * tool often mixes them: rows appended by a script (LF after CR LF), an `sep=;` line typed in an
 * editor, two exports pasted together. Excel and every editor take CR LF, LF and a lone CR each as
 * a line break; so does this reader: a file with more than one kind gets them all as LF. Columns
 * within a line are unchanged, and every break stays one line, so messages keep their place.
 */
export function unifyLineBreaks(text: string): { text: string; newline: Newline } {
	const newline = detectNewline(text);
	if (!hasStrayBreaks(text, newline)) return { text, newline };
	return { text: text.replace(/\r\n?/g, '\n'), newline: '\n' };
}

/** Line breaks in text[from, to): LF, CR LF and a lone CR each count once. */
export function countBreaks(text: string, from: number, to: number): number {
	let n = 0;
	for (let i = from; i < to; i++) {
		const c = text.charCodeAt(i);
		if (c === 10) n++;
		else if (c === 13 && text.charCodeAt(i + 1) !== 10) n++;
	}
	return n;
}

/** True when the text has line breaks of another kind than the file's own. */
export function hasStrayBreaks(text: string, newline: Newline): boolean {
	if (newline === '\n') return text.indexOf('\r') !== -1;
	if (newline === '\r') return text.indexOf('\n') !== -1;
	return /\r(?!\n)|(?<!\r)\n/.test(text);
}

/** The first line break in the file names the file's line break; `\n` when there is none. */
export function detectNewline(text: string): Newline {
	const n = text.indexOf('\n');
	const r = text.indexOf('\r');
	if (r === -1) return '\n';
	if (n === -1 || r < n) return text.charCodeAt(r + 1) === 10 ? '\r\n' : '\r';
	return '\n';
}

/** Danish name of a separator, for messages. */
export const DELIMITER_NAMES: Record<Delimiter, string> = {
	';': 'semikolon',
	',': 'komma',
	'\t': 'tabulator'
};
