/**
 * Arrow IPC streams for the dashboard's web twins (see WEB_FILES in output.ts).
 *
 * DuckDB-WASM reads these with insertArrowFromIPCStream. Types are kept plain so every reader
 * takes them: strings as Utf8 (no dictionaries), years as Int16, values as Float64, flags as
 * Bool. apache-arrow 17 is the version DuckDB-WASM 1.32 depends on, so writer and reader agree.
 */
import {
	Bool,
	Field,
	Float64,
	Int16,
	Int32,
	RecordBatch,
	Schema,
	Struct,
	Table,
	Utf8,
	makeData,
	tableToIPC,
	vectorFromArray,
	type Data,
	type DataType
} from 'apache-arrow';
import type { SqlType } from '../../src/lib/core/output-schema.ts';

export type ColumnKind = 'utf8' | 'int16' | 'int32' | 'float64' | 'bool';

/** The kind that writes a column of each SQL type (src/lib/core/output-schema.ts, ARROW_TYPES). */
export const KIND_OF_TYPE = {
	VARCHAR: 'utf8',
	SMALLINT: 'int16',
	INTEGER: 'int32',
	DOUBLE: 'float64',
	BOOLEAN: 'bool'
} as const satisfies Record<SqlType, ColumnKind>;

const TYPES: Record<ColumnKind, () => DataType> = {
	utf8: () => new Utf8(),
	int16: () => new Int16(),
	int32: () => new Int32(),
	float64: () => new Float64(),
	bool: () => new Bool()
};

export interface ArrowColumn {
	name: string;
	kind: ColumnKind;
	nullable: boolean;
	data: Data;
}

/**
 * A column from plain JavaScript values (null for missing); for the small tables. `nullable` is
 * the schema's promise, the same in every municipality's file whatever this one holds.
 */
export function columnFromValues(name: string, kind: ColumnKind, nullable: boolean, values: readonly unknown[]): ArrowColumn {
	const vector = vectorFromArray(values as unknown[], TYPES[kind]());
	if (vector.data.length !== 1) throw new Error(`columnFromValues: ${name} came out in ${vector.data.length} chunks`);
	return { name, kind, nullable, data: vector.data[0] as Data };
}

/** Strings encoded once as UTF-8, one after another: string i is bytes[offsets[i] .. offsets[i + 1]). */
export interface Utf8Dictionary {
	bytes: Uint8Array;
	offsets: Int32Array;
}

export function utf8Dictionary(values: readonly string[]): Utf8Dictionary {
	const encoder = new TextEncoder();
	const parts = values.map((v) => encoder.encode(v));
	const offsets = new Int32Array(values.length + 1);
	parts.forEach((p, i) => (offsets[i + 1] = offsets[i]! + p.length));
	const bytes = new Uint8Array(offsets[values.length]!);
	parts.forEach((p, i) => bytes.set(p, offsets[i]!));
	return { bytes, offsets };
}

/** A Utf8 column from codes into a dictionary (ids repeated many times, encoded once). */
export function utf8FromCodes(name: string, codes: Int32Array, dictionary: Utf8Dictionary): ArrowColumn {
	const { bytes: source, offsets: at } = dictionary;
	const offsets = new Int32Array(codes.length + 1);
	let length = 0;
	for (let i = 0; i < codes.length; i++) {
		length += at[codes[i]! + 1]! - at[codes[i]!]!;
		offsets[i + 1] = length;
	}
	const values = new Uint8Array(length);
	// A byte loop over one flat array: ids are a few bytes long, too short for TypedArray.set.
	let o = 0;
	for (let i = 0; i < codes.length; i++) {
		const end = at[codes[i]! + 1]!;
		for (let j = at[codes[i]!]!; j < end; j++) values[o++] = source[j]!;
	}
	const data = makeData({ type: new Utf8(), length: codes.length, nullCount: 0, valueOffsets: offsets, data: values });
	return { name, kind: 'utf8', nullable: false, data };
}

export function int16Column(name: string, values: Int16Array): ArrowColumn {
	return { name, kind: 'int16', nullable: false, data: makeData({ type: new Int16(), length: values.length, nullCount: 0, data: values }) };
}

export function int32Column(name: string, values: Int32Array): ArrowColumn {
	return { name, kind: 'int32', nullable: false, data: makeData({ type: new Int32(), length: values.length, nullCount: 0, data: values }) };
}

/** A Float64 column; `valid` has one byte per row (1 = not null), or is null when none is missing. */
export function float64Column(name: string, values: Float64Array, valid: Uint8Array | null): ArrowColumn {
	let nullCount = 0;
	let nullBitmap: Uint8Array | undefined;
	if (valid) {
		nullBitmap = new Uint8Array(Math.ceil(values.length / 8));
		for (let i = 0; i < values.length; i++) {
			if (valid[i]) nullBitmap[i >> 3]! |= 1 << (i & 7);
			else nullCount++;
		}
		// Arrow readers expect a defined value under a null; zero it rather than leak DuckDB's.
		for (let i = 0; i < values.length; i++) if (!valid[i]) values[i] = 0;
	}
	const data = makeData({ type: new Float64(), length: values.length, nullCount, nullBitmap: nullCount > 0 ? nullBitmap : undefined, data: values });
	return { name, kind: 'float64', nullable: true, data };
}

/** A Bool column from one byte per row (0 or 1). */
export function boolColumn(name: string, bytes: Uint8Array): ArrowColumn {
	const bits = new Uint8Array(Math.ceil(bytes.length / 8));
	for (let i = 0; i < bytes.length; i++) if (bytes[i]) bits[i >> 3]! |= 1 << (i & 7);
	return { name, kind: 'bool', nullable: false, data: makeData({ type: new Bool(), length: bytes.length, nullCount: 0, data: bits }) };
}

/** An Arrow IPC stream (one record batch) of the columns, in the order given. */
export function ipcStream(columns: readonly ArrowColumn[]): Uint8Array {
	const schema = new Schema(columns.map((c) => new Field(c.name, c.data.type, c.nullable)));
	const length = columns[0]?.data.length ?? 0;
	const struct = makeData({ type: new Struct(schema.fields), length, nullCount: 0, children: columns.map((c) => c.data) });
	return tableToIPC(new Table(schema, [new RecordBatch(schema, struct)]), 'stream');
}
