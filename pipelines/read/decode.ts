/**
 * Bytes to text, the way Danish Excel and GIS tools save files.
 *
 * 1. UTF-8, with or without a byte order mark (Excel's "CSV UTF-8" writes one).
 * 2. Anything that is not valid UTF-8 is read as Windows-1252 (Excel's plain "CSV" on a Danish
 *    Windows), which every byte sequence decodes under; iconv-lite does the table.
 * 3. A file is unreadable when it holds NUL bytes (UTF-16, or a binary such as an .xlsx renamed
 *    to .csv), other control characters than tab, CR and LF, or one of the five byte values
 *    Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). Such text would reach the
 *    output as garbage; better to stop and say so.
 */
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'windows-1252';

export type Decoded =
	| { ok: true; text: string; encoding: TextEncodingName }
	| { ok: false; line: number; found: string };

/** The encoding of a file, and where its text starts (after a BOM), without decoding it. */
export type Detected =
	| { ok: true; encoding: TextEncodingName; start: number }
	| { ok: false; line: number; found: string };

/** Bytes that make a file unreadable in either encoding: C0 controls but tab, LF, CR; and DEL. */
const BAD_BYTES: number[] = [];
for (let b = 0; b < 32; b++) if (b !== 9 && b !== 10 && b !== 13) BAD_BYTES.push(b);
BAD_BYTES.push(0x7f);
/** Undefined in Windows-1252; iconv-lite turns them into U+FFFD. */
const UNDEFINED_1252 = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

export function detectEncoding(bytes: Uint8Array): Detected {
	if (bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff))) {
		return { ok: false, line: 1, found: 'en UTF-16-fil (Excels "Unicode-tekst")' };
	}
	const bad = firstOf(bytes, BAD_BYTES);
	if (bad !== -1) return { ok: false, line: lineAt(bytes, bad), found: describeByte(bytes[bad]!) };
	const bom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	// isUtf8 validates without building a string (simdutf in Node), so the key-figure fast path
	// can read bytes directly.
	if (isUtf8(bytes)) return { ok: true, encoding: bom ? 'utf-8-bom' : 'utf-8', start: bom ? 3 : 0 };
	// Not UTF-8: Windows-1252. A stray BOM in front of such a file is dropped, not decoded as "ï»¿".
	const start = bom ? 3 : 0;
	const undefinedByte = firstOf(bytes.subarray(start), UNDEFINED_1252);
	if (undefinedByte !== -1) {
		return { ok: false, line: lineAt(bytes, start + undefinedByte), found: describeByte(bytes[start + undefinedByte]!) };
	}
	return { ok: true, encoding: 'windows-1252', start };
}

/** bytes[start, end) as text in the given encoding. */
export function decodeRange(bytes: Uint8Array, start: number, end: number, encoding: TextEncodingName): string {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start);
	return encoding === 'windows-1252' ? iconv.decode(buffer, 'windows-1252') : buffer.toString('utf8');
}

export function decode(bytes: Uint8Array): Decoded {
	const detected = detectEncoding(bytes);
	if (!detected.ok) return detected;
	return { ok: true, text: decodeRange(bytes, detected.start, bytes.length, detected.encoding), encoding: detected.encoding };
}

/**
 * Offset of the first of the given byte values, or -1. One native indexOf (memchr) per value is
 * several times faster than a JavaScript loop over 70 MB.
 */
function firstOf(bytes: Uint8Array, values: readonly number[]): number {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	let first = -1;
	for (const b of values) {
		const at = buffer.indexOf(b);
		if (at !== -1 && (first === -1 || at < first)) first = at;
	}
	return first;
}

/** 1-based line of a byte offset: one more than the LF bytes before it. */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) if (bytes[i] === 10) line++;
	return line;
}

function describeByte(b: number): string {
	const hex = `0x${b.toString(16).toUpperCase().padStart(2, '0')}`;
	if (b === 0) return `et NUL-tegn (byte ${hex})`;
	if (b < 32 || b === 0x7f) return `et styretegn (byte ${hex})`;
	return `byten ${hex}, som ikke er et tegn i UTF-8 eller Windows-1252`;
}
