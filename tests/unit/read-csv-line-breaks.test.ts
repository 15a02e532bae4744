/**
 * A CSV file whose line breaks are of more than one kind (CR LF rows with LF rows appended by a
 * script, a `sep=;` line typed in an editor, a lone CR from an old Mac tool) is read line by line,
 * as Excel and every editor read it: each row its own fields, each line number where an editor
 * puts it. Before, the first break decided and the others stayed inside fields: a CR at the end of
 * every last field ("62700000\r is not a number") or many lines as one row.
 */
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { readCsvFile } from '../../pipelines/read/read-csv-file.ts';

function read(text: string) {
	const issues = new IssueCollector();
	const rows: [number, string[]][] = [];
	let header: string[] = [];
	let headerLine = 0;
	readCsvFile('noegletal_egne.csv', new TextEncoder().encode(text), issues, {
		header(fields, line) {
			header = fields;
			headerLine = line;
			return true;
		},
		row(row) {
			const fields: string[] = [];
			for (let i = 0; i < row.count; i++) fields.push(row.text(i));
			rows.push([row.line, fields]);
		}
	});
	return { header, headerLine, rows, issues: issues.list() };
}

describe('a CSV file with mixed line breaks', () => {
	it('reads LF rows appended to CR LF rows as rows of their own', () => {
		const { header, rows, issues } = read('afdeling_id;aar;tal\r\n1;2020;62700000\r\n1;2021;5\n2;2020;7\n');
		expect(issues).toEqual([]);
		expect(header).toEqual(['afdeling_id', 'aar', 'tal']);
		expect(rows).toEqual([
			[2, ['1', '2020', '62700000']],
			[3, ['1', '2021', '5']],
			[4, ['2', '2020', '7']]
		]);
	});

	it('reads CR LF rows after an LF header and an LF `sep=;` line without a CR in the last field', () => {
		const { header, headerLine, rows, issues } = read('sep=;\nafdeling_id;aar;tal\r\n1;2020;62700000\r\n2;2020;58410000\r\n');
		expect(issues).toEqual([]);
		expect(headerLine).toBe(2);
		expect(header).toEqual(['afdeling_id', 'aar', 'tal']);
		expect(rows).toEqual([
			[3, ['1', '2020', '62700000']],
			[4, ['2', '2020', '58410000']]
		]);
	});

	it('takes a lone CR as a line break too, and keeps quoted line breaks inside their field', () => {
		const { rows, issues } = read('id;navn\r\n1;"To\nlinjer"\r2;Ærø 😀\n3;"<script>"\r\n');
		expect(issues).toEqual([]);
		expect(rows).toEqual([
			[2, ['1', 'To\nlinjer']],
			[4, ['2', 'Ærø 😀']],
			[5, ['3', '<script>']]
		]);
	});

	it('places a short line by the line an editor shows, after breaks of every kind', () => {
		const { rows, issues } = read('a;b;c\r\n1;2;3\n4;5;6\r7;8\r\n9;10;11\n');
		expect(rows.map((r) => r[0])).toEqual([2, 3, 5]);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ file: 'noegletal_egne.csv', line: 4, severity: 'error' });
	});

	it('leaves a file with one kind of break exactly as it was (a CR LF inside quotes in a CR LF file stays)', () => {
		const { rows } = read('id;navn\r\n1;"To\r\nlinjer"\r\n');
		expect(rows).toEqual([[2, ['1', 'To\r\nlinjer']]]);
	});

	it('places an unreadable byte by the same lines in a file whose breaks are lone CRs (old Mac) or mixed', () => {
		// Line 3, field 2; the lines before end in a lone CR, then CR LF, then LF.
		for (const breaks of [
			['\r', '\r'],
			['\r\n', '\n'],
			['\r', '\r\n']
		]) {
			const text = `a;b;c${breaks[0]}1;2;3${breaks[1]}4;x\u0001y;6\r\n`;
			const { issues } = read(text);
			expect(issues).toHaveLength(1);
			expect(issues[0]).toMatchObject({ file: 'noegletal_egne.csv', line: 3, column: 2, code: 'unreadable-encoding' });
		}
	});

	it('places a control character in a UTF-16 file by the same lines', () => {
		const issues = new IssueCollector();
		const text = 'a\tb\r1\t2\r\n3\t\u0001';
		readCsvFile('noegletal_egne.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), issues, {
			header: () => true,
			row: () => {}
		});
		expect(issues.list()).toHaveLength(1);
		expect(issues.list()[0]).toMatchObject({ line: 3 });
	});
});
