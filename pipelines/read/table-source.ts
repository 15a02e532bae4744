/**
 * Where a table's rows come from: a CSV file's bytes, or the sheet read from a workbook
 * (read-workbook.ts). Both reach the row readers through the same CsvHandler, so a .xlsx gets
 * exactly the checks its .csv twin gets.
 */
import type { IssueCollector } from './issues.ts';
import { readCsvFile, type CsvHandler, type TableInfo } from './read-csv-file.ts';
import { readSheet } from './read-sheet.ts';
import type { Sheet } from './read-workbook.ts';

export type TableSource = Uint8Array | Sheet;

/**
 * Formats a table is saved in that are not read, each with what to do instead: a file
 * `noegletal.ods` is the user's key figures in another form, and "no key figures" would hide it.
 */
const OTHER_FORMATS: Record<string, { found: string; advice: string }> = {
	xlsm: { found: 'en projektmappe med makroer (.xlsm)', advice: 'Gem den i Excel som "Excel-projektmappe (*.xlsx)" eller som CSV.' },
	xlsb: { found: 'en binær Excel-projektmappe (.xlsb)', advice: 'Gem den i Excel som "Excel-projektmappe (*.xlsx)" eller som CSV.' },
	xltx: { found: 'en Excel-skabelon (.xltx)', advice: 'Gem den i Excel som "Excel-projektmappe (*.xlsx)" eller som CSV.' },
	ods: {
		found: 'et OpenDocument-regneark (.ods)',
		advice: 'Gem det i LibreOffice eller Excel som "Excel 2007-365 (.xlsx)" eller som CSV.'
	},
	numbers: { found: 'et Numbers-regneark (.numbers)', advice: 'Eksportér det fra Numbers som Excel (.xlsx) eller CSV.' }
};

/**
 * A table file's name without its format: `noegletal_2024` for `noegletal_2024.xlsx`; null for
 * other files. The formats that are not read (OTHER_FORMATS) count too, so they get their error.
 */
export function tableStem(name: string): string | null {
	const match = /^(.*)\.(csv|xlsx|xls|xlsm|xlsb|xltx|ods|numbers)$/i.exec(name);
	return match ? match[1]! : null;
}

/**
 * A table file's bytes as a source: a workbook's sheet for .xlsx (and .xls, which gets its
 * error there), the bytes themselves for .csv; null after an error (also for a format that is
 * not read: OTHER_FORMATS).
 */
export async function tableSource(file: string, bytes: Uint8Array, issues: IssueCollector): Promise<TableSource | null> {
	const other = OTHER_FORMATS[file.slice(file.lastIndexOf('.') + 1).toLowerCase()];
	if (other) {
		const expected = 'en CSV-fil (.csv) eller en Excel-projektmappe (.xlsx)';
		issues.add({
			severity: 'error',
			code: 'unsupported-format',
			file,
			line: 0,
			column: 0,
			message: `Filen kan ikke læses i dette format: forventede ${expected}, fandt ${other.found}. ${other.advice}`,
			expected,
			found: other.found
		});
		return null;
	}
	if (!/\.xlsx?$/i.test(file)) return bytes;
	// Loaded with the first workbook, not with the read step: exceljs and fflate took about 0.6 s of
	// CPU at the start of every ingest, CSV files only or not (bench/HISTORY.md, `ingest3`).
	const { readWorkbook } = await import('./read-workbook.ts');
	return readWorkbook(file, bytes, issues);
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
