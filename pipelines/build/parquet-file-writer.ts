/**
 * A Parquet file written a row group at a time from typed arrays: numbers and booleans as typed
 * arrays with a flag per NULL, text as codes into a table of distinct strings. parquet-files.ts
 * writes the three published files with it.
 *
 * The bytes are hyparquet-writer 0.17's for the options parquet-files.ts used with it (one page
 * per column chunk, DATA_PAGE_V2, snappy, PLAIN numbers and booleans, text as a dictionary always
 * or by hyparquet-writer's own sampling rule, min/max statistics where asked): the footer is
 * written by its own `writeMetadata`, the pages and their headers by parquet-encoding.ts. tests/unit/parquet-column.test.ts checks the bytes against
 * hyparquet-writer's. Why not hyparquet-writer itself: it takes a JavaScript value per cell, and
 * turning every cell into one, encoding every string to UTF-8 again and sizing and copying the
 * arrays it builds from them was most of the Parquet step (bench/HISTORY.md, parquetfast).
 */
import type { ColumnChunk, Encoding, FileMetaData, RowGroup, SchemaElement } from 'hyparquet';
import { fileWriter, type Writer } from 'hyparquet-writer';
import { writeMetadata } from 'hyparquet-writer/src/metadata.js';
import { compressSync } from 'snappy';
import { Bytes, plainNumbers, writeDataPageV2Header, writeDictionaryPageHeader, writeHybrid, writePlainBooleans, writePlainByteArrays } from './parquet-encoding.ts';

/** Distinct strings and, once written, their UTF-8 bytes (each string encoded once per file). */
export class TextTable {
	private readonly encoded: (Uint8Array | undefined)[] = [];
	private readonly codes = new Map<string, number>();

	constructor(readonly strings: string[] = []) {
		for (const [code, s] of strings.entries()) {
			if (this.codes.has(s)) throw new Error(`parquet-file-writer: "${s}" twice in a text table`);
			this.codes.set(s, code);
		}
	}

	/** A table of `values`' distinct strings, and each value's code in it. */
	static interned(values: readonly string[]): { table: TextTable; codeOf: Int32Array } {
		const table = new TextTable();
		return { table, codeOf: Int32Array.from(values, (s) => table.code(s)) };
	}

	/** The code of `s`, added to the table when new. */
	code(s: string): number {
		let code = this.codes.get(s);
		if (code === undefined) {
			code = this.strings.length;
			this.strings.push(s);
			this.codes.set(s, code);
		}
		return code;
	}

	bytes(code: number): Uint8Array {
		return (this.encoded[code] ??= Buffer.from(this.strings[code]!, 'utf8'));
	}
}

/** One column of a row group. `nulls[r]` is 1 where row r is NULL; null when no row is. */
export type ColumnInput =
	| { values: Float64Array | Int32Array; nulls: Uint8Array | null }
	| {
			codes: Int32Array;
			nulls: Uint8Array | null;
			table: TextTable;
			/** 'always', or 'auto': hyparquet-writer's rule (a sample, then whether it halves the size). */
			dictionary: 'always' | 'auto';
			/** Min/max statistics (readers skip row groups by them). */
			statistics: boolean;
	  };

const MAGIC = 0x31524150; // "PAR1"

export class ParquetFileWriter {
	private readonly out: Writer;
	private readonly groups: RowGroup[] = [];
	private rows = 0n;
	// Scratch, reused from column to column.
	private readonly levels = new Bytes();
	private readonly page = new Bytes();
	private readonly header = new Bytes();
	private definitions = new Uint8Array(0);
	private compactDoubles = new Float64Array(0);
	private compactInts = new Int32Array(0);
	private slot = new Int32Array(0);

	constructor(
		path: string,
		private readonly schema: SchemaElement[],
		private readonly createdBy: string
	) {
		this.out = fileWriter(path);
		this.out.appendUint32(MAGIC);
	}

	/** Writes a row group of `rows` rows; `columns` in the schema's order. */
	writeRowGroup(rows: number, columns: readonly ColumnInput[]): void {
		const start = this.out.offset;
		const chunks = columns.map((input, c) => this.writeColumn(this.schema[c + 1]!, rows, input));
		let bytes = 0n;
		for (const chunk of chunks) bytes += chunk.meta_data!.total_uncompressed_size;
		this.rows += BigInt(rows);
		this.groups.push({ columns: chunks, total_byte_size: bytes, num_rows: BigInt(rows), total_compressed_size: BigInt(this.out.offset - start) });
	}

	/** The footer, then the file closed. */
	finish(): void {
		const metadata = { version: 2, created_by: this.createdBy, schema: this.schema, num_rows: this.rows, row_groups: this.groups, key_value_metadata: undefined };
		writeMetadata(this.out, metadata as unknown as FileMetaData);
		this.out.appendUint32(MAGIC);
		void this.out.finish();
	}

	private writeColumn(element: SchemaElement, rows: number, input: ColumnInput): ColumnChunk {
		const out = this.out;
		const offsetStart = out.offset;
		const optional = element.repetition_type === 'OPTIONAL';
		const { nulls } = input;
		if (!optional && nulls) throw new Error(`parquet-file-writer: NULL in the REQUIRED column ${element.name}`);

		// Definition levels (1 where a value is), and the non-NULL rows' positions.
		this.levels.clear();
		let nullCount = 0;
		if (optional) {
			if (this.definitions.length < rows) this.definitions = new Uint8Array(rows);
			const definitions = this.definitions;
			for (let r = 0; r < rows; r++) {
				const isNull = nulls !== null && nulls[r] !== 0;
				definitions[r] = isNull ? 0 : 1;
				if (isNull) nullCount++;
			}
			writeHybrid(this.levels, definitions, rows, 1);
		}
		const present = rows - nullCount;

		const encodings: Encoding[] = [];
		let uncompressed = 0;
		let dictionaryOffset: bigint | undefined;
		let statistics: Record<string, unknown> | undefined;
		let encoding: Encoding = 'PLAIN';
		// A number column's page: its values' own bytes, compressed without a copy.
		let numbers: Uint8Array | null = null;
		this.page.clear();
		if ('codes' in input) {
			const { indexes, distinct } = this.dictionaryOf(input, rows);
			if (input.statistics) statistics = textStatistics(input.table, distinct, nullCount);
			if (input.dictionary === 'always' || winsAsDictionary(input, rows, present, distinct)) {
				dictionaryOffset = BigInt(out.offset);
				const values = distinct.map((code) => input.table.bytes(code));
				this.page.clear();
				writePlainByteArrays(this.page, values);
				const raw = this.page.view();
				const compressed = compressSync(raw);
				this.header.clear();
				writeDictionaryPageHeader(this.header, raw.length, compressed.length, distinct.length);
				out.appendBytes(this.header.view());
				uncompressed += this.header.length + raw.length;
				out.appendBytes(compressed);
				encodings.push('PLAIN');
				encoding = 'RLE_DICTIONARY';
				this.page.clear();
				const bitWidth = Math.ceil(Math.log2(Math.max(distinct.length - 1, 0) + 1));
				this.page.u8(bitWidth);
				writeHybrid(this.page, indexes, present, bitWidth);
			} else {
				writePlainByteArrays(this.page, Array.from(indexes.subarray(0, present), (i) => input.table.bytes(distinct[i]!)));
			}
		} else if (element.type === 'BOOLEAN') {
			writePlainBooleans(this.page, this.compact(input.values as Int32Array, nulls, rows), present);
		} else {
			numbers = plainNumbers(this.compact(input.values, nulls, rows), present);
		}
		encodings.push(encoding);

		const dataOffset = BigInt(out.offset);
		const raw = numbers ?? this.page.view();
		const compressed = compressSync(raw);
		const levels = this.levels.view();
		this.header.clear();
		writeDataPageV2Header(this.header, {
			uncompressed: levels.length + raw.length,
			compressed: levels.length + compressed.length,
			values: rows,
			nulls: nullCount,
			rows,
			encoding: encoding === 'PLAIN' ? 0 : 8,
			definitionBytes: levels.length
		});
		out.appendBytes(this.header.view());
		uncompressed += this.header.length + levels.length + raw.length;
		out.appendBytes(levels);
		out.appendBytes(compressed);

		const encodingStats = statistics && [
			...(dictionaryOffset === undefined ? [] : [{ page_type: 'DICTIONARY_PAGE' as const, encoding: 'PLAIN' as const, count: 1 }]),
			{ page_type: 'DATA_PAGE_V2' as const, encoding, count: 1 }
		];
		return {
			meta_data: {
				type: element.type!,
				encodings,
				path_in_schema: [element.name],
				codec: 'SNAPPY',
				num_values: BigInt(rows),
				total_compressed_size: BigInt(out.offset - offsetStart),
				total_uncompressed_size: BigInt(uncompressed),
				data_page_offset: dataOffset,
				dictionary_page_offset: dictionaryOffset,
				statistics,
				encoding_stats: encodingStats
			},
			file_offset: BigInt(offsetStart)
		};
	}

	/**
	 * The non-NULL rows' codes as indexes into `distinct`, the codes in order of first appearance
	 * (the dictionary's order in hyparquet-writer).
	 */
	private dictionaryOf(input: { codes: Int32Array; nulls: Uint8Array | null; table: TextTable }, rows: number): { indexes: Int32Array; distinct: number[] } {
		const { codes, nulls, table } = input;
		if (this.slot.length < table.strings.length) this.slot = new Int32Array(Math.max(table.strings.length, this.slot.length * 2)).fill(-1);
		if (this.compactInts.length < rows) this.compactInts = new Int32Array(rows);
		const slot = this.slot;
		const indexes = this.compactInts;
		const distinct: number[] = [];
		let n = 0;
		for (let r = 0; r < rows; r++) {
			if (nulls !== null && nulls[r] !== 0) continue;
			const code = codes[r]!;
			let index = slot[code]!;
			if (index < 0) {
				index = slot[code] = distinct.length;
				distinct.push(code);
			}
			indexes[n++] = index;
		}
		for (const code of distinct) slot[code] = -1;
		return { indexes, distinct };
	}

	/** The non-NULL values of `values[0..rows)`, moved to the front of a scratch array (`values` itself when none is NULL). */
	private compact<T extends Float64Array | Int32Array>(values: T, nulls: Uint8Array | null, rows: number): T {
		if (nulls === null) return values;
		let out: Float64Array | Int32Array;
		if (values instanceof Float64Array) {
			if (this.compactDoubles.length < rows) this.compactDoubles = new Float64Array(rows);
			out = this.compactDoubles;
		} else {
			if (this.compactInts.length < rows) this.compactInts = new Int32Array(rows);
			out = this.compactInts;
		}
		let n = 0;
		for (let r = 0; r < rows; r++) if (nulls[r] === 0) out[n++] = values[r]!;
		return out as T;
	}
}

/**
 * hyparquet-writer's choice for text it is not told to encode as a dictionary (useDictionary in
 * its src/dictionary.js, sizes in UTF-16 code units as it counts them): no dictionary when 1,000
 * rows spread over the group are more than 90 % distinct bytes, nor when the dictionary and its
 * indexes would not halve the plain size.
 */
function winsAsDictionary(input: { codes: Int32Array; nulls: Uint8Array | null; table: TextTable }, rows: number, present: number, distinct: readonly number[]): boolean {
	const { codes, nulls, table } = input;
	const size = (code: number) => table.strings[code]!.length;
	const samples = Math.min(rows, 1000);
	const seen = new Set<number>();
	let sampleDistinct = 0;
	let sampleTotal = 0;
	for (let i = 0; i < samples; i++) {
		const r = samples === 1 ? 0 : Math.floor((i * (rows - 1)) / (samples - 1));
		const key = nulls !== null && nulls[r] !== 0 ? -1 : codes[r]!;
		const bytes = key < 0 ? 0 : size(key) + 4;
		if (!seen.has(key)) {
			seen.add(key);
			sampleDistinct += bytes;
		}
		sampleTotal += bytes;
	}
	if (!sampleTotal || sampleDistinct / sampleTotal > 0.9) return false;
	let total = 0;
	for (let r = 0; r < rows; r++) if (nulls === null || nulls[r] === 0) total += size(codes[r]!);
	let dictionary = 0;
	for (const code of distinct) dictionary += size(code);
	const indexBytes = Math.ceil((present * Math.ceil(Math.log2(distinct.length))) / 8);
	return 2 * (dictionary + distinct.length * 4 + indexBytes) <= total + present * 4;
}

/** Min and max in UTF-8 byte order (Parquet's for strings; the first of equal ones kept), as hyparquet-writer's getStatistics. */
function textStatistics(table: TextTable, distinct: readonly number[], nullCount: number): Record<string, unknown> {
	let min: number | undefined;
	let max: number | undefined;
	for (const code of distinct) {
		if (min === undefined || compareBytes(table.bytes(code), table.bytes(min)) < 0) min = code;
		if (max === undefined || compareBytes(table.bytes(code), table.bytes(max)) > 0) max = code;
	}
	return {
		min_value: min === undefined ? undefined : table.strings[min],
		max_value: max === undefined ? undefined : table.strings[max],
		null_count: BigInt(nullCount),
		nan_count: undefined
	};
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
	const n = Math.min(a.length, b.length);
	for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
	return a.length - b.length;
}
