/**
 * A title typed above the table ("Nøgletal 2024" in line 1, the column names in line 2) is skipped
 * when a line below it names the required columns (title-lines.ts; the fixture
 * bad/title-above-header shows the reports, positions included). When none does, the title is the
 * header, and every missing column's error says what is most likely wrong and what to do. A
 * header that merely lacks a column gets no such advice.
 */
import { describe, expect, it } from 'vitest';
import { headerTest, mapHeaders } from '../../pipelines/read/headers.ts';
import { formatIssue, IssueCollector } from '../../pipelines/read/issues.ts';
import { readCsvFile } from '../../pipelines/read/read-csv-file.ts';
import { csvHeaderPlace, headerIndex, reportTitleLines } from '../../pipelines/read/title-lines.ts';

const ADVICE =
	'Står der en titel ("Nøgletal 2024") over kolonnenavnene? Ingen af filens første 1000 linjer nævner de krævede kolonner (afdeling_id, aar); ret kolonnenavnene, så springes titlen over, eller slet den.';
const KEYS = ['afdeling_id', 'aar'];
const isHeader = headerTest([...KEYS, 'boliger'], KEYS);
const names = (fields: string[]) => isHeader.named(fields);
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
			`Kolonnen "afdeling_id" mangler i kolonnenavnene i linje 1: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "Nøgletal 2024". ${ADVICE}`,
			`Kolonnen "aar" mangler i kolonnenavnene i linje 1: forventede en kolonne med overskriften "aar" (eller fx "year"), fandt kolonnerne "Nøgletal 2024". ${ADVICE}`
		]);
	});

	it('is not suspected where the header names several columns', () => {
		expect(messages(['id', 'ledige_boliger'])).toEqual([
			'Kolonnen "afdeling_id" mangler i kolonnenavnene i linje 1: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "id", "ledige_boliger".',
			'Kolonnen "aar" mangler i kolonnenavnene i linje 1: forventede en kolonne med overskriften "aar" (eller fx "year"), fandt kolonnerne "id", "ledige_boliger".'
		]);
	});
});

describe('the header below a title', () => {
	it('is the first line naming the required columns, in any spelling', () => {
		expect(names(['Afdelings-id', 'År', 'Antal boliger'])).toBe(2);
		expect(names(['afdeling_id', 'boliger'])).toBe(1);
		expect(names(['Nøgletal 2024', 'boliger'])).toBe(0);
		expect(headerIndex(lines(['Nøgletal 2024', '', ''], ['Kilde:', 'LBF', '2024'], ['afdeling_id', 'aar']), isHeader)).toBe(2);
		// The header itself first: index 0, as without a title.
		expect(headerIndex(lines(['afdeling_id', 'aar'], ['afdeling_id', 'aar']), isHeader)).toBe(0);
	});

	it('is below a notes block of any width, and a misspelt header is taken over the title above it', () => {
		// Six cells of notes (an Excel export's metadata): a note all the same, as it names no required column.
		const notes = ['Kommune', 'Horsens', 'Udtræk', '1-12-2026', 'Kilde', 'LBF'];
		expect(headerIndex(lines(notes, ['afdeling_id', 'aar']), isHeader)).toBe(1);
		// The header with a typo names one of two: it is the header, the title above it a title.
		expect(headerIndex(lines(['Nøgletal 2024'], ['afd', 'aar', 'boliger'], ['1', '2024', '12']), isHeader)).toBe(1);
		// The first line that names the most, on a tie: a later full header after a partial one wins.
		expect(headerIndex(lines(['afd', 'aar'], ['afdeling_id', 'aar']), isHeader)).toBe(1);
		expect(headerIndex(lines(['afd', 'aar'], ['1', '2024'], ['x', 'aar']), isHeader)).toBe(0);
		// No line names any required column: the first line, as without titles.
		expect(headerIndex(lines(['a', 'b', 'c', 'd'], ['1', '2', '3', '4']), isHeader)).toBe(0);
	});

	it('is looked for in the first 1000 lines, blank or not', () => {
		const block = (n: number) => Array.from({ length: n }, (_, i) => `Note ${i + 1};a;b;c;d\n`).join('');
		// 70 lines of five-cell notes: the header in line 71 (past the old 64-line window).
		const place = csvHeaderPlace(block(70) + 'afdeling_id;aar\n1;2024\n', '\n', null, isHeader);
		expect(place?.line).toBe(71);
		expect(place?.delimiter).toBe(';');
		expect(place?.titles.length).toBe(70);
		// Line 1000 is looked at; line 1001 is not.
		expect(csvHeaderPlace(block(999) + 'afdeling_id;aar\n', '\n', null, isHeader)?.line).toBe(1000);
		expect(csvHeaderPlace(block(1000) + 'afdeling_id;aar\n', '\n', null, isHeader)).toBeNull();
		expect(csvHeaderPlace('\n'.repeat(500) + 'Tal\n' + 'afdeling_id;aar\n', '\n', null, isHeader)?.line).toBe(502);
	});

	it('names at most five skipped lines in its warning and counts the rest', () => {
		const issues = new IssueCollector();
		reportTitleLines('noegletal.csv', lines(...Array.from({ length: 7 }, (_, i) => [`Note ${i + 1}`, 'x'])), 8, issues);
		expect(issues.list().map(formatIssue)).toEqual([
			'noegletal.csv:1:0: advarsel: 7 linjer fra linje 1 til 7 over kolonnenavnene i linje 8 bliver ikke læst: forventede kolonnenavnene i den første linje med indhold, fandt en titel eller note over dem: "Note 1 x" (linje 1), "Note 2 x" (linje 2), "Note 3 x" (linje 3), "Note 4 x" (linje 4), "Note 5 x" (linje 5) og 2 linjer mere.'
		]);
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
		// A long file: the first line found, and not every line parsed.
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
				findHeader: isHeader,
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

	it('takes the separator of the line that names the columns, also when that is line 1', () => {
		// Three semicolons and four commas: the first line alone suggests `,`, but only `;` names the
		// required columns (bad/header-commas shows the report). Nothing is skipped, nothing warned.
		const text = 'Afdeling;År;Lejetab, kr.;Note, se fane 2, ikke, læst\r\n1001-001;2024;5.400;ok\r\n';
		expect(csvHeaderPlace(text, '\r\n', null, isHeader)).toEqual({ line: 1, delimiter: ';', titles: [] });
		const issues = new IssueCollector();
		const seen: string[] = [];
		const info = readCsvFile('noegletal.csv', Buffer.from(text), issues, {
			header: (fields) => (seen.push(fields.join('|')), true),
			findHeader: isHeader,
			row: (row) => void seen.push(Array.from({ length: row.count }, (_, i) => row.text(i)).join('|'))
		});
		expect(info?.delimiter).toBe(';');
		expect(info?.headerLine).toBe(1);
		expect(seen).toEqual(['Afdeling|År|Lejetab, kr.|Note, se fane 2, ikke, læst', '1001-001|2024|5.400|ok']);
		expect(issues.list()).toEqual([]);
	});
});
