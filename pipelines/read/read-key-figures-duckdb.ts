/**
 * One noegletal*.csv file read by DuckDB's own typed CSV reader, the reader the benchmark's
 * baseline uses, into the same KeyFigureChunk the JavaScript reader (read-key-figures.ts) gives.
 * Only for a file whose every line is one both readers provably read the same way: plain-csv.ts
 * vouches for the file, strict-lines.ts for every line and cell (and reads the departments and
 * years on the way), and the 1-5 score is checked on the numbers; DuckDB parses the values.
 * Anything else returns null, leaving nothing behind: the
 * caller reads the file with the JavaScript reader, which reports every problem with its own
 * `fil:linje:kolonne` message. That fallback is per file: a file with one odd cell usually has
 * many, and it fails the ingest anyway unless the odd cells are valid spellings (a sign, a
 * thousands group) that only the JavaScript reader reads.
 *
 * The values are streamed from read_csv into typed arrays, a vector at a time, with no table in
 * between: materialising the file as a table and then scanning it took more CPU (national10's
 * largest file: 0.75-0.84 s against 0.39-0.88 s streamed, four runs each on a busy machine) and
 * held the file's values twice. Department ids are interned
 * once per distinct id (in the order of their first line, as the JavaScript reader interns them).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { KEY_FIGURE_KEYS, WHOLE_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { keyFigureColumns } from '../../src/lib/core/indicators.ts';
import { readChunks, isValid } from '../duckdb/duckdb-columns.ts';
import { sqlString } from '../duckdb/sql.ts';
import { mapHeaders } from './headers.ts';
import { IssueCollector } from './issues.ts';
import { COMMA, POINT } from './numbers.ts';
import type { PlainCsv } from './plain-csv.ts';
import type { CsvFileInfo } from './read-csv-file.ts';
import type { DepartmentIds, KeyFigureChunk } from './read-key-figures.ts';
import { EMPTY, ID, strictLines, VALUE, WHOLE, YEAR } from './strict-lines.ts';

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
	const rawColumns = keyFigureColumns();
	const ALLOWED: readonly string[] = [...KEY_FIGURE_KEYS, ...rawColumns];
	const map = mapHeaders(file, plain.header, 1, ALLOWED, KEY_FIGURE_KEYS, headerIssues);
	if (!map || headerIssues.errorCount > 0) return null;
	const columns = rawColumns.filter((c) => map.index.has(c));
	if (columns.length === 0) return null; // the JavaScript reader's warning says why
	const kind = new Uint8Array(plain.header.length);
	plain.header.forEach((h, i) => {
		if (h.trim() === '') kind[i] = EMPTY;
	});
	kind[map.index.get('afdeling_id')!] = ID;
	kind[map.index.get('aar')!] = YEAR;
	for (const c of columns) kind[map.index.get(c)!] = (WHOLE_COLUMNS as readonly string[]).includes(c) ? WHOLE : VALUE;
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
	const types = [...kind].map((k, i) => `'c${i}': '${k === VALUE || k === WHOLE ? 'DOUBLE' : 'VARCHAR'}'`).join(', ');
	const values = columns.map(() => new Float64Array(rows));
	const score = columns.indexOf('vedligeholdelsesstand');
	// Streamed straight into the arrays, in the file's order (a plain scan keeps it), rather than
	// through a table first: what DuckDB rejects part-way throws, and the arrays are dropped.
	let at = 0;
	try {
		const sql = `SELECT ${columns.map((c) => `${field(c)} AS "${c}"`).join(', ')}
			FROM read_csv(${sqlString(path)}, delim = ${sqlString(plain.delimiter)}, decimal_separator = ${sqlString(mark)},
				header = false, skip = 1, columns = {${types}}, auto_detect = false, quote = '', escape = '', comment = '',
				strict_mode = true, null_padding = false, encoding = ${sqlString(plain.encoding === 'windows-1252' ? 'latin-1' : 'utf-8')})`;
		for await (const part of readChunks(connection, sql)) {
			if (at + part.rows > rows) return null; // more rows than strict-lines.ts counted lines
			for (let c = 0; c < columns.length; c++) {
				const source = part.columns[c] as Float64Array;
				const mask = part.validity[c] ?? null;
				const target = values[c]!;
				if (mask === null) target.set(source, at);
				else for (let r = 0; r < part.rows; r++) target[at + r] = isValid(mask, r) ? source[r]! : NaN;
				// The 1-5 score is checked on the number DuckDB read (NaN, a missing value, passes).
				if (c === score) for (let r = 0; r < part.rows; r++) if (target[at + r]! < 1 || target[at + r]! > 5) return null;
			}
			at += part.rows;
		}
	} catch {
		return null; // DuckDB split the file otherwise than strict-lines.ts did: let JavaScript decide
	}
	if (at !== rows) return null;

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
		line: lineNumbers(rows),
		columns,
		values: new Map(columns.map((c, i) => [c, values[i]!])),
		fieldNumber: new Map([...map.index].map(([c, i]) => [c, i + 1])),
		header: new Map([...map.index].map(([c, i]) => [c, map.headers[i]!])),
		info
	};
	// Now that the file passed: its ids into the shared ones, in the order of their first line.
	const idColumn = map.index.get('afdeling_id')! + 1;
	const shared = Int32Array.from(strict.ids, (id, d) => ids.intern(id, file, strict.firstLine[d]!, idColumn));
	for (let r = 0; r < rows; r++) chunk.department[r] = shared[strict.department[r]!]!;
	for (const issue of headerIssues.list()) issues.add(issue);
	return chunk;
}

/** Line r + 2 for data row r (line 1 is the header). A loop: Int32Array.from with a mapping
 * function calls it per row, about half a second for national10's 1.24 million rows. */
function lineNumbers(rows: number): Int32Array {
	const line = new Int32Array(rows);
	for (let r = 0; r < rows; r++) line[r] = r + 2;
	return line;
}
