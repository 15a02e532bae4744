/**
 * A title or notes above a table's header: "Nøgletal 2024" in line 1, "Kilde: Landsbyggefonden"
 * in line 2, the column names in line 3. Spreadsheets are laid out so, and their CSV export keeps
 * it. The header is the first of the table's first HEADER_SEARCH lines with content that names
 * every column the file requires (headers.ts, namesRequired), provided each line above it holds at
 * most TITLE_CELLS cells with content, as a title or a note does; those lines are skipped with one
 * warning naming them and their text. Anything else (no line names the required columns, or a
 * fuller line comes first, which is more likely a header with a misspelt column than a note)
 * leaves the first line with content as the header, whose errors then say what is missing.
 *
 * Lines keep their numbers: a skipped title does not move any later message.
 */
import { DELIMITER_NAMES, detectDelimiter, type Delimiter, type Newline } from './delimiter.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { parseCsv } from './parse-csv.ts';

/** How many lines with content are looked at for the header. */
export const HEADER_SEARCH = 10;
/** The most cells with content a title or note line has ("Kilde:", "Landsbyggefonden", "2024"). */
export const TITLE_CELLS = 3;

export interface ContentLine {
	/** The physical line (a sheet's row number). */
	line: number;
	fields: readonly string[];
}

/**
 * Index of the header among a table's first lines with content: the first that `isHeader`, when
 * every line above it is a title; 0 (the first line, as without titles) when there is none.
 */
export function headerIndex(lines: readonly ContentLine[], isHeader: (fields: readonly string[]) => boolean): number {
	const n = Math.min(lines.length, HEADER_SEARCH);
	for (let i = 0; i < n; i++) {
		const fields = lines[i]!.fields;
		if (isHeader(fields)) return i;
		if (filled(fields) > TITLE_CELLS) return 0;
	}
	return 0;
}

/** Where a CSV file's header is found below titles: its line, the titles, and the separator it uses. */
export interface CsvHeaderPlace {
	line: number;
	delimiter: Delimiter;
	titles: ContentLine[];
}

/**
 * The header below titles in CSV text, or null when the first line with content is the header (or
 * no line is: headerIndex). The separator is decided from the first line, as delimiter.ts does,
 * which is the title's when there is one ("Nøgletal 2024" has none, and reads as `,`); so each
 * separator is tried in turn, the first line's first, unless Excel's `sep=` line names it.
 */
export function csvHeaderPlace(
	text: string,
	newline: Newline,
	separator: Delimiter | null,
	isHeader: (fields: readonly string[]) => boolean
): CsvHeaderPlace | null {
	// The lines looked at, not the whole file: the scanners would look at every byte first (for
	// stray line breaks); 64 lines leave room for blank ones.
	let end = -1;
	for (let n = 0; n < 64; n++) {
		end = text.indexOf(newline, end + 1);
		if (end === -1) break;
	}
	const head = end === -1 ? text : text.slice(0, end);
	const first = separator ?? detectDelimiter(head);
	const tries = separator ? [separator] : [first, ...(Object.keys(DELIMITER_NAMES) as Delimiter[]).filter((d) => d !== first)];
	for (const delimiter of tries) {
		const lines = contentLines(head, delimiter, newline, separator !== null);
		if (delimiter === first && lines.length > 0 && isHeader(lines[0]!.fields)) return null;
		const i = headerIndex(lines, isHeader);
		if (i > 0) return { line: lines[i]!.line, delimiter, titles: lines.slice(0, i) };
	}
	return null;
}

/** The first HEADER_SEARCH lines with content, split at `delimiter` (quotes honoured). */
function contentLines(text: string, delimiter: Delimiter, newline: Newline, skipFirst: boolean): ContentLine[] {
	const lines: ContentLine[] = [];
	parseCsv(text, delimiter, newline, {
		row(row) {
			if (skipFirst && row.line === 1) return true;
			const fields: string[] = [];
			for (let i = 0; i < row.count; i++) fields.push(row.text(i));
			if (filled(fields) > 0) lines.push({ line: row.line, fields });
			return lines.length < HEADER_SEARCH;
		},
		// A title with broken quoting is no header either; the file's own read reports it.
		quoteError() {}
	});
	return lines;
}

function filled(fields: readonly string[]): number {
	let n = 0;
	for (const f of fields) if (f.trim() !== '') n++;
	return n;
}

/** The one warning for the lines skipped above the header. */
export function reportTitleLines(file: string, titles: readonly ContentLine[], headerLine: number, issues: IssueCollector): void {
	const numbers = titles.map((t) => String(t.line));
	const which = numbers.length === 1 ? `Linje ${numbers[0]}` : `Linjerne ${numbers.slice(0, -1).join(', ')} og ${numbers.at(-1)}`;
	const found = titles
		.map(
			(t) =>
				`${quoted(
					t.fields
						.map((f) => f.trim())
						.filter((f) => f !== '')
						.join(' '),
					100
				)} (linje ${t.line})`
		)
		.join(', ');
	issues.add({
		severity: 'warning',
		code: 'title-above-header',
		file,
		line: titles[0]!.line,
		column: 0,
		message: `${which} over kolonnenavnene i linje ${headerLine} bliver ikke læst: forventede kolonnenavnene i den første linje med indhold, fandt en titel eller note over dem: ${found}.`,
		expected: 'kolonnenavnene i den første linje med indhold',
		found
	});
}
