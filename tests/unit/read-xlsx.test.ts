/**
 * Workbooks (.xlsx) read directly: the good workbook fixtures give the same ParsedInput as their
 * CSV twins; cells are read as Excel holds them (numbers to the last bit, dates by column, booleans,
 * formulas by their saved value, both date systems), also from a workbook exceljs itself wrote;
 * positions print as `file:Sheet!C17`. The bad workbook fixtures' reports are golden files in
 * read-golden.test.ts.
 */
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { silentReporter, type ParsedInput } from '../../pipelines/read/model.ts';
import { columnLetters, sheetPosition } from '../../pipelines/read/cell-address.ts';
import { formatIssue, IssueCollector, jsonReport } from '../../pipelines/read/issues.ts';
import type { Row } from '../../pipelines/read/parse-csv.ts';
import { COMMA, parseNumberText } from '../../pipelines/read/numbers.ts';
import { readInput } from '../../pipelines/read/read-input.ts';
import { readSheet } from '../../pipelines/read/read-sheet.ts';
import { readWorkbook } from '../../pipelines/read/read-workbook.ts';
import { XLSX_FIXTURES } from '../fixtures/make-xlsx-fixtures.ts';
import { excelDay, table, xlsx, type XlsxCell } from '../support/xlsx-writer.ts';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));

/** ParsedInput without what names the files (file names, hashes), which differ between twins by design. */
function content(input: ParsedInput) {
	return {
		...input,
		files: input.files.map((f) => f.rows),
		// Issues are compared on their own (by code and place), since they name the file.
		issues: [],
		departments: input.departments.map((d) => ({ ...d, source: { ...d.source, file: d.source.file.replace(/\.(csv|xlsx)$/, '') } }))
	};
}

/** Each data row of a sheet as the row readers see it: line and field texts. */
async function rowsOf(bytes: Uint8Array): Promise<{ issues: string[]; header: string[]; rows: [number, string[]][] }> {
	const issues = new IssueCollector();
	const sheet = await readWorkbook('test.xlsx', bytes, issues);
	let header: string[] = [];
	const rows: [number, string[]][] = [];
	if (sheet) {
		readSheet('test.xlsx', sheet, issues, {
			header(fields) {
				header = fields;
				return true;
			},
			row(row: Row) {
				rows.push([row.line, Array.from({ length: row.count }, (_, i) => row.text(i))]);
			}
		});
	}
	return { issues: issues.list().map(formatIssue), header, rows };
}

describe('workbook fixtures', () => {
	it('are the bytes make-xlsx-fixtures.ts writes', () => {
		for (const [path, bytes] of Object.entries(XLSX_FIXTURES)) {
			expect(Buffer.compare(readFileSync(`${fixtures}${path}`), Buffer.from(bytes)), path).toBe(0);
		}
	});

	for (const name of ['utf8-bom-semicolon', 'hostile-names']) {
		it(`good/xlsx-${name} reads into the same ParsedInput as good/${name}`, async () => {
			const fromCsv = await readInput(`${fixtures}good/${name}`, silentReporter);
			const fromXlsx = await readInput(`${fixtures}good/xlsx-${name}`, silentReporter);
			// The same issues as the CSV twin (hostile-names has only some key-figure columns), at
			// the same rows and columns.
			const where = (i: { code: string; line: number; column: number; severity: string }) =>
				`${i.severity} ${i.code} ${i.line}:${i.column}`;
			expect(fromXlsx.issues.map(where)).toEqual(fromCsv.issues.map(where));
			expect(content(fromXlsx)).toEqual(content(fromCsv));
			expect(fromXlsx.files.every((f) => f.file.endsWith('.xlsx') || !f.file.endsWith('.csv'))).toBe(true);
		});
	}
});

describe('cells as Excel holds them', () => {
	it("gives numbers back at Excel's 15 significant digits, with no decimal mark guessed", async () => {
		// A formula's float noise (0.1 + 0.2; 0.7 * 180 = 125.99999999999999) is what Excel shows and
		// writes to CSV at 15 digits: 0,3 and 126, so a count computed by a formula is whole.
		const values = [0.1 + 0.2, 0.7 * 180, 1.234, 1234.5, -0.5, 1e-7, 123456789.123, 2 ** 53 + 2, 1e21, 126.000000000126];
		const { rows } = await rowsOf(xlsx([{ name: 'Ark1', cells: table('A1', [values.map((_, i) => `v${i}`), values]) }]));
		const texts = rows[0]![1];
		expect(values[1]).toBe(125.99999999999999);
		expect(texts).toEqual([
			'0,3',
			'126',
			'1,234',
			'1234,5',
			'-0,5',
			'1e-7',
			'123456789,123',
			'9007199254740990',
			'1e+21',
			'126,000000000126'
		]);
		// The sheet's decimal mark is the comma, so the row readers parse each back to the number shown.
		expect(texts.map((t) => parseNumberText(t, COMMA))).toEqual([
			0.3, 126, 1.234, 1234.5, -0.5, 1e-7, 123456789.123, 9007199254740990, 1e21, 126.000000000126
		]);
	});

	it('reads a date in a year column as its year, elsewhere as a date, and a typed year as itself', async () => {
		const date = (y: number, m: number, d: number): XlsxCell => ({ date: excelDay(y, m, d) });
		const { rows } = await rowsOf(
			xlsx([
				{
					name: 'Ark1',
					cells: table('A1', [
						['aar', 'opfoerelsesaar', 'boliger', 'navn'],
						[date(2024, 3, 15), { date: 1968 }, date(2024, 1, 31), { date: excelDay(2024, 1, 31) + 0.5 }]
					])
				}
			])
		);
		expect(rows).toEqual([[2, ['2024', '1968', '2024-01-31', '2024-01-31 12:00']]]);
	});

	it('reads dates in the 1904 date system (old Mac workbooks) as the same dates', async () => {
		const { rows } = await rowsOf(
			xlsx(
				[
					{
						name: 'Ark1',
						cells: table('A1', [
							['aar', 'dato'],
							[{ date: excelDay(2024, 1, 1) - 1462 }, { date: excelDay(2024, 1, 1) - 1462 }]
						])
					}
				],
				{ date1904: true }
			)
		);
		expect(rows).toEqual([[2, ['2024', '2024-01-01']]]);
	});

	it('reads booleans, formulas by their saved value, rich text, inline strings, and keeps empty leading columns', async () => {
		const { rows, header } = await rowsOf(
			xlsx([
				{
					name: 'Ark1',
					cells: table('B4', [
						['a', 'b', 'c', 'd', 'e'],
						[
							true,
							{ formula: 'SUM(1,2)', value: 3 },
							{ formula: 'A1&"x"', value: 'Sø' },
							{ rich: ['Æ', 'bleha', 'ven'] },
							{ inline: ' <script> ' }
						]
					])
				}
			])
		);
		expect(header).toEqual(['', 'a', 'b', 'c', 'd', 'e']);
		expect(rows).toEqual([[5, ['', 'SAND', '3', 'Sø', 'Æblehaven', ' <script> ']]]);
	});

	it('reads a workbook exceljs wrote (shared strings, numbers, dates, formulas)', async () => {
		const workbook = new ExcelJS.Workbook();
		const sheet = workbook.addWorksheet('Data');
		sheet.getCell('C3').value = 'afdeling_id';
		sheet.getCell('D3').value = 'aar';
		sheet.getCell('E3').value = 'boliger';
		sheet.getCell('C4').value = 'Søparken <b>';
		sheet.getCell('D4').value = new Date(Date.UTC(2023, 11, 31));
		sheet.getCell('E4').value = { formula: 'E5*2', result: 80.5 };
		const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
		const { rows, issues } = await rowsOf(bytes);
		expect(issues).toEqual([]);
		expect(rows).toEqual([[4, ['', '', 'Søparken <b>', '2023', '80,5']]]);
	});

	it('reports formula errors at their cell and leaves the row out', async () => {
		const { rows, issues } = await rowsOf(
			xlsx([
				{
					name: 'Mine tal',
					cells: table('A1', [
						['afdeling_id', 'boliger', 'kommentar'],
						['A', { error: '#REF!', formula: 'Z99' }, null],
						['B', 2, { error: '#N/A', formula: 'NA()' }]
					])
				}
			])
		);
		expect(issues).toEqual([
			`test.xlsx:'Mine tal'!B2: Cellen i kolonnen "boliger" viser Excel-fejlen #REF!: forventede en værdi eller en tom celle, fandt "#REF!" fra en formel. Ret formlen, eller skriv værdien ind.`
		]);
		// An error in a column the pipeline does not know (kommentar) is not its business.
		expect(rows).toEqual([[3, ['B', '2', '#N/A']]]);
	});
});

describe('positions in workbooks', () => {
	it('names columns and sheets as Excel does', () => {
		expect([1, 3, 26, 27, 52, 703, 16384].map(columnLetters)).toEqual(['A', 'C', 'Z', 'AA', 'AZ', 'AAA', 'XFD']);
		expect(sheetPosition('Ark1', 17, 3)).toBe('Ark1!C17');
		expect(sheetPosition('Nøgletal', 17, 0)).toBe('Nøgletal!17:17');
		expect(sheetPosition("Bob's tal", 0, 0)).toBe("'Bob''s tal'");
	});

	it('prints file:Sheet!C17 and keeps the sheet in the JSON report; sorting still goes by row and column', () => {
		const issues = new IssueCollector();
		issues.inSheet('noegletal.xlsx', 'Ark1');
		const at = (line: number, column: number) =>
			issues.add({ severity: 'error', code: 'x', file: 'noegletal.xlsx', line, column, message: 'm: forventede a, fandt b' });
		at(17, 3);
		at(9, 4);
		at(0, 0);
		const list = issues.list();
		expect(list.map(formatIssue)).toEqual([
			'noegletal.xlsx: m: forventede a, fandt b',
			'noegletal.xlsx:Ark1!D9: m: forventede a, fandt b',
			'noegletal.xlsx:Ark1!C17: m: forventede a, fandt b'
		]);
		expect(jsonReport(list).issues[2]).toMatchObject({ file: 'noegletal.xlsx', sheet: 'Ark1', line: 17, column: 3 });
	});
});
