/**
 * The fast path for the common key-figure file: no double quote anywhere, LF or CR LF line
 * breaks, every line with exactly the header's fields, plain numbers. It reads the bytes directly,
 * without decoding the file to a string or cutting a string per cell, and writes straight into the
 * chunk's typed arrays. On a 40 MB file of 1.24 million lines it took about two thirds of the time
 * of the general path (read-csv-file.ts), and it holds one string per department id instead of a
 * 40 MB string per file.
 *
 * Any line it does not fully understand (a sign, a space, a thousands group, an empty id or one
 * that starts or ends with a space or a non-ASCII character, a year outside the range, a score
 * outside 1-5, a wrong number of fields) is handed whole to `fallback`, which runs the general
 * checks on it and reports what is wrong. So both paths give the same rows and the same issues;
 * tests/unit/read-fast-path.test.ts checks that on random files.
 *
 * One difference by design: lines are split at every LF, also in a CR LF file, as an editor does.
 */
import { decodeRange, type TextEncodingName } from './decode.ts';
import type { DecimalMark } from './numbers.ts';
import { PROGRESS_EVERY } from './parse-csv.ts';
import type { DepartmentIds, KeyFigureChunk } from './read-key-figures.ts';

export interface FastPlan {
	file: string;
	bytes: Uint8Array;
	/** Offset of the first data line and its line number. */
	start: number;
	line: number;
	encoding: TextEncodingName;
	delimiter: number;
	width: number;
	idField: number;
	yearField: number;
	/** For each field: the index of its value column in chunk.columns, or -1 when not read. */
	valueOf: Int32Array;
	/** Per value column: 1 when it is vedligeholdelsesstand (1-5). */
	isScore: Uint8Array;
	mark: DecimalMark;
	firstYear: number;
	lastYear: number;
}

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

/**
 * Reads every line from plan.start; returns the number of lines it committed itself. The chunk
 * must have room for every line (readKeyFigures sizes it by counting line breaks).
 */
export function scanKeyFigures(
	plan: FastPlan,
	chunk: KeyFigureChunk,
	ids: DepartmentIds,
	fallback: (start: number, end: number, line: number) => void,
	progress?: (offset: number, length: number) => void
): number {
	const { bytes, delimiter, width, idField, yearField, valueOf, isScore, mark, firstYear, lastYear } = plan;
	const targets = chunk.columns.map((c) => chunk.values.get(c)!);
	const length = bytes.length;
	const department = chunk.department;
	const aar = chunk.aar;
	const lines = chunk.line;
	const idColumn = idField + 1;
	// One Buffer view for all ids: a Buffer per id cost more than the Map it goes into.
	const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	const utf8 = plan.encoding !== 'windows-1252';
	let lastIdStart = -1;
	let lastIdEnd = -1;
	let lastIndex = -1;
	let committed = 0;
	let line = plan.line;
	let p = plan.start;
	let rows = 0;
	while (p < length) {
		let end = view.indexOf(10, p);
		const next = end === -1 ? length : end + 1;
		if (end === -1) end = length;
		let contentEnd = end;
		if (contentEnd > p && bytes[contentEnd - 1] === 13) contentEnd--;
		if (contentEnd === p) {
			// An empty line: skipped, as the general path does.
			p = next;
			line++;
			continue;
		}
		const r = chunk.length;
		let ok = true;
		let field = 0;
		let q = p;
		let idStart = 0;
		let idEnd = 0;
		let year = 0;
		for (;;) {
			const fieldStart = q;
			const k = field < width ? valueOf[field]! : -1;
			if (k >= 0) {
				// A number: digits with at most one mark inside, up to 15 characters.
				let mantissa = 0;
				let fraction = -1;
				let separator = 0;
				for (; q < contentEnd; q++) {
					const c = bytes[q]!;
					if (c === delimiter) break;
					const digit = c - 48;
					if (digit >= 0 && digit <= 9) {
						mantissa = mantissa * 10 + digit;
						if (fraction >= 0) fraction++;
					} else if ((c === 44 || c === 46) && fraction < 0 && q > fieldStart) {
						fraction = 0;
						separator = c;
					} else {
						ok = false;
						break;
					}
				}
				if (!ok || fraction === 0 || q - fieldStart > 15) {
					ok = false;
					break;
				}
				let value: number;
				if (q === fieldStart) value = NaN;
				else if (fraction < 0 || (separator !== mark && fraction === 3)) value = mantissa;
				else value = mantissa / POW10[fraction]!;
				if (isScore[k] === 1 && (value < 1 || value > 5)) {
					ok = false;
					break;
				}
				targets[k]![r] = value;
			} else if (field === yearField) {
				let y = 0;
				for (; q < contentEnd; q++) {
					const c = bytes[q]!;
					if (c === delimiter) break;
					const digit = c - 48;
					if (digit < 0 || digit > 9) {
						ok = false;
						break;
					}
					y = y * 10 + digit;
				}
				if (!ok || q === fieldStart || y < firstYear || y > lastYear) {
					ok = false;
					break;
				}
				year = y;
			} else {
				while (q < contentEnd && bytes[q] !== delimiter) q++;
				if (field === idField) {
					idStart = fieldStart;
					idEnd = q;
				}
			}
			if (q >= contentEnd) break;
			q++; // past the separator
			field++;
		}
		if (ok && field + 1 === width && idEnd > idStart && plain(bytes[idStart]!) && plain(bytes[idEnd - 1]!)) {
			if (!sameBytes(bytes, idStart, idEnd, lastIdStart, lastIdEnd)) {
				const id = utf8 ? view.toString('utf8', idStart, idEnd) : decodeRange(bytes, idStart, idEnd, plan.encoding);
				lastIndex = ids.intern(id, plan.file, line, idColumn);
				lastIdStart = idStart;
				lastIdEnd = idEnd;
			}
			department[r] = lastIndex;
			aar[r] = year;
			lines[r] = line;
			chunk.length = r + 1;
			committed++;
		} else {
			fallback(p, contentEnd, line);
			// The fallback may have cut a new id string; compare the next line against its bytes.
			lastIdStart = -1;
		}
		p = next;
		line++;
		if (++rows % PROGRESS_EVERY === 0) progress?.(p, length);
	}
	return committed;
}

/**
 * A printable ASCII byte: an id that starts and ends with one needs no trimming. Anything else
 * (spaces, a stray CR, any non-ASCII character, which might be a Unicode space) takes the general
 * path, whose String.trim knows every case.
 */
function plain(c: number): boolean {
	return c > 32 && c < 127;
}

function sameBytes(bytes: Uint8Array, start: number, end: number, otherStart: number, otherEnd: number): boolean {
	if (otherStart < 0 || end - start !== otherEnd - otherStart) return false;
	for (let i = 0; i < end - start; i++) if (bytes[start + i] !== bytes[otherStart + i]) return false;
	return true;
}


