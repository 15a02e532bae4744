/**
 * One query, many files: streams a result whose rows are tagged with a group (a municipality)
 * and hands each group's rows over, in the order they come, in batches of at most `batchRows`,
 * so memory holds a batch per group, not a municipality, and the result need not be sorted by
 * group. Batches are cut by row count within the group, never where DuckDB happened to end a
 * chunk, so the same input gives the same batches (and the same bytes).
 *
 * The query returns numbers only (readChunks): strings travel as integer codes into a list of
 * already UTF-8-encoded strings (department ids, indicator ids, unit ids), which is how nine
 * million rows become Arrow without a JavaScript string per value.
 */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { columnsOf, type ColumnOf, type TableName } from '../../src/lib/core/output-schema.ts';
import { boolColumn, float64Column, int16Column, int32Column, utf8FromCodes, type ArrowColumn, type Utf8Dictionary } from './arrow-table.ts';
import { isValid, readChunks, type NumericArray } from '../duckdb/duckdb-columns.ts';

/** Rows per record batch: under a megabyte of key figures, times 98 municipalities at most. */
export const BATCH_ROWS = 16_384;

export type StreamColumn =
	/** An integer code into `dictionary`, written as Utf8. */
	| { name: string; kind: 'code'; dictionary: Utf8Dictionary }
	| { name: string; kind: 'int16' | 'int32' | 'bool' }
	/** Nullable. */
	| { name: string; kind: 'float64' };

/** The names of a table's VARCHAR columns, which a stream carries as codes. */
export type TextColumn<T extends TableName> = Extract<ColumnOf<T>, { type: 'VARCHAR' }>['name'];

/**
 * A table's columns (src/lib/core/output-schema.ts) as stream columns, in order: each VARCHAR
 * column as codes into the dictionary given for it, SMALLINT as int16, INTEGER as int32,
 * BOOLEAN as bool, DOUBLE as (nullable) float64. Only those nullabilities can be streamed.
 */
export function streamColumns<T extends TableName>(table: T, dictionaries: Record<TextColumn<T>, Utf8Dictionary>): StreamColumn[] {
	const kinds = { SMALLINT: 'int16', INTEGER: 'int32', BOOLEAN: 'bool', DOUBLE: 'float64' } as const;
	return columnsOf(table).map(({ name, type, nullable }): StreamColumn => {
		if (nullable !== (type === 'DOUBLE')) throw new Error(`streamColumns: ${table}.${name} (${type}, nullable ${nullable}) cannot be streamed`);
		if (type === 'VARCHAR') return { name, kind: 'code', dictionary: dictionaries[name as TextColumn<T>] };
		return { name, kind: kinds[type] };
	});
}

/** A batch of one group's rows, column by column (columns as in the StreamColumn list). */
export interface Batch {
	rows: number;
	values: NumericArray[];
	/** Per column: one byte per row, 1 = not null; null when nothing is missing (or not float64). */
	valid: (Uint8Array | null)[];
}

export interface GroupHandler {
	start(group: number): void;
	batch(group: number, batch: Batch): void;
	end(group: number): void;
}

interface Part {
	values: NumericArray[];
	valid: (Uint8Array | null)[];
	rows: number;
}

interface Pending {
	parts: Part[];
	rows: number;
}

/**
 * Runs `sql`, whose first column is an INTEGER group and whose other columns match `columns`;
 * calls the handler's start when a group first appears, batch as its rows fill a batch, and end
 * for every group (in group order) once the result is read, or as soon as the next group starts
 * when the rows are `sortedByGroup`.
 */
export async function forEachGroup(
	connection: DuckDBConnection,
	sql: string,
	params: DuckDBValue[],
	columns: readonly StreamColumn[],
	handler: GroupHandler,
	options: { batchRows?: number; sortedByGroup?: boolean } = {}
): Promise<void> {
	const batchRows = options.batchRows ?? BATCH_ROWS;
	const pending = new Map<number, Pending>();
	const flush = (group: number, p: Pending) => {
		if (p.rows > 0) handler.batch(group, join(columns, p.parts));
		p.parts = [];
		p.rows = 0;
	};
	// With rows sorted by group, a group is done when the next one starts: end it right away.
	const finish = (group: number) => {
		flush(group, pending.get(group)!);
		handler.end(group);
		pending.delete(group);
	};
	let last = -1;
	for await (const chunk of readChunks(connection, sql, params)) {
		const group = chunk.columns[0] as Int32Array;
		let start = 0;
		while (start < chunk.rows) {
			const current = group[start]!;
			let p = pending.get(current);
			if (!p) {
				if (options.sortedByGroup && last >= 0) finish(last);
				pending.set(current, (p = { parts: [], rows: 0 }));
				handler.start(current);
				last = current;
			}
			let end = start + 1;
			const limit = Math.min(chunk.rows, start + (batchRows - p.rows));
			while (end < limit && group[end] === current) end++;
			p.parts.push({
				values: columns.map((_, c) => chunk.columns[c + 1]!.slice(start, end)),
				valid: columns.map((col, c) => (col.kind === 'float64' ? validBytes(chunk.validity[c + 1] ?? null, start, end) : null)),
				rows: end - start
			});
			p.rows += end - start;
			if (p.rows === batchRows) flush(current, p);
			start = end;
		}
	}
	for (const group of [...pending.keys()].sort((a, b) => a - b)) finish(group);
}

/** A batch as Arrow columns; `null` gives the columns with no rows. */
export function arrowColumns(columns: readonly StreamColumn[], batch: Batch | null): ArrowColumn[] {
	const rows = batch ?? join(columns, []);
	return columns.map((col, c) => {
		const values = rows.values[c]!;
		switch (col.kind) {
			case 'code':
				return utf8FromCodes(col.name, values as Int32Array, col.dictionary);
			case 'int16':
				return int16Column(col.name, values as Int16Array);
			case 'int32':
				return int32Column(col.name, values as Int32Array);
			case 'bool':
				return boolColumn(col.name, values as Uint8Array);
			case 'float64':
				return float64Column(col.name, values as Float64Array, rows.valid[c] ?? null);
		}
	});
}

function validBytes(mask: Uint8Array | null, start: number, end: number): Uint8Array | null {
	if (mask === null) return null;
	const out = new Uint8Array(end - start);
	for (let r = start; r < end; r++) out[r - start] = isValid(mask, r) ? 1 : 0;
	return out;
}

const ARRAY_TYPE = { code: Int32Array, int16: Int16Array, int32: Int32Array, bool: Uint8Array, float64: Float64Array } as const;

function join(columns: readonly StreamColumn[], parts: readonly Part[]): Batch {
	const rows = parts.reduce((n, p) => n + p.rows, 0);
	return {
		rows,
		values: columns.map((col, c) => concat<NumericArray>(ARRAY_TYPE[col.kind], parts.map((p) => p.values[c]!), rows)),
		valid: columns.map((col, c) =>
			col.kind === 'float64' && parts.some((p) => p.valid[c] !== null)
				? concat(Uint8Array, parts.map((p) => p.valid[c] ?? new Uint8Array(p.rows).fill(1)), rows)
				: null
		)
	};
}

type Typed = Int32Array | Int16Array | Uint8Array | Float64Array;

/** Concatenates parts into one array of the given type, converting element types where they differ. */
function concat<T extends Typed>(make: new (length: number) => T, parts: readonly NumericArray[], length: number): T {
	const out = new make(length);
	let offset = 0;
	for (const p of parts) {
		if (p instanceof make) out.set(p as never, offset);
		else for (let i = 0; i < p.length; i++) out[offset + i] = p[i]!;
		offset += p.length;
	}
	return out;
}
