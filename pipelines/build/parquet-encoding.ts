/**
 * Parquet's value encodings over typed arrays, for parquet-file-writer.ts: PLAIN numbers,
 * booleans and byte arrays, the RLE/bit-packed hybrid (definition levels, dictionary indexes),
 * and the two page headers it writes (hyparquet-writer's generic Thrift writer, which names
 * every field by a string it parses, was a tenth of the small afdelinger file's time).
 *
 * Each encoder writes exactly the bytes hyparquet-writer 0.17 writes for the same values
 * (`src/plain.js`, `src/encoding.js`, `writePageHeader` in `src/datapage.js`: which runs become RLE and which bit-packed groups follow
 * its rules, not only the format's), so the published files stay byte for byte what they were
 * when hyparquet-writer encoded them value by value; tests/unit/parquet-column.test.ts compares
 * the two. What differs is the input: typed arrays and a count, not a JavaScript value per cell.
 */

/** A growable byte buffer, reused from page to page. */
export class Bytes {
	buffer = new Uint8Array(1 << 16);
	length = 0;

	clear(): void {
		this.length = 0;
	}

	ensure(size: number): void {
		if (this.length + size <= this.buffer.length) return;
		const next = new Uint8Array(Math.max(this.buffer.length * 2, this.length + size));
		next.set(this.buffer.subarray(0, this.length));
		this.buffer = next;
	}

	u8(value: number): void {
		this.ensure(1);
		this.buffer[this.length++] = value;
	}

	u32(value: number): void {
		this.ensure(4);
		const b = this.buffer;
		const at = this.length;
		b[at] = value & 0xff;
		b[at + 1] = (value >>> 8) & 0xff;
		b[at + 2] = (value >>> 16) & 0xff;
		b[at + 3] = (value >>> 24) & 0xff;
		this.length += 4;
	}

	/** An unsigned varint (ULEB128) of a 32-bit value. */
	varint(value: number): void {
		while ((value & ~0x7f) !== 0) {
			this.u8((value & 0x7f) | 0x80);
			value >>>= 7;
		}
		this.u8(value);
	}

	bytes(value: Uint8Array): void {
		this.ensure(value.length);
		this.buffer.set(value, this.length);
		this.length += value.length;
	}

	view(): Uint8Array {
		return this.buffer.subarray(0, this.length);
	}
}

/**
 * The RLE/bit-packed hybrid of `values[0..length)` at `bitWidth` bits: a run of 8 or more equal
 * values becomes an RLE run, anything else bit-packed groups of 8 (the last padded with zeros),
 * scanned as hyparquet-writer scans. Returns the bytes written.
 */
export function writeHybrid(out: Bytes, values: Int32Array | Uint8Array, length: number, bitWidth: number): number {
	const start = out.length;
	const width = (bitWidth + 7) >> 3;
	let pending = 0;
	let packedStart = 0;
	let i = 0;
	while (i < length) {
		const first = values[i]!;
		let run = 1;
		while (i + run < length && values[i + run] === first) run++;
		if (run >= 8) {
			if (pending) {
				writePacked(out, values, length, packedStart, pending, bitWidth);
				pending = 0;
			}
			out.varint(run << 1);
			for (let j = 0; j < width; j++) out.u8((first >> (j << 3)) & 0xff);
			i += run;
		} else {
			if (pending === 0) packedStart = i;
			pending++;
			i += 8;
		}
	}
	if (pending) writePacked(out, values, length, packedStart, pending, bitWidth);
	return out.length - start;
}

function writePacked(out: Bytes, values: Int32Array | Uint8Array, length: number, start: number, groups: number, bitWidth: number): void {
	out.varint((groups << 1) | 1);
	if (bitWidth === 0) return;
	const mask = (1 << bitWidth) - 1;
	const end = start + groups * 8;
	out.ensure(groups * bitWidth + 1);
	let buffer = 0;
	let bits = 0;
	for (let i = start; i < end; i++) {
		buffer |= (i < length ? values[i]! & mask : 0) << bits;
		bits += bitWidth;
		while (bits >= 8) {
			out.u8(buffer & 0xff);
			buffer >>>= 8;
			bits -= 8;
		}
	}
	if (bits > 0) out.u8(buffer & 0xff);
}

/** PLAIN booleans: one bit each, the first in the lowest bit; `values` nonzero is true. */
export function writePlainBooleans(out: Bytes, values: Int32Array, length: number): void {
	out.ensure((length + 7) >> 3);
	let byte = 0;
	for (let i = 0; i < length; i++) {
		if (values[i] !== 0) byte |= 1 << (i & 7);
		if ((i & 7) === 7) {
			out.u8(byte);
			byte = 0;
		}
	}
	if (length & 7) out.u8(byte);
}

/** PLAIN byte arrays: each value's length (4 bytes, little-endian), then its bytes. */
export function writePlainByteArrays(out: Bytes, values: readonly Uint8Array[]): void {
	for (const value of values) {
		out.u32(value.length);
		out.bytes(value);
	}
}

/**
 * PLAIN INT32 or DOUBLE: the values' own bytes. Typed arrays are in the machine's byte order,
 * little-endian on every platform Node runs this pipeline on, which is Parquet's order.
 */
export function plainNumbers(values: Float64Array | Int32Array, length: number): Uint8Array {
	return new Uint8Array(values.buffer, values.byteOffset, length * values.BYTES_PER_ELEMENT);
}

/** Thrift compact protocol: a field's header (its id's delta from the last field, and its type), then an i32 as a zigzag varint. */
const I32 = 5;
const STRUCT = 12;
function fieldI32(out: Bytes, delta: number, value: number): void {
	out.u8((delta << 4) | I32);
	out.varint((value << 1) ^ (value >> 31));
}

/**
 * A dictionary page's header (PageHeader, Thrift compact), as hyparquet-writer's generic
 * `writePageHeader` writes it: type 2 (DICTIONARY_PAGE), the sizes, then the dictionary
 * header with its value count and PLAIN (0).
 */
export function writeDictionaryPageHeader(out: Bytes, uncompressed: number, compressed: number, values: number): void {
	fieldI32(out, 1, 2);
	fieldI32(out, 1, uncompressed);
	fieldI32(out, 1, compressed);
	out.u8((4 << 4) | STRUCT); // field 7
	fieldI32(out, 1, values);
	fieldI32(out, 1, 0);
	out.u8(0);
	out.u8(0);
}

export interface DataPageV2 {
	uncompressed: number;
	compressed: number;
	values: number;
	nulls: number;
	rows: number;
	/** Parquet's Encoding enum: 0 PLAIN, 8 RLE_DICTIONARY. */
	encoding: number;
	definitionBytes: number;
}

/**
 * A DATA_PAGE_V2 page's header (type 3), as `writePageHeader` writes it; is_compressed is left
 * out (its default, true: every page here is snappy-compressed) and there are no repetition levels.
 */
export function writeDataPageV2Header(out: Bytes, page: DataPageV2): void {
	fieldI32(out, 1, 3);
	fieldI32(out, 1, page.uncompressed);
	fieldI32(out, 1, page.compressed);
	out.u8((5 << 4) | STRUCT); // field 8
	fieldI32(out, 1, page.values);
	fieldI32(out, 1, page.nulls);
	fieldI32(out, 1, page.rows);
	fieldI32(out, 1, page.encoding);
	fieldI32(out, 1, page.definitionBytes);
	fieldI32(out, 1, 0);
	out.u8(0);
	out.u8(0);
}
