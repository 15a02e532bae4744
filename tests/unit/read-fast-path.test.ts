/**
 * The byte-level fast path for key-figure files (scan-key-figures.ts) must give exactly what the
 * general path gives. A double quote anywhere sends a file to the general path, so quoting the
 * first header name (`"afdeling_id"`, which CSV reads as afdeling_id) gives the same file through
 * the other door. Random files mix clean lines with every kind of line the fast path hands back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RAW_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { formatIssue, IssueCollector } from '../../pipelines/read/issues.ts';
import type { CsvFileInfo } from '../../pipelines/read/read-csv-file.ts';
import { DepartmentIds, readKeyFigures } from '../../pipelines/read/read-key-figures.ts';

function read(bytes: Buffer) {
	const ids = new DepartmentIds();
	const issues = new IssueCollector();
	const chunk = readKeyFigures('noegletal.csv', bytes, ids, issues);
	const rows = [];
	for (let r = 0; r < chunk.length; r++) {
		rows.push({
			id: ids.ids[chunk.department[r]!],
			aar: chunk.aar[r],
			line: chunk.line[r],
			values: chunk.columns.map((c) => chunk.values.get(c)![r])
		});
	}
	return {
		rows,
		columns: chunk.columns,
		info: chunk.info && { rows: chunk.info.rows, dropped: chunk.info.dropped, encoding: (chunk.info as CsvFileInfo).encoding },
		firstSeen: ids.ids.map((id, i) => [id, ids.firstLine[i]]),
		issues: issues.list().map(formatIssue)
	};
}

const id = fc.constantFrom('A1', 'A1', 'A1', 'B-2', 'B-2', ' C3', 'D4 ', 'Ø5', 'E6ø', '', '  ', 'F\u00a07');
const year = fc.constantFrom('2020', '2021', '2022', '2023', '1999', '2101', '20x1', '', '2024,0', ' 2024', '02024');
const value = fc.constantFrom('12', '12,5', '1.234', '1,234', '12.5', '0', '3', '6', '-3', '', '-', '1 234', 'x', '12,', '1234567890123456', '4,5', '0,5', '007');
const newline = fc.constantFrom('\n', '\r\n');
const delimiter = fc.constantFrom(';', ',', '\t');
const encoding = fc.constantFrom<'utf8' | 'latin1'>('utf8', 'latin1');

const file = fc
	.record({
		delimiter,
		newline,
		encoding,
		extraHeader: fc.boolean(),
		trailingNewline: fc.boolean(),
		lines: fc.array(
			fc.oneof(
				{ weight: 8, arbitrary: fc.tuple(id, year, value, value, value).map((t) => [...t]) },
				{ weight: 1, arbitrary: fc.array(value, { minLength: 0, maxLength: 7 }) },
				{ weight: 1, arbitrary: fc.constant([] as string[]) }
			),
			{ minLength: 0, maxLength: 30 }
		)
	})
	.map(({ delimiter, newline, encoding, extraHeader, trailingNewline, lines }) => {
		const header = ['afdeling_id', 'aar', 'boliger', 'vedligeholdelsesstand', 'husleje_kr_m2'];
		if (extraHeader) header.push('kommentar');
		const body = lines.map((l) => l.join(delimiter)).join(newline);
		return { delimiter, newline, encoding, header, body, trailingNewline };
	});

type File = { delimiter: string; newline: string; encoding: 'utf8' | 'latin1'; header: string[]; body: string; trailingNewline: boolean };

/** The file as UTF-8, or as Windows-1252 (the same bytes as Latin-1 for these characters). */
function bytesOf(f: File, quoteFirst: boolean) {
	const header = [quoteFirst ? `"${f.header[0]}"` : f.header[0], ...f.header.slice(1)].join(f.delimiter);
	return Buffer.from(header + f.newline + f.body + (f.trailingNewline ? f.newline : ''), f.encoding);
}

describe('key-figure fast path', () => {
	it('gives the same rows, lines and issues as the general path', () => {
		fc.assert(
			fc.property(file, (f) => {
				const fast = read(bytesOf(f, false));
				const general = read(bytesOf(f, true));
				expect(fast).toEqual(general);
			}),
			{ numRuns: 400, seed: 31337 }
		);
	});

	it('reads a clean file into the values written', () => {
		const result = read(Buffer.from('afdeling_id;aar;boliger;husleje_kr_m2\r\nA;2020;10;1.012,5\r\nA;2021;;950\r\n\r\nB;2020;7;12.5\r\n'));
		expect(result.issues).toEqual([]);
		expect(result.columns).toEqual(['boliger', 'husleje_kr_m2']);
		expect(result.rows).toEqual([
			{ id: 'A', aar: 2020, line: 2, values: [10, 1012.5] },
			{ id: 'A', aar: 2021, line: 3, values: [NaN, 950] },
			{ id: 'B', aar: 2020, line: 5, values: [7, 12.5] }
		]);
		expect(RAW_COLUMNS).toContain('husleje_kr_m2');
	});
});
