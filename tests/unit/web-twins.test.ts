/**
 * The dashboard's web twins (web/): per-municipality Arrow IPC files holding the same rows as the
 * Parquet files, the overview JSON with figures worked out by hand, and the index.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { tableFromIPC, type Table } from 'apache-arrow';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipelines/build/build.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { WEB_FILES, type WebIndex, type WebOverview } from '../../src/lib/core/output-contract.ts';
import { HOSTILE_NAME, smallInput } from './small-input.ts';

let dir: string;
let db: DuckDBConnection;
const out = () => join(dir, 'out');
const arrow = (file: string): Table => tableFromIPC(readFileSync(join(out(), file)));
const json = <T>(file: string): T => JSON.parse(readFileSync(join(out(), file), 'utf8')) as T;
const rowsOf = (t: Table) => t.toArray().map((r) => r.toJSON() as Record<string, unknown>);

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
		const index = json<WebIndex>(WEB_FILES.index);
		expect(index.default_kommune).toBe('0101'); // three departments against one
		expect(index.kommuner).toEqual([
			{ kode: '0101', navn: 'København', afdelinger: 3, omraader: 2, organisationer: 2 },
			{ kode: '0147', navn: 'Frederiksberg', afdelinger: 1, omraader: 0, organisationer: 1 }
		]);
		expect(index.years).toEqual([2023, 2024]);
		expect(index.geo).toEqual({ kommuner: false, omraader: true });
		expect(index.demo).toBe(true);
	});
});

describe('Arrow twins', () => {
	it('hold exactly the Parquet rows of the municipality, in the same order', async () => {
		const parquet = (
			await db.runAndReadAll(`SELECT * FROM read_parquet('${join(out(), 'noegletal.parquet')}')
			WHERE afdeling_id IN ('A1', 'A2', 'A3')`)
		).getRowObjectsJS();
		const web = rowsOf(arrow(WEB_FILES.keyFigures('0101')));
		expect(web).toEqual(parquet);
		expect(rowsOf(arrow(WEB_FILES.keyFigures('0147'))).every((r) => r.afdeling_id === 'A4')).toBe(true);
	});

	it('use plain types DuckDB-WASM reads: Utf8, Int16 years, Float64 values, Bool flags', () => {
		const types = Object.fromEntries(arrow(WEB_FILES.keyFigures('0101')).schema.fields.map((f) => [f.name, String(f.type)]));
		expect(types).toEqual({
			afdeling_id: 'Utf8',
			aar: 'Int16',
			indikator: 'Utf8',
			vaerdi: 'Float64',
			diskretioneret: 'Bool',
			taeller: 'Float64',
			naevner: 'Float64'
		});
		const aggregateTypes = arrow(WEB_FILES.aggregates('0101')).schema.fields.map((f) => `${f.name}:${f.type}`);
		expect(aggregateTypes).toEqual([
			'niveau:Utf8',
			'enhed_id:Utf8',
			'aar:Int16',
			'indikator:Utf8',
			'vaerdi:Float64',
			'antal_afdelinger:Int32',
			'diskretioneret:Bool'
		]);
	});

	it('aggregates: its areas, the organisations with departments in it, itself and DK', () => {
		const units = (kode: string) => [...new Set(rowsOf(arrow(WEB_FILES.aggregates(kode))).map((r) => `${r.niveau}:${r.enhed_id}`))].sort();
		expect(units('0101')).toEqual(['boligorganisation:B1', 'boligorganisation:B2', 'kommune:0101', 'land:DK', 'omraade:O1', 'omraade:O2']);
		// B2 is national: its figure in 0147's file covers A3 in 0101 too.
		expect(units('0147')).toEqual(['boligorganisation:B2', 'kommune:0147', 'land:DK']);
		const b2 = rowsOf(arrow(WEB_FILES.aggregates('0147'))).find((r) => r.enhed_id === 'B2' && r.indikator === 'ledighed' && r.aar === 2023);
		expect(b2?.vaerdi).toBeCloseTo(16, 9); // (0 + 4) / (50 + 200) * 1000
	});

	it('keep names byte for byte', () => {
		const departments = rowsOf(arrow(WEB_FILES.departments('0101')));
		expect(departments.map((d) => d.afdeling_id)).toEqual(['A1', 'A2', 'A3']);
		expect(departments[0]!.afdeling_navn).toBe(HOSTILE_NAME);
		expect(departments[0]!.omraade_navn).toBe('Øster Gård');
	});
});

describe('overblik.json', () => {
	const view = () => json<WebOverview>(WEB_FILES.overview('0101'));

	it('has the municipality and the country over the years', () => {
		// Values are rounded to 4 decimals here (the Arrow files keep them whole).
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

	it('has a bounding box around its areas and departments', () => {
		// O1's square 12.54-12.56 E, 55.69-55.71 N; A1 at (12.55, 55.68), A2 at (12.5, 55.7).
		expect(view().bbox).toEqual([12.5, 55.68, 12.56, 55.71]);
	});
});
