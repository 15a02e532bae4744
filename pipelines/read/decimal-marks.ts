/**
 * Numbers whose decimal mark is ambiguous, decided per column. In a `;` file (decimal comma)
 * `1.250` follows the thousands rule of numbers.ts and reads 1250; but when the column is written
 * with decimal points, it means 1,25. numbers.ts cannot tell from one cell; the column can:
 *
 * - By meaning: a column of whole counts (`boliger`, `ledige_boliger`, `fraflytninger`,
 *   `beboere_18_64`, years) cannot hold 1,25, so the point groups thousands. Nor can an amount in
 *   kroner (`husleje_kr_m2`, `lejetab_kr`, `henlaeggelser_kr`) have three decimals: øre are two.
 *   A column that cannot be in thousands (`vedligeholdelsesstand` 1-5, `lat`, `lon`) reads it as
 *   a decimal.
 * - By its other cells, for the rest (`areal_m2`, and `uden_for_arbejdsmarked_18_64` in
 *   full-time persons, both of which may well have three decimals): when some cell
 *   uses the point as a decimal for certain (`12.5`, `0.250`, `1.234,5` read the other way) and
 *   none follows the file's convention (`12,5`, `1.234.567`, `1.234,5`), the ambiguous cells are
 *   decimals; when some cell follows the convention and none uses the point as a decimal, they
 *   are thousands. Otherwise (no cell decides, or cells disagree) it is an error that asks the
 *   user to write the number so it cannot be misread.
 *
 * The same holds with the marks swapped in a `,` file, where `"1,250"` is the ambiguous form.
 */
import { DELIMITER_NAMES } from './delimiter.ts';
import { quoted, type IssueCollector } from './issues.ts';
import type { CsvFileInfo } from './read-csv-file.ts';
import { AMBIGUOUS, COMMA, formatDanish, markUse, OTHER_DECIMAL, OWN_MARKS, type DecimalMark } from './numbers.ts';

/** How a column reads an ambiguous number: fixed by its meaning, or by its other cells. */
export type ColumnReading = 'thousands' | 'decimal' | 'cells';

const BY_MEANING: Partial<Record<string, ColumnReading>> = {
	boliger: 'thousands',
	ledige_boliger: 'thousands',
	fraflytninger: 'thousands',
	beboere_18_64: 'thousands',
	husleje_kr_m2: 'thousands',
	lejetab_kr: 'thousands',
	henlaeggelser_kr: 'thousands',
	vedligeholdelsesstand: 'decimal',
	lat: 'decimal',
	lon: 'decimal'
};

export function columnReading(column: string): ColumnReading {
	return BY_MEANING[column] ?? 'cells';
}

/**
 * A number read as thousands (numbers.ts) when it was an ambiguous decimal: `1.250` read 1250 is
 * 1,25. mantissa / 1000 is also what numbers.ts computes for `1,250`, so the two give the same
 * double.
 */
export function asDecimal(value: number): number {
	return value / 1000;
}

/**
 * A number `value` read from `text` by numbers.ts, in a column that cannot be in thousands: an
 * ambiguous `1.250` is 1,25 there.
 */
export function decimalReading(text: string, mark: DecimalMark, value: number): number {
	return markUse(text, 0, text.length, mark) === AMBIGUOUS ? asDecimal(value) : value;
}

interface Place {
	line: number;
	text: string;
}

/** What one 'cells' column of one file shows about its marks, and where its ambiguous cells are. */
export class ColumnMarks {
	/** Row indices (into the caller's arrays) of the ambiguous cells, with their line and text. */
	readonly rows: number[] = [];
	readonly places: Place[] = [];
	own: Place | null = null;
	other: Place | null = null;

	constructor(
		readonly column: string,
		/** 1-based field number and header as written, for the message. */
		readonly field: number,
		readonly header: string
	) {}

	/** A number cell whose markUse (numbers.ts) is `use`. */
	see(use: number, row: number, line: number, text: () => string): void {
		if (use === AMBIGUOUS) {
			this.rows.push(row);
			// Only the first place is named; keep the rest as row numbers.
			if (this.places.length === 0) this.places.push({ line, text: text() });
		} else if (use === OWN_MARKS) this.own ??= { line, text: text() };
		else if (use === OTHER_DECIMAL) this.other ??= { line, text: text() };
	}

	/**
	 * Fix the ambiguous cells of `values` (read as thousands) when the column says they are
	 * decimals; report the column when nothing decides.
	 */
	settle(
		file: string,
		info: Pick<CsvFileInfo, 'decimalMark'> & { delimiter?: CsvFileInfo['delimiter'] },
		values: Float64Array,
		issues: IssueCollector
	): void {
		const mark = info.decimalMark;
		if (this.rows.length === 0) return;
		if (this.other && !this.own) {
			for (const r of this.rows) values[r] = asDecimal(values[r]!);
			return;
		}
		if (this.own && !this.other) return;
		const first = this.places[0]!;
		const fileMark = mark === COMMA ? 'komma' : 'punktum';
		const otherMark = mark === COMMA ? 'punktum' : 'komma';
		// A workbook has no separator: its text cells are read with the decimal comma.
		const why = info.delimiter ? `som filen er adskilt af ${DELIMITER_NAMES[info.delimiter]}` : 'som i et regneark';
		const thousands = values[this.rows[0]!]!;
		const readings = `${formatDanish(thousands)} (${otherMark} som tusindtalsseparator) eller ${formatDanish(asDecimal(thousands))} (${otherMark} som decimaltegn)`;
		const more = this.rows.length - 1;
		const others = more === 0 ? '' : ` Det gælder ${more} tal mere i kolonnen.`;
		const found =
			this.own && this.other
				? `${quoted(first.text)}, som kan være ${readings}, i en kolonne, der både bruger ${fileMark} som decimaltegn (${quoted(this.own.text)} i linje ${this.own.line}) og ${otherMark} (${quoted(this.other.text)} i linje ${this.other.line})`
				: `${quoted(first.text)}, som kan være ${readings}, og intet andet tal i kolonnen, der afgør det`;
		issues.add({
			severity: 'error',
			code: 'ambiguous-decimal-mark',
			file,
			line: first.line,
			column: this.field,
			message: `Decimaltegnet i kolonnen ${quoted(this.header)} er tvetydigt: forventede ${fileMark} som decimaltegn, ${why}, fandt ${found}. Skriv tallet uden tusindtalsseparator og med ${fileMark} som decimaltegn.${others}`,
			expected: `${fileMark} som decimaltegn`,
			found: first.text
		});
	}
}

/**
 * Whether a file can hold an ambiguous number at all: a `;` or tab file needs a point somewhere
 * after `from`; a `,` file a double quote, since a comma inside a number must be quoted there.
 * Files without one skip the per-cell look at the marks. (DuckDB's reader, read-key-figures-duckdb.ts,
 * never sees an ambiguous number: strict-lines.ts allows only the file's own decimal mark in values.)
 */
export function mayHoldAmbiguous(bytes: Uint8Array, from: number, mark: DecimalMark): boolean {
	const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
	return buffer.indexOf(mark === COMMA ? 46 : 34, from) !== -1;
}
