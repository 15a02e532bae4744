/**
 * The dashboard's files: web/index.json (with each municipality's rows in the Parquet files),
 * the overview JSON with figures worked out by hand, and the Parquet rows as the dashboard's own
 * reader (src/lib/db/parquet-rows.ts, hyparquet) decodes them from the ranges the index gives.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { asyncBufferFromFile } from 'hyparquet';
import type { Table } from 'apache-arrow';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipelines/build/build.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import {
	TABLE_FILES,
	WEB_FILES,
	type RowRange,
	type WebIndex,
	type WebNational,
	type WebOverview
} from '../../src/lib/core/output-contract.ts';
import { ARROW_TYPES, columnsOf, type TableName } from '../../src/lib/core/output-schema.ts';
import { parquetFile, readParquetRows } from '../../src/lib/db/parquet-rows.ts';
import { HOSTILE_NAME, smallInput } from './small-input.ts';

let dir: string;
let db: DuckDBConnection;
const out = () => join(dir, 'out');
const json = <T>(file: string): T => JSON.parse(readFileSync(join(out(), file), 'utf8')) as T;
const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);
const index = () => json<WebIndex>(WEB_FILES.index);
/** The rows the dashboard loads for a municipality, through its own decoder. */
const decoded = async (table: TableName, kode: string, ranges?: RowRange[]) =>
	readParquetRows(
		parquetFile(await asyncBufferFromFile(join(out(), TABLE_FILES[table].parquet))),
		table,
		ranges ?? index().raekker[kode]![table]
	);
const units = (rows: Record<string, unknown>[]) => [...new Set(rows.map((r) => `${r.niveau}:${r.enhed_id}`))].sort();

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-web-'));
	await build(smallInput, out(), silentReporter);
	db = await (await DuckDBInstance.create()).connect();
});

afterAll(() => {
	db?.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

describe('web/index.json', () => {
	it('lists the municipalities with counts and opens on the largest', () => {
		expect(index().default_kommune).toBe('0101'); // three departments against one
		expect(index().kommuner).toEqual([
			{ kode: '0101', navn: 'København', afdelinger: 3, omraader: 2, organisationer: 2 },
			{ kode: '0147', navn: 'Frederiksberg', afdelinger: 1, omraader: 0, organisationer: 1 }
		]);
		expect(index().years).toEqual([2023, 2024]);
		expect(index().geo).toEqual({ kommuner: false, omraader: true });
		expect(index().demo).toBe(true);
	});

	it("gives each Parquet file's size", () => {
		for (const table of ['afdelinger', 'noegletal', 'aggregater'] as const) {
			expect(index().parquet_bytes[table]).toBe(readFileSync(join(out(), TABLE_FILES[table].parquet)).byteLength);
		}
	});
});

describe('the Parquet rows of a municipality, decoded by the dashboard', () => {
	it('are exactly the Parquet rows of its departments, in the same order', async () => {
		const parquet = (
			await db.runAndReadAll(`SELECT * FROM read_parquet('${join(out(), 'noegletal.parquet')}')
			WHERE afdeling_id IN ('A1', 'A2', 'A3') ORDER BY afdeling_id, aar, indikator`)
		).getRowObjectsJS();
		expect(parquet.length).toBeGreaterThan(0);
		expect(rowsOf(await decoded('noegletal', '0101'))).toEqual(parquet);
		const other = rowsOf(await decoded('noegletal', '0147'));
		expect(other.length).toBeGreaterThan(0);
		expect(other.every((r) => r.afdeling_id === 'A4')).toBe(true);
	});

	it("come as an Arrow table with the schema's columns and types", async () => {
		for (const table of ['afdelinger', 'noegletal', 'aggregater'] as const) {
			const fields = (await decoded(table, '0101')).schema.fields;
			expect(fields.map((f) => `${f.name}:${f.type}`)).toEqual(columnsOf(table).map((c) => `${c.name}:${ARROW_TYPES[c.type]}`));
		}
	});

	it('aggregates: its areas, the organisations with departments in it, itself and DK', async () => {
		// Whole row groups: a group may hold other municipalities' units too, never fewer.
		const of = async (kode: string) => units(rowsOf(await decoded('aggregater', kode)));
		expect(await of('0101')).toEqual(
			expect.arrayContaining(['boligorganisation:B1', 'boligorganisation:B2', 'kommune:0101', 'land:DK', 'omraade:O1', 'omraade:O2'])
		);
		// B2 is national (A3 in 0101, A4 in 0147): 0147 reads the row group it lives in.
		expect(await of('0147')).toEqual(expect.arrayContaining(['boligorganisation:B2', 'kommune:0147', 'land:DK']));
		const b2 = rowsOf(await decoded('aggregater', '0147')).find((r) => r.enhed_id === 'B2' && r.indikator === 'ledighed' && r.aar === 2023);
		expect(b2?.vaerdi).toBeCloseTo(16, 9); // (0 + 4) / (50 + 200) * 1000
	});

	it('keep names byte for byte', async () => {
		const departments = rowsOf(await decoded('afdelinger', '0101'));
		expect(departments.map((d) => d.afdeling_id)).toEqual(['A1', 'A2', 'A3']);
		expect(departments[0]!.afdeling_navn).toBe(HOSTILE_NAME);
		expect(departments[0]!.omraade_navn).toBe('Øster Gård');
	});

	it('refuse a range outside the file, and a file without a schema column', async () => {
		const total = index().raekker['0147']!.afdelinger.at(-1)![1];
		await expect(decoded('afdelinger', '0147', [[0, total + 1]])).rejects.toThrow(/outside/);
		// noegletal.parquet read as if it were afdelinger: it has no afdeling_navn.
		const wrong = parquetFile(await asyncBufferFromFile(join(out(), TABLE_FILES.noegletal.parquet)));
		await expect(readParquetRows(wrong, 'afdelinger', [[0, 1]])).rejects.toThrow(/afdeling_navn/);
	});
});

describe('overblik.json', () => {
	const view = () => json<WebOverview>(WEB_FILES.overview('0101'));

	it('has the municipality and the country over the years', () => {
		// Values are rounded to 4 decimals here (the Parquet files keep them whole).
		// 0101 2023: (3 + 1 + 0) / 450 * 1000 = 8.88888… ‰; 2024: A2 alone 6 / 300 * 1000 = 20 ‰.
		const kommune = view().series.ledighed.kommune;
		expect(kommune.map((p) => p.aar)).toEqual([2023, 2024]);
		expect(kommune[0]!.vaerdi).toBe(8.8889);
		expect(kommune[1]!.vaerdi).toBe(20);
		// DK 2023: 8 / 650 * 1000 = 12.307692… ‰.
		expect(view().series.ledighed.land[0]!.vaerdi).toBe(12.3077);
		// Every indicator has a key, even one without values.
		expect(Object.keys(view().series).length).toBe(7);
	});

	it('has its areas with their values, and departments as points', () => {
		const areas = view().omraader;
		expect(areas.map((a) => [a.id, a.navn, a.afdelinger])).toEqual([
			['O1', 'Øster Gård', 2],
			['O2', 'O2', 1] // no name given anywhere: the id stands in
		]);
		expect(areas[0]!.values.ledighed.find((p) => p.aar === 2023)?.vaerdi).toBe(10);
		expect(view().afdelinger.map((d) => [d.id, d.lat, d.lon])).toEqual([
			['A1', 55.68, 12.55],
			['A2', 55.7, 12.5],
			['A3', null, null]
		]);
	});

	it('names the sum over the loaded departments honestly: two of 98 municipalities are not the country', () => {
		expect(view().land_navn).toBe('De indlæste kommuner (2 af 98)');
		expect(json<WebNational>(WEB_FILES.national).land_navn).toBe('De indlæste kommuner (2 af 98)');
	});

	it('carries the map classes’ basis: quintiles of the municipalities’ figures, never the loaded sum', () => {
		// Vacancy by municipality and year: 0101 2023 8,8889 ‰, 2024 20 ‰; 0147 2023 4 / 200 = 20 ‰.
		// Sorted 8.8889, 20, 20; quantile p at position p × 2: 0.4 → 8.8889 + 0.4 × 11.1111 = 13.3333,
		// 0.8 → 17.7778, 1.2 and 1.6 → 20.
		const expected = { kvintiler: [13.3333, 17.7778, 20, 20], kommuner: 2, i_alt: 98, fra: 2023, til: 2024 };
		expect(view().klassegrundlag?.ledighed).toEqual(expected);
		// The same in every file: the other municipality's and the national page's.
		expect(json<WebOverview>(WEB_FILES.overview('0147')).klassegrundlag?.ledighed).toEqual(expected);
		expect(json<WebNational>(WEB_FILES.national).klassegrundlag?.ledighed).toEqual(expected);
	});

	it('has a bounding box around its areas and departments', () => {
		// O1's square 12.54-12.56 E, 55.69-55.71 N; A1 at (12.55, 55.68), A2 at (12.5, 55.7).
		expect(view().bbox).toEqual([12.5, 55.68, 12.56, 55.71]);
	});
});
