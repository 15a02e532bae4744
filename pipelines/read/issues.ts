/**
 * Collecting, ordering and printing what the read step finds wrong with the input.
 *
 * Every issue prints as `file:line:column: message`, the form editors and CI logs link to; an
 * issue in a workbook's sheet as `file:Sheet!C17: message`, the cell as Excel names it.
 * Warnings carry `advarsel: ` before the message so a reader tells them from errors at a glance.
 * Line 0 means the whole file (one that cannot be opened, or is a folder); the file `.` is the
 * input folder itself (a file missing from it); column 0 the whole line.
 *
 * A broken export can hold an error on every one of a million lines, so the collector keeps the
 * first MAX_ERRORS errors and MAX_WARNINGS warnings and then adds one line saying how many more
 * there were. Hot loops ask `wants(severity)` before building a message they would throw away.
 */
import type { InputIssue } from './model.ts';
import { sheetPosition } from './cell-address.ts';

export const MAX_ERRORS = 200;
export const MAX_WARNINGS = 200;

const CAP_CODE = { error: 'too-many-errors', warning: 'too-many-warnings' } as const;

export class IssueCollector {
	readonly #kept: InputIssue[] = [];
	readonly #count = { error: 0, warning: 0 };
	/** Where the first issue beyond the cap was, so the summary line still points somewhere. */
	readonly #firstDropped: { error?: InputIssue; warning?: InputIssue } = {};
	/** The sheet read from each workbook: the row readers know only file, line and column. */
	readonly #sheets = new Map<string, string>();

	/**
	 * Issues about rows of `file` from now on lie in `sheet` (set by read-workbook.ts), so every
	 * reader and check reports a workbook's cells as `file:Sheet!C17` without knowing of sheets.
	 */
	inSheet(file: string, sheet: string): void {
		this.#sheets.set(file, sheet);
	}

	/** False once the cap for this severity is reached: the caller may skip building a message. */
	wants(severity: InputIssue['severity']): boolean {
		return this.#count[severity] < (severity === 'error' ? MAX_ERRORS : MAX_WARNINGS);
	}

	add(issue: InputIssue): void {
		issue = this.#located(issue);
		const keep = this.wants(issue.severity);
		this.#count[issue.severity]++;
		if (keep) this.#kept.push(issue);
		else this.#firstDropped[issue.severity] ??= issue;
	}

	/** Count an issue beyond the cap without building it. */
	drop(severity: InputIssue['severity'], file: string, line: number, column: number): void {
		this.#count[severity]++;
		this.#firstDropped[severity] ??= this.#located({ severity, code: '', file, line, column, message: '' });
	}

	#located(issue: InputIssue): InputIssue {
		const sheet = issue.line > 0 && issue.sheet === undefined ? this.#sheets.get(issue.file) : undefined;
		if (sheet === undefined) return issue;
		// Beside the file, so the JSON report reads file, sheet, line, column.
		const { severity, code, file, ...rest } = issue;
		return { severity, code, file, sheet, ...rest };
	}

	get errorCount(): number {
		return this.#count.error;
	}

	get warningCount(): number {
		return this.#count.warning;
	}

	/**
	 * The kept issues ordered by file, line and column (discovery order among equals), followed
	 * by a summary line per severity that overflowed its cap.
	 */
	list(): InputIssue[] {
		const ordered = this.#kept
			.map((issue, order) => ({ issue, order }))
			.sort(
				(a, b) =>
					compareText(a.issue.file, b.issue.file) || a.issue.line - b.issue.line || a.issue.column - b.issue.column || a.order - b.order
			)
			.map((x) => x.issue);
		for (const severity of ['error', 'warning'] as const) {
			const first = this.#firstDropped[severity];
			if (!first) continue;
			const more = this.#count[severity] - (severity === 'error' ? MAX_ERRORS : MAX_WARNINGS);
			const what = severity === 'error' ? 'fejl' : more === 1 ? 'advarsel' : 'advarsler';
			ordered.push({
				severity,
				code: CAP_CODE[severity],
				file: first.file,
				...(first.sheet === undefined ? {} : { sheet: first.sheet }),
				line: first.line,
				column: first.column,
				message: `Der er ${more} ${what} mere, som ikke vises: forventede højst ${severity === 'error' ? MAX_ERRORS : MAX_WARNINGS}, fandt ${this.#count[severity]} i alt. Ret de viste, og kør igen.`,
				expected: String(severity === 'error' ? MAX_ERRORS : MAX_WARNINGS),
				found: String(this.#count[severity])
			});
		}
		return ordered;
	}
}

/** Plain code-unit order, so the report is the same on every machine and locale. */
function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Where whole-folder issues point (a file missing, no key figures): the input folder itself, as
 * `.` beside the file names, which are relative to it too. The report names it (formatIssue).
 */
export const FOLDER = '.';

/**
 * `file:line:column: message`, or `file:Sheet!C17: message` in a workbook, with `advarsel: `
 * before a warning's message. A whole file (line 0) is `file: message`, and the whole input folder
 * is the folder as the user named it, `mine/: message` (`./` when the name is not known): a
 * position with no line to point at gets no line number, where `.:0:0` read as noise.
 */
export function formatIssue(issue: InputIssue): string {
	return formatIssueIn(issue, FOLDER);
}

/** formatIssue with the input folder as the user named it. */
export function formatIssueIn(issue: InputIssue, folder: string): string {
	const prefix = issue.severity === 'warning' ? 'advarsel: ' : '';
	return `${position(issue, folder)}: ${prefix}${issue.message}`;
}

function position(issue: InputIssue, folder: string): string {
	if (issue.file === FOLDER) return folder.endsWith('/') ? folder : `${folder}/`;
	if (issue.sheet !== undefined) return `${issue.file}:${sheetPosition(issue.sheet, issue.line, issue.column)}`;
	return issue.line === 0 ? issue.file : `${issue.file}:${issue.line}:${issue.column}`;
}

/**
 * One line per issue and a closing count, e.g. "2 fejl, 1 advarsel." Ends with a newline.
 * `folder` is the input folder as the user named it (`--input`), for whole-folder issues.
 */
export function formatReport(issues: readonly InputIssue[], folder = FOLDER): string {
	const lines = issues.map((issue) => formatIssueIn(issue, folder));
	lines.push(summary(issues));
	return lines.join('\n') + '\n';
}

/** The same report for machines (`--json`): counts and every issue with all its fields. */
export function jsonReport(issues: readonly InputIssue[]): {
	errors: number;
	warnings: number;
	issues: InputIssue[];
} {
	return {
		errors: countShown(issues, 'error'),
		warnings: countShown(issues, 'warning'),
		issues: issues.map((i) => ({ ...i }))
	};
}

/** Total per severity, including those folded into a too-many line. */
function countShown(issues: readonly InputIssue[], severity: InputIssue['severity']): number {
	const cap = issues.find((i) => i.code === CAP_CODE[severity]);
	if (cap?.found) return Number(cap.found);
	return issues.filter((i) => i.severity === severity).length;
}

function summary(issues: readonly InputIssue[]): string {
	const errors = countShown(issues, 'error');
	const warnings = countShown(issues, 'warning');
	if (errors === 0 && warnings === 0) return 'Ingen fejl eller advarsler.';
	return `${errors} fejl, ${warnings} ${warnings === 1 ? 'advarsel' : 'advarsler'}.`;
}

/** Quote a value from the input for a message, shortened so a runaway field cannot flood it. */
export function quoted(value: string, max = 60): string {
	const shown = value.length > max ? `${value.slice(0, max)}…` : value;
	return `"${visible(shown)}"`;
}

/**
 * Characters a reader cannot see, made visible, so a message never shows two values that look the
 * same (`"1001-001"` against `"1001-001"` with a zero-width space) and stays on its one line: a
 * line break as ↵, a tab as ⇥, other control and invisible format characters (zero-width
 * spaces and joiners, a byte order mark, direction marks) by their code, `<U+200B>`.
 */
function visible(text: string): string {
	return text.replace(/\r\n|[\n\r\t]|[\p{Cc}\p{Cf}]/gu, (c) => {
		if (c === '\t') return '⇥';
		if (c === '\n' || c === '\r' || c === '\r\n') return '↵';
		return `<U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}>`;
	});
}
