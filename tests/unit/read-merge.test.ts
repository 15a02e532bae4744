/** Merging several noegletal*.csv files (pipelines/read/merge-key-figures.ts), through readInput. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentReporter, type InputIssue } from '../../pipelines/read/model.ts';
import { formatIssue } from '../../pipelines/read/issues.ts';
import { readInput } from '../../pipelines/read/read-input.ts';

const HEADER = 'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\n';
let dir = '';

function folder(files: Record<string, string>): string {
	dir = mkdtempSync(join(tmpdir(), 'read-merge-'));
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
	return dir;
}

/**
 * The issues but the warning about key figures none of these small files give
 * (pipelines/read/empty-indicators.ts), which every test here would get.
 */
function merging(issues: readonly InputIssue[]): InputIssue[] {
	return issues.filter((i) => i.code !== 'missing-key-figure-column');
}

afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = '';
});

describe('merging key-figure files', () => {
	it('sorts by afdeling_id in code-unit order, then year, whatever the input order', async () => {
		const ids = ['b', 'a2', 'a10', 'a'];
		const input = await readInput(
			folder({
				'afdelinger.csv': HEADER + ids.map((id) => `${id};N;1;O;0101\n`).join(''),
				'noegletal_1.csv': 'afdeling_id;aar;boliger\nb;2021;1\na2;2020;2\na10;2022;3\n',
				'noegletal_2.csv': 'afdeling_id;aar;boliger\na;2020;4\na10;2021;5\nb;2020;6\n'
			}),
			silentReporter
		);
		expect(merging(input.issues)).toEqual([]);
		const t = input.keyFigures;
		expect(t.afdeling_id).toEqual(['a', 'a10', 'a10', 'a2', 'b', 'b']);
		expect([...t.aar]).toEqual([2020, 2021, 2022, 2020, 2020, 2021]);
		expect([...t.values.boliger]).toEqual([4, 5, 3, 2, 6, 1]);
		expect(t.values.ledige_boliger.every(Number.isNaN)).toBe(true);
	});

	it('takes a column from the one file that has it, sorted or not, beside a column from two files', async () => {
		// noegletal_a is sorted as the merge sorts and has every (department, year) once: its column
		// is taken as it is; noegletal_b is not sorted; noegletal_c and _d split a column by year.
		const input = await readInput(
			folder({
				'afdelinger.csv': HEADER + 'a;N;1;O;0101\nb;N;1;O;0101\n',
				'noegletal_a.csv': 'afdeling_id;aar;boliger\na;2020;10\na;2021;11\nb;2020;\nb;2021;13\n',
				'noegletal_b.csv': 'afdeling_id;aar;beboere_18_64\nb;2021;24\na;2021;22\nb;2020;23\na;2020;21\n',
				'noegletal_c.csv': 'afdeling_id;aar;fraflytninger\na;2020;1\nb;2020;3\n',
				'noegletal_d.csv': 'afdeling_id;aar;fraflytninger\nb;2021;4\na;2021;2\n'
			}),
			silentReporter
		);
		expect(merging(input.issues)).toEqual([]);
		const t = input.keyFigures;
		expect(t.afdeling_id).toEqual(['a', 'a', 'b', 'b']);
		expect([...t.aar]).toEqual([2020, 2021, 2020, 2021]);
		expect([...t.values.boliger]).toEqual([10, 11, NaN, 13]);
		expect([...t.values.beboere_18_64]).toEqual([21, 22, 23, 24]);
		expect([...t.values.fraflytninger]).toEqual([1, 2, 3, 4]);
	});

	it('sorts a department with many rows (the packed-key path) by year', async () => {
		const years = Array.from({ length: 40 }, (_, i) => 2060 - i);
		const input = await readInput(
			folder({
				'afdelinger.csv': HEADER + 'x;N;1;O;0101\n',
				'noegletal.csv': 'afdeling_id;aar;boliger\n' + years.map((y) => `x;${y};${y - 2000}\n`).join('')
			}),
			silentReporter
		);
		expect([...input.keyFigures.aar]).toEqual([...years].reverse());
		expect(input.keyFigures.values.boliger[0]).toBe(21);
		expect(input.keyFigures.values.boliger[39]).toBe(60);
	});

	it('checks a numerator against a denominator from another file, naming both places', async () => {
		const input = await readInput(
			folder({
				'afdelinger.csv': HEADER + 'x;N;1;O;0101\n',
				'noegletal_a.csv': 'afdeling_id;aar;ledige_boliger\nx;2024;12\n',
				'noegletal_b.csv': 'afdeling_id;aar;boliger\nx;2023;20\nx;2024;10\n'
			}),
			silentReporter
		);
		expect(merging(input.issues).map(formatIssue)).toEqual([
			'noegletal_a.csv:2:3: Afdeling "x" har flere ledige boliger end boliger i 2024: forventede højst 10 i kolonnen "ledige_boliger" (tallet i "boliger" ("boliger" står i noegletal_b.csv linje 3)), fandt 12.'
		]);
	});

	it('keeps the first of two different values and names both places; the same value twice is silent', async () => {
		const input = await readInput(
			folder({
				'afdelinger.csv': HEADER + 'x;N;1;O;0101\n',
				'noegletal_a.csv': 'afdeling_id;aar;boliger;areal_m2\nx;2024;10;800\n',
				'noegletal_b.csv': 'afdeling_id;aar;areal_m2;boliger\nx;2024;800,0;11\n'
			}),
			silentReporter
		);
		expect(input.keyFigures.values.boliger[0]).toBe(10);
		expect(input.keyFigures.values.areal_m2[0]).toBe(800);
		const issues = merging(input.issues);
		expect(issues).toHaveLength(1);
		expect(issues[0]).toMatchObject({ code: 'conflicting-values', file: 'noegletal_b.csv', line: 2, column: 4 });
		expect(issues[0]!.message).toContain('fandt 10 i noegletal_a.csv linje 2 og 11 i noegletal_b.csv linje 2');
	});
});
