/**
 * Golden reports: each folder in tests/fixtures/bad is a small input with one kind of problem, and
 * its expected.txt is the report a user should see, checked by hand. On a mismatch the test
 * writes expected-changed.txt beside it and fails; it never writes expected.txt, so CI cannot
 * bless a change by itself. To accept a change: read the diff, then rename the file.
 */
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { silentReporter } from '../../pipelines/read/model.ts';
import { formatReport, jsonReport } from '../../pipelines/read/issues.ts';
import { readInput } from '../../pipelines/read/read-input.ts';

const root = fileURLToPath(new URL('../fixtures/bad/', import.meta.url));
const cases = readdirSync(root, { withFileTypes: true })
	.filter((e) => e.isDirectory())
	.map((e) => e.name)
	.sort();

describe('bad input fixtures', () => {
	it('has a fixture for every problem the brief names', () => {
		expect(cases.length).toBeGreaterThanOrEqual(25);
	});

	for (const name of cases) {
		it(`${name}: report matches expected.txt`, async () => {
			const dir = join(root, name);
			const result = await readInput(dir, silentReporter);
			// Named as the CLI names it, by the folder given (here the fixture's own name).
			const report = formatReport(result.issues, name);
			const expectedPath = join(dir, 'expected.txt');
			const changedPath = join(dir, 'expected-changed.txt');
			const expected = existsSync(expectedPath) ? readFileSync(expectedPath, 'utf8') : null;
			if (report !== expected) {
				writeFileSync(changedPath, report);
				expect.fail(`${name}: the report differs from expected.txt; see ${changedPath}\n${report}`);
			}
			if (existsSync(changedPath)) rmSync(changedPath);

			// Every issue says where and what, and the JSON form counts the same.
			expect(result.issues.length).toBeGreaterThan(0);
			for (const issue of result.issues) {
				expect(issue.file).not.toBe('');
				// Positions are whole numbers (0 = the whole file or line); the goldens check their values.
				expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
				expect(Number.isInteger(issue.column) && issue.column >= 0).toBe(true);
				expect(issue.message).toMatch(/forventede .+, fandt /);
			}
			const json = jsonReport(result.issues);
			expect(report.trimEnd().split('\n').at(-1)).toContain(`${json.errors} fejl`);
		});
	}
});
