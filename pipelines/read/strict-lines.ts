/**
 * Whether every data line of a plain key-figure file (plain-csv.ts) is in the strict grammar,
 * which the JavaScript reader (numbers.ts, read-key-figures.ts) provably reads to the same rows
 * and values as DuckDB's typed CSV reader (key-figure-sources.ts):
 *
 *   every line  exactly as many fields as the header (no trailing separators, so no empty line),
 *               ended by the same line break as the header's, LF or CR LF (a lone CR is a line
 *               break to DuckDB but not to read-csv-file.ts), or by the end of the file;
 *   afdeling_id not empty, first and last byte printable ASCII (0x21-0x7E), so String.trim, which
 *               removes every Unicode space, has nothing to remove;
 *   aar         1 to 9 digits (the range is checked in SQL, on the number);
 *   values      empty (missing), or 1 to 15 bytes of digits with at most one decimal mark (the
 *               file's: `,` in a `;` or tab file, `.` in a `,` file) that has digits on both
 *               sides. No sign, no other mark, no space, no exponent. numbers.ts reads these as
 *               mantissa / 10^decimals, correctly rounded (15 digits are exact in a double), and
 *               so does DuckDB's cast. Counts are so never negative; vedligeholdelsesstand's 1-5
 *               is checked in SQL.
 *   other fields  anything: neither reader looks at them.
 *
 * A byte loop, not SQL: checking 8.7 million cells with regexp_full_match in DuckDB was measured
 * to cost about as much again as reading the file; this loop touches each byte once and builds
 * nothing.
 */

export interface StrictPlan {
	/** Offset of the first data line (after the header's line break). */
	start: number;
	/** Whether the header's line break is CR LF (else LF). */
	crlf: boolean;
	delimiter: number;
	/** Decimal mark: 44 (`,`) or 46 (`.`). */
	mark: number;
	width: number;
	/** Per field: 1 id, 2 year, 3 value, 0 not read. */
	kind: Uint8Array;
}

export const ID = 1;
export const YEAR = 2;
export const VALUE = 3;

export function strictLines(bytes: Uint8Array, plan: StrictPlan): boolean {
	const { delimiter, mark, width, kind } = plan;
	const length = bytes.length;
	let p = plan.start;
	while (p < length) {
		let field = 0;
		let fieldStart = p;
		let digits = 0;
		let marks = 0;
		let lastWasMark = false;
		for (;;) {
			const c = p < length ? bytes[p]! : 10;
			if (c === delimiter || c === 10 || c === 13) {
				// The end of a field.
				const k = field < width ? kind[field]! : 0;
				const size = p - fieldStart;
				if (k === ID) {
					if (size === 0 || !printable(bytes[fieldStart]!) || !printable(bytes[p - 1]!)) return false;
				} else if (k === YEAR) {
					if (size === 0 || size > 9 || digits !== size) return false;
				} else if (k === VALUE) {
					if (size > 15 || lastWasMark || digits + marks !== size || (size > 0 && digits === 0)) return false;
				}
				field++;
				if (c !== delimiter) break;
				p++;
				fieldStart = p;
				digits = 0;
				marks = 0;
				lastWasMark = false;
				continue;
			}
			if (c >= 48 && c <= 57) {
				digits++;
				lastWasMark = false;
			} else if (c === mark && digits > 0 && marks === 0) {
				marks++;
				lastWasMark = true;
			} else {
				// Any other byte: fine in an id or an unread field, never in a year or a value.
				const k = field < width ? kind[field]! : 0;
				if (k === YEAR || k === VALUE) return false;
			}
			p++;
		}
		if (field !== width) return false;
		if (p < length) {
			const crlf = bytes[p] === 13;
			if (crlf !== plan.crlf || (crlf && bytes[p + 1] !== 10)) return false;
			p += crlf ? 2 : 1;
		}
	}
	return true;
}

function printable(c: number): boolean {
	return c > 32 && c < 127;
}
