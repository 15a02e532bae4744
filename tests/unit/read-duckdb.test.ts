/**
 * DuckDB's reader (read-key-figures-duckdb.ts) must give exactly what the JavaScript reader gives:
 * the same merged table and the same issues, for any key-figure files. A double quote anywhere
 * sends a file to the JavaScript reader, so quoting the first header name (`"afdeling_id"`, which
 * CSV reads as afdeling_id) gives the same files through the other door. Random files mix clean
 * lines with every kind of cell, line and file DuckDB must hand back: signs, groups, spaces,
 * padded ids, years out of range, scores out of 1-5, wrong field counts, empty lines, lone CRs,
 * mixed line breaks, Windows-1252 with and without the bytes where it differs from Latin-1.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { silentReporter } from '../../pipelines/model.ts';
import { formatIssue, IssueCollector } from '../../pipelines/read/issues.ts';
import { openReadDatabase } from '../../pipelines/read/read-database.ts';
import { plainCsv } from '../../pipelines/read/plain-csv.ts';
import { readInput } from '../../pipelines/read/read-input.ts';
import { DepartmentIds, readKeyFigures } from '../../pipelines/read/read-key-figures.ts';
import { readKeyFiguresDuckDB } from '../../pipelines/read/read-key-figures-duckdb.ts';

const work = mkdtempSync(join(tmpdir(), 'read-duckdb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REGISTER = 'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\n' +
	['A1', 'B-2', 'C3', 'Ø5', 'E6ø', 'G€8'].map((id) => `${id};N;1;O;0101\n`).join('');

const clean = {
	id: fc.constantFrom('A1', 'B-2', 'C3', 'XØ5', 'E6øE', 'G€8', 'X9', 'Ø5'),
	year: fc.constantFrom('2020', '2021', '2022', '2024', '2000', '2100', '02023'),
	value: fc.constantFrom('12', '12,5', '0', '3', '4,5', '0,1', '0,3', '007', '', '123456789012345', '1234567,89012', '1,000', '5'),
	/** The last column may be vedligeholdelsesstand, 1 to 5. */
	score: fc.constantFrom('1', '2', '3', '4,5', '5', '', '1,25', '04')
};
const odd = {
	score: fc.constantFrom('0', '6', '5,5', '0,5', '-1', 'x'),
	id: fc.constantFrom(' C3', 'D4 ', '', '  ', 'F\u00a07', 'Ø5 '),
	year: fc.constantFrom('1999', '2101', '20x1', '', '2024,0', ' 2024', '99999', '-2024'),
	value: fc.constantFrom('1.234', '12.5', '-3', '-', '1 234', 'x', '12,', ',5', '12345678901234,5', '6', '1,5E+03', '+4', '−2', '1.234,5', '0,5')
};
const cell = (kind: 'id' | 'year' | 'value' | 'score') => fc.oneof({ weight: 12, arbitrary: clean[kind] }, { weight: 1, arbitrary: odd[kind] });
const cleanLine = fc.tuple(clean.id, clean.year, clean.value, clean.value, clean.score).map((t): string[] => [...t]);
const line = fc.oneof(
	{ weight: 30, arbitrary: fc.tuple(cell('id'), cell('year'), cell('value'), cell('value'), cell('score')).map((t): string[] => [...t]) },
	{ weight: 1, arbitrary: fc.array(clean.value, { minLength: 1, maxLength: 7 }).map((t): string[] => t) },
	{ weight: 1, arbitrary: fc.constant([] as string[]) }
);
/** Half the files clean, so that DuckDB reads many of them; the rest with some odd lines. */
const lines: fc.Arbitrary<string[][]> = fc.oneof(fc.array(cleanLine, { minLength: 1, maxLength: 12 }), fc.array(line, { minLength: 0, maxLength: 12 }));
const keyFigureFile = fc.record({
	delimiter: fc.constantFrom(';', ';', ',', '\t'),
	newline: fc.constantFrom('\n', '\r\n'),
	stray: fc.constantFrom(null, null, null, null, null, null, null, '\r', '\n', '\r\n'),
	encoding: fc.constantFrom('utf8', 'utf8', 'utf8-bom', 'windows-1252'),
	columns: fc.constantFrom(
		['boliger', 'ledige_boliger', 'vedligeholdelsesstand'],
		['Boliger', 'kommentar', 'Vedligeholdelsesstand'],
		['husleje_kr_m2', 'uden_for_arbejdsmarked_18_64', 'beboere_18_64'],
		['beboere_18_64', 'uden_for_arbejdsmarked_18_64', 'areal_m2'],
		['boliger', 'ledige_boliger', 'boliger']
	),
	trailingNewline: fc.boolean(),
	lines,
	strayAt: fc.nat()
});
type KeyFigureFile = typeof keyFigureFile extends fc.Arbitrary<infer T> ? T : never;

function bytesOf(f: KeyFigureFile, quoteFirst: boolean): Buffer {
	// A `,` file with a decimal comma would only be another field: write decimal points there.
	const lines = f.lines.map((l) => l.map((v) => (f.delimiter === ',' ? v.replace(',', '.') : v)).join(f.delimiter));
	const header = [quoteFirst ? '"afdeling_id"' : 'afdeling_id', 'aar', ...f.columns].join(f.delimiter);
	let text = [header, ...lines].join(f.newline) + (f.trailingNewline ? f.newline : '');
	if (f.stray !== null) {
		const at = header.length + 1 + (f.strayAt % Math.max(1, text.length - header.length));
		text = text.slice(0, at) + f.stray + text.slice(at);
	}
	if (f.encoding === 'windows-1252') return iconv.encode(text, 'windows-1252');
	const utf8 = Buffer.from(text, 'utf8');
	return f.encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
}

let round = 0;
async function read(files: KeyFigureFile[], quoteFirst: boolean) {
	const dir = join(work, String(round++));
	mkdirSync(dir);
	writeFileSync(join(dir, 'afdelinger.csv'), REGISTER);
	files.forEach((f, i) => writeFileSync(join(dir, `noegletal_${i}.csv`), bytesOf(f, quoteFirst)));
	const result = await readInput(dir, silentReporter);
	return {
		keyFigures: result.keyFigures,
		rows: result.files.map((f) => [f.file, f.rows]),
		issues: result.issues.map(formatIssue)
	};
}

describe('key figures through DuckDB', () => {
	it('gives the same merged table and issues as the JavaScript reader', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(keyFigureFile, { minLength: 1, maxLength: 3 }), async (files) => {
				const duckdb = await read(files, false);
				const javascript = await read(files, true);
				expect(duckdb).toEqual(javascript);
			}),
			{ numRuns: 150, seed: 8004 }
		);
	});

	it('reads a clean file itself, into the chunk the JavaScript reader gives', async () => {
		const text = '\ufeffafdeling_id;År;Boliger;husleje_kr_m2;kommentar\r\nA;2020;10;1012,5;x y\r\nA;2021;;950;\r\nBØx;2020;7;0,1;"\r\n';
		const bytes = Buffer.from(text.replace('"', 'z'));
		const path = join(work, 'clean.csv');
		writeFileSync(path, bytes);
		const database = await openReadDatabase();
		try {
			const issues = new IssueCollector();
			const ids = new DepartmentIds();
			const chunk = await readKeyFiguresDuckDB(database.connection, 'noegletal.csv', path, bytes, plainCsv(bytes)!, ids, issues);
			const jsIssues = new IssueCollector();
			const jsIds = new DepartmentIds();
			const js = readKeyFigures('noegletal.csv', bytes, jsIds, jsIssues);
			expect(chunk).not.toBeNull();
			expect(chunk!.columns).toEqual(['boliger', 'husleje_kr_m2']);
			expect([...chunk!.values.get('husleje_kr_m2')!]).toEqual([1012.5, 950, 0.1]);
			const view = (c: typeof js) => ({
				length: c.length,
				department: [...c.department.subarray(0, c.length)],
				aar: [...c.aar.subarray(0, c.length)],
				line: [...c.line.subarray(0, c.length)],
				values: c.columns.map((k) => [...c.values.get(k)!.subarray(0, c.length)]),
				fieldNumber: c.fieldNumber,
				header: c.header,
				info: c.info && { ...c.info, maxRows: 0 }
			});
			expect(view(chunk!)).toEqual(view(js));
			expect(ids).toEqual(jsIds);
			expect(issues.list()).toEqual(jsIssues.list());
			expect(issues.list().map(formatIssue)).toEqual([
				'noegletal.csv:1:5: advarsel: Kolonnen "kommentar" kendes ikke og bliver ikke læst: forventede en af kolonnerne afdeling_id, aar, boliger, ledige_boliger, fraflytninger, beboere_18_64, uden_for_arbejdsmarked_18_64, vedligeholdelsesstand, areal_m2, husleje_kr_m2, lejetab_kr, henlaeggelser_kr, fandt "kommentar".'
			]);
		} finally {
			await database.close();
		}
	});
});
