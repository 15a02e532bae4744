/**
 * Checked cells of one row of a small register-like CSV (aftaler.csv, indsatser.csv): required
 * text, years, numbers, choices from a list, and lists of ids in one cell. Every problem becomes an
 * issue at the cell's line and column, in the form the other readers use ("forventede …, fandt …").
 */
import { notANumberHint } from './not-a-number-hint.ts';
import { YEAR_RANGE, normaliseHeader } from '../../src/lib/core/input-contract.ts';
import type { ColumnMap } from './headers.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { longName } from './name-length.ts';
import { parseNumberText, type DecimalMark } from './numbers.ts';
import type { Row } from './parse-csv.ts';
import { dayNumberHint } from './day-number.ts';

/** Separators between ids in one cell: `2103-001, 2103-002` or `2103-001|2103-002`. */
const LIST_SEPARATORS = /[,;|\n]+/;

export class CellChecks {
	row!: Row;
	/** True once an error was reported for the current row. */
	failed = false;

	constructor(
		readonly file: string,
		readonly columns: ColumnMap,
		readonly mark: DecimalMark,
		readonly issues: IssueCollector
	) {}

	start(row: Row): void {
		this.row = row;
		this.failed = false;
	}

	/** 1-based column of a canonical column, 0 when the file has none. */
	at(column: string): number {
		return (this.columns.index.get(column) ?? -1) + 1;
	}

	/** The header as the user wrote it, quoted, for messages. */
	header(column: string): string {
		const i = this.columns.index.get(column);
		return quoted(i === undefined ? column : this.columns.headers[i]!);
	}

	value(column: string): string {
		const i = this.columns.index.get(column);
		return i === undefined ? '' : this.row.trimmed(i);
	}

	error(code: string, column: string, message: string, expected: string, found: string): void {
		this.failed = true;
		this.issues.add({ severity: 'error', code, file: this.file, line: this.row.line, column: this.at(column), message, expected, found });
	}

	warning(code: string, column: string, message: string, expected: string, found: string): void {
		this.issues.add({ severity: 'warning', code, file: this.file, line: this.row.line, column: this.at(column), message, expected, found });
	}

	/** A cell that must hold something; '' after an error when empty. */
	required(column: string, expected: string): string {
		const text = this.value(column);
		if (text === '') {
			this.error(
				'missing-value',
				column,
				`Kolonnen ${this.header(column)} er tom: forventede ${expected}, fandt en tom celle.`,
				expected,
				''
			);
		}
		return text;
	}

	/** A name or title: an error when it is over MAX_NAME_LENGTH (name-length.ts). */
	name(text: string, column: string): string {
		const long = longName(text, this.header(column));
		if (long) this.error('name-too-long', column, long.message, long.expected, long.found);
		return text;
	}

	/** A year in the key figures' range; null when empty (an error if required) or wrong. */
	year(column: string, what: string, required: boolean): number | null {
		const text = required ? this.required(column, `${what} som et årstal, fx 2024`) : this.value(column);
		if (text === '') return null;
		const [from, to] = YEAR_RANGE.keyFigures;
		const year = parseNumberText(text, this.mark);
		if (year === null || !Number.isInteger(year)) {
			this.error(
				'not-a-year',
				column,
				`${capital(what)} kan ikke læses: forventede et årstal som 2024, fandt ${quoted(text)}.`,
				'et årstal',
				text
			);
			return null;
		}
		if (year < from || year > to) {
			this.error(
				'implausible-year',
				column,
				`${capital(what)} ${year} er ikke troværdigt: forventede et år fra ${from} til ${to}, fandt ${quoted(text)}.${dayNumberHint(year)}`,
				`${from}-${to}`,
				text
			);
			return null;
		}
		return year;
	}

	/** A number written as the file writes numbers; null when empty (an error if required) or wrong. */
	number(column: string, what: string, required: boolean): number | null {
		const example = this.mark === 44 ? '12,5' : '12.5';
		const text = required ? this.required(column, `${what} som et tal, fx ${example}`) : this.value(column);
		if (text === '') return null;
		const value = parseNumberText(text, this.mark);
		if (value === null || !Number.isFinite(value)) {
			this.error(
				'not-a-number',
				column,
				`${capital(what)} kan ikke læses: forventede et tal som ${example}, fandt ${quoted(text)}.${notANumberHint(text)}`,
				'et tal',
				text
			);
			return null;
		}
		return value;
	}

	/**
	 * One of a fixed list of words, matched without regard to case, spaces and Danish letters
	 * (`Område` finds `omraade`); `aliases` maps further normalised spellings.
	 */
	choice<T extends string>(column: string, code: string, what: string, options: readonly T[], aliases: Record<string, T> = {}): T | null {
		const text = this.value(column);
		if (text === '') return null;
		const key = normaliseHeader(text);
		const found = options.find((o) => normaliseHeader(o) === key) ?? aliases[key];
		if (found) return found;
		const list = options.join(', ');
		this.error(code, column, `${capital(what)} kendes ikke: forventede en af ${list}, fandt ${quoted(text)}.`, list, text);
		return null;
	}

	/** Ids separated by `,`, `;`, `|` or line breaks, in the order given, without repeats. */
	list(column: string): string[] {
		return [
			...new Set(
				this.value(column)
					.split(LIST_SEPARATORS)
					.map((s) => s.trim())
					.filter((s) => s !== '')
			)
		];
	}
}

function capital(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
