/**
 * Rows of a published Parquet file, decoded in the browser with hyparquet and handed over as an
 * Arrow table (apache-arrow), which DuckDB-WASM inserts without its Parquet extension (that one
 * the npm builds would fetch from the internet). Only the requested row ranges are read: with a
 * RangeFile (data/web-files.ts) that is the footer and those row groups' bytes, nothing else.
 *
 * Runs the same in Node (tests/unit/parquet-rows.test.ts reads real ingested files with it).
 */
import { parquetMetadataAsync, parquetRead, type AsyncBuffer, type FileMetaData } from 'hyparquet';
import { Bool, Float64, Int16, Int32, Table, Utf8, makeData, makeVector, type Vector } from 'apache-arrow';
import type { RowRange } from '../core/output-contract.ts';
import { columnsOf, type OutputColumn, type SqlType, type TableName } from '../core/output-schema.ts';

/** The footer is read from the file's last bytes; a larger one costs a second request. */
const FOOTER_GUESS_BYTES = 1 << 16;

export interface ParquetFile {
	file: AsyncBuffer;
	/** The footer, read once per file and shared by every later read. */
	metadata: () => Promise<FileMetaData>;
}

export function parquetFile(file: AsyncBuffer): ParquetFile {
	let metadata: Promise<FileMetaData> | null = null;
	return {
		file,
		metadata() {
			metadata ??= parquetMetadataAsync(file, { initialFetchSize: FOOTER_GUESS_BYTES });
			metadata.catch(() => (metadata = null));
			return metadata;
		}
	};
}

/**
 * The rows `ranges` of a table's file as an Arrow table with the output schema's columns, in
 * order, typed as the schema says. A file without one of those columns is an error.
 */
export async function readParquetRows(source: ParquetFile, table: TableName, ranges: readonly RowRange[]): Promise<Table> {
	const columns = columnsOf(table) as readonly OutputColumn[];
	const values = await readParquetColumns(
		source,
		table,
		columns.map((c) => c.name),
		ranges
	);
	const vectors: Record<string, Vector> = {};
	for (const [i, c] of columns.entries()) vectors[c.name] = arrowVector(c.type, values[i]!);
	return new Table(vectors);
}

/**
 * The rows `ranges` of the named columns only, as one plain array per column (hyparquet's values:
 * null or undefined for a missing one), read without DuckDB: what a detail page draws first
 * (queries/parquet-trend.ts). Only those columns' chunks of the ranges' row groups are fetched.
 */
export async function readParquetColumns(
	source: ParquetFile,
	table: TableName,
	names: readonly string[],
	ranges: readonly RowRange[]
): Promise<unknown[][]> {
	const metadata = await source.metadata();
	const present = new Set(metadata.schema.slice(1).map((s) => s.name));
	const absent = names.filter((n) => !present.has(n));
	if (absent.length > 0) throw new Error(`${table}: the Parquet file has no column ${absent.join(', ')}`);

	const total = Number(metadata.num_rows);
	const length = ranges.reduce((n, [start, end]) => n + (end - start), 0);
	const values = names.map(() => new Array<unknown>(length));
	// Each range's rows go to their own place in the output, so the ranges are read side by side
	// (an organisation's municipalities): their column chunks are requested at once, not in turn.
	for (const [start, end] of ranges) {
		if (!(start >= 0 && end <= total && start <= end)) throw new Error(`${table}: rows ${start}-${end} are outside the file's ${total}`);
	}
	let offset = 0;
	const reads: Promise<void>[] = [];
	for (const [start, end] of ranges) {
		const base = offset;
		offset += end - start;
		if (start === end) continue;
		reads.push(
			parquetRead({
				file: source.file,
				metadata,
				columns: [...names],
				rowStart: start,
				rowEnd: end,
				onChunk({ columnName, columnData, rowStart, rowEnd }) {
					// A chunk may reach outside the range asked for; keep only the rows inside it.
					const target = values[names.indexOf(columnName)]!;
					for (let row = Math.max(rowStart, start); row < Math.min(rowEnd, end); row++) {
						target[base + row - start] = columnData[row - rowStart];
					}
				}
			})
		);
	}
	await Promise.all(reads);
	return values;
}

/**
 * A column as an Arrow vector, built from its buffers: apache-arrow's builders (vectorFromArray)
 * compile a function at run time, which the site's Content Security Policy forbids (no
 * 'unsafe-eval'). hyparquet gives INT64 as bigint and a missing value as null or undefined.
 */
function arrowVector(type: SqlType, values: readonly unknown[]): Vector {
	const length = values.length;
	const nullBitmap = new Uint8Array((length + 7) >> 3);
	let nullCount = 0;
	for (let i = 0; i < length; i++) {
		if (values[i] == null) nullCount++;
		else nullBitmap[i >> 3]! |= 1 << (i & 7);
	}
	const number = (v: unknown) => (v == null ? 0 : Number(v));
	switch (type) {
		case 'VARCHAR': {
			const encoder = new TextEncoder();
			const parts = values.map((v) => (v == null ? new Uint8Array(0) : encoder.encode(String(v))));
			const valueOffsets = new Int32Array(length + 1);
			for (let i = 0; i < length; i++) valueOffsets[i + 1] = valueOffsets[i]! + parts[i]!.byteLength;
			const data = new Uint8Array(valueOffsets[length]!);
			for (let i = 0; i < length; i++) data.set(parts[i]!, valueOffsets[i]!);
			return makeVector(makeData({ type: new Utf8(), length, nullCount, nullBitmap, valueOffsets, data }));
		}
		case 'BOOLEAN': {
			const data = new Uint8Array((length + 7) >> 3);
			for (let i = 0; i < length; i++) if (values[i] === true) data[i >> 3]! |= 1 << (i & 7);
			return makeVector(makeData({ type: new Bool(), length, nullCount, nullBitmap, data }));
		}
		case 'SMALLINT':
			return makeVector(makeData({ type: new Int16(), length, nullCount, nullBitmap, data: Int16Array.from(values, number) }));
		case 'INTEGER':
			return makeVector(makeData({ type: new Int32(), length, nullCount, nullBitmap, data: Int32Array.from(values, number) }));
		case 'DOUBLE':
			return makeVector(makeData({ type: new Float64(), length, nullCount, nullBitmap, data: Float64Array.from(values, number) }));
	}
}
