/**
 * Writes CSV the way Danish Excel does: ';' between fields, decimal comma, CRLF line ends, and
 * either UTF-8 with a byte order mark ("CSV UTF-8") or Windows-1252 ("CSV (semikolonsepareret)").
 * Rows are buffered in small chunks and written straight to the file, so a million rows never
 * become one giant string.
 */
import { closeSync, openSync, writeSync } from 'node:fs';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8-bom' | 'windows-1252';

const FLUSH_AT = 1 << 16;
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/** Quote a field when it holds the separator, a quote or a line break; double inner quotes. */
export function csvField(value: string): string {
	return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * A number as Danish Excel writes it in the General format: decimal comma, no thousands
 * separator, at most `decimals` decimals and no trailing zeros ('12,5', '3', '-0,25').
 */
export function danishNumber(x: number, decimals = 0): string {
	let s = x.toFixed(decimals);
	if (decimals > 0) s = s.replace(/\.?0+$/, '');
	if (s === '-0') s = '0';
	return s.replace('.', ',');
}

export class CsvWriter {
	private readonly fd: number;
	private buffer = '';
	private rowCount = 0;

	constructor(
		readonly path: string,
		header: readonly string[],
		private readonly encoding: CsvEncoding
	) {
		this.fd = openSync(path, 'w');
		if (encoding === 'utf-8-bom') writeSync(this.fd, BOM);
		this.buffer = header.map(csvField).join(';') + '\r\n';
	}

	/** One row of already formatted fields (text is quoted here as needed). */
	row(fields: readonly string[]): void {
		let line = '';
		for (let i = 0; i < fields.length; i++) line += (i ? ';' : '') + csvField(fields[i] as string);
		this.buffer += line + '\r\n';
		this.rowCount++;
		if (this.buffer.length >= FLUSH_AT) this.flush();
	}

	/** Closes the file; returns the number of data rows written. */
	close(): number {
		this.flush();
		closeSync(this.fd);
		return this.rowCount;
	}

	private flush(): void {
		if (!this.buffer) return;
		writeSync(this.fd, this.encode(this.buffer));
		this.buffer = '';
	}

	private encode(text: string): Buffer {
		if (this.encoding === 'utf-8-bom') return Buffer.from(text, 'utf8');
		const bytes = iconv.encode(text, 'win1252');
		// iconv-lite writes '?' for characters Windows-1252 lacks; a silently changed name is a bug.
		if (iconv.decode(bytes, 'win1252') !== text) throw new Error(`${this.path}: text not representable in Windows-1252`);
		return bytes;
	}
}
