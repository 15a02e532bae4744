/**
 * CSV for Danish Excel (src/lib/formats/csv.ts): BOM, `;`, decimal comma, CRLF, quoting, formula
 * neutralising; parsed back with Papa Parse and compared with values written out by hand.
 */
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { BOM, neutraliseFormula, quoteField, toCsv, csvBytes } from '../../src/lib/formats/csv.ts';
import type { ExportTable } from '../../src/lib/formats/export-table.ts';

const NAMES = [
	'Det "gode" sted',
	'semi;colon',
	'To\nlinjer',
	'CR\r\nLF',
	'Ærøskøbing Østervang Åbo',
	'=HYPERLINK("http://x","klik")',
	'+45 12345678',
	'-Minus',
	'@SUM(A1)',
	'\tTab',
	'\rCR først',
	'Helt almindelig'
];

const table: ExportTable = {
	title: 'Test',
	columns: [
		{ header: 'Afdeling' },
		{ header: 'År' },
		{ header: 'Ledighed (‰)', numeric: true },
		{ header: 'Husleje (kr./m²)', numeric: true }
	],
	rows: NAMES.map((name, i) => [
		name,
		{ value: 2014 + i, decimals: 0, plain: true },
		i === 1
			? { none: 'suppressed' }
			: i === 2
				? { none: 'missing' }
				: { value: [6.5, 0, 0, -0.4, 1234.56, 12, 0.04, 100, 3.25, 7, 8, 9.99][i]!, decimals: 1 },
		{ value: 1234, decimals: 0 }
	])
};

describe('csv fields', () => {
	it('puts a leading apostrophe before =, +, -, @, tab and CR, and nothing else', () => {
		expect(neutraliseFormula('=1+1')).toBe("'=1+1");
		expect(neutraliseFormula('+45')).toBe("'+45");
		expect(neutraliseFormula('-5')).toBe("'-5");
		expect(neutraliseFormula('@x')).toBe("'@x");
		expect(neutraliseFormula('\tx')).toBe("'\tx");
		expect(neutraliseFormula('\rx')).toBe("'\rx");
		expect(neutraliseFormula('a=b')).toBe('a=b');
		expect(neutraliseFormula('– (en dash)')).toBe('– (en dash)');
		expect(neutraliseFormula('')).toBe('');
	});

	it('quotes fields with ;, ", CR or LF and doubles the quotes', () => {
		expect(quoteField('a;b')).toBe('"a;b"');
		expect(quoteField('Det "gode"')).toBe('"Det ""gode"""');
		expect(quoteField('a\nb')).toBe('"a\nb"');
		expect(quoteField('a\rb')).toBe('"a\rb"');
		expect(quoteField('a,b')).toBe('a,b');
	});
});

describe('toCsv', () => {
	const csv = toCsv(table, 'da');

	it('starts with the BOM, separates with ; and ends every record with CRLF', () => {
		expect(csv.startsWith(BOM)).toBe(true);
		expect(csv.slice(1).startsWith('Afdeling;År;Ledighed (‰);Husleje (kr./m²)\r\n"Det ""gode"" sted";')).toBe(true);
		expect(csv.endsWith('\r\n')).toBe(true);
		const bytes = csvBytes(table, 'da');
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	});

	it('writes numbers with a decimal comma, the indicator decimals and no thousands separator', () => {
		const lines = csv.slice(1).split('\r\n');
		// Line 1 is the header; rows follow in order.
		expect(lines[1]).toBe('"Det ""gode"" sted";2014;6,5;1234');
		expect(csv).toContain(';2017;-0,4;1234\r\n');
		expect(csv).toContain('Ærøskøbing Østervang Åbo;2018;1234,6;1234\r\n');
		expect(csv).toContain(';2020;0,0;1234\r\n');
		// 3.25 is exact in binary, and the screen rounds half away from zero: 3,3.
		expect(csv).toContain(';2022;3,3;1234\r\n');
	});

	it('writes suppressed and missing values as the screen dash, never 0', () => {
		expect(csv).toContain('"semi;colon";2015;–;1234\r\n');
		expect(csv).toContain('"To\nlinjer";2016;–;1234\r\n');
	});

	it('reads back: names (quotes, ;, line breaks, æøå) survive and formulas are neutralised', () => {
		const parsed = Papa.parse<string[]>(csv.slice(1), { delimiter: ';', newline: '\r\n' });
		expect(parsed.errors).toEqual([]);
		const rows = parsed.data.filter((r) => r.length > 1);
		expect(rows[0]).toEqual(['Afdeling', 'År', 'Ledighed (‰)', 'Husleje (kr./m²)']);
		expect(rows.slice(1).map((r) => r[0])).toEqual([
			'Det "gode" sted',
			'semi;colon',
			'To\nlinjer',
			'CR\r\nLF',
			'Ærøskøbing Østervang Åbo',
			`'=HYPERLINK("http://x","klik")`,
			"'+45 12345678",
			"'-Minus",
			"'@SUM(A1)",
			"'\tTab",
			"'\rCR først",
			'Helt almindelig'
		]);
		expect(rows.slice(1).map((r) => r[2])).toEqual([
			'6,5',
			'–',
			'–',
			'-0,4',
			'1234,6',
			'12,0',
			'0,0',
			'100,0',
			'3,3',
			'7,0',
			'8,0',
			'10,0'
		]);
	});

	it('neutralises a header that comes from the data', () => {
		const out = toCsv({ title: 'x', columns: [{ header: '=Aarhus' }], rows: [] }, 'da');
		expect(out).toBe(`${BOM}'=Aarhus\r\n`);
	});
});
