/**
 * A title or notes above a table's header: "Nøgletal 2024" in line 1, "Kilde: Landsbyggefonden"
 * in line 2, the column names in line 3. Spreadsheets are laid out so, and their CSV export keeps
 * it; a notes block from an Excel export can fill many cells of a line ("Kommune;Horsens;Udtræk;
 * 1-12-2026;…") and run for dozens of lines.
 *
 * The rule: the header is the line, among the file's first HEADER_SEARCH lines, that names the
 * most of the columns the file requires (headers.ts, headerTest), the first such line on a tie;
 * every line with content above it is a title or note, whatever its width, and is skipped with one
 * warning naming the lines and their text. A line above the header names fewer required columns
 * than the header, so it cannot be the header with a typo; the width of a line says nothing (the
 * rule before 1 Dec 2026 took a line of more than three cells for a misspelt header, and refused
 * a notes block of four). When no line names any required column, the first line with content is
 * the header, as without titles; when the best line names only some, it is still the header, and
 * its missing-column errors name that line (headers.ts), so a title over a misspelt header points
 * at the header, not at the title.
 *
 * Lines keep their numbers: a skipped title does not move any later message. The DuckDB reader
 * (read-key-figures-duckdb.ts) takes only files whose line 1 is the header and leaves every other
 * file to this rule, so both readers find the same header.
 */
import { DELIMITER_NAMES, detectDelimiter, type Delimiter, type Newline } from './delimiter.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { parseCsv } from './parse-csv.ts';

/** How many lines (a sheet's rows), counted from the file's first, are looked at for the header. */
export const HEADER_SEARCH = 1000;
/** How many skipped lines a warning quotes; the rest are counted. */
const QUOTED_TITLES = 5;

export interface ContentLine {
	/** The physical line (a sheet's row number). */
	line: number;
	fields: readonly string[];
}

/** How a file recognises its header: how many of its `required` columns a line names. */
export interface HeaderTest {
	required: number;
	named(fields: readonly string[]): number;
}

/**
 * Index of the header among a table's first lines with content: the first that names the most
 * required columns; 0 (the first line, as without titles) when none names any.
 */
export function headerIndex(lines: readonly ContentLine[], test: HeaderTest): number {
	let best = 0;
	let most = 0;
	for (let i = 0; i < lines.length; i++) {
		const named = test.named(lines[i]!.fields);
		if (named > most) {
			best = i;
			most = named;
			if (named === test.required) break;
		}
	}
	return best;
}

/**
 * Where a CSV file's header is found below titles: its line, the titles (none when the header is
 * the first line but its separator is not the one the first line suggests), and its separator.
 */
export interface CsvHeaderPlace {
	line: number;
	delimiter: Delimiter;
	titles: ContentLine[];
}

/**
 * The header below titles in CSV text, or null when the first line with content is the header (or
 * no line is: headerIndex). The separator is decided from the first line, as delimiter.ts does,
 * which is the title's when there is one ("Nøgletal 2024" has none, and reads as `,`); so each
 * separator is tried in turn, the first line's first, unless Excel's `sep=` line names it, and the
 * one whose header names the most required columns wins (the first tried on a tie).
 */
export function csvHeaderPlace(text: string, newline: Newline, separator: Delimiter | null, test: HeaderTest): CsvHeaderPlace | null {
	// The lines looked at, not the whole file: the scanners would look at every byte first (for
	// stray line breaks).
	let end = -1;
	for (let n = 0; n < HEADER_SEARCH; n++) {
		end = text.indexOf(newline, end + 1);
		if (end === -1) break;
	}
	const head = end === -1 ? text : text.slice(0, end);
	const first = separator ?? detectDelimiter(head);
	const tries = separator ? [separator] : [first, ...(Object.keys(DELIMITER_NAMES) as Delimiter[]).filter((d) => d !== first)];
	let best: { named: number; delimiter: Delimiter; lines: ContentLine[]; index: number } | null = null;
	for (const delimiter of tries) {
		const lines = contentLines(head, delimiter, newline, separator !== null, test);
		// The usual file: its first line is the whole header, and nothing more is parsed.
		if (delimiter === first && lines.length === 1 && test.named(lines[0]!.fields) === test.required) return null;
		const index = headerIndex(lines, test);
		const named = lines.length > 0 ? test.named(lines[index]!.fields) : 0;
		if (best === null || named > best.named) best = { named, delimiter, lines, index };
		if (named === test.required) break;
	}
	// The header in the first line with content and the first line's separator: the usual file. A
	// first line whose separator is not the header's (`Afdeling;År;Beboere, 18-64 år, i alt` has
	// more commas than semicolons) still gives the header's, with no titles.
	if (best === null || (best.index === 0 && best.delimiter === first)) return null;
	return { line: best.lines[best.index]!.line, delimiter: best.delimiter, titles: best.lines.slice(0, best.index) };
}

/** The lines with content of `text`, split at `delimiter` (quotes honoured), up to the first whole header. */
function contentLines(text: string, delimiter: Delimiter, newline: Newline, skipFirst: boolean, test: HeaderTest): ContentLine[] {
	const lines: ContentLine[] = [];
	parseCsv(text, delimiter, newline, {
		row(row) {
			if (skipFirst && row.line === 1) return true;
			const fields: string[] = [];
			for (let i = 0; i < row.count; i++) fields.push(row.text(i));
			if (filled(fields) === 0) return true;
			lines.push({ line: row.line, fields });
			return test.named(fields) < test.required;
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

/**
 * Skipped lines for a warning: which (`Linje 3`, `Linjerne 1 og 2`, `70 linjer fra linje 1 til
 * 70`) and their text, the first QUOTED_TITLES quoted and the rest counted. Titles above the
 * header and notes below the table (notes-below.ts) are named alike.
 */
export function skippedLines(lines: readonly ContentLine[]): { which: string; found: string } {
	const numbers = lines.map((t) => String(t.line));
	const which =
		numbers.length === 1
			? `Linje ${numbers[0]}`
			: numbers.length <= QUOTED_TITLES
				? `Linjerne ${numbers.slice(0, -1).join(', ')} og ${numbers.at(-1)}`
				: `${numbers.length} linjer fra linje ${numbers[0]} til ${numbers.at(-1)}`;
	const texts = lines.slice(0, QUOTED_TITLES).map(
		(t) =>
			`${quoted(
				t.fields
					.map((f) => f.trim())
					.filter((f) => f !== '')
					.join(' '),
				100
			)} (linje ${t.line})`
	);
	const more = lines.length - texts.length;
	return { which, found: texts.join(', ') + (more > 0 ? ` og ${more} ${more === 1 ? 'linje' : 'linjer'} mere` : '') };
}

/** The one warning for the lines skipped above the header. */
export function reportTitleLines(file: string, titles: readonly ContentLine[], headerLine: number, issues: IssueCollector): void {
	const { which, found } = skippedLines(titles);
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
