/**
 * The synthetic data generator: deterministic bytes, national figures near the published ones,
 * the demo's stories, Danish Excel's file conventions, and geometry that a map can show.
 * Expected values come from ../shared/DOMAIN.md and the issue, not from the generator's own code.
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as turf from '@turf/turf';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import type { FeatureCollection, Polygon, Position } from 'geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate, type GenerateResult } from '../../pipelines/generate/generate.ts';
import { REAL_AREA_NAMES } from '../../pipelines/generate/names.ts';
import { sharedFile } from '../support/shared.ts';

const TMP = join('tests', '.tmp', `generate-${process.pid}`);

type Row = Record<string, string>;

/** Reads a generated CSV: BOM-marked UTF-8 or (without BOM) Windows-1252, ';', CRLF. */
function readCsv(file: string): Row[] {
	const bytes = readFileSync(file);
	const text =
		bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3).toString('utf8') : iconv.decode(bytes, 'win1252');
	const parsed = Papa.parse<Row>(text, { header: true, delimiter: ';', newline: '\r\n', skipEmptyLines: true });
	expect(parsed.errors).toEqual([]);
	return parsed.data;
}

const num = (s: string | undefined) => Number((s ?? '').replace(',', '.'));

function hashes(dir: string): Record<string, string> {
	const out: Record<string, string> = {};
	for (const f of readdirSync(dir).sort())
		out[f] = createHash('sha256')
			.update(readFileSync(join(dir, f)))
			.digest('hex');
	return out;
}

/** Signed area by the shoelace formula: positive for a counter-clockwise ring in lon/lat. */
function signedArea(ring: Position[]): number {
	let s = 0;
	for (let i = 0; i + 1 < ring.length; i++) s += (ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!) / 2;
	return s;
}

beforeAll(() => mkdirSync(TMP, { recursive: true }));
afterAll(() => rmSync(TMP, { recursive: true, force: true }));

describe('determinism', () => {
	it('writes the same bytes for the same seed and different bytes for another seed', async () => {
		const municipalitiesSource = sharedFile('geo/kommuner.geojson');
		await generate({ scale: 'demo', seed: 1, out: join(TMP, 'a'), municipalitiesSource });
		await generate({ scale: 'demo', seed: 1, out: join(TMP, 'b'), municipalitiesSource });
		await generate({ scale: 'demo', seed: 2, out: join(TMP, 'c'), municipalitiesSource });
		const a = hashes(join(TMP, 'a'));
		expect(Object.keys(a).length).toBeGreaterThanOrEqual(8);
		expect(hashes(join(TMP, 'b'))).toEqual(a);
		const c = hashes(join(TMP, 'c'));
		expect(c['noegletal_lbf.csv']).not.toBe(a['noegletal_lbf.csv']);
		expect(c['noegletal_beboere.csv']).not.toBe(a['noegletal_beboere.csv']);
	});

	it('matches the committed demo in data/sample (rerun the generator after changing it)', async () => {
		const fresh = hashes(join(TMP, 'a'));
		const committed = hashes(join('data', 'sample'));
		// Every file, kommuner.geojson (cut from ../shared/geo) included.
		expect(Object.keys(committed)).toContain('kommuner.geojson');
		expect(Object.keys(fresh)).toEqual(Object.keys(committed));
		for (const [file, hash] of Object.entries(fresh)) expect([file, committed[file]]).toEqual([file, hash]);
	});
});

describe('the demo', () => {
	let result: GenerateResult;
	let dir: string;
	let register: Row[];
	let lbf: Row[];
	let residents: Row[];
	let accounts: Row[];

	beforeAll(async () => {
		dir = join(TMP, 'demo');
		result = await generate({ scale: 'demo', seed: 1, out: dir, municipalitiesSource: sharedFile('geo/kommuner.geojson') });
		register = readCsv(join(dir, 'afdelinger.csv'));
		lbf = readCsv(join(dir, 'noegletal_lbf.csv'));
		residents = readCsv(join(dir, 'noegletal_beboere.csv'));
		accounts = [...readCsv(join(dir, 'noegletal_regnskab_2010-2017.csv')), ...readCsv(join(dir, 'noegletal_regnskab_2018-2025.csv'))];
	});

	const story = (id: string) => {
		const s = result.stories.find((x) => x.id === id);
		if (!s) throw new Error(`no story ${id}`);
		return s;
	};
	const yearsOf = (rows: Row[], id: string, key = 'afdeling_id') =>
		rows.filter((r) => r[key] === id).map((r) => Number(r['aar'] ?? r['År']));

	it('is small: 2-3 municipalities, 4-6 organisations, 40-70 departments, 2010-2025, 8-12 areas', () => {
		expect(new Set(register.map((r) => r.kommune_kode)).size).toBeGreaterThanOrEqual(2);
		expect(new Set(register.map((r) => r.kommune_kode)).size).toBeLessThanOrEqual(3);
		const orgs = new Set(register.map((r) => r.boligorganisation_id)).size;
		expect(orgs).toBeGreaterThanOrEqual(4);
		expect(orgs).toBeLessThanOrEqual(6);
		expect(register.length).toBeGreaterThanOrEqual(40);
		expect(register.length).toBeLessThanOrEqual(70);
		expect(result.departments).toBe(register.length);
		const years = lbf.map((r) => Number(r.aar));
		expect(Math.min(...years)).toBe(2010);
		expect(Math.max(...years)).toBe(2025);
		const areas = new Set(register.map((r) => r.omraade_id).filter(Boolean)).size;
		expect(areas).toBeGreaterThanOrEqual(8);
		expect(areas).toBeLessThanOrEqual(12);
		expect(result.rows).toBe(lbf.length);
		const total = readdirSync(dir).reduce((s, f) => s + readFileSync(join(dir, f)).length, 0);
		expect(total).toBeLessThan(1_000_000);
	});

	it('has a small department that needs suppression: under 20 residents, 1-4 outside the labour market', () => {
		const [small] = story('H3').departmentIds;
		const rows = residents.filter((r) => r['Afdelings-id'] === small);
		expect(rows.length).toBe(16);
		for (const r of rows) {
			expect(num(r['Beboere 18-64'])).toBeLessThan(20);
			expect(num(r['Uden for arbejdsmarkedet 18-64'])).toBeGreaterThanOrEqual(1);
			expect(num(r['Uden for arbejdsmarkedet 18-64'])).toBeLessThanOrEqual(4);
		}
		// Its area holds exactly one other department, so subtraction would reveal it.
		const area = register.find((r) => r.afdeling_id === small)?.omraade_id;
		expect(register.filter((r) => r.omraade_id === area).length).toBe(2);
	});

	it('has a department built in 2019 with figures from 2020, and one with a gap in 2016-2017', () => {
		const [late] = story('H4').departmentIds;
		expect(register.find((r) => r.afdeling_id === late)?.opfoerelsesaar).toBe('2019');
		expect(Math.min(...yearsOf(lbf, late!))).toBe(2020);
		expect(Math.min(...yearsOf(residents, late!, 'Afdelings-id'))).toBe(2020);

		const [gap] = story('H5').departmentIds;
		for (const [rows, key] of [
			[lbf, 'afdeling_id'],
			[residents, 'Afdelings-id'],
			[accounts, 'Afdeling']
		] as const) {
			const years = yearsOf(rows, gap!, key);
			expect(years).toContain(2015);
			expect(years).toContain(2018);
			expect(years).not.toContain(2016);
			expect(years).not.toContain(2017);
		}
	});

	it('has a department without an area and an area spanning two organisations', () => {
		const [loose] = story('H6').departmentIds;
		expect(register.find((r) => r.afdeling_id === loose)?.omraade_id).toBe('');
		const span = story('H7').areaId;
		expect(new Set(register.filter((r) => r.omraade_id === span).map((r) => r.boligorganisation_id)).size).toBe(2);
	});

	it('has an area that slides and one that recovers after 2018', () => {
		const areaOf = new Map(register.map((r) => [r.afdeling_id, r.omraade_id]));
		const vacancy = (area: string, from: number, to: number) => {
			const rows = lbf.filter((r) => areaOf.get(r.afdeling_id!) === area && Number(r.aar) >= from && Number(r.aar) <= to);
			return rows.reduce((s, r) => s + num(r.ledige_boliger), 0) / rows.reduce((s, r) => s + num(r.boliger), 0);
		};
		const outside = (area: string, from: number, to: number) => {
			const rows = residents.filter((r) => areaOf.get(r['Afdelings-id']!) === area && Number(r['År']) >= from && Number(r['År']) <= to);
			return rows.reduce((s, r) => s + num(r['Uden for arbejdsmarkedet 18-64']), 0) / rows.reduce((s, r) => s + num(r['Beboere 18-64']), 0);
		};
		const slide = story('H1').areaId!;
		expect(vacancy(slide, 2023, 2025)).toBeGreaterThan(3 * vacancy(slide, 2010, 2012));
		expect(outside(slide, 2023, 2025)).toBeGreaterThan(outside(slide, 2010, 2012) + 0.1);
		const recovery = story('H2').areaId!;
		expect(vacancy(recovery, 2023, 2025)).toBeLessThan(0.5 * vacancy(recovery, 2015, 2017));
		expect(outside(recovery, 2023, 2025)).toBeLessThan(outside(recovery, 2015, 2017) - 0.05);
		expect(readFileSync(join(dir, 'HISTORIER.md'), 'utf8')).toContain(`${recovery}`);
	});

	it('writes the register in Windows-1252 and the key figures in UTF-8 with BOM, CRLF and decimal comma', () => {
		const bytes = readFileSync(join(dir, 'afdelinger.csv'));
		expect([0xe6, 0xf8, 0xe5].some((b) => bytes.includes(b))).toBe(true);
		expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
		const names = register.map((r) => r.afdeling_navn);
		expect(names).toContain('Tårnet "Øst"');
		expect(names).toContain('Skovbrynet; blok A-C');
		expect(bytes.includes(Buffer.from('"Skovbrynet; blok A-C"', 'latin1'))).toBe(true);
		expect(names.some((n) => n?.includes('<script'))).toBe(false);
		for (const f of readdirSync(dir).filter((x) => x.startsWith('noegletal'))) {
			const b = readFileSync(join(dir, f));
			expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
			const text = b.toString('utf8');
			expect(text.split('\r\n').length).toBe(text.split('\n').length);
		}
		expect(register.every((r) => /^\d\d,\d+$/.test(r.lat ?? '') && /^\d\d?,\d+$/.test(r.lon ?? ''))).toBe(true);
		expect(existsSync(join(dir, 'DEMO'))).toBe(true);
	});

	it('places departments inside their area polygons and municipalities, with valid counter-clockwise areas', () => {
		const areas = JSON.parse(readFileSync(join(dir, 'omraader.geojson'), 'utf8')) as FeatureCollection<Polygon>;
		const kommuner = JSON.parse(readFileSync(join(dir, 'kommuner.geojson'), 'utf8')) as FeatureCollection<Polygon>;
		expect(new Set(kommuner.features.map((f) => f.properties?.KOMKODE))).toEqual(new Set(register.map((r) => r.kommune_kode)));
		for (const f of [...areas.features, ...kommuner.features]) {
			const outer = f.geometry.coordinates[0]!;
			expect(outer[0]).toEqual(outer[outer.length - 1]);
			expect(signedArea(outer)).toBeGreaterThan(0);
			expect(f.geometry.coordinates.flat().every((p) => p.length === 2)).toBe(true);
			expect(turf.booleanValid(f)).toBe(true);
		}
		const byArea = new Map(areas.features.map((f) => [f.properties?.omraade_id as string, f]));
		for (const r of register) {
			const point = [num(r.lon), num(r.lat)];
			if (r.omraade_id) expect(turf.booleanPointInPolygon(point, byArea.get(r.omraade_id)!)).toBe(true);
			const own = kommuner.features.filter((f) => f.properties?.KOMKODE === r.kommune_kode);
			expect(own.some((f) => turf.booleanPointInPolygon(point, f))).toBe(true);
		}
	});
});

describe('the national scale', () => {
	let register: Row[];
	let lbf: Row[];
	let residents: Row[];
	let accounts: Row[];
	let result: GenerateResult;

	beforeAll(async () => {
		const dir = join(TMP, 'national');
		result = await generate({ scale: 'national', seed: 7, out: dir });
		register = readCsv(join(dir, 'afdelinger.csv'));
		lbf = readCsv(join(dir, 'noegletal_lbf.csv'));
		residents = readCsv(join(dir, 'noegletal_beboere.csv'));
		accounts = readCsv(join(dir, 'noegletal_regnskab_2018-2025.csv'));
	}, 120_000);

	it('has 98 municipalities and about 8,000 departments over 2010-2025', () => {
		expect(new Set(register.map((r) => r.kommune_kode)).size).toBe(98);
		expect(register.length).toBe(8000);
		expect(new Set(register.map((r) => r.afdeling_id)).size).toBe(8000);
		expect(lbf.length).toBeGreaterThan(110_000);
		expect(lbf.length).toBeLessThanOrEqual(128_000);
		expect(result.rows).toBe(lbf.length);
	});

	it('lands near the published national figures (sum of numerators over sum of denominators)', () => {
		const type = new Map(register.map((r) => [r.afdeling_id, r.boligtype]));
		const ratio = (rows: Row[], year: number, num_: string, den: string, keep: (r: Row) => boolean = () => true) => {
			let n = 0;
			let d = 0;
			for (const r of rows) {
				if (Number(r.aar) !== year || !keep(r)) continue;
				n += num(r[num_]);
				d += num(r[den]);
			}
			return n / d;
		};
		const family = (r: Row) => type.get(r.afdeling_id) === 'familie';
		const youth = (r: Row) => type.get(r.afdeling_id) === 'ungdom';
		// Vacancy: 6.5 ‰ published for October 2024 (DOMAIN.md), checked here on the latest year, 2025;
		// youth housing about 16 ‰.
		const vacancy = 1000 * ratio(lbf, 2025, 'ledige_boliger', 'boliger');
		expect(vacancy).toBeGreaterThan(4);
		expect(vacancy).toBeLessThan(10);
		expect(1000 * ratio(lbf, 2025, 'ledige_boliger', 'boliger', youth)).toBeGreaterThan(10);
		// Turnover 10.4 % family, 39.9 % youth (2019).
		const turnover = 100 * ratio(lbf, 2025, 'fraflytninger', 'boliger', family);
		expect(turnover).toBeGreaterThan(8);
		expect(turnover).toBeLessThan(14);
		const youthTurnover = 100 * ratio(lbf, 2025, 'fraflytninger', 'boliger', youth);
		expect(youthTurnover).toBeGreaterThan(32);
		expect(youthTurnover).toBeLessThan(48);
		// Rent 899 kr./m² (2023), weighted by floor area.
		let rentSum = 0;
		let floor = 0;
		for (const r of lbf) {
			if (r.aar !== '2023') continue;
			rentSum += num(r.husleje_kr_m2) * num(r.areal_m2);
			floor += num(r.areal_m2);
		}
		expect(rentSum / floor).toBeGreaterThan(850);
		expect(rentSum / floor).toBeLessThan(950);
		// Residents 18-64 about 1.1 per dwelling; 20-30 % of them outside the labour market.
		const resident = new Map(residents.filter((r) => r['År'] === '2025').map((r) => [r['Afdelings-id'], r]));
		let people = 0;
		let outside = 0;
		let dwellings = 0;
		for (const r of lbf) {
			if (r.aar !== '2025') continue;
			dwellings += num(r.boliger);
			people += num(resident.get(r.afdeling_id)?.['Beboere 18-64']);
			outside += num(resident.get(r.afdeling_id)?.['Uden for arbejdsmarkedet 18-64']);
		}
		expect(people / dwellings).toBeGreaterThan(0.9);
		expect(people / dwellings).toBeLessThan(1.3);
		expect(outside / people).toBeGreaterThan(0.2);
		expect(outside / people).toBeLessThan(0.3);
		// Loss from vacancy 5.4 kr./m² (2021).
		const floorOf = new Map(lbf.filter((r) => r.aar === '2021').map((r) => [r.afdeling_id, num(r.areal_m2)]));
		let loss = 0;
		let lossFloor = 0;
		for (const r of accounts) {
			if (r['År'] !== '2021') continue;
			loss += num(r['Lejetab (kr.)']);
			lossFloor += floorOf.get(r['Afdeling']) ?? NaN;
		}
		expect(loss / lossFloor).toBeGreaterThan(3);
		expect(loss / lossFloor).toBeLessThan(8);
	});

	it('keeps counts whole, numerators within denominators, sizes realistic and scores 1-5', () => {
		// Collect offending rows rather than asserting per row: 400,000 expects take half a minute.
		const bad: string[] = [];
		const check = (ok: boolean, what: string, r: Row) => {
			if (!ok) bad.push(`${what}: ${JSON.stringify(r)}`);
		};
		for (const r of lbf) {
			for (const c of ['boliger', 'ledige_boliger', 'fraflytninger', 'areal_m2', 'husleje_kr_m2'])
				check(/^\d+$/.test(r[c] ?? ''), `${c} not a whole number`, r);
			check(num(r.ledige_boliger) <= num(r.boliger), 'more vacant than dwellings', r);
			check(num(r.boliger) >= 10 && num(r.boliger) <= 600, 'size outside 10-600', r);
		}
		for (const r of residents) {
			check(/^\d+$/.test(r['Beboere 18-64'] ?? ''), 'residents not whole', r);
			check(/^\d+(,\d{1,2})?$/.test(r['Uden for arbejdsmarkedet 18-64'] ?? ''), 'outside: not up to two decimals', r);
			check(num(r['Uden for arbejdsmarkedet 18-64']) <= num(r['Beboere 18-64']), 'more outside than residents', r);
		}
		for (const r of accounts) check(['1', '2', '3', '4', '5'].includes(r['Vedligeholdelsesstand'] ?? ''), 'score outside 1-5', r);
		expect(bad.slice(0, 5)).toEqual([]);
		// A tail of departments with more than half outside the labour market, as in the real data.
		const shares = residents
			.filter((r) => num(r['Beboere 18-64']) >= 50)
			.map((r) => num(r['Uden for arbejdsmarkedet 18-64']) / num(r['Beboere 18-64']));
		expect(shares.some((x) => x > 0.5)).toBe(true);
		expect(shares.filter((x) => x > 0.5).length).toBeLessThan(shares.length * 0.1);
	});

	it('never names a department or area after a real, listed housing area', () => {
		const areas = JSON.parse(readFileSync(join(TMP, 'national', 'omraader.geojson'), 'utf8')) as FeatureCollection<Polygon>;
		const names = [...register.map((r) => r.afdeling_navn ?? ''), ...areas.features.map((f) => String(f.properties?.omraade_navn))];
		expect(names.length).toBeGreaterThan(8000);
		// 'Engparken Øst, afd. 2' is named after its area 'Engparken Øst', which is named after 'Engparken'.
		const bases = names.map((n) =>
			n
				.split(',')[0]!
				.replace(/ (Nord|Syd|Øst|Vest)$/u, '')
				.toLowerCase()
		);
		const real = new Set(REAL_AREA_NAMES);
		expect(bases.filter((b) => real.has(b))).toEqual([]);
	});
});

describe('the command line', () => {
	const cli = (...args: string[]) =>
		spawnSync(process.execPath, ['--import', 'tsx', 'pipelines/generate-cli.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

	it('exits 2 with a usage message on wrong arguments', () => {
		for (const args of [['--scale', 'county'], ['--seed', '-3'], ['--frobnicate']]) {
			const run = cli(...args);
			expect(run.status).toBe(2);
			expect(run.stderr).toContain('Brug: npm run generate');
		}
	});

	it('never overwrites a folder of data that is not synthetic', () => {
		const own = join(TMP, 'own-data');
		mkdirSync(own, { recursive: true });
		writeFileSync(join(own, 'afdelinger.csv'), 'real data\r\n');
		const run = cli('--out', own);
		expect(run.status).toBe(1);
		expect(readFileSync(join(own, 'afdelinger.csv'), 'utf8')).toBe('real data\r\n');
	});
});
