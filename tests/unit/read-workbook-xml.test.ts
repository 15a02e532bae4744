/**
 * Workbooks in the forms other writers use and Excel opens (workbook-xml.ts): the SpreadsheetML
 * namespace under a prefix (`<x:row>`, the OpenXML SDK's) and rows and cells without `r`. Each is
 * read into the same sheet as the workbook Excel would save, cells at the addresses worked out by
 * hand from the XML.
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { readWorkbook } from '../../pipelines/read/read-workbook.ts';
import { excelFormXml, withAddresses, withoutPrefix } from '../../pipelines/read/workbook-xml.ts';
import { table, xlsx } from '../support/xlsx-writer.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The workbook with each part's text changed by `edit`. */
function edited(bytes: Uint8Array, edit: (name: string, xml: string) => string): Uint8Array {
	const parts = unzipSync(bytes);
	return zipSync(Object.fromEntries(Object.entries(parts).map(([name, data]) => [name, strToU8(edit(name, strFromU8(data)))])));
}

async function sheetOf(bytes: Uint8Array) {
	const issues = new IssueCollector();
	const sheet = await readWorkbook('noegletal.xlsx', bytes, issues);
	return { sheet, issues: issues.list() };
}

describe('the form Excel saves', () => {
	it('drops the SpreadsheetML prefix and makes its declaration the default namespace', () => {
		expect(withoutPrefix(`<x:worksheet xmlns:x="${MAIN}" xmlns:r="rel"><x:sheetData><x:row r="1"/></x:sheetData></x:worksheet>`)).toBe(
			`<worksheet xmlns="${MAIN}" xmlns:r="rel"><sheetData><row r="1"/></sheetData></worksheet>`
		);
		// Another prefix, or a part that already has a default namespace: left as it is.
		const other = `<x:worksheet xmlns:x="urn:other"><x:row/></x:worksheet>`;
		expect(withoutPrefix(other)).toBe(other);
		const both = `<x:worksheet xmlns:x="${MAIN}" xmlns="urn:other"><x:row/></x:worksheet>`;
		expect(withoutPrefix(both)).toBe(both);
	});

	it('gives rows and cells without r the address they stand for', () => {
		// Row 1 has no r (row 1); its cells A1, then D1 given, then E1. Row 5 given; its first cell A5.
		// Row 6 follows row 5. <cols> and <col> are not cells.
		const xml =
			'<worksheet><cols><col min="1" max="2"/></cols><sheetData><row><c t="s"><v>0</v></c><c r="D1"><v>1</v></c><c/></row>' +
			'<row r="5" spans="1:2"><c><v>2</v></c></row><row><c><v>3</v></c></row></sheetData></worksheet>';
		expect(withAddresses(xml)).toBe(
			'<worksheet><cols><col min="1" max="2"/></cols><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="D1"><v>1</v></c><c r="E1"/></row>' +
				'<row r="5" spans="1:2"><c r="A5"><v>2</v></c></row><row r="6"><c r="A6"><v>3</v></c></row></sheetData></worksheet>'
		);
	});

	it('is not made of a workbook already in that form', () => {
		expect(excelFormXml(xlsx([{ name: 'Ark1', cells: { A1: 'afdeling_id' } }]))).toBeNull();
	});
});

describe('workbooks exceljs reads only in the form Excel saves', () => {
	const workbook = xlsx([
		{
			name: 'Ark1',
			cells: table('A1', [
				['afdeling_id', 'aar', 'boliger'],
				['1001-001', 2023, 120],
				['1001-002', 2024, 45.5]
			])
		}
	]);

	it('reads the OpenXML SDK fixture (x: prefix) into its cells', async () => {
		const bytes = readFileSync(fileURLToPath(new URL('../fixtures/bad/xlsx-formats/noegletal_prefiks.xlsx', import.meta.url)));
		const { sheet, issues } = await sheetOf(bytes);
		expect(issues).toEqual([]);
		expect(sheet?.rows).toEqual([
			{ number: 1, cells: ['afdeling_id', 'aar', 'boliger'] },
			{ number: 2, cells: ['1001-001', 2023, 120] }
		]);
	});

	it('reads a workbook without r attributes as the same workbook with them', async () => {
		const bare = edited(workbook, (name, xml) => (name.startsWith('xl/worksheets/') ? xml.replace(/ r="[A-Z]*\d+"/g, '') : xml));
		expect(strFromU8(unzipSync(bare)['xl/worksheets/sheet1.xml']!)).not.toMatch(/ r="/);
		const { sheet, issues } = await sheetOf(bare);
		expect(issues).toEqual([]);
		expect(sheet?.rows).toEqual([
			{ number: 1, cells: ['afdeling_id', 'aar', 'boliger'] },
			{ number: 2, cells: ['1001-001', 2023, 120] },
			{ number: 3, cells: ['1001-002', 2024, 45.5] }
		]);
		expect(sheet).toEqual((await sheetOf(workbook)).sheet);
	});
});
