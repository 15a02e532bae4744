/**
 * A title typed above the table ("Nøgletal 2024" in line 1, the column names in line 2) is skipped
 * when a line below it names the required columns (title-lines.ts; the fixture
 * bad/title-above-header shows the reports, positions included). When none does, the title is the
 * header, and every missing column's error says what is most likely wrong and what to do. A
 * header that merely lacks a column gets no such advice.
 */
import { describe, expect, it } from 'vitest';
import { mapHeaders, namesRequired } from '../../pipelines/read/headers.ts';
import { formatIssue, IssueCollector } from '../../pipelines/read/issues.ts';
import { readCsvFile } from '../../pipelines/read/read-csv-file.ts';
import { csvHeaderPlace, headerIndex } from '../../pipelines/read/title-lines.ts';

const ADVICE =
	'Står der en titel ("Nøgletal 2024") over kolonnenavnene? Den springes over, når en af de næste linjer har alle de krævede kolonner (afdeling_id, aar); ret kolonnenavnene, eller slet titlen.';
const KEYS = ['afdeling_id', 'aar'];
const isHeader = (fields: readonly string[]) => namesRequired(fields, [...KEYS, 'boliger'], KEYS);
const lines = (...rows: string[][]) => rows.map((fields, i) => ({ line: i + 1, fields }));

function messages(fields: string[]): string[] {
	const issues = new IssueCollector();
	mapHeaders('noegletal.csv', fields, 1, ['afdeling_id', 'aar', 'ledige_boliger'], ['afdeling_id', 'aar'], issues);
	return issues
		.list()
		.filter((i) => i.code === 'missing-column')
		.map((i) => i.message);
}

describe('a title above the header', () => {
	it('gets the advice to delete it in each missing column', () => {
		expect(messages(['Nøgletal 2024', '', ''])).toEqual([
			`Kolonnen "afdeling_id" mangler: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "Nøgletal 2024". ${ADVICE}`,
			`Kolonnen "aar" mangler: forventede en kolonne med overskriften "aar" (eller fx "year"), fandt kolonnerne "Nøgletal 2024". ${ADVICE}`
		]);
	});

	it('is not suspected where the header names several columns', () => {
		expect(messages(['id', 'ledige_boliger'])).toEqual([
			'Kolonnen "afdeling_id" mangler: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "id", "ledige_boliger".',
			'Kolonnen "aar" mangler: forventede en kolonne med overskriften "aar" (eller fx "year"), fandt kolonnerne "id", "ledige_boliger".'
		]);
	});
});

describe('the header below a title', () => {
	it('is the first line naming the required columns, in any spelling', () => {
		expect(isHeader(['Afdelings-id', 'År', 'Antal boliger'])).toBe(true);
		expect(isHeader(['afdeling_id', 'boliger'])).toBe(false);
		expect(headerIndex(lines(['Nøgletal 2024', '', ''], ['Kilde:', 'LBF', '2024'], ['afdeling_id', 'aar']), isHeader)).toBe(2);
		// The header itself first: index 0, as without a title.
		expect(headerIndex(lines(['afdeling_id', 'aar'], ['afdeling_id', 'aar']), isHeader)).toBe(0);
	});

	it('is not looked for past a line of four cells, nor past ten lines with content', () => {
		// Four cells: a header with a misspelt column rather than a note; it stays the header.
		expect(headerIndex(lines(['afd', 'år', 'boliger', 'ledige'], ['afdeling_id', 'aar']), isHeader)).toBe(0);
		const titles = Array.from({ length: 10 }, (_, i) => [`Note ${i + 1}`]);
		expect(headerIndex(lines(...titles, ['afdeling_id', 'aar']), isHeader)).toBe(0);
		expect(headerIndex(lines(...titles.slice(1), ['afdeling_id', 'aar']), isHeader)).toBe(9);
	});

	it('takes its separator from the header, not from the title', () => {
		// "Nøgletal, 2024" alone reads as `,`; the header below it is `;`.
		expect(csvHeaderPlace('Nøgletal, 2024\n\nafdeling_id;aar\n1;2024\n', '\n', null, isHeader)).toEqual({
			line: 3,
			delimiter: ';',
			titles: [{ line: 1, fields: ['Nøgletal, 2024'] }]
		});
		// A quoted title holding the separator is one cell.
		expect(csvHeaderPlace('"Tal; 2024"\nafdeling_id;aar\n', '\n', null, isHeader)?.titles).toEqual([{ line: 1, fields: ['Tal; 2024'] }]);
		// Excel's sep= line names the separator: only it is tried, and line 1 is not a title.
		expect(csvHeaderPlace('sep=,\nTal\nafdeling_id;aar\n', '\n', ',', isHeader)).toBeNull();
		expect(csvHeaderPlace('sep=;\nTal\nafdeling_id;aar\n', '\n', ';', isHeader)?.line).toBe(3);
		// Only the file's first 64 lines are looked at: the rest may be long.
		const long = 'Tal\r\nafdeling_id;aar\r\n' + '1;2024\r\n'.repeat(1000);
		expect(csvHeaderPlace(long, '\r\n', null, isHeader)?.line).toBe(2);
		// No title: null, and the file is read as before.
		expect(csvHeaderPlace('afdeling_id;aar\n1;2024\n', '\n', null, isHeader)).toBeNull();
	});

	it("leaves every later line number the file's own, in UTF-16 as in UTF-8", () => {
		const text = 'Nøgletal 2024\t\t\r\n\r\nafdeling_id\taar\tboliger\r\nA\t2024\t12\r\nB\t2024\n';
		for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]) {
			const issues = new IssueCollector();
			const seen: string[] = [];
			const info = readCsvFile('noegletal.csv', bytes, issues, {
				header: (fields, line) => (seen.push(`${line}: ${fields.join('|')}`), true),
				isHeader,
				row: (row) => void seen.push(`${row.line}: ${row.text(0)}`)
			});
			expect(info?.headerLine).toBe(3);
			expect(info?.delimiter).toBe('\t');
			expect(seen).toEqual(['3: afdeling_id|aar|boliger', '4: A']);
			// Line 5 has two fields of three: its error names line 5.
			expect(issues.list().map(formatIssue)).toEqual([
				'noegletal.csv:1:0: advarsel: Linje 1 over kolonnenavnene i linje 3 bliver ikke læst: forventede kolonnenavnene i den første linje med indhold, fandt en titel eller note over dem: "Nøgletal 2024" (linje 1).',
				'noegletal.csv:5:0: Linjen har 2 felter: forventede 3 felter adskilt af tabulator som i overskriften, fandt 2. Mangler der en værdi, eller er linjen delt i to?'
			]);
		}
	});
});
