/**
 * XLSX (src/lib/formats/xlsx.ts): written in Node with the same builder the browser uses, read back
 * with read-excel-file; numbers are numbers equal to the figures as shown, names stay text, no
 * formulas anywhere, the unit is in the header, sheet names follow Excel's rules.
 */
import { unzipSync, strFromU8 } from 'fflate';
import readXlsxFile from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { numberFormat, sheetName, toXlsx } from '../../src/lib/formats/xlsx.ts';
import { shownNumber, type ExportTable } from '../../src/lib/formats/export-table.ts';

const HOSTILE = ['=SUM(A1)', '+45 1234', '-Minus', '@cmd', 'Det "gode" sted; To\nlinjer', 'Ærø Østervang Åbo'];

const table: ExportTable = {
	title: 'Ledighed - udvikling',
	columns: [
		{ header: 'År' },
		{ header: 'Afdeling' },
		{ header: 'Ledighed (‰)', numeric: true },
		{ header: 'Husleje (kr./m²)', numeric: true }
	],
	rows: [
		[{ value: 2024, decimals: 0, plain: true }, HOSTILE[0]!, { value: 6.54, decimals: 1 }, { value: 1234.4, decimals: 0 }],
		[{ value: 2023, decimals: 0, plain: true }, HOSTILE[1]!, { none: 'suppressed' }, { value: 899, decimals: 0 }],
		[{ value: 2022, decimals: 0, plain: true }, HOSTILE[2]!, { none: 'missing' }, { value: -12.5, decimals: 0 }],
		[{ value: 2021, decimals: 0, plain: true }, HOSTILE[3]!, { value: 0, decimals: 1 }, null],
		[{ value: 2020, decimals: 0, plain: true }, HOSTILE[4]!, { value: 3.25, decimals: 1 }, { value: 1.005, decimals: 2 }],
		[{ value: 2019, decimals: 0, plain: true }, HOSTILE[5]!, { value: 12, decimals: 1 }, { value: 7, decimals: 0 }]
	]
};

async function bytes(blob: Blob): Promise<Buffer> {
	return Buffer.from(await blob.arrayBuffer());
}

describe('shownNumber', () => {
	it('is the number the screen prints, with the same rounding', () => {
		expect(shownNumber({ value: 6.54, decimals: 1 })).toBe(6.5);
		expect(shownNumber({ value: 3.25, decimals: 1 })).toBe(3.3);
		expect(shownNumber({ value: 1234.4, decimals: 0 })).toBe(1234);
		expect(shownNumber({ value: -12.5, decimals: 0 })).toBe(-13);
		// The screen (Intl, as V8 implements it) prints 1.005 as "1,01", where toFixed(2) gives
		// "1.00" and Math.round(x * 100) / 100 gives 1: the export must follow the screen.
		expect(shownNumber({ value: 1.005, decimals: 2 })).toBe(1.01);
	});
});

describe('toXlsx', () => {
	it('reads back with numbers as numbers, names as text and the unit in the header', async () => {
		const blob = await toXlsx([table], ['Ledighed – Afdeling X', 'Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer'], 'da');
		const sheets = await readXlsxFile(await bytes(blob));
		expect(sheets.map((s) => s.sheet)).toEqual(['Ledighed - udvikling', 'Om data']);
		const data = sheets[0]!.data;
		expect(data[0]).toEqual(['År', 'Afdeling', 'Ledighed (‰)', 'Husleje (kr./m²)']);
		expect(data.slice(1)).toEqual([
			[2024, '=SUM(A1)', 6.5, 1234],
			[2023, '+45 1234', '–', 899],
			[2022, '-Minus', '–', -13],
			[2021, '@cmd', 0, null],
			[2020, 'Det "gode" sted; To\nlinjer', 3.3, 1.01],
			[2019, 'Ærø Østervang Åbo', 12, 7]
		]);
		expect(sheets[1]!.data.map((r) => r[0])).toEqual([
			'Ledighed – Afdeling X',
			'Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer'
		]);
	});

	it('writes no formula and keeps every name a string cell', async () => {
		const blob = await toXlsx([table], [], 'da');
		const files = unzipSync(new Uint8Array(await blob.arrayBuffer()));
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
		expect(sheet).not.toMatch(/<f[ >]/);
		// B2..B7 hold the names: shared strings (t="s").
		for (let row = 2; row <= 7; row++) expect(sheet).toMatch(new RegExp(`<c r="B${row}"[^>]* t="s"`));
		const shared = strFromU8(files['xl/sharedStrings.xml']!);
		expect(shared).toContain('=SUM(A1)');
		expect(shared).toContain('Ærø Østervang Åbo');
	});

	it('formats figures with the indicator decimals and a thousands separator', () => {
		expect(numberFormat(0)).toBe('#,##0');
		expect(numberFormat(1)).toBe('#,##0.0');
		expect(numberFormat(2)).toBe('#,##0.00');
		expect(numberFormat(0, true)).toBe('0');
	});
});

describe('sheetName', () => {
	it('follows Excel: 31 characters at most, none of []:*?/\\, unique ignoring case', () => {
		const taken = new Set<string>();
		expect(sheetName('Ledighed - udvikling', taken)).toBe('Ledighed - udvikling');
		expect(sheetName('ledighed - udvikling', taken)).toBe('ledighed - udvikling (2)');
		expect(sheetName('Uden for arbejdsmarkedet - placering 2025', taken)).toBe('Uden for arbejdsmarkedet - pla…');
		// Cut to the same 31 characters as the one before, so it gets a number: 26 + "…" + " (2)".
		expect(sheetName('Uden for arbejdsmarkedet - placering 2024', taken)).toBe('Uden for arbejdsmarkedet -… (2)');
		expect(sheetName('a/b:c*d?e[f]g\\h', taken)).toBe('a-b-c-d-e-f-g-h');
		expect(sheetName("'Citat'", taken)).toBe('Citat');
		expect(sheetName('', taken)).toBe('Ark');
	});
});
