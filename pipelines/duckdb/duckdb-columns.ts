/**
 * Typed arrays in and out of DuckDB, a vector at a time.
 *
 * The key figures arrive as typed arrays (see read/model.ts) and national10 has over a million rows
 * and nine million indicator rows. Going through the node API's value-by-value appender and
 * readers costs seconds there (each value is a JavaScript call, and its validity check builds
 * BigInts), so this file copies whole vectors through the C API's buffers instead:
 * `copy_data_to_vector` to fill a data chunk, `vector_get_data`/`vector_get_validity` to read
 * one. These functions come from @duckdb/node-bindings, the package @duckdb/node-api itself is
 * built on (same pinned version).
 *
 * DuckDB's validity mask is a little-endian array of uint64 words, bit i = row i; byte for byte
 * that is Arrow's null bitmap.
 */
import duckdb from '@duckdb/node-bindings';
import {
	DuckDBDataChunk,
	DuckDBTypeId,
	type DuckDBAppender,
	type DuckDBConnection,
	type DuckDBType,
	type DuckDBValue
} from '@duckdb/node-api';
import type { SqlType } from '../../src/lib/core/output-schema.ts';

export type NumericArray = Float64Array | Int32Array | Int16Array | Uint8Array;

/** DuckDB's vector size: every chunk but the last of a scan holds this many rows. */
const CHUNK_ROWS = 2048;

export interface AppendColumn {
	/**
	 * DOUBLE for Float64Array, INTEGER for Int32Array, SMALLINT for Int16Array, BOOLEAN for 0/1
	 * Uint8Array, VARCHAR for strings (these go value by value: keep them to one column).
	 */
	type: DuckDBType;
	data: NumericArray | readonly string[];
}

/**
 * Append `length` rows to an existing table whose columns are exactly `columns`, in order.
 * NaN in a Float64Array becomes NULL (model.ts marks missing values with NaN).
 */
export async function appendColumns(
	connection: DuckDBConnection,
	table: string,
	columns: readonly AppendColumn[],
	length: number,
	onProgress?: (done: number) => void
): Promise<void> {
	const appender = await connection.createAppender(table);
	const chunk = DuckDBDataChunk.create(
		columns.map((c) => c.type),
		CHUNK_ROWS
	);
	const vectors = columns.map((_, i) => duckdb.data_chunk_get_vector(chunk.chunk, i));
	const allValid = new Uint8Array(CHUNK_ROWS / 8).fill(0xff);
	const validity = new Uint8Array(CHUNK_ROWS / 8);
	for (let i = 0; i < columns.length; i++) {
		if (columns[i]!.data instanceof Float64Array) duckdb.vector_ensure_validity_writable(vectors[i]!);
	}
	try {
		for (let offset = 0; offset < length; offset += CHUNK_ROWS) {
			const rows = Math.min(CHUNK_ROWS, length - offset);
			chunk.rowCount = rows;
			for (let i = 0; i < columns.length; i++) {
				const data = columns[i]!.data;
				const vector = vectors[i]!;
				if (Array.isArray(data)) {
					for (let r = 0; r < rows; r++) duckdb.vector_assign_string_element(vector, r, data[offset + r]!);
					continue;
				}
				const numbers = data as NumericArray;
				const size = numbers.BYTES_PER_ELEMENT;
				duckdb.copy_data_to_vector(vector, 0, numbers.buffer as ArrayBuffer, numbers.byteOffset + offset * size, rows * size);
				if (data instanceof Float64Array) {
					// The chunk is reused, so its mask is written every time, all-valid or not.
					const mask = nanMask(data, offset, rows, validity) ? validity : allValid;
					duckdb.copy_data_to_vector_validity(vector, 0, mask.buffer, mask.byteOffset, mask.byteLength);
				}
			}
			appender.appendDataChunk(chunk);
			onProgress?.(offset + rows);
		}
		appender.flushSync();
	} finally {
		appender.closeSync();
	}
}

/** Appends one value of a column of SQL type `type`; null (and NaN, a missing number) as NULL. */
export function appendValue(appender: DuckDBAppender, type: SqlType, value: string | number | boolean | null): void {
	if (value == null || (typeof value === 'number' && Number.isNaN(value))) return appender.appendNull();
	switch (type) {
		case 'VARCHAR':
			return appender.appendVarchar(value as string);
		case 'SMALLINT':
			return appender.appendSmallInt(value as number);
		case 'INTEGER':
			return appender.appendInteger(value as number);
		case 'DOUBLE':
			return appender.appendDouble(value as number);
		case 'BOOLEAN':
			return appender.appendBoolean(value as boolean);
	}
}

/** Fill `mask` with a validity bit per row (0 where NaN); returns false when all rows are valid. */
function nanMask(data: Float64Array, offset: number, rows: number, mask: Uint8Array): boolean {
	let anyNaN = false;
	mask.fill(0xff);
	for (let r = 0; r < rows; r++) {
		const x = data[offset + r]!;
		if (x !== x) {
			mask[r >> 3]! &= ~(1 << (r & 7));
			anyNaN = true;
		}
	}
	return anyNaN;
}

/**
 * One chunk of a query result as typed arrays over DuckDB's own memory: valid only until the
 * next chunk is fetched, so copy what you keep. Supported column types: DOUBLE, INTEGER,
 * SMALLINT, UTINYINT, BOOLEAN (one byte per value, 0 or 1).
 */
export interface ResultChunk {
	rows: number;
	columns: NumericArray[];
	/** Validity bitmap per column (bit i = row i, 1 = not NULL), or null when no row is NULL. */
	validity: (Uint8Array | null)[];
}

export async function* readChunks(connection: DuckDBConnection, sql: string, params?: DuckDBValue[]): AsyncGenerator<ResultChunk> {
	const result = await connection.stream(sql, params);
	const typeIds = Array.from({ length: result.columnCount }, (_, i) => result.columnTypeId(i));
	for (;;) {
		const chunk = await result.fetchChunk();
		if (!chunk || chunk.rowCount === 0) return;
		const rows = chunk.rowCount;
		const columns: NumericArray[] = [];
		const validity: (Uint8Array | null)[] = [];
		for (let i = 0; i < typeIds.length; i++) {
			const vector = duckdb.data_chunk_get_vector(chunk.chunk, i);
			const typeId = typeIds[i]!;
			const view = typedView(typeId);
			const bytes = duckdb.vector_get_data(vector, rows * view.BYTES_PER_ELEMENT);
			columns.push(new view(bytes.buffer as ArrayBuffer, bytes.byteOffset, rows));
			const mask = duckdb.vector_get_validity(vector, Math.ceil(rows / 64) * 8);
			validity.push(mask ?? null);
		}
		yield { rows, columns, validity };
	}
}

type TypedArrayConstructor = Float64ArrayConstructor | Int32ArrayConstructor | Int16ArrayConstructor | Uint8ArrayConstructor;

function typedView(typeId: DuckDBTypeId): TypedArrayConstructor {
	switch (typeId) {
		case DuckDBTypeId.DOUBLE:
			return Float64Array;
		case DuckDBTypeId.INTEGER:
			return Int32Array;
		case DuckDBTypeId.SMALLINT:
			return Int16Array;
		case DuckDBTypeId.UTINYINT:
		case DuckDBTypeId.BOOLEAN:
			return Uint8Array;
		default:
			throw new Error(`readChunks: column type ${DuckDBTypeId[typeId]} is not supported; cast it in SQL`);
	}
}

/** Whether row `row` is valid (not NULL) in a validity bitmap from readChunks. */
export function isValid(mask: Uint8Array | null, row: number): boolean {
	return mask === null || (mask[row >> 3]! & (1 << (row & 7))) !== 0;
}
