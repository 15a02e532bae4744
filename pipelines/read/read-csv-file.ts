/**
 * One CSV file from bytes to checked rows: decode, find separator and line break, hand the header
 * and then every data row to the caller. Problems of the file as such are reported here:
 * unreadable encoding, an empty file, broken quoting, and rows with more or fewer fields than the
 * header. Such rows are not passed on, so one broken line gives one error, not a cascade.
 *
 * Rows whose fields are all blank are skipped silently: Excel writes `;;;;` for rows that once
 * held formatting. Extra fields beyond the header are fine when blank (trailing separators).
 */
import { asWindows1252, decode, hexByte, type EncodingProblem, type MixedEncoding, type TextEncodingName } from './decode.ts';
import { detectDelimiter, DELIMITER_NAMES, separatorLine, unifyLineBreaks, type Delimiter } from './delimiter.ts';
import { COMMA, POINT, type DecimalMark } from './numbers.ts';
import { occurrences, parseCsv, type Row } from './parse-csv.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { NotesBelow } from './notes-below.ts';
import { csvHeaderPlace, reportTitleLines, type HeaderTest } from './title-lines.ts';
import { UnnamedColumns } from './unnamed-columns.ts';

/** What a table source tells its reader: a CSV file here, a workbook's sheet in read-sheet.ts. */
export interface TableInfo {
	decimalMark: DecimalMark;
	/** The header's physical line: 1 unless blank lines, Excel's `sep=` line or a title come first. */
	headerLine: number;
	/** Data rows passed on (not counting the header, blank rows and rows with errors). */
	rows: number;
	/** Line breaks + 1: an upper bound on the rows, so readers can size their arrays once. */
	maxRows: number;
	/**
	 * Rows lost to broken quoting or a wrong number of fields, plus those the reader gave up on
	 * (it adds them). When a file lost rows, checks against other files would only repeat the
	 * same problem as "unknown department", so cross-check.ts skips them.
	 */
	dropped: number;
}

export interface CsvFileInfo extends TableInfo {
	encoding: TextEncodingName;
	delimiter: Delimiter;
}

/** A reader of one table: the header, then each data row. read-sheet.ts feeds the same handler. */
export interface CsvHandler {
	/** The header, as written; return false to read no further (e.g. a required column is missing). */
	header(fields: string[], line: number, info: TableInfo): boolean;
	/**
	 * How many of the file's required columns a line names: when given, the header is looked for
	 * below a title or notes (title-lines.ts).
	 */
	findHeader?: HeaderTest;
	row(row: Row): void;
}

export function readCsvFile(
	file: string,
	bytes: Uint8Array,
	issues: IssueCollector,
	handler: CsvHandler,
	progress?: (offset: number, length: number) => void
): CsvFileInfo | null {
	const decoded = decode(bytes);
	if (!decoded.ok) {
		reportUnreadable(file, decoded, issues);
		return null;
	}
	const { text, newline } = unifyLineBreaks(decoded.text);
	// Excel's `sep=;` line names the separator; the header is the line after it, or below a title.
	const separator = separatorLine(text);
	const place = handler.findHeader ? csvHeaderPlace(text, newline, separator, handler.findHeader) : null;
	const delimiter = place?.delimiter ?? separator ?? detectDelimiter(text);
	const info: CsvFileInfo = {
		encoding: decoded.encoding,
		delimiter,
		decimalMark: delimiter === ',' ? POINT : COMMA,
		headerLine: 1,
		rows: 0,
		dropped: 0,
		maxRows: occurrences(text, newline) + 1
	};
	let width = -1;
	let stop = false;
	let dataRow: (row: Row) => void = () => {};
	// Set by the header (in parseCsv's callback, hence the cast: TypeScript would narrow it to null).
	let unnamed = null as UnnamedColumns | null;
	const notes = new NotesBelow();
	parseCsv(text, delimiter, newline, {
		row(row) {
			if (width < 0) {
				if (isBlank(row) || (separator !== null && row.line === 1) || (place !== null && row.line < place.line)) return;
				const fields: string[] = [];
				for (let i = 0; i < row.count; i++) fields.push(row.text(i));
				width = fields.length;
				info.headerLine = row.line;
				if (place && place.titles.length > 0) reportTitleLines(file, place.titles, row.line, issues);
				if (!handler.header(fields, row.line, info)) stop = true;
				else unnamed = new UnnamedColumns(fields);
				dataRow = dataRows(file, info, width, issues, handler, unnamed, notes);
				return !stop;
			}
			dataRow(row);
		},
		quoteError(error) {
			info.dropped++;
			if (!issues.wants('error')) return issues.drop('error', file, error.line, error.column);
			const sep = DELIMITER_NAMES[delimiter];
			if (error.kind === 'unterminated') {
				issues.add({
					severity: 'error',
					code: 'broken-quoting',
					file,
					line: error.line,
					column: error.column,
					message: `Anførselstegnet i starten af feltet bliver aldrig lukket: forventede et afsluttende " før næste ${sep} eller linjeskift, fandt filens slutning. Resten af filen fra linje ${error.line} kan ikke læses.`,
					expected: '"',
					found: 'filens slutning'
				});
			} else {
				const after = error.after === undefined || error.after === '' ? 'filens slutning' : quoted(error.after);
				issues.add({
					severity: 'error',
					code: 'broken-quoting',
					file,
					line: error.line,
					column: error.column,
					message: `Feltet i anførselstegn fortsætter efter det afsluttende anførselstegn: forventede ${sep} eller linjeskift lige efter ", fandt ${after}. Et anførselstegn inde i et felt skrives "".`,
					expected: `${sep} eller linjeskift`,
					found: after
				});
			}
		},
		progress: progress && ((offset) => progress(offset, text.length))
	});
	if (width < 0) {
		issues.add({
			severity: 'error',
			code: 'empty-file',
			file,
			line: 1,
			column: 0,
			message: 'Filen er tom: forventede en overskriftslinje med kolonnenavne og derefter én linje pr. række, fandt ingen tekst.',
			expected: 'en overskriftslinje',
			found: 'ingen tekst'
		});
		return null;
	}
	progress?.(text.length, text.length);
	notes.report(file, issues);
	unnamed?.report(file, issues);
	return stop ? null : info;
}

/** What a file's unreadable bytes look like to the user. */
function reportUnreadable(file: string, problem: EncodingProblem, issues: IssueCollector): void {
	const column = problem.before === undefined ? 0 : fieldAt(problem.before);
	if (problem.mixed) return reportMixed(file, problem.line, column, problem.mixed, issues);
	issues.add({
		severity: 'error',
		code: 'unreadable-encoding',
		file,
		line: problem.line,
		column,
		message: `Filen kan ikke læses som tekst: forventede en CSV-fil gemt som UTF-8, UTF-16 eller Windows-1252, fandt ${problem.found}. Gem filen i Excel som "CSV UTF-8" eller "CSV (semikolonsepareret)".`,
		expected: 'UTF-8, UTF-16 eller Windows-1252',
		found: problem.found
	});
}

/** A UTF-8 file with a foreign byte (decode.ts, rule 3): where it is and what it would have been. */
function reportMixed(file: string, line: number, column: number, mixed: MixedEncoding, issues: IssueCollector): void {
	const hex = hexByte(mixed.byte);
	const windows = asWindows1252(mixed.byte);
	const meaning = windows === '' ? '' : ` (i Windows-1252 er det ${quoted(windows)})`;
	const elsewhere = mixed.example === '' ? 'filen begynder med en UTF-8-BOM' : `fx ${quoted(mixed.example)} i linje ${mixed.exampleLine}`;
	issues.add({
		severity: 'error',
		code: 'mixed-encoding',
		file,
		line,
		column,
		message: `Filen er mest UTF-8, men byten ${hex} på linje ${line} er ikke gyldig UTF-8: forventede hele filen i én tegnkodning, UTF-8 eller Windows-1252, fandt byten ${hex}${meaning}, mens resten er UTF-8 (${elsewhere}). Ret tegnet, eller gem filen igen som "CSV UTF-8".`,
		expected: 'én tegnkodning',
		found: hex
	});
}

/**
 * The 1-based field the end of `before` lies in: separators counted since the last line break
 * outside quotes, with the separator the file's header names.
 */
function fieldAt(before: string): number {
	const delimiter = separatorLine(before) ?? detectDelimiter(before);
	let field = 1;
	let inQuotes = false;
	for (let i = 0; i < before.length; i++) {
		const c = before[i];
		if (c === '"') inQuotes = !inQuotes;
		else if (inQuotes) continue;
		else if (c === '\n' || c === '\r') field = 1;
		else if (c === delimiter) field++;
	}
	return field;
}

/**
 * The checks every data row passes before its reader sees it: blank rows skipped, one-cell rows
 * held until a data row follows (notes below the table: notes-below.ts), the number of fields
 * against the header's.
 */
function dataRows(
	file: string,
	info: CsvFileInfo,
	width: number,
	issues: IssueCollector,
	handler: Pick<CsvHandler, 'row'>,
	unnamed: UnnamedColumns | null,
	notes: NotesBelow
): (row: Row) => void {
	const check = unnamed?.any ? unnamed : null;
	const delimiter = info.delimiter;
	const read = (row: Row) => {
		if (row.count !== width && !fitsWidth(row, width)) {
			info.dropped++;
			fieldCountError(issues, file, row, width, delimiter);
			return;
		}
		info.rows++;
		check?.check(row);
		handler.row(row);
	};
	return (row: Row) => {
		if (isBlank(row) || notes.hold(row)) return;
		if (notes.any) for (const held of notes.release()) read(held);
		read(row);
	};
}

function isBlank(row: Row): boolean {
	for (let i = 0; i < row.count; i++) if (!row.blank(i)) return false;
	return true;
}

/** More fields than the header is fine when the extra ones are blank (trailing separators). */
function fitsWidth(row: Row, width: number): boolean {
	if (row.count < width) return false;
	for (let i = width; i < row.count; i++) if (!row.blank(i)) return false;
	return true;
}

function fieldCountError(issues: IssueCollector, file: string, row: Row, width: number, delimiter: Delimiter): void {
	if (!issues.wants('error')) return issues.drop('error', file, row.line, 0);
	const sep = DELIMITER_NAMES[delimiter];
	const hint =
		row.count > width
			? ` Står der et ${sep} inde i en værdi? Så skal værdien stå i anførselstegn ("...").`
			: ' Mangler der en værdi, eller er linjen delt i to?';
	issues.add({
		severity: 'error',
		code: 'wrong-field-count',
		file,
		line: row.line,
		column: 0,
		message: `Linjen har ${row.count} felter: forventede ${width} felter adskilt af ${sep} som i overskriften, fandt ${row.count}.${hint}`,
		expected: String(width),
		found: String(row.count)
	});
}
