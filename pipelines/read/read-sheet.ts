/**
 * A workbook's sheet (read-workbook.ts) to the header and Row objects the CSV readers take, so
 * afdelinger, noegletal, aftaler and indsatser are checked by the same code whether they come as
 * .csv or .xlsx. Row.line is Excel's row number and field i is Excel's column i + 1 (empty
 * leading columns stay in as empty fields), so every message points at the cell: `Ark1!C17`.
 *
 * Cells become the text the row readers parse, chosen so nothing is guessed:
 * - A number becomes its decimal form at Excel's precision of 15 significant digits, with a
 *   decimal comma (1234.5 → `1234,5`; a formula's 125.99999999999999 → `126`, as Excel shows it
 *   and writes it to CSV), and the sheet's decimal mark is the comma, so the reader gets back
 *   the number Excel shows.
 *   Text that looks like a number (`12,5` typed into a text cell) is read as in a `;` CSV file.
 * - A date in a year column (aar, opfoerelsesaar, basisaar, …) is its year; a whole day number
 *   from 1800 to 2200 is taken as the year itself, because that is what a year typed into a cell
 *   formatted as a date looks like (2024 shows as 16-07-1905). Elsewhere a date is `2024-01-31`,
 *   which no number column accepts.
 * - A boolean is `SAND` or `FALSK`, as Danish Excel shows it.
 * - A formula error (`#DIV/0!`, `#N/A`) or a formula saved without its value, in a column the
 *   pipeline knows, is an error at its cell and the row is left out (as a CSV row with a broken
 *   field is), so the same cell does not also show up as "empty".
 *
 * The header is the row among the sheet's first HEADER_SEARCH rows that names most of the
 * required columns, below any title or notes (title-lines.ts); cells right of its last heading are
 * not read (notes beside the table are common in workbooks), nor are blank rows, nor the one-cell
 * rows after the last data row (notes below the table: notes-below.ts).
 */
import { canonicalColumn } from '../../src/lib/core/input-contract.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { COMMA } from './numbers.ts';
import { Row } from './parse-csv.ts';
import type { CsvHandler, TableInfo } from './read-csv-file.ts';
import { NotesBelow } from './notes-below.ts';
import { chooseSheet } from './sheet-choice.ts';
import { headerIndex, HEADER_SEARCH, reportTitleLines, type ContentLine } from './title-lines.ts';
import { UnnamedColumns } from './unnamed-columns.ts';
import type { DateCell, Sheet, SheetCell } from './read-workbook.ts';

const YEAR_COLUMNS = new Set(['aar', 'opfoerelsesaar', 'basisaar', 'maalaar', 'aftaleaar', 'startaar', 'slutaar']);

export function readSheet(file: string, workbookSheet: Sheet, issues: IssueCollector, handler: CsvHandler): TableInfo | null {
	const sheet = chooseSheet(file, workbookSheet, issues, handler.findHeader);
	const info: TableInfo = { decimalMark: COMMA, headerLine: 1, rows: 0, dropped: 0, maxRows: sheet.rows.length };
	// The first rows with content, as the header search sees them (by index into sheet.rows).
	const content: (ContentLine & { index: number })[] = [];
	for (let r = 0; r < sheet.rows.length && (content.length === 0 || sheet.rows[r]!.number <= HEADER_SEARCH); r++) {
		const fields = sheet.rows[r]!.cells.map((c) => text(c, false));
		if (fields.some((f) => !blank(f))) content.push({ line: sheet.rows[r]!.number, fields, index: r });
	}
	if (content.length === 0) {
		issues.add({
			severity: 'error',
			code: 'empty-file',
			file,
			line: 0,
			column: 0,
			message: 'Arket er tomt: forventede en overskriftsrække med kolonnenavne og derefter én række pr. linje, fandt kun tomme celler.',
			expected: 'en overskriftsrække',
			found: 'kun tomme celler'
		});
		return null;
	}
	const found = handler.findHeader ? headerIndex(content, handler.findHeader) : 0;
	const start = content[found]!.index;
	const head = sheet.rows[start]!;
	info.headerLine = head.number;
	if (found > 0) reportTitleLines(file, content.slice(0, found), head.number, issues);
	const fields = [...content[found]!.fields];
	const width = fields.length;
	if (!handler.header(fields, head.number, info)) return null;
	const unnamed = new UnnamedColumns(fields);
	const known = fields.map((f) => canonicalColumn(f.trim()));
	const isYear = known.map((c) => c !== null && YEAR_COLUMNS.has(c));
	const row = new Row();
	row.grow(width);
	row.count = width;
	const notes = new NotesBelow();
	const read = (data: Row) => {
		info.rows++;
		if (unnamed.any) unnamed.check(data);
		handler.row(data);
	};
	for (let r = start + 1; r < sheet.rows.length; r++) {
		const { number, cells } = sheet.rows[r]!;
		const source: string[] = [];
		let bad = false;
		let empty = true;
		for (let i = 0; i < width; i++) {
			const cell = cells[i] ?? null;
			if (cell !== null && typeof cell === 'object' && ('error' in cell || 'formula' in cell) && known[i] !== null) {
				bad = true;
				formulaProblem(file, number, i, fields[i]!.trim(), cell, issues);
			}
			const value = text(cell, isYear[i]!);
			source.push(value);
			row.starts[i] = 0;
			row.ends[i] = value.length;
			if (!blank(value)) empty = false;
		}
		if (bad) {
			info.dropped++;
			continue;
		}
		if (empty) continue;
		row.source = source;
		row.line = number;
		if (notes.hold(row)) continue;
		if (notes.any) for (const held of notes.release()) read(held);
		read(row);
	}
	notes.report(file, issues);
	unnamed.report(file, issues);
	return info;
}

/** The text a row reader sees for a cell; see the file's comment for each kind. */
function text(cell: SheetCell, yearColumn: boolean): string {
	if (cell === null) return '';
	if (typeof cell === 'string') return cell;
	// At Excel's own precision, 15 significant digits: what Excel shows, compares with and writes to
	// CSV, so a count a formula left at 125.99999999999999 is 126, as in the sheet's CSV export.
	if (typeof cell === 'number') return String(Number(cell.toPrecision(15))).replace('.', ',');
	if (typeof cell === 'boolean') return cell ? 'SAND' : 'FALSK';
	if ('error' in cell) return cell.error;
	if ('formula' in cell) return '';
	return yearColumn ? String(yearOf(cell)) : dateText(cell);
}

function yearOf(cell: DateCell): number {
	const day = Math.round(cell.serial);
	if (Math.abs(cell.serial - day) < 1e-6 && day >= 1800 && day <= 2200) return day;
	return cell.date.getUTCFullYear();
}

/** `2024-01-31`, with the time when there is one (`2024-01-31 12:30`). */
function dateText(cell: DateCell): string {
	const iso = cell.date.toISOString();
	const time = iso.slice(11, 16);
	return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function blank(value: string): boolean {
	return value.trim() === '';
}

function formulaProblem(
	file: string,
	line: number,
	field: number,
	header: string,
	cell: { error: string } | { formula: string },
	issues: IssueCollector
): void {
	if (!issues.wants('error')) return issues.drop('error', file, line, field + 1);
	if ('error' in cell) {
		issues.add({
			severity: 'error',
			code: 'formula-error',
			file,
			line,
			column: field + 1,
			message: `Cellen i kolonnen ${quoted(header)} viser Excel-fejlen ${cell.error}: forventede en værdi eller en tom celle, fandt ${quoted(cell.error)} fra en formel. Ret formlen, eller skriv værdien ind.`,
			expected: 'en værdi',
			found: cell.error
		});
	} else {
		issues.add({
			severity: 'error',
			code: 'formula-without-value',
			file,
			line,
			column: field + 1,
			message: `Formlen i kolonnen ${quoted(header)} har ingen gemt værdi: forventede værdien, som Excel gemmer sammen med formlen, fandt kun formlen ${quoted(`=${cell.formula}`)}. Åbn filen i Excel, og gem den igen.`,
			expected: 'en gemt værdi',
			found: `=${cell.formula}`
		});
	}
}
