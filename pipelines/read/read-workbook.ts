/**
 * A workbook file (.xlsx) to the one sheet the pipeline reads, with every cell as Excel holds it:
 * numbers as numbers, text as text (shared strings, inline strings and rich text alike), dates
 * with their day number, booleans, formulas by the value Excel saved with them, formula
 * errors (`#DIV/0!`) as errors, and numbers shown as percentages as the text Excel shows
 * (`30,5%`). read-sheet.ts turns the sheet into rows for the row readers.
 *
 * Which sheet: returned is the first visible sheet in tab order that holds anything (a hidden one
 * only when no visible sheet does), with every sheet beside it; the reader then takes the first
 * whose header names the table's columns (sheet-choice.ts), which also warns of the other sheets
 * with content. A workbook without any content is an empty file.
 *
 * A workbook that unpacks to more than MAX_UNPACKED (workbook-size.ts) is refused before exceljs
 * loads it. A file that is not a workbook gets a clear error instead of the library's: an old Excel
 * 97-2003 file (.xls, or such a file renamed .xlsx), a password-protected workbook (Excel then
 * writes an encrypted OLE container, not a ZIP), a ZIP holding no workbook (a Word document, an
 * .ods or a zipped CSV renamed .xlsx), and anything else that does not unpack.
 */
import ExcelJS from 'exceljs';
import { unzipSync } from 'fflate';
import { quoted, type IssueCollector } from './issues.ts';
import { excelFormXml } from './workbook-xml.ts';
import { MAX_UNPACKED, unpackedSize } from './workbook-size.ts';

/** A date cell: the date (UTC, as exceljs gives it) and Excel's day number behind it. */
export interface DateCell {
	date: Date;
	serial: number;
}

/**
 * One cell. `error` is a formula error as Excel shows it (`#DIV/0!`, `#N/A`); `formula` a formula
 * saved without its value (written by a program, never opened in Excel).
 */
export type SheetCell = null | string | number | boolean | DateCell | { error: string } | { formula: string };

export interface SheetRow {
	/** Excel's row number. */
	number: number;
	/** cells[0] is column A, so cells[i] is column i + 1 as Excel counts; empty cells are null. */
	cells: SheetCell[];
}

export interface Sheet {
	name: string;
	/** The rows with content, in order. */
	rows: SheetRow[];
	/** Hidden in Excel (hidden or very hidden). */
	hidden?: boolean;
	/** Every sheet of the workbook, in tab order, for the choice of the table's sheet (sheet-choice.ts). */
	workbook?: readonly Sheet[];
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
/** The OLE compound file signature: Excel 97-2003 files and encrypted (password) workbooks. */
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream an encrypted OOXML workbook keeps its package in (MS-OFFCRYPTO 2.3.4.4), as UTF-16LE. */
const ENCRYPTED_PACKAGE = Buffer.from('EncryptedPackage', 'utf16le');

export async function readWorkbook(file: string, bytes: Uint8Array, issues: IssueCollector): Promise<Sheet | null> {
	const fail = (code: string, found: string, advice: string, expected = 'en Excel-projektmappe (.xlsx)') => {
		issues.add({
			severity: 'error',
			code,
			file,
			line: 0,
			column: 0,
			message: `Regnearket kan ikke læses: forventede ${expected}, fandt ${found}. ${advice}`,
			expected,
			found
		});
		return null;
	};
	const saveAgain = 'Åbn filen i Excel, og gem den som "Excel-projektmappe (*.xlsx)" eller som CSV.';
	if (/\.xls$/i.test(file) || (startsWith(bytes, OLE) && !isEncrypted(bytes))) {
		return fail('old-excel-format', 'en fil i det gamle Excel 97-2003-format (.xls)', saveAgain);
	}
	if (startsWith(bytes, OLE)) {
		return fail(
			'password-protected',
			'en projektmappe beskyttet med adgangskode',
			'Fjern adgangskoden i Excel (Filer > Oplysninger > Beskyt projektmappe > Krypter med adgangskode), og gem filen igen.',
			'en projektmappe uden adgangskode'
		);
	}
	if (bytes.length === 0) return fail('empty-file', 'en tom fil', saveAgain);
	if (!startsWith(bytes, ZIP)) return fail('unreadable-workbook', 'en fil, der ikke er et Excel-regneark', saveAgain);
	// A ZIP that holds no workbook part (a Word document, an .ods or a zipped CSV renamed .xlsx):
	// exceljs loads it without a word and then fails on the missing workbook.
	const other = notAWorkbook(bytes);
	if (typeof other === 'object') return fail('unreadable-workbook', other.found, other.advice ?? saveAgain);
	// Counted before exceljs holds it all in memory (workbook-size.ts); a ZIP that breaks while
	// counting gets the message for a broken file below, from exceljs's own failure.
	let size: number | null;
	try {
		size = unpackedSize(bytes);
	} catch {
		size = 0;
	}
	if (size === null) {
		const limit = `${MAX_UNPACKED / 1024 / 1024} MB`;
		return fail(
			'workbook-too-large',
			`en projektmappe, der fylder over ${limit} pakket ud (ZIP-filen er ${(bytes.length / 1024 / 1024).toLocaleString('da-DK', { maximumFractionDigits: 1 })} MB)`,
			'Så store tabeller læses kun som CSV: gem arket i Excel som "CSV UTF-8" eller "CSV (semikolonsepareret)".',
			`en projektmappe på højst ${limit} pakket ud`
		);
	}
	let sheets = await loadSheets(bytes).catch(() => null);
	if (sheets === null && other === 'workbook') {
		// A sheet whose XML uses prefixes (`<x:row>`, the OpenXML SDK's) or leaves out cell
		// addresses, which Excel opens: read again in the form Excel saves (workbook-xml.ts).
		const excelForm = excelFormXml(bytes);
		if (excelForm) sheets = await loadSheets(excelForm).catch(() => null);
	}
	if (sheets === null) {
		// A ZIP that unpacks and names a workbook part is not broken as a ZIP: exceljs could not read
		// its sheets, even in the form Excel saves.
		const found =
			other === 'workbook'
				? 'en projektmappe, som ikke kan læses (beskadiget, eller skrevet af et andet program i en form, Excel selv ikke gemmer)'
				: 'en beskadiget fil, der ikke kan pakkes ud';
		return fail('unreadable-workbook', found, saveAgain);
	}
	// The sheet a user sees: a hidden sheet (a lookup list, a pivot's source) is read only when no
	// visible sheet has content; either way the other sheets with content get a warning below.
	const chosen = sheets.find((s) => !s.hidden && s.rows.length > 0) ?? sheets.find((s) => s.rows.length > 0);
	if (!chosen) {
		const found = sheets.length === 0 ? 'ingen ark' : `kun tomme ark (${sheets.map((s) => quoted(s.name)).join(', ')})`;
		return fail(
			'empty-file',
			found,
			'Læg overskriftsrækken og dataene i projektmappens første ark.',
			'et ark med en overskriftsrække og data'
		);
	}
	// Which sheet holds the table is decided with the table's columns (sheet-choice.ts); this is
	// the choice without them.
	for (const sheet of sheets) sheet.workbook = sheets;
	return chosen;
}

/** Every sheet of a workbook, through exceljs; throws what exceljs throws. */
async function loadSheets(bytes: Uint8Array): Promise<Sheet[]> {
	const workbook = new ExcelJS.Workbook();
	// A copy as a plain ArrayBuffer: exceljs's typings take no Node Buffer, and JSZip reads either.
	await workbook.xlsx.load(bytes.slice().buffer as ArrayBuffer);
	const date1904 = workbook.properties?.date1904 === true;
	return workbook.worksheets.map((worksheet) => ({
		name: worksheet.name,
		rows: sheetRows(worksheet, date1904),
		hidden: worksheet.state !== 'visible'
	}));
}

function sheetRows(worksheet: ExcelJS.Worksheet, date1904: boolean): SheetRow[] {
	const rows: SheetRow[] = [];
	worksheet.eachRow({ includeEmpty: false }, (row, number) => {
		const cells: SheetCell[] = [];
		let filled = false;
		row.eachCell({ includeEmpty: false }, (cell, column) => {
			// The covered cells of a merged range hold nothing in the file (exceljs hands them the
			// first cell's value); a CSV export leaves them empty too.
			if (cell.type === ExcelJS.ValueType.Merge) return;
			let value = sheetCell(cell.value, date1904);
			// A shared formula's value names only its master cell (`G2`); cell.formula is this
			// cell's own formula, translated from the master's as Excel shows it.
			if (value !== null && typeof value === 'object' && 'formula' in value && cell.formula) value = { formula: cell.formula };
			// A number shown as a percentage (0,305 shown 30,5 %) is read as the text Excel shows,
			// which no number column takes, as `30,5%` in a CSV file: no column here holds a share,
			// so reading 0,305 persons or the percent's 30,5 would each be a guess.
			if (typeof value === 'number' && isPercentFormat(cell.numFmt)) value = percentText(value);
			if (value === null || value === '') return;
			while (cells.length < column - 1) cells.push(null);
			cells[column - 1] = value;
			filled = true;
		});
		if (filled) rows.push({ number, cells });
	});
	return rows;
}

/** exceljs's cell value to a SheetCell; formulas by their saved result, hyperlinks by their text. */
function sheetCell(value: ExcelJS.CellValue | undefined, date1904: boolean): SheetCell {
	if (value === null || value === undefined) return null;
	if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
	// Day number as exceljs's own utils.dateToExcel computes it, so it inverts excelToDate.
	if (value instanceof Date) return { date: value, serial: 25569 + value.getTime() / 86_400_000 - (date1904 ? 1462 : 0) };
	if ('error' in value) return { error: value.error };
	if ('richText' in value) return value.richText.map((run) => run.text).join('');
	if ('formula' in value || 'sharedFormula' in value) {
		if (value.result === undefined) return { formula: 'sharedFormula' in value ? value.sharedFormula : value.formula };
		return sheetCell(value.result as ExcelJS.CellValue, date1904);
	}
	if ('hyperlink' in value) return sheetCell(value.text as ExcelJS.CellValue, date1904);
	return null;
}

/** A number format that shows a percentage: a `%` outside quoted text, escapes and [colour] tags. */
function isPercentFormat(format: string | undefined): boolean {
	return typeof format === 'string' && format.replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '').includes('%');
}

/** 0.305 → `30,5%`: the percentage to 15 significant digits (so 0,305 × 100 is not 30,499…). */
function percentText(value: number): string {
	return `${String(Number((value * 100).toPrecision(15))).replace('.', ',')}%`;
}

/**
 * What a ZIP file without a workbook part is, from the names of its entries (none is unpacked),
 * for the message: 'workbook' when it has a workbook part (`xl/workbook.xml`, as Excel and every
 * writer we know name it), 'unlisted' when its entries cannot be listed (a broken ZIP).
 */
function notAWorkbook(bytes: Uint8Array): { found: string; advice?: string } | 'workbook' | 'unlisted' {
	const names: string[] = [];
	try {
		unzipSync(bytes, {
			filter: (entry) => {
				names.push(entry.name);
				return false;
			}
		});
	} catch {
		return 'unlisted';
	}
	if (names.some((name) => /^xl\/[^/]*workbook[^/]*\.xml$/i.test(name))) return 'workbook';
	if (names.includes('word/document.xml')) return { found: 'et Word-dokument (.docx), ikke et regneark' };
	if (names.includes('ppt/presentation.xml')) return { found: 'en PowerPoint-præsentation (.pptx), ikke et regneark' };
	if (names.includes('content.xml') && names.includes('mimetype')) {
		return {
			found: 'et OpenDocument-regneark (.ods, fx fra LibreOffice), omdøbt til .xlsx',
			advice: 'Åbn filen i LibreOffice eller Excel, og gem den som "Excel 2007-365 (.xlsx)" eller som CSV.'
		};
	}
	const shown = names.filter((name) => !name.endsWith('/')).slice(0, 3);
	const found = `en ZIP-fil uden et regneark${shown.length ? ` (den indeholder ${shown.map((n) => quoted(n)).join(', ')}${names.length > 3 ? ' …' : ''})` : ''}`;
	return {
		found,
		advice:
			'Pak filen ud, og læg den fil, den indeholder, i mappen; eller gem tabellen i Excel som "Excel-projektmappe (*.xlsx)" eller som CSV.'
	};
}

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
	return signature.every((b, i) => bytes[i] === b);
}

function isEncrypted(bytes: Uint8Array): boolean {
	return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).includes(ENCRYPTED_PACKAGE);
}
