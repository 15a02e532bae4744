/**
 * What a detail page draws before DuckDB-WASM is ready (src/lib/db/queries/parquet-trend.ts): the trend
 * rows read straight from the Parquet files of the hand-made fixture tests/fixtures/output-mini.
 * Every expected figure is worked out by hand from tests/fixtures/make-output-mini.ts (the same
 * sums as db-queries.test.ts's queryTrend); then, row for row, the rows the database path gives.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { WEB_FILES, type WebIndex } from '../../src/lib/core/output-contract.ts';
import type { ParquetFile } from '../../src/lib/db/parquet-rows.ts';
import { readParquetTrend } from '../../src/lib/db/queries/parquet-trend.ts';
import { parquetUnitLookup } from '../../src/lib/db/queries/parquet-units.ts';
import { findMunicipality } from '../../src/lib/data/find-municipality.ts';
import { queryTrend } from '../../src/lib/db/queries/trend.ts';
import type { TableName } from '../../src/lib/db/schema.ts';
import type { UnitKind } from '../../src/lib/data/unit-kind.ts';
import { OUTPUT_MINI, outputMiniDb } from '../support/output-mini.ts';
import { openParquetFiles } from '../support/parquet-files.ts';
import { bySeries } from '../support/trend-by-series.ts';

const index = JSON.parse(readFileSync(join(OUTPUT_MINI, WEB_FILES.index), 'utf8')) as WebIndex;
let files: Record<TableName, ParquetFile>;

const db = outputMiniDb();

beforeAll(async () => {
	files = await openParquetFiles(OUTPUT_MINI);
});

const early = (kind: UnitKind, id: string) => readParquetTrend(files, index, { kind, id, kode: '0751', codes: ['0751'] });

describe('trend rows without the database', () => {
	it('gives a department its own figures, its area, organisation, municipality and the country', async () => {
		const { trend } = await early('afdeling', '0001-001');
		expect(bySeries(trend, 'ledighed')).toEqual({
			afdeling: [10, 20, 0], // 1/100, 2/100, 0/100 in per mille
			omraade: [7.5, 7.5, 15], // (1+2+0)/400, (2+0+1)/400, (0+4+2)/400
			boligorganisation: [10, 6.667, 13.333], // 3/300, 2/300, 4/300
			kommune: [8, 10, 15.556], // 4/500, 5/500, 7/450 (A4 missing in 2024)
			land: [7, 6.8, 6.5]
		});
		expect(bySeries(trend, 'husleje').omraade).toEqual([875, 875, 912.5]); // (900*8000+800*16000+1000*8000)/32000; 2024: 950, 850, 1000
	});

	it('keeps missing and suppressed apart, never 0', async () => {
		const { trend } = await early('afdeling', '0002-002');
		const at = (serie: string, indikator: string, aar: number) =>
			trend.find((r) => r.serie === serie && r.indikator === indikator && r.aar === aar);
		expect(at('afdeling', 'ledighed', 2024)).toMatchObject({ vaerdi: null, diskretioneret: false });
		expect(at('afdeling', 'uden_for_arbejdsmarked', 2024)).toMatchObject({ vaerdi: null, diskretioneret: true });
		expect(at('afdeling', 'uden_for_arbejdsmarked', 2022)?.vaerdi).toBeCloseTo(100 / 3, 6); // 2 of 6
		expect(at('omraade', 'uden_for_arbejdsmarked', 2024)).toMatchObject({ enhed_id: 'O2', vaerdi: null, diskretioneret: true });
	});

	it('gives an area and an organisation their own aggregate, the municipality and the country', async () => {
		const area = await early('omraade', 'O1');
		expect(bySeries(area.trend, 'uden_for_arbejdsmarked')).toEqual({
			omraade: [20, 22.5, 25], // 120/600, 135/600, 150/600
			kommune: [20.571, 22.523, 25.452], // 137/666, 150/666, 169/664
			land: [20, 19.5, 19]
		});
		const org = await early('boligorganisation', 'B1');
		expect(bySeries(org.trend, 'uden_for_arbejdsmarked').boligorganisation).toEqual([20, 22, 24.667]); // 90/450, 99/450, 111/450
		expect(new Set(org.trend.map((r) => r.serie))).toEqual(new Set(['boligorganisation', 'kommune', 'land']));
	});

	it('gives the housing types of the unit’s departments, as the register query does', async () => {
		const register = await db.run(
			`SELECT boligtype FROM afdelinger WHERE boligorganisation_id = 'B2' ORDER BY afdeling_navn, afdeling_id`,
			[]
		);
		const { boligtyper } = await early('boligorganisation', 'B2');
		expect(boligtyper).toHaveLength(3); // A3, A4, A5
		expect([...boligtyper].sort()).toEqual(register.map((r) => r.boligtype).sort());
	});

	it('returns nothing for an unknown unit, and takes an id as data', async () => {
		expect((await early('afdeling', 'nope')).trend).toEqual([]);
		const area = await early('omraade', "O1' OR 1=1 --");
		expect(area.trend.filter((r) => r.serie === 'omraade')).toEqual([]);
	});

	it('is row for row what the database gives, in the same order', async () => {
		const units: [UnitKind, string][] = [
			['afdeling', '0001-001'],
			['afdeling', '0002-002'],
			['omraade', 'O1'],
			['omraade', 'O2'],
			['boligorganisation', 'B1'],
			['boligorganisation', 'B2']
		];
		for (const [kind, id] of units) {
			const fromDb = await queryTrend(db.run, kind, id, '0751');
			expect(fromDb.length).toBeGreaterThan(0);
			expect((await early(kind, id)).trend, `${kind} ${id}`).toEqual(fromDb);
		}
	});
});

// The fixture's register (README.md): one municipality, 0751, five departments in areas O1 and O2
// and none; organisations B1 and B2; 0002-002's name is markup, and must come back as the text it is.
describe('the unit and its municipality from afdelinger.parquet, without overblik.json', () => {
	it('knows which municipality holds a department or an area, and that no other one does', async () => {
		const lookup = parquetUnitLookup(files, index);
		expect(await lookup.holds('0751', 'afdeling', '0002-003')).toBe(true);
		expect(await lookup.holds('0751', 'omraade', 'O2')).toBe(true);
		expect(await lookup.holds('0751', 'afdeling', 'O2')).toBe(false);
		expect(await lookup.holds('0751', 'omraade', "O1' OR 1=1 --")).toBe(false);
		// A municipality the index gives no rows for holds nothing.
		expect(await lookup.holds('0101', 'afdeling', '0001-001')).toBe(false);
		expect(await lookup.holders('afdeling', '0001-002')).toEqual(new Set(['0751']));
		expect(await lookup.holders('omraade', 'nope')).toEqual(new Set());
	});

	it('finds the municipality from a right, a wrong or no ?kommune=, and none for an unknown unit', async () => {
		const lookup = parquetUnitLookup(files, index);
		expect(await findMunicipality(index, 'afdeling', '0002-002', '0751', lookup)).toBe('0751');
		expect(await findMunicipality(index, 'omraade', 'O1', null, lookup)).toBe('0751');
		expect(await findMunicipality(index, 'afdeling', '0002-002', '0101', lookup)).toBe('0751');
		expect(await findMunicipality(index, 'afdeling', 'nope', '0751', lookup)).toBeNull();
	});

	it('names the units of the departments read, as the register names them', async () => {
		const { names } = await early('afdeling', '0002-002');
		expect(names.afdelinger.get('0002-002')).toBe('<img src=x onerror=alert(1)>');
		expect(names.afdelinger.get('0001-001')).toBe('Vestparken 1');
		expect(names.afdelinger.size).toBe(5);
		expect([...names.omraader]).toEqual([
			['O1', 'Vestparken'],
			['O2', 'Søhøjen']
		]);
		expect(names.organisationer.get('B1')).toBe('Boligforeningen Fælleshjem');
		expect(names.organisationer.get('B2')).toBe('Andelsbo');
	});
});
