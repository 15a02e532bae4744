/**
 * One noegletal*.csv file read by DuckDB's own typed CSV reader, the reader the benchmark's
 * baseline uses, into the same KeyFigureChunk the JavaScript reader (read-key-figures.ts) gives.
 * Only for a file whose every line is one both readers provably read the same way: plain-csv.ts
 * vouches for the file, strict-lines.ts for every line and cell, and SQL checks the year range
 * and the 1-5 score on the numbers. Anything else returns null, leaving nothing behind: the
 * caller reads the file with the JavaScript reader, which reports every problem with its own
 * `fil:linje:kolonne` message. That fallback is per file: a file with one odd cell usually has
 * many, and it fails the ingest anyway unless the odd cells are valid spellings (a sign, a
 * thousands group) that only the JavaScript reader reads.
 *
 * The rows come back as typed arrays over DuckDB's vectors; department ids are interned once per
 * distinct id (in the order of their first line, as the JavaScript reader interns them), not
 * once per row.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { KEY_FIGURE_KEYS, RAW_COLUMNS, YEAR_RANGE } from '../../src/lib/contract/input.ts';
import { readChunks, isValid } from '../build/duckdb-columns.ts';
import { sqlString } from '../build/parquet-files.ts';
import { mapHeaders } from './headers.ts';
import { IssueCollector } from './issues.ts';
import { COMMA, POINT } from './numbers.ts';
import type { PlainCsv } from './plain-csv.ts';
import type { DepartmentIds, KeyFigureChunk } from './read-key-figures.ts';
import { ID, strictLines, VALUE, YEAR } from './strict-lines.ts';

const ALLOWED: readonly string[] = [...KEY_FIGURE_KEYS, ...RAW_COLUMNS];

export async function readKeyFiguresDuckDB(
	connection: DuckDBConnection,
	file: string,
	path: string,
	bytes: Uint8Array,
	plain: PlainCsv,
	ids: DepartmentIds,
	issues: IssueCollector
): Promise<KeyFigureChunk | null> {
	// The header's issues wait until the file is known to pass: on fallback the JavaScript
	// reader reports them itself, in its own order.
	const headerIssues = new IssueCollector();
	const map = mapHeaders(file, plain.header, 1, ALLOWED, KEY_FIGURE_KEYS, headerIssues);
	if (!map || headerIssues.errorCount > 0) return null;
	const columns = RAW_COLUMNS.filter((c) => map.index.has(c));
	if (columns.length === 0) return null; // the JavaScript reader's warning says why
	const kind = new Uint8Array(plain.header.length);
	kind[map.index.get('afdeling_id')!] = ID;
	kind[map.index.get('aar')!] = YEAR;
	for (const c of columns) kind[map.index.get(c)!] = VALUE;
	const mark = plain.delimiter === ',' ? '.' : ',';
	const width = plain.header.length;
	if (!strictLines(bytes, { start: plain.dataStart, crlf: plain.crlf, delimiter: plain.delimiter.charCodeAt(0), mark: mark.charCodeAt(0), width, kind })) {
		return null;
	}

	const field = (column: string) => `c${map.index.get(column)!}`;
	const types = [...kind].map((k, i) => `'c${i}': '${k === YEAR ? 'INTEGER' : k === VALUE ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
	const table = 'kf_file';
	try {
		// Insertion order is kept, so rowid n is data row n, on line n + 2 (no empty lines).
		await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS
			SELECT ${field('afdeling_id')} AS afdeling_id, ${field('aar')} AS aar${columns.map((c) => `, ${field(c)} AS "${c}"`).join('')}
			FROM read_csv(${sqlString(path)}, delim = ${sqlString(plain.delimiter)}, decimal_separator = ${sqlString(mark)},
				header = false, skip = 1, columns = {${types}}, auto_detect = false, quote = '', escape = '', comment = '',
				strict_mode = true, null_padding = false, encoding = ${sqlString(plain.encoding === 'windows-1252' ? 'latin-1' : 'utf-8')})`);
	} catch {
		return null; // DuckDB split the file otherwise than strict-lines.ts did: let JavaScript decide
	}
	try {
		const [first, last] = YEAR_RANGE.keyFigures;
		const score = columns.includes('vedligeholdelsesstand') ? ' OR vedligeholdelsesstand NOT BETWEEN 1 AND 5' : '';
		const [rows, bad] = (
			await connection.runAndReadAll(`SELECT count(*)::INTEGER, count_if(aar NOT BETWEEN ${first} AND ${last}${score})::INTEGER FROM ${table}`)
		).getRows()[0] as [number, number];
		if (bad > 0) return null;

		// Each distinct id once, in the order of its first line, interned as the JavaScript reader would.
		const idColumn = map.index.get('afdeling_id')! + 1;
		await connection.run(`CREATE OR REPLACE TEMP TABLE kf_file_ids AS
			SELECT afdeling_id, (row_number() OVER (ORDER BY first) - 1)::INTEGER AS k, first FROM (
				SELECT afdeling_id, min(rowid) AS first FROM ${table} GROUP BY afdeling_id)`);
		const firsts = (await connection.runAndReadAll('SELECT afdeling_id, (first + 2)::INTEGER FROM kf_file_ids ORDER BY k')).getRows() as [string, number][];
		const department = Int32Array.from(firsts, ([id, line]) => ids.intern(id, file, line, idColumn));

		const chunk: KeyFigureChunk = {
			file,
			length: rows,
			department: new Int32Array(rows),
			aar: new Int32Array(rows),
			line: Int32Array.from({ length: rows }, (_, r) => r + 2),
			columns,
			values: new Map(columns.map((c) => [c, new Float64Array(rows)])),
			fieldNumber: new Map([...map.index].map(([c, i]) => [c, i + 1])),
			header: new Map([...map.index].map(([c, i]) => [c, map.headers[i]!])),
			info: {
				encoding: plain.encoding,
				delimiter: plain.delimiter,
				decimalMark: mark === ',' ? COMMA : POINT,
				rows,
				dropped: 0,
				maxRows: rows
			}
		};
		const targets = columns.map((c) => chunk.values.get(c)!);
		const sql = `SELECT f.rowid::INTEGER, i.k, f.aar${columns.map((c) => `, f."${c}"`).join('')} FROM ${table} f JOIN kf_file_ids i USING (afdeling_id)`;
		for await (const part of readChunks(connection, sql)) {
			const [at, k, aar] = part.columns as [Int32Array, Int32Array, Int32Array];
			for (let r = 0; r < part.rows; r++) {
				const row = at[r]!;
				chunk.department[row] = department[k[r]!]!;
				chunk.aar[row] = aar[r]!;
			}
			targets.forEach((target, c) => {
				const values = part.columns[c + 3] as Float64Array;
				const mask = part.validity[c + 3] ?? null;
				for (let r = 0; r < part.rows; r++) target[at[r]!] = isValid(mask, r) ? values[r]! : NaN;
			});
		}
		for (const issue of headerIssues.list()) issues.add(issue);
		return chunk;
	} finally {
		await connection.run(`DROP TABLE IF EXISTS ${table}`);
		await connection.run('DROP TABLE IF EXISTS kf_file_ids');
	}
}
