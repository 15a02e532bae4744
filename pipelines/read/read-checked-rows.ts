/**
 * A small register-like table (aftaler, indsatser; .csv or .xlsx) read line by line through CellChecks:
 * the header is mapped to the contract's columns (a missing required column stops the file), then
 * each data row is handed to the file's own line reader, which reports its problems and returns
 * the row, or null when the line cannot be used.
 */
import { CellChecks } from './cell-checks.ts';
import { headerTest, mapHeaders } from './headers.ts';
import type { IssueCollector } from './issues.ts';
import type { TableInfo } from './read-csv-file.ts';
import { readTable, type TableSource } from './table-source.ts';

export interface CheckedRows<T> {
	rows: T[];
	info: TableInfo | null;
}

export function readCheckedRows<T>(
	file: string,
	source: TableSource,
	issues: IssueCollector,
	columns: { allowed: readonly string[]; required: readonly string[] },
	readLine: (cells: CellChecks) => T | null
): CheckedRows<T> {
	const rows: T[] = [];
	let cells: CellChecks | null = null;
	const info = readTable(file, source, issues, {
		header(fields, line, info) {
			const mapped = mapHeaders(file, fields, line, columns.allowed, columns.required, issues);
			if (!mapped) return false;
			cells = new CellChecks(file, mapped, info.decimalMark, issues);
			return true;
		},
		findHeader: headerTest(columns.allowed, columns.required),
		row(row) {
			if (!cells) return;
			cells.start(row);
			const value = readLine(cells);
			if (value) rows.push(value);
		}
	});
	return { rows, info };
}
