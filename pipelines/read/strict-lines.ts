/**
 * Whether every data line of a plain key-figure file (plain-csv.ts) is in the strict grammar,
 * which the JavaScript reader (numbers.ts, read-key-figures.ts) provably reads to the same rows
 * and values as DuckDB's typed CSV reader (read-key-figures-duckdb.ts):
 *
 *   every line  exactly as many fields as the header (no trailing separators, so no empty line),
 *               ended by the same line break as the header's, LF or CR LF (a lone CR is a line
 *               break to DuckDB but not to read-csv-file.ts), or by the end of the file;
 *   afdeling_id not empty, first and last byte printable ASCII (0x21-0x7E), so String.trim, which
 *               removes every Unicode space, has nothing to remove;
 *   aar         1 to 9 digits whose value is in YEAR_RANGE.keyFigures;
 *   values      empty (missing), or 1 to 15 bytes of digits with at most one decimal mark (the
 *               file's: `,` in a `;` or tab file, `.` in a `,` file) that has digits on both
 *               sides. Never the other mark: in a `;` file `1.234` is ambiguous and its column
 *               decides (decimal-marks.ts), `12.5` and `0.250` are decimals written the other
 *               way, `1.234.567` groups; only the JavaScript reader sees a whole column and so
 *               reads those. No sign, no space, no exponent. numbers.ts reads these as
 *               mantissa / 10^decimals, correctly rounded (15 digits are exact in a double), and
 *               so does DuckDB's cast. Counts are so never negative; vedligeholdelsesstand's 1-5
 *               is checked in SQL, on the numbers.
 *   whole values  in a column of whole counts (WHOLE_COLUMNS): empty, or 1 to 15 digits without
 *               a mark, so never a fraction, which the JavaScript reader reports (`2,5`; a `2,0`
 *               goes there too and is read as 2).
 *   other fields  anything: neither reader looks at them.
 *
 * On the way it takes what the values are not: each line's department (as an index into the
 * file's distinct ids, in the order of their first line) and year. A byte loop, not SQL: checking
 * the cells with regexp_full_match in DuckDB was measured to cost about as much again as reading
 * the file, and interning ids by grouping and joining in DuckDB about as much once more; this
 * loop touches each byte once and cuts a string only where the id changes.
 */
import { YEAR_RANGE } from '../../src/lib/core/input-contract.ts';

export interface StrictPlan {
	/** Offset of the first data line (after the header's line break). */
	start: number;
	/** Whether the header's line break is CR LF (else LF). */
	crlf: boolean;
	delimiter: number;
	/** Decimal mark: 44 (`,`) or 46 (`.`). */
	mark: number;
	width: number;
	/** Per field: ID, YEAR, VALUE, WHOLE, EMPTY, or 0 (not read). */
	kind: Uint8Array;
	/** Whether the file is Latin-1 (Windows-1252 without 0x80-0x9F) rather than UTF-8. */
	latin1: boolean;
}

export const ID = 1;
export const YEAR = 2;
export const VALUE = 3;
/** A column without a heading: empty in every line, or the JavaScript reader warns of its values. */
export const EMPTY = 4;
/** A count of whole things (WHOLE_COLUMNS): digits only. */
export const WHOLE = 5;

export interface StrictRows {
	rows: number;
	/** Per row: index into ids. */
	department: Int32Array;
	aar: Int32Array;
	/** The file's distinct ids in the order of their first line, and that line. */
	ids: string[];
	firstLine: number[];
}

const [FIRST_YEAR, LAST_YEAR] = YEAR_RANGE.keyFigures;

/** The rows' departments and years, or null when any line is outside the grammar. */
export function strictLines(bytes: Uint8Array, plan: StrictPlan): StrictRows | null {
	const { delimiter, mark, width, kind } = plan;
	const length = bytes.length;
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	let size = 1024;
	let department: Int32Array = new Int32Array(size);
	let aar: Int32Array = new Int32Array(size);
	const ids: string[] = [];
	const firstLine: number[] = [];
	const index = new Map<string, number>();
	let lastStart = -1;
	let lastEnd = -1;
	let last = -1;
	let rows = 0;
	let p = plan.start;
	while (p < length) {
		let field = 0;
		let idStart = 0;
		let idEnd = 0;
		let year = 0;
		// One field per round, each kind with a loop of its own: the values are most of the bytes.
		for (;;) {
			const k = field < width ? kind[field]! : 0;
			const fieldStart = p;
			if (k === VALUE) {
				// Digits with at most one mark, which must follow a digit and be followed by one.
				let marks = 0;
				let lastWasMark = false;
				for (; p < length; p++) {
					const c = bytes[p]!;
					if (c >= 48 && c <= 57) lastWasMark = false;
					else if (c === mark && p > fieldStart && marks === 0) {
						marks = 1;
						lastWasMark = true;
					} else break;
				}
				if (p - fieldStart > 15 || lastWasMark) return null;
			} else if (k === WHOLE) {
				while (p < length && bytes[p]! >= 48 && bytes[p]! <= 57) p++;
				if (p - fieldStart > 15) return null;
			} else if (k === YEAR) {
				let number = 0;
				for (; p < length; p++) {
					const c = bytes[p]!;
					if (c < 48 || c > 57) break;
					number = number * 10 + (c - 48);
				}
				const size = p - fieldStart;
				if (size === 0 || size > 9 || number < FIRST_YEAR || number > LAST_YEAR) return null;
				year = number;
			} else {
				// An id or a field neither reader looks at: any byte but the separators.
				for (; p < length; p++) {
					const c = bytes[p]!;
					if (c === delimiter || c === 10 || c === 13) break;
				}
				if (k === EMPTY && p !== fieldStart) return null;
				if (k === ID) {
					if (p === fieldStart || !printable(bytes[fieldStart]!) || !printable(bytes[p - 1]!)) return null;
					idStart = fieldStart;
					idEnd = p;
				}
			}
			// A year or a value ends only at a separator: any other byte is outside the grammar.
			const c = p < length ? bytes[p]! : 10;
			field++;
			if (c === delimiter) {
				p++;
				continue;
			}
			if (c !== 10 && c !== 13) return null;
			break;
		}
		if (field !== width) return null;
		if (rows === size) {
			size *= 2;
			department = grow(department, size);
			aar = grow(aar, size);
		}
		// Rows of one department usually follow each other: compare bytes before cutting a string.
		if (!sameBytes(bytes, idStart, idEnd, lastStart, lastEnd)) {
			const id = buffer.toString(plan.latin1 ? 'latin1' : 'utf8', idStart, idEnd);
			let d = index.get(id);
			if (d === undefined) {
				d = ids.push(id) - 1;
				firstLine.push(rows + 2);
				index.set(id, d);
			}
			last = d;
			lastStart = idStart;
			lastEnd = idEnd;
		}
		department[rows] = last;
		aar[rows] = year;
		rows++;
		if (p < length) {
			const crlf = bytes[p] === 13;
			if (crlf !== plan.crlf || (crlf && bytes[p + 1] !== 10)) return null;
			p += crlf ? 2 : 1;
		}
	}
	return { rows, department, aar, ids, firstLine };
}

function printable(c: number): boolean {
	return c > 32 && c < 127;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
	if (otherStart < 0 || end - start !== otherEnd - otherStart) return false;
	for (let i = 0; i < end - start; i++) if (bytes[start + i] !== bytes[otherStart + i]) return false;
	return true;
}

function grow(a: Int32Array, size: number): Int32Array {
	const b = new Int32Array(size);
	b.set(a);
	return b;
}
