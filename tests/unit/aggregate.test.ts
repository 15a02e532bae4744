/**
 * Aggregation in the build step, checked against figures worked out by hand (in the comments).
 * The build runs on a tiny hand-made ParsedInput; the Parquet files are read back with DuckDB.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipelines/build/build.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import type { AggregateRow, KeyFigureRow, Manifest } from '../../src/lib/core/output-contract.ts';
import { smallInput as input } from './small-input.ts';

let dir: string;
let db: DuckDBConnection;
let manifest: Manifest;
let keyFigures: KeyFigureRow[];
let aggregates: AggregateRow[];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-aggregate-'));
	manifest = await build(input, join(dir, 'out'), silentReporter);
	db = await (await DuckDBInstance.create()).connect();
	const read = async (file: string) =>
		(await db.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'out', file)}')`)).getRowObjectsJS() as unknown[];
	keyFigures = (await read('noegletal.parquet')) as KeyFigureRow[];
	aggregates = (await read('aggregater.parquet')) as AggregateRow[];
});

afterAll(() => {
	db?.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

const agg = (niveau: string, enhed_id: string, indikator: string, aar = 2023) =>
	aggregates.find((a) => a.niveau === niveau && a.enhed_id === enhed_id && a.indikator === indikator && a.aar === aar);
const kf = (afdeling_id: string, indikator: string, aar = 2023) =>
	keyFigures.find((k) => k.afdeling_id === afdeling_id && k.indikator === indikator && k.aar === aar);

describe('aggregates: sum of numerators over sum of denominators', () => {
	it('vacancy of an area is not the mean of its departments', () => {
		// A1 3/100 = 30 ‰, A2 1/300 = 3.33 ‰; the mean would be 16.67 ‰.
		// O1 = (3 + 1) / (100 + 300) * 1000 = 10 ‰.
		expect(agg('omraade', 'O1', 'ledighed')?.vaerdi).toBeCloseTo(10, 9);
		expect(agg('omraade', 'O1', 'ledighed')?.antal_afdelinger).toBe(2);
		// B2 spans two municipalities: (0 + 4) / (50 + 200) * 1000 = 16 ‰.
		expect(agg('boligorganisation', 'B2', 'ledighed')?.vaerdi).toBeCloseTo(16, 9);
		// 0101 = (3 + 1 + 0) / 450 * 1000 = 8.888... ‰; DK = 8 / 650 * 1000 = 12.3077 ‰.
		expect(agg('kommune', '0101', 'ledighed')?.vaerdi).toBeCloseTo(80 / 9, 9);
		expect(agg('land', 'DK', 'ledighed')?.vaerdi).toBeCloseTo(8000 / 650, 9);
		expect(agg('land', 'DK', 'ledighed')?.antal_afdelinger).toBe(4);
	});

	it('a rate of 0 is a value, not a missing one', () => {
		// O2 = A3 alone: 0 / 50.
		expect(agg('omraade', 'O2', 'ledighed')?.vaerdi).toBe(0);
		expect(kf('A2', 'lejetab')?.vaerdi).toBe(0);
	});

	it('weighted means are weighted by their weight', () => {
		// Rent O1 = (900 * 7000 + 1000 * 21000) / (7000 + 21000) = 27,300,000 / 28,000 = 975 kr./m²
		// (the unweighted mean would be 950).
		expect(agg('omraade', 'O1', 'husleje')?.vaerdi).toBeCloseTo(975, 9);
		// DK: A4 has no floor area, so it is left out: (6.3M + 21M + 800 * 3500) / 31,500 = 955.56.
		expect(agg('land', 'DK', 'husleje')?.vaerdi).toBeCloseTo(30_100_000 / 31_500, 9);
		expect(agg('land', 'DK', 'husleje')?.antal_afdelinger).toBe(3);
		// 0147 has no department with both: no row at all.
		expect(agg('kommune', '0147', 'husleje')).toBeUndefined();
		// Maintenance state by dwellings: O1 = (4 * 100 + 2 * 300) / 400 = 2.5;
		// DK = (400 + 600 + 150 + 1000) / 650 = 3.3077.
		expect(agg('omraade', 'O1', 'vedligeholdelsesstand')?.vaerdi).toBeCloseTo(2.5, 9);
		expect(agg('land', 'DK', 'vedligeholdelsesstand')?.vaerdi).toBeCloseTo(2150 / 650, 9);
	});

	it('the other ratios use their own numerator, denominator and scale', () => {
		// Turnover O1 = (10 + 30) / 400 * 100 = 10 %; provisions O1 = 2,800,000 / 28,000 = 100 kr./m²;
		// loss O1 = (14,000 + 0) / 28,000 = 0.5 kr./m²; outside the labour market O1 =
		// (50 + 100) / (200 + 500) * 100 = 21.43 %.
		expect(agg('omraade', 'O1', 'fraflytning')?.vaerdi).toBeCloseTo(10, 9);
		expect(agg('omraade', 'O1', 'henlaeggelser')?.vaerdi).toBeCloseTo(100, 9);
		expect(agg('omraade', 'O1', 'lejetab')?.vaerdi).toBeCloseTo(0.5, 9);
		expect(agg('omraade', 'O1', 'uden_for_arbejdsmarked')?.vaerdi).toBeCloseTo(15000 / 700, 9);
	});

	it('a year with a missing denominator leaves the department out of that year only', () => {
		// 2024: A1 gives vacant dwellings but no dwellings; O1 2024 = A2 alone: 6 / 300 * 1000 = 20 ‰.
		expect(agg('omraade', 'O1', 'ledighed', 2024)?.vaerdi).toBeCloseTo(20, 9);
		expect(agg('omraade', 'O1', 'ledighed', 2024)?.antal_afdelinger).toBe(1);
		expect(kf('A1', 'ledighed', 2024)).toMatchObject({ vaerdi: null, taeller: 2, naevner: null, diskretioneret: false });
		// Turnover has neither numerator nor denominator for A1 in 2024: no row.
		expect(kf('A1', 'fraflytning', 2024)).toBeUndefined();
	});
});

describe('department rows', () => {
	it('are written when the numerator or the denominator is given', () => {
		// 2023: A1, A2, A3 all seven; A4 five (no provisions, no loss: neither part given).
		// 2024: A1 vacancy only (numerator); A2 vacancy, turnover and maintenance (dwellings given).
		expect(keyFigures.length).toBe(7 * 3 + 5 + 1 + 3);
	});

	it('carry numerator and denominator; for weighted means value * weight and the weight', () => {
		expect(kf('A1', 'ledighed')).toMatchObject({ vaerdi: 30, taeller: 3, naevner: 100, diskretioneret: false });
		expect(kf('A1', 'husleje')).toMatchObject({ vaerdi: 900, taeller: 6_300_000, naevner: 7000 });
		// A4's rent without floor area: its own value shows, nothing to sum.
		expect(kf('A4', 'husleje')).toMatchObject({ vaerdi: 1200, taeller: null, naevner: null });
	});

	it('never publish numerator or denominator of a person-based figure', () => {
		const rows = keyFigures.filter((k) => k.indikator === 'uden_for_arbejdsmarked');
		expect(rows.length).toBe(4);
		for (const row of rows) expect(row).toMatchObject({ taeller: null, naevner: null, diskretioneret: false });
		expect(kf('A1', 'uden_for_arbejdsmarked')?.vaerdi).toBeCloseTo(25, 9); // 50 / 200
	});

	it('are sorted by municipality, afdeling_id, aar, indikator; aggregates by home, niveau, enhed_id, indikator, aar', () => {
		// A1-A3 lie in 0101, A4 in 0147: the municipality order is the id order here.
		const key = (k: KeyFigureRow) => `${k.afdeling_id}|${k.aar}|${k.indikator}`;
		expect(keyFigures.map(key)).toEqual(keyFigures.map(key).sort());
		// Homes: the country first; then 0101, home of every area and organisation (B2 has one
		// department in each municipality: the lower code wins); then 0147, itself alone.
		const home = (a: AggregateRow) => (a.niveau === 'land' ? '0000' : a.niveau === 'kommune' ? a.enhed_id : '0101');
		const akey = (a: AggregateRow) => `${home(a)}|${a.niveau}|${a.enhed_id}|${a.indikator}|${a.aar}`;
		expect(aggregates.map(akey)).toEqual(aggregates.map(akey).sort());
		expect(aggregates[0]!.niveau).toBe('land');
		expect(aggregates.at(-1)!.enhed_id).toBe('0147');
	});
});

describe('manifest', () => {
	it('counts rows and lists years and the indicators with values', () => {
		expect(manifest.rows.afdelinger).toBe(4);
		expect(manifest.rows.noegletal).toBe(keyFigures.length);
		expect(manifest.rows.aggregater).toBe(aggregates.length);
		expect(manifest.years).toEqual([2023, 2024]);
		expect(manifest.indicators).toEqual([
			'ledighed',
			'fraflytning',
			'uden_for_arbejdsmarked',
			'vedligeholdelsesstand',
			'henlaeggelser',
			'husleje',
			'lejetab'
		]);
		expect(manifest.demo).toBe(true);
	});
});
