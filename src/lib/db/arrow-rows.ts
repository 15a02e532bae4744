/**
 * An Arrow table (what DuckDB-WASM answers a query with) as plain row objects, read column by
 * column. apache-arrow's own way, `table.toArray().map((row) => row.toJSON())`, builds a row proxy
 * per row and looks each field up through it: for a municipality's 67,158 key figures that was
 * about a fifth of an organisation's documentation package (a CPU profile: 2.1 of 10.6 s under
 * load). Iterating a column's vector instead still went through apache-arrow's per-value getter
 * and a TextDecoder call per string: about 0.6 s of the main thread in a package pressed at once
 * under load. So the column types our queries answer with (text, integers up to 32 bits, floats,
 * booleans) are read straight from their buffers, as apache-arrow 17's getters read them
 * (visitor/get.mjs), and a text equal to the one before it (ids in sorted answers) is decoded once;
 * any other type is read through the vector as before. The rows are the same either way.
 */
import type { Data, Table } from 'apache-arrow';
import type { Row } from './runner.ts';

/** Arrow's type ids (Schema.fbs `Type`, apache-arrow's `Type` enum) of the columns read directly. */
const INT = 2;
const FLOAT = 3;
const UTF8 = 5;
const BOOL = 6;
/** apache-arrow's `Precision.HALF`: 16-bit floats need converting, so they are not read directly. */
const HALF = 0;

/** apache-arrow decodes text with one such decoder (util/utf8.mjs); this one behaves the same. */
const decoder = new TextDecoder('utf-8');

const bit = (bytes: Uint8Array, pos: number) => (bytes[pos >> 3]! & (1 << (pos % 8))) !== 0;

/** Whether one record batch's column can be read from its buffers here. */
function direct(data: Data): boolean {
	const type = data.type as { typeId: number; bitWidth?: number; precision?: number };
	switch (type.typeId) {
		case UTF8:
		case BOOL:
			return true;
		case INT:
			return (type.bitWidth ?? 64) <= 32;
		case FLOAT:
			return type.precision !== HALF;
		default:
			return false;
	}
}

/** Writes one record batch's values of a column into rows[start..], nulls as null. */
function readBatch(data: Data, rows: Row[], start: number, name: string): void {
	const { offset, length } = data;
	const bitmap = data.nullable && data.nullCount > 0 ? (data.nullBitmap as Uint8Array) : null;
	const values = data.values as ArrayLike<number> & Uint8Array;
	const typeId = (data.type as { typeId: number }).typeId;
	if (typeId === UTF8) {
		const offsets = data.valueOffsets as Int32Array;
		let last = '';
		let lastFrom = -1;
		let lastTo = -1;
		for (let i = 0; i < length; i++) {
			if ((bitmap && !bit(bitmap, offset + i)) || i + 1 >= offsets.length) {
				rows[start + i]![name] = null;
				continue;
			}
			const from = offsets[i]!;
			const to = offsets[i + 1]!;
			if (lastFrom < 0 || to - from !== lastTo - lastFrom || !sameBytes(values, from, lastFrom, to - from)) {
				last = decoder.decode(values.subarray(from, to));
				lastFrom = from;
				lastTo = to;
			}
			rows[start + i]![name] = last;
		}
		return;
	}
	for (let i = 0; i < length; i++) {
		rows[start + i]![name] = bitmap && !bit(bitmap, offset + i) ? null : typeId === BOOL ? bit(values, offset + i) : values[i];
	}
}

function sameBytes(bytes: Uint8Array, a: number, b: number, n: number): boolean {
	for (let k = 0; k < n; k++) if (bytes[a + k] !== bytes[b + k]) return false;
	return true;
}

export function rowsOf(table: Table): Row[] {
	const names = table.schema.fields.map((f) => f.name);
	const rows: Row[] = new Array<Row>(table.numRows);
	for (let i = 0; i < rows.length; i++) rows[i] = {};
	for (const [c, name] of names.entries()) {
		const column = table.getChildAt(c)!;
		if (column.data.every(direct)) {
			let start = 0;
			for (const data of column.data) {
				readBatch(data, rows, start, name);
				start += data.length;
			}
			continue;
		}
		let i = 0;
		// Iterating a column walks its record batches in turn (no per-value search for the batch).
		for (const value of column) rows[i++]![name] = value;
	}
	return rows;
}
