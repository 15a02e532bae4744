/**
 * Values in a column without a heading. The readers skip such columns (Excel writes an empty
 * heading for every trailing separator), so a value typed there, a note beside the figures, would
 * be lost without a word: one warning per file names the first such cell and how many lines hold
 * one. A column without a heading whose cells are all empty says nothing.
 */
import { quoted, type IssueCollector } from './issues.ts';
import type { Row } from './parse-csv.ts';

export class UnnamedColumns {
	private readonly columns: number[] = [];
	private first: { line: number; column: number; value: string } | null = null;
	private lines = 0;

	constructor(headers: readonly string[]) {
		headers.forEach((header, i) => {
			if (header.trim() === '') this.columns.push(i);
		});
	}

	/** True when the header has a column without a heading, so rows need looking at. */
	get any(): boolean {
		return this.columns.length > 0;
	}

	/** Notes a row's first value under an empty heading, if it has one. */
	check(row: Row): void {
		for (const i of this.columns) {
			if (i >= row.count || row.blank(i)) continue;
			this.lines++;
			this.first ??= { line: row.line, column: i + 1, value: row.text(i).trim().slice(0, 200) };
			return;
		}
	}

	/** The file's one warning, at the first value under an empty heading. */
	report(file: string, issues: IssueCollector): void {
		if (!this.first) return;
		const { line, column, value } = this.first;
		const more = this.lines > 1 ? ` (${this.lines} linjer har en værdi i en kolonne uden overskrift)` : '';
		issues.add({
			severity: 'warning',
			code: 'unnamed-column',
			file,
			line,
			column,
			message: `Værdien ${quoted(value)} står i en kolonne uden overskrift og bliver ikke læst: forventede en overskrift over kolonnen eller en tom celle, fandt ${quoted(value)}${more}.`,
			expected: 'en overskrift over kolonnen eller en tom celle',
			found: value
		});
	}
}
