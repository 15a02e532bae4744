/**
 * Where a table's rows come from: a CSV file's bytes, or the sheet read from a workbook
 * (read-workbook.ts). Both reach the row readers through the same CsvHandler, so a .xlsx gets
 * exactly the checks its .csv twin gets.
 */
import type { IssueCollector } from './issues.ts';
import { readCsvFile, type CsvHandler, type TableInfo } from './read-csv-file.ts';
import { readSheet } from './read-sheet.ts';
import { readWorkbook, type Sheet } from './read-workbook.ts';

export type TableSource = Uint8Array | Sheet;

/** A table file's name without its format: `noegletal_2024` for `noegletal_2024.xlsx`; null for other files. */
export function tableStem(name: string): string | null {
	const match = /^(.*)\.(csv|xlsx|xls)$/i.exec(name);
	return match ? match[1]! : null;
}

/**
 * A table file's bytes as a source: a workbook's sheet for .xlsx (and .xls, which gets its
 * error there), the bytes themselves for .csv; null after an error.
 */
export async function tableSource(file: string, bytes: Uint8Array, issues: IssueCollector): Promise<TableSource | null> {
	return /\.xlsx?$/i.test(file) ? readWorkbook(file, bytes, issues) : bytes;
}

export function readTable(
	file: string,
	source: TableSource,
	issues: IssueCollector,
	handler: CsvHandler,
	progress?: (offset: number, length: number) => void
): TableInfo | null {
	return source instanceof Uint8Array ? readCsvFile(file, source, issues, handler, progress) : readSheet(file, source, issues, handler);
}
