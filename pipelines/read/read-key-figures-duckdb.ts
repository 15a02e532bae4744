/**
 * One noegletal*.csv file read by DuckDB's own typed CSV reader, the reader the benchmark's
 * baseline uses, into the same KeyFigureChunk the JavaScript reader (read-key-figures.ts) gives.
 * Only for a file whose every line is one both readers provably read the same way: plain-csv.ts
 * vouches for the file, strict-lines.ts for every line and cell (and reads the departments and
 * years on the way), and SQL checks the 1-5 score on the numbers; DuckDB parses the values. Anything else returns null, leaving nothing behind: the
 * caller reads the file with the JavaScript reader, which reports every problem with its own
 * `fil:linje:kolonne` message. That fallback is per file: a file with one odd cell usually has
 * many, and it fails the ingest anyway unless the odd cells are valid spellings (a sign, a
 * thousands group) that only the JavaScript reader reads.
 *
 * The values come back as typed arrays copied from DuckDB's vectors; department ids are interned
 * once per distinct id (in the order of their first line, as the JavaScript reader interns them).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { KEY_FIGURE_KEYS, RAW_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { readChunks, isValid } from '../duckdb/duckdb-columns.ts';
import { sqlString } from '../duckdb/sql.ts';
import { mapHeaders } from './headers.ts';
import { IssueCollector } from './issues.ts';
import { COMMA, POINT } from './numbers.ts';
import type { PlainCsv } from './plain-csv.ts';
import type { CsvFileInfo } from './read-csv-file.ts';
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
	const strict = strictLines(bytes, {
		start: plain.dataStart,
		crlf: plain.crlf,
		delimiter: plain.delimiter.charCodeAt(0),
		mark: mark.charCodeAt(0),
		width,
		kind,
		latin1: plain.encoding === 'windows-1252'
	});
	if (!strict) return null;
	const rows = strict.rows;

	const field = (column: string) => `c${map.index.get(column)!}`;
	const types = [...kind].map((k, i) => `'c${i}': '${k === VALUE ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
	const table = 'kf_file';
	try {
		await connection.run(`CREATE OR REPLACE TEMP TABLE ${table} AS SELECT ${columns.map((c) => `${field(c)} AS "${c}"`).join(', ')}
			FROM read_csv(${sqlString(path)}, delim = ${sqlString(plain.delimiter)}, decimal_separator = ${sqlString(mark)},
				header = false, skip = 1, columns = {${types}}, auto_detect = false, quote = '', escape = '', comment = '',
				strict_mode = true, null_padding = false, encoding = ${sqlString(plain.encoding === 'windows-1252' ? 'latin-1' : 'utf-8')})`);
	} catch {
		return null; // DuckDB split the file otherwise than strict-lines.ts did: let JavaScript decide
	}
	try {
		const score = columns.includes('vedligeholdelsesstand') ? 'count_if(vedligeholdelsesstand NOT BETWEEN 1 AND 5)' : '0';
		const [count, bad] = (await connection.runAndReadAll(`SELECT count(*)::INTEGER, ${score}::INTEGER FROM ${table}`)).getRows()[0] as [
			number,
			number
		];
		if (count !== rows || bad > 0) return null;

		const info: CsvFileInfo = {
			encoding: plain.encoding,
			delimiter: plain.delimiter,
			decimalMark: mark === ',' ? COMMA : POINT,
			headerLine: 1,
			rows,
			dropped: 0,
			maxRows: rows
		};
		const chunk: KeyFigureChunk = {
			file,
			length: rows,
			department: new Int32Array(rows),
			aar: strict.aar,
			line: Int32Array.from({ length: rows }, (_, r) => r + 2),
			columns,
			values: new Map(columns.map((c) => [c, new Float64Array(rows)])),
			fieldNumber: new Map([...map.index].map(([c, i]) => [c, i + 1])),
			header: new Map([...map.index].map(([c, i]) => [c, map.headers[i]!])),
			info
		};
		// A plain scan keeps the table's order, which is the file's (insertion order is kept).
		const targets = columns.map((c) => chunk.values.get(c)!);
		let at = 0;
		for await (const part of readChunks(connection, `SELECT * FROM ${table}`)) {
			targets.forEach((target, c) => {
				const values = part.columns[c] as Float64Array;
				const mask = part.validity[c] ?? null;
				if (mask === null) target.set(values, at);
				else for (let r = 0; r < part.rows; r++) target[at + r] = isValid(mask, r) ? values[r]! : NaN;
			});
			at += part.rows;
		}
		// Now that the file passed: its ids into the shared ones, in the order of their first line.
		const idColumn = map.index.get('afdeling_id')! + 1;
		const shared = Int32Array.from(strict.ids, (id, d) => ids.intern(id, file, strict.firstLine[d]!, idColumn));
		for (let r = 0; r < rows; r++) chunk.department[r] = shared[strict.department[r]!]!;
		for (const issue of headerIssues.list()) issues.add(issue);
		return chunk;
	} finally {
		await connection.run(`DROP TABLE IF EXISTS ${table}`);
	}
}
