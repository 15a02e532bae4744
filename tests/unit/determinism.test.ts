/**
 * Same input, same bytes: the build runs twice on a seeded synthetic input big enough for
 * DuckDB to use several threads and row groups, and every file must hash the same. Also checks
 * the promised sort orders on that scale (they rest on DuckDB keeping insertion order).
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { randomLcg } from 'd3-random';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipelines/build/build.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { fileHashes } from '../support/file-tree.ts';
import { WEB_FILES, type WebIndex } from '../../src/lib/core/output-contract.ts';
import { parsedInput, type DepartmentSpec, type RowSpec } from './parsed-input.ts';

function syntheticInput() {
	// d3-random's seeded generator, as the demo generator uses: the same input on every run.
	const rnd = randomLcg(42);
	const departments: DepartmentSpec[] = [];
	const rows: RowSpec[] = [];
	const kommuner = ['0101', '0147', '0461', '0751'];
	for (let i = 0; i < 8000; i++) {
		// Ids whose order differs between UTF-16 (JavaScript) and UTF-8 (DuckDB): an emoji sorts
		// before a fullwidth letter in one and after it in the other.
		const prefix = i % 50 === 0 ? '🏠' : i % 50 === 1 ? 'Ｚ' : i % 50 === 2 ? 'Æ' : '';
		const id = `${prefix}${String(1000 + (i % 300)).padStart(4, '0')}-${String(Math.floor(i / 300)).padStart(3, '0')}`;
		const kommune = kommuner[i % kommuner.length]!;
		departments.push({
			afdeling_id: id,
			kommune_kode: kommune,
			boligorganisation_id: `B${i % 37}`,
			omraade_id: i % 5 === 0 ? null : `${kommune}-O${Math.floor(i / 7) % 40}`,
			lat: 55 + rnd(),
			lon: 10 + rnd()
		});
		const boliger = 5 + Math.floor(rnd() * 300);
		for (let aar = 2010; aar < 2026; aar++) {
			const beboere = Math.floor(boliger * (0.8 + rnd()));
			rows.push({
				afdeling_id: id,
				aar,
				boliger,
				ledige_boliger: Math.floor(rnd() * 4),
				fraflytninger: Math.floor(rnd() * boliger * 0.2),
				beboere_18_64: beboere,
				// full-time persons: fractions that do not add up exactly in floating point
				uden_for_arbejdsmarked_18_64: Math.round(rnd() * beboere * 0.4 * 10) / 10,
				vedligeholdelsesstand: 1 + Math.floor(rnd() * 5),
				areal_m2: boliger * 75.3,
				husleje_kr_m2: Math.round((700 + rnd() * 500) * 100) / 100,
				lejetab_kr: Math.round(rnd() * 10000 * 100) / 100,
				henlaeggelser_kr: Math.round(rnd() * boliger * 8000)
			});
		}
	}
	return parsedInput({ departments, rows });
}

let dir: string;
beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-determinism-'));
	const input = syntheticInput();
	await build(input, join(dir, 'a'), silentReporter);
	await build(input, join(dir, 'b'), silentReporter);
}, 600_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the build', () => {
	it('writes the same bytes twice', () => {
		const a = fileHashes(join(dir, 'a'));
		const b = fileHashes(join(dir, 'b'));
		expect(Object.keys(a).length).toBeGreaterThan(10);
		expect(b).toEqual(a);
	});

	it('writes the Parquet files in the promised order, a municipality per row group, as the index says', async () => {
		const db = await (await DuckDBInstance.create()).connect();
		const file = (name: string) => `'${join(dir, 'a', name)}'`;
		const rowsOf = async <T>(sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS() as T[];
		// Each file's rows with their position and their municipality (a key figure's: its department's).
		const numbered = {
			afdelinger: `SELECT *, file_row_number AS r, kommune_kode AS kode FROM read_parquet(${file('afdelinger.parquet')}, file_row_number = true)`,
			noegletal: `SELECT k.*, k.file_row_number AS r, a.kommune_kode AS kode FROM read_parquet(${file('noegletal.parquet')}, file_row_number = true) k
				JOIN read_parquet(${file('afdelinger.parquet')}) a USING (afdeling_id)`
		};
		const unsorted = async (source: string, key: string) =>
			(
				await rowsOf<{ bad: number; n: number }>(`SELECT count(*) FILTER (WHERE prev > k)::INTEGER AS bad, count(*)::INTEGER AS n FROM (
					SELECT (${key}) AS k, lag((${key})) OVER (ORDER BY r) AS prev FROM (${source}))`)
			)[0]!;
		const kf = await unsorted(numbered.noegletal, 'kode, afdeling_id, aar, indikator');
		expect(kf.n).toBeGreaterThan(800_000);
		expect(kf.bad).toBe(0);
		expect((await unsorted(numbered.afdelinger, 'kode, afdeling_id')).bad).toBe(0);

		// Row groups: several, and none holds two municipalities' rows.
		for (const table of ['afdelinger', 'noegletal'] as const) {
			const groups = await rowsOf<{ start: number; end: number }>(`SELECT
				(sum(row_group_num_rows) OVER (ORDER BY row_group_id) - row_group_num_rows)::INTEGER AS start,
				sum(row_group_num_rows) OVER (ORDER BY row_group_id)::INTEGER AS end
				FROM (SELECT DISTINCT row_group_id, row_group_num_rows FROM parquet_metadata(${file(`${table}.parquet`)}))`);
			if (table === 'noegletal') expect(groups.length).toBeGreaterThan(1);
			const mixed = await rowsOf<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (
				SELECT g.start FROM (${numbered[table]}) t JOIN (VALUES ${groups.map((g) => `(${g.start}, ${g.end})`).join(', ')}) g(start, "end")
				ON t.r >= g.start AND t.r < g."end" GROUP BY g.start HAVING count(DISTINCT t.kode) > 1)`);
			expect(mixed[0]!.n).toBe(0);

			// The index's ranges of each municipality hold exactly its rows.
			const index = JSON.parse(readFileSync(join(dir, 'a', WEB_FILES.index), 'utf8')) as WebIndex;
			const wrong = await rowsOf<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM (${numbered[table]}) t
				LEFT JOIN (VALUES ${Object.entries(index.raekker)
					.flatMap(([kode, ranges]) => ranges[table].map(([s, e]) => `('${kode}', ${s}, ${e})`))
					.join(', ')}) x(kode, s, e) ON t.r >= x.s AND t.r < x.e
				WHERE x.kode IS DISTINCT FROM t.kode`);
			expect(wrong[0]!.n).toBe(0);
		}
		db.closeSync();
	});
});
