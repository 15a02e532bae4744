/**
 * XLSX with real numbers: a figure is a number cell holding the value the screen shows (rounded as
 * shown), formatted with the indicator's decimals and a thousands separator (`#,##0.0`, which
 * Danish Excel shows as `1.234,5`); the unit is in the column header. Text from the data is a
 * string cell (a shared string), which Excel never evaluates, so `=SUM(A1)` as a name stays those
 * characters and needs no leading `'` here. Missing and suppressed values are the screen's dash.
 *
 * write-excel-file is loaded when the user exports (a dynamic import), so the first page's
 * JavaScript does not carry it. Its "universal" build makes a Blob in the browser and in Node alike.
 */
import { NO_VALUE } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { isNumberCell, shownNumber, type ExportCell, type ExportTable } from './export-table.ts';
import { xmlSafe } from './xml-text.ts';

/** Excel's rules for a sheet name: at most 31 characters, none of []:*?/\ and no ' at either end. */
export function sheetName(title: string, taken: Set<string>): string {
	const base =
		xmlSafe(title)
			.replace(/[[\]:*?/\\]/g, '-')
			.replace(/^'+|'+$/g, '')
			.trim() || 'Ark';
	// A cut name ends in "…", so it reads as cut; the "Om data" sheet has the full titles.
	const fit = (suffix: string) =>
		base.length + suffix.length <= 31 ? base + suffix : base.slice(0, 30 - suffix.length).trimEnd() + '…' + suffix;
	let name = fit('');
	for (let n = 2; taken.has(name.toLowerCase()); n++) name = fit(` (${n})`);
	taken.add(name.toLowerCase());
	return name;
}

/** Excel number format for a number of decimals: `#,##0`, `#,##0.0`, …; plain years as `0`. */
export function numberFormat(decimals: number, plain = false): string {
	const whole = plain ? '0' : '#,##0';
	return decimals > 0 ? `${whole}.${'0'.repeat(decimals)}` : whole;
}

type XlsxCell =
	| { value: string; type: StringConstructor; fontWeight?: 'bold'; wrap?: boolean }
	| { value: number; type: NumberConstructor; format: string }
	| null;

function toXlsxCell(cell: ExportCell): XlsxCell {
	if (cell === null) return null;
	if (typeof cell === 'string') return { value: xmlSafe(cell), type: String };
	if (isNumberCell(cell)) return { value: shownNumber(cell), type: Number, format: numberFormat(cell.decimals, cell.plain) };
	return { value: NO_VALUE, type: String };
}

/** Rough column widths in characters, from the longest text in each column (capped). */
function columnWidths(table: ExportTable): { width: number }[] {
	return table.columns.map((column, i) => {
		let longest = Math.max(...column.header.split('\n').map((line) => line.length));
		for (const row of table.rows) {
			const cell = row[i];
			const text = typeof cell === 'string' ? cell : isNumberCell(cell ?? null) ? String((cell as { value: number }).value) : '';
			for (const line of text.split('\n')) longest = Math.max(longest, line.length);
		}
		return { width: Math.min(60, Math.max(8, longest + 2)) };
	});
}

/** The rows of a sheet: the header (bold) and the table's rows. */
export function sheetRows(table: ExportTable): XlsxCell[][] {
	const header: XlsxCell[] = table.columns.map((c) => ({ value: xmlSafe(c.header), type: String, fontWeight: 'bold' }));
	return [header, ...table.rows.map((row) => row.map(toXlsxCell))];
}

/**
 * A workbook with one sheet per table, and a last sheet "Om data" with the lines given in `about`
 * (title, unit, period, source, demo note), so the numbers travel with what they are.
 */
export async function toXlsx(tables: ExportTable[], about: string[], lang: Lang): Promise<Blob> {
	const { default: writeXlsxFile } = await import('write-excel-file/universal');
	const taken = new Set<string>();
	const sheets = tables.map((table) => ({
		data: sheetRows(table),
		sheet: sheetName(table.title, taken),
		columns: columnWidths(table),
		stickyRowsCount: 1
	}));
	sheets.push({
		data: about.map((line) => [{ value: xmlSafe(line), type: String }]),
		sheet: sheetName(exportStrings(lang).aboutSheet, taken),
		columns: [{ width: 100 }],
		stickyRowsCount: 0
	});
	// The library's cell type is a wide union; ours is a subset of it.
	return writeXlsxFile(sheets as Parameters<typeof writeXlsxFile>[0] & object[], { fontFamily: 'Calibri', fontSize: 11 }).toBlob();
}
