/**
 * The dashboard's SQL (src/lib/db/queries) run with @duckdb/node-api over the hand-made fixture
 * tests/fixtures/output-mini, loaded through the same schema and copy SQL as in the browser.
 * Every expected figure is worked out by hand from the raw numbers in
 * tests/fixtures/make-output-mini.ts (see tests/fixtures/output-mini/README.md).
 */
import { describe, expect, it } from 'vitest';
import { OUTPUT_MINI, outputMiniDb } from '../support/output-mini.ts';
import { bySeries } from '../support/trend-by-series.ts';
import { queryTrend } from '../../src/lib/db/queries/trend.ts';
import { peersKey, queryPeers, queryPeersOf } from '../../src/lib/db/queries/peers.ts';
import { municipalityFigures } from '../../src/lib/db/queries/municipality-figures.ts';
import type { QueryRunner } from '../../src/lib/db/runner.ts';
import { queryDepartmentsOf, queryOrganisationAreas } from '../../src/lib/db/queries/units.ts';
import { queryDepartmentFigures } from '../../src/lib/db/queries/department-figures.ts';

const db = outputMiniDb();

describe('loading', () => {
	it('copies each table once, even when a municipality is loaded twice', async () => {
		await db.load(OUTPUT_MINI, '0751');
		const counts = await db.run(
			`SELECT (SELECT count(*) FROM afdelinger)::INTEGER a, (SELECT count(*) FROM noegletal)::INTEGER k,
			(SELECT count(*) FROM aggregater)::INTEGER g`,
			[]
		);
		// 5 departments; 5 x 3 years x 7 indicators = 105; (2 areas + 2 orgs + 1 municipality + DK) x 3 x 7 = 126
		expect(counts[0]).toEqual({ a: 5, k: 105, g: 126 });
	});

	it('keeps names byte for byte', async () => {
		const rows = await db.run('SELECT afdeling_navn FROM afdelinger WHERE afdeling_id = $1', ['0002-002']);
		expect(rows[0]?.afdeling_navn).toBe('<img src=x onerror=alert(1)>');
	});
});

describe('queryTrend', () => {
	it('gives a department its area, organisation, municipality and the country', async () => {
		const rows = await queryTrend(db.run, 'afdeling', '0001-001', '0751');
		expect(bySeries(rows, 'ledighed')).toEqual({
			afdeling: [10, 20, 0], // 1/100, 2/100, 0/100 in per mille
			omraade: [7.5, 7.5, 15], // (1+2+0)/400, (2+0+1)/400, (0+4+2)/400
			boligorganisation: [10, 6.667, 13.333], // 3/300, 2/300, 4/300
			kommune: [8, 10, 15.556], // 4/500, 5/500, 7/450 (A4 missing in 2024)
			land: [7, 6.8, 6.5]
		});
		expect(bySeries(rows, 'vedligeholdelsesstand').omraade).toEqual([2.75, 2.75, 3.5]); // (300+400+400)/400; (400+600+400)/400
		expect(bySeries(rows, 'husleje').omraade).toEqual([875, 875, 912.5]); // (900*8000+800*16000+1000*8000)/32000; 2024: 950, 850, 1000
		expect(bySeries(rows, 'henlaeggelser').kommune).toEqual([77.5, 77.5, 77.5]); // 3.1 mio. kr / 40,000 m²
		expect(bySeries(rows, 'lejetab').omraade).toEqual([0.75, 0.75, 1.5]); // 24,000/32,000; 24,000/32,000; 48,000/32,000
	});

	it('keeps missing and suppressed apart, and never turns them into 0', async () => {
		const rows = await queryTrend(db.run, 'afdeling', '0002-002', '0751');
		const at = (serie: string, indikator: string, aar: number) =>
			rows.find((r) => r.serie === serie && r.indikator === indikator && r.aar === aar);
		expect(at('afdeling', 'ledighed', 2024)).toMatchObject({ vaerdi: null, diskretioneret: false });
		expect(at('afdeling', 'uden_for_arbejdsmarked', 2024)).toMatchObject({ vaerdi: null, diskretioneret: true });
		expect(at('afdeling', 'uden_for_arbejdsmarked', 2022)?.vaerdi).toBeCloseTo(100 / 3, 6); // 2 of 6
		expect(at('omraade', 'uden_for_arbejdsmarked', 2024)).toMatchObject({ enhed_id: 'O2', vaerdi: null, diskretioneret: true });
		expect(at('omraade', 'ledighed', 2024)).toMatchObject({ vaerdi: null, diskretioneret: false });
		// A4 has no organisation-level surprise: B2 = A3 + A4 + A5, published
		expect(at('boligorganisation', 'uden_for_arbejdsmarked', 2024)?.vaerdi).toBeCloseTo((100 * 58) / 214, 6);
	});

	it('gives an area and an organisation the municipality and the country', async () => {
		const area = await queryTrend(db.run, 'omraade', 'O1', '0751');
		expect(bySeries(area, 'uden_for_arbejdsmarked')).toEqual({
			omraade: [20, 22.5, 25], // 120/600, 135/600, 150/600
			kommune: [20.571, 22.523, 25.452], // 137/666, 150/666, 169/664 (all five departments)
			land: [20, 19.5, 19]
		});
		const org = await queryTrend(db.run, 'boligorganisation', 'B1', '0751');
		expect(bySeries(org, 'uden_for_arbejdsmarked').boligorganisation).toEqual([20, 22, 24.667]); // 90/450, 99/450, 111/450
		expect(new Set(org.map((r) => r.serie))).toEqual(new Set(['boligorganisation', 'kommune', 'land']));
	});

	it('returns nothing for an unknown unit rather than failing', async () => {
		expect(await queryTrend(db.run, 'afdeling', 'nope', '0751')).toEqual([]);
		const area = await queryTrend(db.run, 'omraade', "O1' OR 1=1 --", '0751');
		expect(area.filter((r) => r.serie === 'omraade')).toEqual([]);
	});
});

describe('queryPeers', () => {
	it('lists every department of the municipality, highest first, missing last', async () => {
		const rows = await queryPeers(db.run, '0751', 'ledighed', 2023);
		// 2023: A1 2/100, A2 0/200, A3 1/100, A4 0/50, A5 2/50 per mille
		expect(rows.map((r) => [r.afdeling_id, r.vaerdi])).toEqual([
			['0002-003', 40],
			['0001-001', 20],
			['0002-001', 10],
			['0001-002', 0],
			['0002-002', 0]
		]);
		const y2024 = await queryPeers(db.run, '0751', 'ledighed', 2024);
		expect(y2024.at(-1)).toMatchObject({ afdeling_id: '0002-002', vaerdi: null, diskretioneret: false });
	});

	it('marks suppressed departments', async () => {
		const rows = await queryPeers(db.run, '0751', 'uden_for_arbejdsmarked', 2024);
		expect(rows.map((r) => [r.afdeling_id, r.vaerdi, r.diskretioneret])).toEqual([
			['0002-001', 26, false], // 39/150
			['0001-002', 25, false], // 75/300
			['0001-001', 24, false], // 36/150
			['0002-002', null, true],
			['0002-003', null, true]
		]);
	});

	it('gives an empty list for a year or municipality without data', async () => {
		const rows = await queryPeers(db.run, '0751', 'ledighed', 1999);
		expect(rows).toHaveLength(5);
		expect(rows.every((r) => r.vaerdi === null && !r.diskretioneret)).toBe(true);
		expect(await queryPeers(db.run, '0101', 'ledighed', 2024)).toEqual([]);
	});
});

describe('queryPeersOf', () => {
	it('gives every key figure and year the peers one query each would, in one query', async () => {
		const asked: string[] = [];
		const run: QueryRunner = (sql, params) => {
			asked.push(sql);
			return db.run(sql, params);
		};
		const found = await queryPeersOf(run, '0751', ['ledighed', 'uden_for_arbejdsmarked'], [2024, 2023, 1999]);
		expect(asked).toHaveLength(1);
		expect([...found.keys()]).toEqual([
			'ledighed:2024',
			'ledighed:2023',
			'ledighed:1999',
			'uden_for_arbejdsmarked:2024',
			'uden_for_arbejdsmarked:2023',
			'uden_for_arbejdsmarked:1999'
		]);
		// As in queryPeers' tests above, worked out by hand.
		expect(found.get(peersKey('ledighed', 2023))!.map((r) => [r.afdeling_id, r.vaerdi])).toEqual([
			['0002-003', 40],
			['0001-001', 20],
			['0002-001', 10],
			['0001-002', 0],
			['0002-002', 0]
		]);
		expect(found.get(peersKey('ledighed', 2024))!.at(-1)).toEqual({
			afdeling_id: '0002-002',
			afdeling_navn: expect.any(String),
			omraade_id: 'O2',
			boligorganisation_id: 'B2',
			vaerdi: null,
			diskretioneret: false
		});
		expect(found.get(peersKey('uden_for_arbejdsmarked', 2024))!.map((r) => [r.afdeling_id, r.vaerdi, r.diskretioneret])).toEqual([
			['0002-001', 26, false],
			['0001-002', 25, false],
			['0001-001', 24, false],
			['0002-002', null, true],
			['0002-003', null, true]
		]);
		const none = found.get(peersKey('ledighed', 1999))!;
		expect(none.map((r) => r.afdeling_id)).toEqual(['0001-001', '0001-002', '0002-001', '0002-002', '0002-003']);
		expect(none.every((r) => r.vaerdi === null && !r.diskretioneret)).toBe(true);
		// The same rows, in the same order, as one query per key figure and year.
		for (const [key, rows] of found) {
			const [id, aar] = key.split(':');
			expect(rows).toEqual(await queryPeers(db.run, '0751', id as 'ledighed', Number(aar)));
		}
	});

	it('asks nothing for no key figures, and lists a key figure named twice once', async () => {
		expect((await queryPeersOf(db.run, '0751', [], [2024])).size).toBe(0);
		const twice = await queryPeersOf(db.run, '0751', ['ledighed', 'ledighed'], [2024, 2024]);
		expect([...twice.keys()]).toEqual(['ledighed:2024']);
		expect(twice.get('ledighed:2024')).toHaveLength(5);
		expect((await queryPeersOf(db.run, '0101', ['ledighed'], [2024])).get('ledighed:2024')).toEqual([]);
	});
});

describe('municipalityFigures', () => {
	it('asks a database once per municipality, and again after a failure', async () => {
		let calls = 0;
		let fail = true;
		const run: QueryRunner = async (sql, params) => {
			calls++;
			if (fail) throw new Error('no database');
			return db.run(sql, params);
		};
		await expect(municipalityFigures(run, '0751')).rejects.toThrow('no database');
		fail = false;
		const first = municipalityFigures(run, '0751');
		expect(municipalityFigures(run, '0751')).toBe(first);
		const figures = await first;
		// Three queries: departments, key figures, aggregates (the failed call stopped at the first).
		expect(calls).toBe(1 + 3);
		expect(figures.departments).toHaveLength(5);
		// 5 departments x 3 years x 7 indicators, by department
		expect([...figures.departmentSeries.values()].flatMap((s) => Object.values(s)).flat()).toHaveLength(105);
		// Another database (runner) asks for its own.
		expect(municipalityFigures(db.run, '0751')).not.toBe(first);
	});
});

describe('units', () => {
	it('lists an area’s and an organisation’s departments by name', async () => {
		const area = await queryDepartmentsOf(db.run, 'omraade', 'O1', '0751');
		expect(area.map((d) => d.afdeling_navn)).toEqual(['Tårnhusene', 'Vestparken 1', 'Vestparken 2']);
		const org = await queryDepartmentsOf(db.run, 'boligorganisation', 'B2', '0751');
		expect(org.map((d) => d.afdeling_id)).toEqual(['0002-002', '0002-003', '0002-001']);
		const one = await queryDepartmentsOf(db.run, 'afdeling', '0002-003', '0751');
		expect(one).toEqual([
			{
				afdeling_id: '0002-003',
				afdeling_navn: 'Engstien',
				boligorganisation_id: 'B2',
				boligorganisation_navn: 'Andelsbo',
				kommune_kode: '0751',
				kommune_navn: 'Aarhus',
				omraade_id: null,
				omraade_navn: null,
				boligtype: 'ældre',
				opfoerelsesaar: 2005,
				lat: 56.18,
				lon: 10.25
			}
		]);
	});

	it('lists an organisation’s areas with its departments in each', async () => {
		expect(await queryOrganisationAreas(db.run, 'B2', '0751')).toEqual([
			{ omraade_id: 'O2', omraade_navn: 'Søhøjen', afdelinger: 1 },
			{ omraade_id: 'O1', omraade_navn: 'Vestparken', afdelinger: 1 }
		]);
		expect(await queryOrganisationAreas(db.run, 'B1', '0751')).toEqual([{ omraade_id: 'O1', omraade_navn: 'Vestparken', afdelinger: 2 }]);
	});
});

describe('queryDepartmentFigures (the overview map and department table)', () => {
	it('gives every department its dwellings and its figures over the years, missing and suppressed kept apart', async () => {
		const figures = await queryDepartmentFigures(db.run, '0751');
		// dwellings from the README's table: 100, 200, 100, 50, 50
		expect(Object.fromEntries(figures.dwellings)).toEqual({
			'0001-001': 100,
			'0001-002': 200,
			'0002-001': 100,
			'0002-002': 50,
			'0002-003': 50
		});
		// vacancy of 0001-001: 1/100, 2/100, 0/100 in per mille
		expect(figures.series.get('0001-001')?.ledighed?.map((p) => p.vaerdi)).toEqual([10, 20, 0]);
		const a4 = figures.series.get('0002-002')!;
		expect(a4.ledighed?.at(-1)).toEqual({ aar: 2024, vaerdi: null, diskretioneret: false });
		expect(a4.uden_for_arbejdsmarked?.at(-1)).toEqual({ aar: 2024, vaerdi: null, diskretioneret: true });
	});

	it('gives nothing for another municipality', async () => {
		const figures = await queryDepartmentFigures(db.run, '0101');
		expect(figures.series.size).toBe(0);
		expect(figures.dwellings.size).toBe(0);
	});
});
