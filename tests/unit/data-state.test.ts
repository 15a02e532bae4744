/**
 * What `npm start` says it serves (pipelines/data-state.ts): counts in the singular when there is
 * one, and the years as runs, so a year no file holds is not promised.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { describeData, yearRuns } from '../../pipelines/data-state.ts';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** An output folder holding only what describeData reads: the manifest's fields and the index's names. */
function output(years: number[], departments: number, names: string[]): string {
	const dir = mkdtempSync(join(tmpdir(), 'bb-state-'));
	dirs.push(dir);
	mkdirSync(join(dir, 'web'));
	writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ schema_version: '1', demo: false, years, rows: { afdelinger: departments } }));
	writeFileSync(join(dir, 'web', 'index.json'), JSON.stringify({ kommuner: names.map((navn) => ({ navn })) }));
	return dir;
}

describe('yearRuns', () => {
	it('writes consecutive years as one run and leaves a missing year out', () => {
		expect(yearRuns([2019, 2020, 2022, 2023, 2024])).toBe('2019-2020, 2022-2024');
		expect(yearRuns([2024, 2010, 2011, 2012])).toBe('2010-2012, 2024');
		expect(yearRuns([2018, 2020, 2022])).toBe('2018, 2020, 2022');
		expect(yearRuns([2024])).toBe('2024');
		expect(yearRuns([])).toBe('-');
	});
});

describe('describeData', () => {
	it('says "1 kommune", "1 afdeling" and "1 municipality", "1 department" for one', () => {
		const said = describeData(output([2024], 1, ['Horsens']));
		expect(said).toMatch(/^Viser dine egne data: 1 kommune \(Horsens\), 1 afdeling, år 2024, indlæst /);
		expect(said).toMatch(/\nShowing your own data: 1 municipality, 1 department, years 2024, ingested /);
	});
	it('uses the plural, da-DK thousands and the year runs for more', () => {
		const said = describeData(output([2019, 2020, 2022, 2023, 2024], 1234, ['Horsens', 'Vejle']));
		expect(said).toMatch(/^Viser dine egne data: 2 kommuner \(Horsens, Vejle\), 1\.234 afdelinger, år 2019-2020, 2022-2024, indlæst /);
		expect(said).toMatch(/\nShowing your own data: 2 municipalities, 1,234 departments, years 2019-2020, 2022-2024, ingested /);
	});
});
