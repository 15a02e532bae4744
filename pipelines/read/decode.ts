/**
 * Bytes to text, the way Danish Excel and GIS tools save files.
 *
 * 1. UTF-16 with a byte order mark (FF FE little-endian, FE FF big-endian): Excel's
 *    "Unicode-tekst" (tab-separated) writes UTF-16 LE with a BOM. Decoded whole and checked: an odd
 *    number of bytes, a lone surrogate or a control character makes it unreadable.
 * 2. UTF-8, with or without a byte order mark (Excel's "CSV UTF-8" writes one).
 * 3. Not valid UTF-8, but with a UTF-8 BOM or at least one valid multi-byte UTF-8 sequence (æ
 *    written C3 A6): the file is mostly UTF-8 with a few foreign bytes, typically a Windows-1252
 *    line pasted into a UTF-8 file. Reading it all as Windows-1252 would turn every æøå of the
 *    UTF-8 part into "Ã¦Ã¸Ã¥" without a word, so it is an error at the first byte that is not
 *    UTF-8. In Windows-1252 a valid sequence would be a capital letter À-ß (or à-ï) followed by
 *    one or more of the symbols 0x80-0xBF (€, ’, –, no-break space, °, ½ …), which Danish text
 *    hardly ever holds: one such sequence is taken as proof of UTF-8.
 * 4. Otherwise, any byte above 0x7F makes the file Windows-1252 (Excel's plain "CSV" on a Danish
 *    Windows), which every byte sequence decodes under; iconv-lite does the table.
 * 5. A file is unreadable when it holds NUL bytes (UTF-16 without a BOM, or a binary such as an
 *    .xlsx renamed to .csv), other control characters than tab, CR and LF, or one of the five
 *    byte values Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Such text would
 *    reach the output as garbage; better to stop and say so.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { countBreaks } from './delimiter.ts';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** A file that is UTF-8 but for some bytes (rule 3). */
export interface MixedEncoding {
	/** Offset and value of the first byte that is not UTF-8. */
	offset: number;
	byte: number;
	/** The first character written in UTF-8 and its line, to show the file is UTF-8 elsewhere. */
	example: string;
	exampleLine: number;
}

export type EncodingProblem = {
	line: number;
	found: string;
	/**
	 * The text before the bad byte, when it has a meaning as text (not for NUL bytes, which say
	 * the whole file is something else), so a CSV reader can tell the field the byte lies in.
	 */
	before?: string;
	mixed?: MixedEncoding;
};

export type Decoded = { ok: true; text: string; encoding: TextEncodingName } | ({ ok: false } & EncodingProblem);

/** The encoding of a file, and where its text starts (after a BOM), without decoding it. */
export type Detected = { ok: true; encoding: TextEncodingName; start: number } | ({ ok: false } & EncodingProblem);

/** Bytes that make a file unreadable in either encoding: C0 controls but tab, LF, CR; and DEL. */
const BAD_BYTES: number[] = [];
for (let b = 0; b < 32; b++) if (b !== 9 && b !== 10 && b !== 13) BAD_BYTES.push(b);
BAD_BYTES.push(0x7f);
/** The same as characters, for decoded UTF-16 text. */
const BAD_CHARACTER = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
/** Undefined in Windows-1252; iconv-lite turns them into U+FFFD. */
const UNDEFINED_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

export function detectEncoding(bytes: Uint8Array): Detected {
	const utf16 = utf16Encoding(bytes);
	if (utf16) return checkUtf16(bytes, utf16);
	const bad = firstOf(bytes, BAD_BYTES);
	if (bad !== -1) {
		const before = bytes[bad] === 0 ? undefined : textBefore(bytes, bad);
		return { ok: false, line: lineAt(bytes, bad), found: describeByte(bytes, bad), before };
	}
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const start = bom ? 3 : 0;
	// isUtf8 validates without building a string (simdutf in Node), so plain-csv.ts can decide
	// on the bytes whether DuckDB may read a key-figure file.
	if (isUtf8(bytes)) return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', start };
	const mixed = mixedUtf8(bytes, start, bom);
	if (mixed) {
		const hex = hexByte(mixed.byte);
		const found = `byten ${hex}, som ikke er gyldig UTF-8, i en fil, der ellers er UTF-8`;
		return { ok: false, line: lineAt(bytes, mixed.offset), found, before: textBefore(bytes, mixed.offset), mixed };
	}
	const undefinedByte = firstOf(bytes.subarray(start), UNDEFINED_1252);
	if (undefinedByte !== -1) {
		const at = start + undefinedByte;
		return { ok: false, line: lineAt(bytes, at), found: describeByte(bytes, at), before: textBefore(bytes, at) };
	}
	return { ok: true, encoding: 'windows-1252', start };
}

function utf16Encoding(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
	if (bytes.length < 2) return null;
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
	return null;
}

/** A UTF-16 file is decoded here already: its bytes say nothing about control characters. */
function checkUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): Detected {
	let text: string;
	try {
		text = new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes.subarray(2));
	} catch {
		const found = `en ${encoding === 'utf-16le' ? 'UTF-16 LE' : 'UTF-16 BE'}-fil med ugyldige bytes (et ulige antal bytes eller et halvt tegn)`;
		return { ok: false, line: 1, found };
	}
	const bad = BAD_CHARACTER.exec(text);
	if (bad) {
		const line = 1 + countBreaks(text, 0, bad.index);
		return { ok: false, line, found: `et styretegn (U+${bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')})` };
	}
	return { ok: true, encoding, start: 2 };
}

/**
 * Rule 3: the first byte that is not UTF-8, when the file also holds a valid multi-byte sequence
 * (or starts with a UTF-8 BOM); null when it holds none, and so is Windows-1252. One pass over
 * the bytes, only for files that failed isUtf8.
 */
function mixedUtf8(bytes: Uint8Array, start: number, bom: boolean): MixedEncoding | null {
	let bad = -1;
	let example = -1;
	let exampleLength = 0;
	for (let i = start; i < bytes.length;) {
		if (bytes[i]! < 0x80) {
			i++;
			continue;
		}
		const length = utf8Sequence(bytes, i);
		if (length === 0) {
			if (bad === -1) bad = i;
			if (example !== -1) break;
			i++;
			continue;
		}
		if (example === -1) {
			example = i;
			exampleLength = length;
		}
		if (bad !== -1) break;
		i += length;
	}
	if (bad === -1 || (example === -1 && !bom)) return null;
	const decoder = new TextDecoder('utf-8');
	return {
		offset: bad,
		byte: bytes[bad]!,
		example: example === -1 ? '' : decoder.decode(bytes.subarray(example, example + exampleLength)),
		exampleLine: example === -1 ? 0 : lineAt(bytes, example)
	};
}

/** bytes[0, end) as text: UTF-8 when it is (without a BOM), else Windows-1252. */
function textBefore(bytes: Uint8Array, end: number): string {
	const head = bytes.subarray(0, end);
	const bom = end >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf;
	return isUtf8(head) ? Buffer.from(head.subarray(bom ? 3 : 0)).toString('utf8') : iconv.decode(Buffer.from(head), 'windows-1252');
}

/** Length of the valid UTF-8 multi-byte sequence at i (RFC 3629, table 3-7 of Unicode), or 0. */
function utf8Sequence(bytes: Uint8Array, i: number): number {
	const b = bytes[i]!;
	const at = (k: number, low = 0x80, high = 0xbf) => i + k < bytes.length && bytes[i + k]! >= low && bytes[i + k]! <= high;
	if (b >= 0xc2 && b <= 0xdf) return at(1) ? 2 : 0;
	if (b === 0xe0) return at(1, 0xa0) && at(2) ? 3 : 0;
	if (b === 0xed) return at(1, 0x80, 0x9f) && at(2) ? 3 : 0;
	if (b >= 0xe1 && b <= 0xef) return at(1) && at(2) ? 3 : 0;
	if (b === 0xf0) return at(1, 0x90) && at(2) && at(3) ? 4 : 0;
	if (b >= 0xf1 && b <= 0xf3) return at(1) && at(2) && at(3) ? 4 : 0;
	if (b === 0xf4) return at(1, 0x80, 0x8f) && at(2) && at(3) ? 4 : 0;
	return 0;
}

/** A byte as Windows-1252 reads it, for messages: 0xE6 is "æ". Empty for undefined and controls. */
export function asWindows1252(byte: number): string {
	if (byte < 0x20 || byte === 0x7f || UNDEFINED_1252.includes(byte)) return '';
	return iconv.decode(Buffer.from([byte]), 'windows-1252');
}

export function hexByte(b: number): string {
	return `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
}

/** bytes[start, end) as text in the given encoding. */
export function decodeRange(bytes: Uint8Array, start: number, end: number, encoding: TextEncodingName): string {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
	if (encoding === 'utf-16le' || encoding === 'utf-16be') return new TextDecoder(encoding, { ignoreBOM: true }).decode(buffer);
	return encoding === 'windows-1252' ? iconv.decode(buffer, 'windows-1252') : buffer.toString('utf8');
}

export function decode(bytes: Uint8Array): Decoded {
	const detected = detectEncoding(bytes);
	if (!detected.ok) return detected;
	return { ok: true, text: decodeRange(bytes, detected.start, bytes.length, detected.encoding), encoding: detected.encoding };
}

/**
 * Offset of the first of the given byte values, or -1: one pass over the bytes with a 256-entry
 * table. It replaced one native indexOf (memchr) per value, which reads a file once per value
 * (30 times for BAD_BYTES): on national10's 114 MB of CSV files the single pass took 1.3-2.0 s
 * against 3.0-4.1 s on the busy machine of the measurement, as the files do not fit in a cache.
 */
function firstOf(bytes: Uint8Array, values: readonly number[]): number {
	const wanted = new Uint8Array(256);
	for (const b of values) wanted[b] = 1;
	for (let i = 0; i < bytes.length; i++) if (wanted[bytes[i]!] === 1) return i;
	return -1;
}

/**
 * 1-based line of a byte offset: one more than the line breaks before it, each CR LF, LF and lone
 * CR one break, as the reader splits lines (delimiter.ts, unifyLineBreaks).
 */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) line++;
	return line;
}

function describeByte(bytes: Uint8Array, offset: number): string {
	const b = bytes[offset]!;
	const hex = hexByte(b);
	if (b === 0 && looksLikeUtf16(bytes)) return `NUL-tegn (byte ${hex}) ved hvert andet tegn, som i UTF-16 uden byte order mark`;
	if (b === 0) return `et NUL-tegn (byte ${hex})`;
	if (b < 32 || b === 0x7f) return `et styretegn (byte ${hex})`;
	return `byten ${hex}, som ikke er et tegn i UTF-8 eller Windows-1252`;
}

/**
 * UTF-16 without a BOM: ASCII text has a NUL in every other byte. Checked on the first 64 bytes,
 * which hold the header.
 */
function looksLikeUtf16(bytes: Uint8Array): boolean {
	const n = Math.min(bytes.length, 64) & ~1;
	if (n < 4) return false;
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i += 2) {
		if (bytes[i] === 0) even++;
		if (bytes[i + 1] === 0) odd++;
	}
	return Math.max(even, odd) >= n / 4 && Math.min(even, odd) === 0;
}
