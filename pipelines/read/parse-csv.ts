/**
 * CSV text to rows, each with the 1-based physical line it starts on, as an editor counts lines
 * (a quoted field with line breaks in it makes the next row start further down).
 *
 * Two paths with one meaning:
 * - Text with a double quote anywhere goes through papaparse (step mode, one row at a time), which
 *   knows every quoting rule: `""` inside quotes, separators and line breaks inside quotes.
 * - Text without any double quote has no quoting to honour, and papaparse itself then switches to
 *   its "fast mode": split on the line break, then on the separator (papaparse.js, `fastMode`). We
 *   do the same split, but as offsets into the text instead of a string per cell: 1.28 million
 *   rows of 12 columns took about 0.2 s this way against about 1.5 s through papaparse's step
 *   mode, most of it spent allocating 15 million small strings. A property test
 *   (tests/unit/read-csv.test.ts) checks that both paths give the same fields.
 *
 * Key-figure files DuckDB can vouch for do not come here at all (read-key-figures-duckdb.ts).
 *
 * A Row is a view: `source[i]` is the string field i lies in and `starts[i]`/`ends[i]` its span
 * there. The fast path points every source at the whole text; the papaparse path at the field's
 * own string. The same Row object is reused for every row: copy what you keep.
 */
import Papa from 'papaparse';
import { countBreaks, hasStrayBreaks, type Delimiter, type Newline } from './delimiter.ts';

export class Row {
	/** The 1-based line the row starts on. */
	line = 0;
	/** Number of fields. */
	count = 0;
	source: string[] = [];
	starts = new Int32Array(16);
	ends = new Int32Array(16);

	/** Field i as a string (i is 0-based). */
	text(i: number): string {
		return this.source[i]!.slice(this.starts[i]!, this.ends[i]!);
	}

	/** Field i with surrounding whitespace removed. */
	trimmed(i: number): string {
		return this.text(i).trim();
	}

	/** True when field i holds nothing but whitespace. */
	blank(i: number): boolean {
		const s = this.source[i]!;
		for (let k = this.starts[i]!; k < this.ends[i]!; k++) {
			const c = s.charCodeAt(k);
			if (c !== 32 && c !== 9 && c !== 0xa0) return false;
		}
		return true;
	}

	/** Make room for n fields. */
	grow(n: number): void {
		if (n <= this.starts.length) return;
		let size = this.starts.length;
		while (size < n) size *= 2;
		const starts = new Int32Array(size);
		const ends = new Int32Array(size);
		starts.set(this.starts);
		ends.set(this.ends);
		this.starts = starts;
		this.ends = ends;
	}
}

export interface QuoteError {
	kind: 'unterminated' | 'malformed';
	line: number;
	/** 1-based field number the bad quote sits in. */
	column: number;
	/** For 'malformed': what follows the closing quote, up to the next separator or line break. */
	after?: string;
}

export interface CsvCallbacks {
	/** Called for every row, empty ones included; return false to stop reading. */
	row(row: Row): boolean | void;
	/** Called before the row the error belongs to; that row is then not passed to row(). */
	quoteError(error: QuoteError): void;
	/** Called every PROGRESS_EVERY rows with the character offset reached. */
	progress?(offset: number): void;
}

const PROGRESS_EVERY = 1 << 16;

export function parseCsv(text: string, delimiter: Delimiter, newline: Newline, callbacks: CsvCallbacks): void {
	if (text.length === 0) return;
	if (text.indexOf('"') === -1) scanUnquoted(text, delimiter, newline, callbacks);
	else parseQuoted(text, delimiter, newline, callbacks);
}

/** How often needle occurs in text (native indexOf, no copies). */
export function occurrences(text: string, needle: string): number {
	let n = 0;
	for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + needle.length)) n++;
	return n;
}

function scanUnquoted(text: string, delimiter: Delimiter, newline: Newline, callbacks: CsvCallbacks): void {
	const row = new Row();
	const length = text.length;
	const newlineLength = newline.length;
	// Mixed line breaks are rare (a file pasted together from two sources); only then does a row
	// need its own count of the physical lines it spans.
	const stray = hasStrayBreaks(text, newline);
	let sourceFilled = 0;
	let nextDelimiter = text.indexOf(delimiter);
	let line = 1;
	let rows = 0;
	let position = 0;
	for (;;) {
		let end = text.indexOf(newline, position);
		const last = end === -1;
		if (last) end = length;
		let count = 0;
		let fieldStart = position;
		for (;;) {
			if (nextDelimiter !== -1 && nextDelimiter < fieldStart) nextDelimiter = text.indexOf(delimiter, fieldStart);
			const stop = nextDelimiter !== -1 && nextDelimiter < end ? nextDelimiter : end;
			if (count === row.starts.length) row.grow(count + 1);
			row.starts[count] = fieldStart;
			row.ends[count] = stop;
			count++;
			if (stop === end) break;
			fieldStart = stop + 1;
		}
		if (count > sourceFilled) {
			// Every field lies in the one text; fill the source array once, as it grows.
			for (let k = sourceFilled; k < count; k++) row.source[k] = text;
			sourceFilled = count;
		}
		row.count = count;
		row.line = line;
		if (callbacks.row(row) === false) return;
		if (last) return;
		line += stray ? countBreaks(text, position, end + newlineLength) : 1;
		position = end + newlineLength;
		if (++rows % PROGRESS_EVERY === 0) callbacks.progress?.(position);
	}
}

function parseQuoted(text: string, delimiter: Delimiter, newline: Newline, callbacks: CsvCallbacks): void {
	const row = new Row();
	let rowStart = 0;
	let line = 1;
	let rows = 0;
	let stopped = false;
	Papa.parse<string[]>(text, {
		delimiter,
		newline,
		quoteChar: '"',
		escapeChar: '"',
		header: false,
		dynamicTyping: false,
		skipEmptyLines: false,
		step(result, parser) {
			if (stopped) return;
			const fields = result.data;
			const rowEnd = result.meta.cursor;
			let bad = false;
			const seen = new Set<number>();
			for (const error of result.errors) {
				if (error.type !== 'Quotes' || error.index === undefined || seen.has(error.index)) continue;
				seen.add(error.index);
				bad = true;
				callbacks.quoteError(quoteError(text, error.code, error.index, rowStart, line, delimiter));
			}
			if (!bad) {
				row.grow(fields.length);
				for (let k = 0; k < fields.length; k++) {
					row.starts[k] = 0;
					row.ends[k] = fields[k]!.length;
				}
				row.source = fields;
				row.count = fields.length;
				row.line = line;
				if (callbacks.row(row) === false) {
					stopped = true;
					parser.abort();
					return;
				}
			}
			line += countBreaks(text, rowStart, rowEnd);
			rowStart = rowEnd;
			if (++rows % PROGRESS_EVERY === 0) callbacks.progress?.(rowEnd);
		}
	});
}

/**
 * Where a papaparse quote error is, as line and field number. papaparse gives `index`, the offset
 * just after the opening quote of the field in trouble.
 */
function quoteError(text: string, code: string, index: number, rowStart: number, rowLine: number, delimiter: Delimiter): QuoteError {
	const opening = Math.max(rowStart, index - 1);
	const line = rowLine + countBreaks(text, rowStart, opening);
	let column = 1;
	let quoted = false;
	for (let i = rowStart; i < opening; i++) {
		const c = text[i];
		if (c === '"') quoted = !quoted;
		else if (c === delimiter && !quoted) column++;
	}
	if (code === 'MissingQuotes') return { kind: 'unterminated', line, column };
	// The closing quote is the first lone `"` after the opening one; say what follows it.
	let close = index;
	while (close < text.length) {
		close = text.indexOf('"', close);
		if (close === -1) break;
		if (text[close + 1] === '"') close += 2;
		else break;
	}
	if (close === -1) return { kind: 'malformed', line, column };
	let end = close + 1;
	while (end < text.length && end < close + 21 && text[end] !== delimiter && text[end] !== '\n' && text[end] !== '\r') end++;
	return { kind: 'malformed', line, column, after: text.slice(close + 1, end) };
}
