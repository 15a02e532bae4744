/**
 * Where a report line points (issues.ts, formatIssue): a cell as `file:line:column`, a whole line
 * as `file:line:0`, a whole file as `file` and the whole input folder as the folder the user named,
 * with no made-up line or column numbers (`.:0:0` and `file:0:0` before 1 Dec 2026).
 */
import { describe, expect, it } from 'vitest';
import { FOLDER, formatIssue, formatIssueIn, formatReport } from '../../pipelines/read/issues.ts';
import type { InputIssue } from '../../pipelines/read/model.ts';

const issue = (file: string, line: number, column: number, severity: InputIssue['severity'] = 'error'): InputIssue => ({
	severity,
	code: 'x',
	file,
	line,
	column,
	message: 'm: forventede a, fandt b'
});

describe('report positions', () => {
	it('names the input folder as given, with one slash, for a whole-folder issue', () => {
		expect(formatIssueIn(issue(FOLDER, 0, 0), 'mine')).toBe('mine/: m: forventede a, fandt b');
		expect(formatIssueIn(issue(FOLDER, 0, 0), '/data/horsens/')).toBe('/data/horsens/: m: forventede a, fandt b');
		// Without the folder's name: `./`, the folder the file names are relative to.
		expect(formatIssue(issue(FOLDER, 0, 0, 'warning'))).toBe('./: advarsel: m: forventede a, fandt b');
	});

	it('gives a whole file no line, and keeps line and column where there are some', () => {
		expect(formatIssue(issue('afdelinger.csv', 0, 0))).toBe('afdelinger.csv: m: forventede a, fandt b');
		expect(formatIssue(issue('noegletal.csv', 5, 0))).toBe('noegletal.csv:5:0: m: forventede a, fandt b');
		expect(formatIssue(issue('noegletal.csv', 5, 3))).toBe('noegletal.csv:5:3: m: forventede a, fandt b');
		// A file named like the folder marker only in part is a file.
		expect(formatIssue(issue('./noegletal.csv', 0, 0))).toBe('./noegletal.csv: m: forventede a, fandt b');
	});

	it('uses the folder in a whole report, counts unchanged', () => {
		const issues = [issue(FOLDER, 0, 0), issue('noegletal.csv', 2, 4)];
		expect(formatReport(issues, 'mine')).toBe(
			'mine/: m: forventede a, fandt b\nnoegletal.csv:2:4: m: forventede a, fandt b\n2 fejl, 0 advarsler.\n'
		);
	});
});
