/**
 * DuckDB's reader (read-key-figures-duckdb.ts) must give exactly what the JavaScript reader gives:
 * the same merged table and the same issues, for any key-figure files. A double quote anywhere
 * sends a file to the JavaScript reader, so quoting the first header name (`"afdeling_id"`, which
 * CSV reads as afdeling_id) gives the same files through the other door. Random files mix clean
 * lines with every kind of cell, line and file DuckDB must hand back: signs, groups, spaces,
 * padded ids, years out of range, scores out of 1-5, wrong field counts, empty lines, lone CRs,
 * mixed line breaks, Windows-1252 with and without the bytes where it differs from Latin-1; and
 * what the read step's later rules added: points in a `;` or tab file's values (`1.234` is
 * ambiguous and its column decides, `0.250` and `12.5` are decimals), Excel's `sep=` line before
 * the header, a title or notes above the header, decimals in a count of whole things, UTF-16 and mostly-UTF-8 files, and columns empty in every row (whose warning must
 * come out the same for files DuckDB read). DuckDB may decline any file; it may never disagree.
 */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { normaliseHeader, RAW_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { formatIssue, IssueCollector } from '../../pipelines/read/issues.ts';
import { openReadDatabase } from '../../pipelines/read/read-database.ts';
import { plainCsv } from '../../pipelines/read/plain-csv.ts';
import { readInput } from '../../pipelines/read/read-input.ts';
import { DepartmentIds, readKeyFigures } from '../../pipelines/read/read-key-figures.ts';
import { readKeyFiguresDuckDB } from '../../pipelines/read/read-key-figures-duckdb.ts';

/** Which files DuckDB read itself, to check the properties do reach it (and never for some files). */
const taken = vi.hoisted(() => ({ files: [] as { file: string; bytes: Uint8Array }[], declined: 0 }));
vi.mock('../../pipelines/read/read-key-figures-duckdb.ts', async (original) => {
	const module = await original<typeof import('../../pipelines/read/read-key-figures-duckdb.ts')>();
	return {
		...module,
		readKeyFiguresDuckDB: async (...args: Parameters<typeof module.readKeyFiguresDuckDB>) => {
			const chunk = await module.readKeyFiguresDuckDB(...args);
			// A copy: the read step's bytes are valid only until it reads the next file (file-bytes.ts).
			if (chunk) taken.files.push({ file: args[1], bytes: args[3].slice() });
			else taken.declined++;
			return chunk;
		}
	};
});

const work = mkdtempSync(join(tmpdir(), 'read-duckdb-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const REGISTER =
	'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\n' +
	['A1', 'B-2', 'C3', 'Ø5', 'E6ø', 'G€8'].map((id) => `${id};N;1;O;0101\n`).join('');

const clean = {
	id: fc.constantFrom('A1', 'B-2', 'C3', 'XØ5', 'E6øE', 'G€8', 'X9', 'Ø5'),
	year: fc.constantFrom('2020', '2021', '2022', '2024', '2000', '2100', '02023'),
	value: fc.constantFrom('12', '12,5', '0', '3', '4,5', '0,1', '0,3', '007', '', '123456789012345', '1234567,89012', '1,000', '5'),
	/** The last column may be vedligeholdelsesstand, 1 to 5. */
	score: fc.constantFrom('1', '2', '3', '4,5', '5', '', '1,25', '04')
};
/**
 * Values with a point where a `;` or tab file has the decimal comma (in a `,` file the point is
 * the decimal mark, and the generator writes these there too): ambiguous ones (`1.234`, read by
 * the column: thousands in counts and kroner, decimals in vedligeholdelsesstand, by the other
 * cells in areal_m2 and uden_for_arbejdsmarked_18_64), and ones that are decimals for certain.
 */
const dotted = {
	value: fc.constantFrom('1.234', '12.345', '999.500', '0.250', '12.5', '1234.567', '1.234.567', '2.500', '1.000'),
	score: fc.constantFrom('2.500', '1.250', '4.5', '1.000')
};
const odd = {
	score: fc.constantFrom('0', '6', '5,5', '0,5', '-1', 'x'),
	id: fc.constantFrom(' C3', 'D4 ', '', '  ', 'F\u00a07', 'Ø5 '),
	year: fc.constantFrom('1999', '2101', '20x1', '', '2024,0', ' 2024', '99999', '-2024'),
	value: fc.constantFrom(
		'1.234',
		'12.5',
		'-3',
		'-',
		'1 234',
		'x',
		'12,',
		',5',
		'12345678901234,5',
		'6',
		'1,5E+03',
		'+4',
		'−2',
		'1.234,5',
		'0,5'
	)
};
const cell = (kind: 'id' | 'year' | 'value' | 'score') =>
	fc.oneof({ weight: 12, arbitrary: clean[kind] }, { weight: 1, arbitrary: odd[kind] });
const cleanLine = fc.tuple(clean.id, clean.year, clean.value, clean.value, clean.score).map((t): string[] => [...t]);
const line = fc.oneof(
	{ weight: 30, arbitrary: fc.tuple(cell('id'), cell('year'), cell('value'), cell('value'), cell('score')).map((t): string[] => [...t]) },
	{ weight: 1, arbitrary: fc.array(clean.value, { minLength: 1, maxLength: 7 }).map((t): string[] => t) },
	{ weight: 1, arbitrary: fc.constant([] as string[]) }
);
const dottedCell = (kind: 'value' | 'score') => fc.oneof({ weight: 3, arbitrary: clean[kind] }, { weight: 1, arbitrary: dotted[kind] });
const dottedLine = fc
	.tuple(clean.id, clean.year, dottedCell('value'), dottedCell('value'), dottedCell('score'))
	.map((t): string[] => [...t]);
/** Half the files clean, so that DuckDB reads many of them; the rest with some odd or dotted lines. */
const lines: fc.Arbitrary<string[][]> = fc.oneof(
	{ weight: 3, arbitrary: fc.array(cleanLine, { minLength: 1, maxLength: 12 }) },
	{ weight: 2, arbitrary: fc.array(line, { minLength: 0, maxLength: 12 }) },
	{ weight: 1, arbitrary: fc.array(dottedLine, { minLength: 1, maxLength: 12 }) }
);
/**
 * Excel's separator line before the header, in the spellings delimiter.ts takes; `X` is the
 * file's separator (a `sep=` naming another one would make the quoted first header, the test's
 * way to the JavaScript reader, a different file).
 */
const separatorLines = fc.constantFrom<string | null>(
	null,
	null,
	null,
	null,
	null,
	null,
	null,
	null,
	null,
	null,
	'sep=X',
	'SEP=X',
	'sep=XX',
	'sep=\\t'
);
const keyFigureFile = fc.record({
	delimiter: fc.constantFrom(';', ';', ',', '\t'),
	newline: fc.constantFrom('\n', '\r\n'),
	stray: fc.constantFrom(null, null, null, null, null, null, null, '\r', '\n', '\r\n'),
	encoding: fc.constantFrom('utf8', 'utf8', 'utf8', 'utf8', 'utf8-bom', 'windows-1252', 'windows-1252', 'utf-16le', 'mixed'),
	columns: fc.constantFrom<string[]>(
		['boliger', 'ledige_boliger', 'vedligeholdelsesstand'],
		['Boliger', 'kommentar', 'Vedligeholdelsesstand'],
		['husleje_kr_m2', 'uden_for_arbejdsmarked_18_64', 'beboere_18_64'],
		['beboere_18_64', 'uden_for_arbejdsmarked_18_64', 'areal_m2'],
		['boliger', 'ledige_boliger', 'boliger'],
		// Without a count of whole things, whose decimals (`12,5`) send a file to the JavaScript reader.
		['husleje_kr_m2', 'areal_m2', 'vedligeholdelsesstand'],
		['uden_for_arbejdsmarked_18_64', 'lejetab_kr', 'vedligeholdelsesstand'],
		['areal_m2', 'henlaeggelser_kr', 'vedligeholdelsesstand']
	),
	trailingNewline: fc.boolean(),
	lines,
	strayAt: fc.nat(),
	sep: separatorLines,
	/** A title or notes above the header (title-lines.ts): `X` is the separator, `/` a line break. */
	// Wide notes (six cells) and a block longer than 64 lines are titles too (title-lines.ts); two
	// more nulls keep the share of files DuckDB may take as it was.
	title: fc.constantFrom<string | null>(
		...Array<null>(14).fill(null),
		'Nøgletal 2024',
		'Nøgletal 2024XXX',
		'Kilde:XLBF/Udtrukket 2024',
		'KommuneXHorsensXUdtrækX1-12-2026XKildeXLBF',
		Array.from({ length: 70 }, (_, i) => `Note ${i + 1}XaXbXcXd`).join('/')
	),
	/** Fields (2-4: the value columns) left empty on every line. */
	empty: fc.constantFrom<number[]>([], [], [], [2], [3], [4], [2, 4])
});
type KeyFigureFile = typeof keyFigureFile extends fc.Arbitrary<infer T> ? T : never;

function bytesOf(f: KeyFigureFile, quoteFirst: boolean): Buffer {
	// A `,` file with a decimal comma would only be another field: write decimal points there.
	const lines = f.lines.map((l) =>
		l.map((v, i) => (f.empty.includes(i) ? '' : f.delimiter === ',' ? v.replace(',', '.') : v)).join(f.delimiter)
	);
	const header = [quoteFirst ? '"afdeling_id"' : 'afdeling_id', 'aar', ...f.columns].join(f.delimiter);
	let text = [header, ...lines].join(f.newline) + (f.trailingNewline ? f.newline : '');
	if (f.stray !== null) {
		const at = header.length + 1 + (f.strayAt % Math.max(1, text.length - header.length));
		text = text.slice(0, at) + f.stray + text.slice(at);
	}
	if (f.title) text = f.title.replaceAll('X', f.delimiter).replaceAll('/', f.newline) + f.newline + text;
	if (f.sep !== null) {
		const sep = f.sep === 'sep=\\t' && f.delimiter !== '\t' ? 'sep=X' : f.sep;
		text = sep.replaceAll('X', f.delimiter) + f.newline + text;
	}
	return encode(text, f.encoding);
}

function encode(text: string, encoding: KeyFigureFile['encoding']): Buffer {
	if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
	// Mostly UTF-8, one line Windows-1252 (decode.ts, rule 3): the last line's first non-ASCII character.
	if (encoding === 'mixed') {
		const at = text.lastIndexOf('\n', text.length - 2) + 1;
		return Buffer.concat([Buffer.from(text.slice(0, at), 'utf8'), iconv.encode(text.slice(at), 'windows-1252')]);
	}
	if (encoding === 'windows-1252') return iconv.encode(text, 'windows-1252');
	const utf8 = Buffer.from(text, 'utf8');
	return encoding === 'utf8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8]) : utf8;
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

/**
 * Inputs without errors, so that the warnings for columns empty in every row come out (they are
 * left out when there are errors): ids of the register, each department-year once over all files,
 * values no check refuses, no numerator beside its denominator; 1-3 files share the columns and
 * the empty ones, each with its own separator, line break, encoding and maybe a `sep=` line.
 */
const register = fc.constantFrom('A1', 'B-2', 'C3', 'Ø5', 'E6ø', 'G€8');
const quietValue = fc.constantFrom('12', '12,5', '0', '1234567,89012', '1,000', '', '7', '1.234', '0.250', '12.5');
const quietScore = fc.constantFrom('1', '2', '4,5', '5', '', '2.500');
const quietInput = fc
	.record({
		columns: fc.constantFrom<string[]>(
			['areal_m2', 'husleje_kr_m2', 'vedligeholdelsesstand'],
			['lejetab_kr', 'henlaeggelser_kr', 'areal_m2'],
			['uden_for_arbejdsmarked_18_64', 'areal_m2', 'husleje_kr_m2'],
			['Lejetab_kr', 'Areal_m2', 'Vedligeholdelsesstand']
		),
		empty: fc.subarray([2, 3, 4]),
		rows: fc.uniqueArray(fc.tuple(register, fc.constantFrom('2020', '2021', '2022'), quietValue, quietValue, quietScore, fc.nat(2)), {
			selector: (t) => `${t[0]} ${t[1]}`,
			minLength: 1,
			maxLength: 12
		}),
		files: fc.array(
			fc.record({
				delimiter: fc.constantFrom(';', ';', ',', '\t'),
				newline: fc.constantFrom('\n', '\r\n'),
				encoding: fc.constantFrom('utf8', 'utf8-bom', 'windows-1252', 'utf-16le'),
				sep: fc.constantFrom(false, false, true),
				trailingNewline: fc.boolean()
			}),
			{ minLength: 1, maxLength: 3 }
		)
	})
	.map(({ columns, empty, rows, files }): KeyFigureFile[] =>
		files.map((f, k) => ({
			...f,
			sep: f.sep ? 'sep=X' : null,
			columns,
			empty,
			lines: rows.filter((r) => r[5] % files.length === k).map((r) => r.slice(0, 5) as string[]),
			stray: null,
			strayAt: 0,
			title: null
		}))
	);

const VALUE_HEADERS = new Set(RAW_COLUMNS.map(normaliseHeader));

/** Whether a file DuckDB read breaks a rule that should have sent it to the JavaScript reader. */
function mustNotTake(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xff || bytes[0] === 0xfe) return 'UTF-16';
	const text = Buffer.from(bytes)
		.toString('latin1')
		.replace(/^\xef\xbb\xbf/, '');
	if (/^"?sep=/i.test(text)) return 'a sep= line';
	const [head, ...rest] = text.split(/\r?\n/);
	// DuckDB's header is line 1: a title there must send the file to the JavaScript reader.
	if (!head!.startsWith('afdeling_id')) return 'a title above the header';
	const delimiter = head!.includes(';') ? ';' : head!.includes('\t') ? '\t' : ',';
	if (delimiter === ',') return null;
	const values = head!.split(delimiter).flatMap((h, i) => (VALUE_HEADERS.has(normaliseHeader(h)) ? [i] : []));
	for (const line of rest) {
		const fields = line.split(delimiter);
		if (values.some((i) => fields[i]?.includes('.'))) return `a point in a value of a ${JSON.stringify(delimiter)} file`;
	}
	return null;
}

describe('key figures through DuckDB', () => {
	it('gives the same merged table and issues as the JavaScript reader', async () => {
		taken.files.length = 0;
		taken.declined = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(keyFigureFile, { minLength: 1, maxLength: 3 }), async (files) => {
				const duckdb = await read(files, false);
				const javascript = await read(files, true);
				expect(duckdb).toEqual(javascript);
			}),
			{ numRuns: 200, seed: 8004 }
		);
		// DuckDB did read many of them, and declined many, and none it should not have read.
		expect(taken.files.length).toBeGreaterThan(25);
		expect(taken.declined).toBeGreaterThan(25);
		expect(taken.files.map((f) => mustNotTake(f.bytes)).filter((why) => why !== null)).toEqual([]);
	});

	it('gives the same warnings for empty columns, the same ambiguous points and the same sep= lines', async () => {
		taken.files.length = 0;
		let emptyWarnings = 0;
		await fc.assert(
			fc.asyncProperty(quietInput, async (files) => {
				const before = taken.files.length;
				const duckdb = await read(files, false);
				const tookSome = taken.files.length > before;
				const javascript = await read(files, true);
				expect(duckdb).toEqual(javascript);
				if (tookSome && duckdb.issues.some((i) => i.includes('fandt kun tomme celler'))) emptyWarnings++;
			}),
			{ numRuns: 120, seed: 8005 }
		);
		expect(emptyWarnings).toBeGreaterThan(5);
		expect(taken.files.map((f) => mustNotTake(f.bytes)).filter((why) => why !== null)).toEqual([]);
	});

	it('leaves to the JavaScript reader a sep= line, UTF-16, a mostly-UTF-8 file, a point in a value of a ; file and decimals in a count', async () => {
		const text = 'afdeling_id;aar;boliger;areal_m2\nA1;2020;10;12,5\nØ5;2021;1.234;7\n';
		expect(plainCsv(Buffer.from(text))).not.toBeNull();
		expect(plainCsv(Buffer.from('sep=;\n' + text))).toBeNull();
		expect(plainCsv(encode(text, 'utf-16le'))).toBeNull();
		expect(plainCsv(Buffer.concat([Buffer.from(text), iconv.encode('C3;2022;1;5ø\n', 'windows-1252')]))).toBeNull();
		const database = await openReadDatabase();
		try {
			// `2,5` dwellings: the JavaScript reader's error (not-a-whole-number); `12,5` m² is fine.
			for (const [name, file] of [
				['dotted.csv', text],
				['fraction.csv', 'afdeling_id;aar;boliger;areal_m2\nA1;2020;2,5;12,5\n']
			]) {
				const bytes = Buffer.from(file!);
				const path = join(work, name!);
				writeFileSync(path, bytes);
				const chunk = await readKeyFiguresDuckDB(
					database.connection,
					'noegletal.csv',
					path,
					bytes,
					plainCsv(bytes)!,
					new DepartmentIds(),
					new IssueCollector()
				);
				expect(chunk).toBeNull();
			}
		} finally {
			await database.close();
		}
	});

	it('leaves a file with a title above the header to the JavaScript reader, which finds the header', async () => {
		const dir = join(work, 'title');
		mkdirSync(dir);
		writeFileSync(join(dir, 'afdelinger.csv'), REGISTER);
		writeFileSync(join(dir, 'noegletal.csv'), 'Nøgletal 2024\nafdeling_id;aar;boliger\nA1;2024;12\nC3;2024;x\n');
		const before = taken.files.length;
		const result = await readInput(dir, silentReporter);
		expect(taken.files.length).toBe(before);
		expect(result.keyFigures.afdeling_id).toEqual(['A1', 'C3']);
		expect([...result.keyFigures.values.boliger!]).toEqual([12, NaN]);
		expect(result.issues.map(formatIssue).filter((m) => m.startsWith('noegletal.csv:') && !m.includes('bliver tomme overalt'))).toEqual([
			'noegletal.csv:1:0: advarsel: Linje 1 over kolonnenavnene i linje 2 bliver ikke læst: forventede kolonnenavnene i den første linje med indhold, fandt en titel eller note over dem: "Nøgletal 2024" (linje 1).',
			'noegletal.csv:4:3: Tallet i kolonnen "boliger" kan ikke læses: forventede et tal som 12 eller 12,5, fandt "x". En manglende værdi skrives som en tom celle eller -.'
		]);
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
