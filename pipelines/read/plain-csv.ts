/**
 * Whether DuckDB's CSV reader may read a file for us (key-figures-duckdb.ts), decided on the
 * bytes: only where the JavaScript reader (read-csv-file.ts) provably splits the file into the
 * same lines and fields. Anything else goes to the JavaScript reader, which reads every file.
 *
 * A plain file:
 * - is UTF-8 (with or without BOM), or Windows-1252 without a byte in 0x80-0x9F, where
 *   Windows-1252 and Latin-1 (which DuckDB decodes) are the same characters; detectEncoding()
 *   decides which, as it does for the JavaScript reader. Not UTF-16 (not byte-for-byte ASCII),
 *   and not a file detectEncoding() refuses (control bytes, a mostly-UTF-8 file with foreign
 *   bytes): the JavaScript reader reports those;
 * - has no double quote anywhere (no quoting rules to agree on);
 * - starts with its header: no blank line and no Excel `sep=;` line before it (delimiter.ts),
 *   so the header is line 1 (TableInfo.headerLine).
 * The lines themselves are checked by strict-lines.ts as it walks them: LF only or CR LF only
 * (a lone CR is a line break to DuckDB but not to read-csv-file.ts), no empty line (DuckDB skips
 * them silently, which would shift every later line number). Line n + 2 of a file that passes
 * both is then DuckDB's data row n, which is how messages find their line.
 */
import { decodeRange, detectEncoding, type TextEncodingName } from './decode.ts';
import { detectDelimiter, separatorLine, type Delimiter } from './delimiter.ts';

export interface PlainCsv {
	encoding: Exclude<TextEncodingName, 'utf-16le' | 'utf-16be'>;
	delimiter: Delimiter;
	/** The header's fields as written (line 1). */
	header: string[];
	/** Offset of line 2, the first data line. */
	dataStart: number;
	/** The header's line break is CR LF (else LF, or none). */
	crlf: boolean;
}

const LF = 10;
const CR = 13;
const QUOTE = 34;

export function plainCsv(bytes: Uint8Array): PlainCsv | null {
	const detected = detectEncoding(bytes);
	if (!detected.ok) return null;
	const encoding = detected.encoding;
	if (encoding === 'utf-16le' || encoding === 'utf-16be') return null;
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	if (encoding === 'windows-1252' && hasC1Byte(bytes)) return null;
	if (buffer.indexOf(QUOTE) !== -1) return null;
	const start = detected.start;
	if (start >= bytes.length || bytes[start] === LF || bytes[start] === CR) return null;
	const lineEnd = buffer.indexOf(LF, start);
	const crlf = lineEnd > start && bytes[lineEnd - 1] === CR;
	const end = lineEnd === -1 ? bytes.length : crlf ? lineEnd - 1 : lineEnd;
	const line = decodeRange(bytes, start, end, encoding);
	if (line.includes('\r') || separatorLine(line) !== null) return null;
	const delimiter = detectDelimiter(line);
	return { encoding, delimiter, header: line.split(delimiter), dataStart: lineEnd === -1 ? bytes.length : lineEnd + 1, crlf };
}

/** A byte where Windows-1252 and Latin-1 differ (0x80-0x9F). */
function hasC1Byte(bytes: Uint8Array): boolean {
	for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80 && bytes[i]! <= 0x9f) return true;
	return false;
}
