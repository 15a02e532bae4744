/**
 * CSV that Danish Excel opens with a double click, without the import wizard:
 *
 * - `;` between fields: Excel takes the list separator from the regional settings, which is `;`
 *   wherever the decimal separator is a comma (da-DK);
 * - decimal comma and no thousands separator (`1234,5`): Danish Excel reads it as a number, and no
 *   reader mistakes a grouping dot for a decimal point;
 * - UTF-8 with a byte order mark: without the BOM Excel reads the file as Windows-1252 and æøå,
 *   ‰ and ² come out garbled;
 * - CRLF line ends (RFC 4180), and a field is quoted when it holds `;`, `"`, CR or LF, with `"`
 *   doubled inside.
 *
 * Text from the data (a department's name) is neutralised against formula injection: Excel,
 * LibreOffice and Google Sheets run a cell that starts with `=`, `+`, `-` or `@` as a formula
 * (`=HYPERLINK(...)`, `=cmd|...`), and a leading tab or CR can hide such a start from a check.
 * Following OWASP's advice (https://owasp.org/www-community/attacks/CSV_Injection) such a text cell
 * gets a leading `'`, which makes the spreadsheet show it as text. Numbers are written by us, not
 * taken from the data, so a negative number stays a number.
 *
 * Missing and suppressed values are the screen's dash (`–`, an en dash, which starts no formula).
 */
import type { Lang } from '../i18n/lang.ts';
import { cellText, isNumberCell, numberText, type ExportCell, type ExportTable } from './export-table.ts';

export const CSV_SEPARATOR = ';';
export const CSV_NEWLINE = '\r\n';
export const BOM = '\ufeff';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[;"\r\n]/;

/** A text cell made safe to open: a leading `'` where a spreadsheet would see a formula. */
export function neutraliseFormula(text: string): string {
	return FORMULA_START.test(text) ? `'${text}` : text;
}

/** A field quoted when it must be (RFC 4180, with `;` as the separator). */
export function quoteField(text: string): string {
	return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellField(cell: ExportCell, lang: Lang): string {
	if (isNumberCell(cell)) return numberText(cell, 'da', false);
	if (typeof cell === 'string') return quoteField(neutraliseFormula(cell));
	// The dash and the empty cell need neither quotes nor neutralising.
	return cellText(cell, lang);
}

/** The table as CSV text, BOM first; headers are text from the data too, so they are neutralised. */
export function toCsv(table: ExportTable, lang: Lang): string {
	const lines = [
		table.columns.map((c) => quoteField(neutraliseFormula(c.header))).join(CSV_SEPARATOR),
		...table.rows.map((row) => row.map((cell) => cellField(cell, lang)).join(CSV_SEPARATOR))
	];
	return BOM + lines.join(CSV_NEWLINE) + CSV_NEWLINE;
}

/** The CSV as UTF-8 bytes (the BOM included), for a download or the package. */
export function csvBytes(table: ExportTable, lang: Lang): Uint8Array {
	return new TextEncoder().encode(toCsv(table, lang));
}
