/**
 * Parquet's value encodings over typed arrays, for parquet-column.ts: PLAIN numbers, booleans and
 * byte arrays, and the RLE/bit-packed hybrid (definition levels, dictionary indexes).
 *
 * Each encoder writes exactly the bytes hyparquet-writer 0.17 writes for the same values
 * (`src/plain.js`, `src/encoding.js`: which runs become RLE and which bit-packed groups follow
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
