/**
 * The independent attacker (pipelines/bench/attack-output.ts) must be able to fail: leaks planted
 * in a hand-made output are found, and a clean one reads clean.
 *
 * 1. Its solver on a hand-worked system (no files): three withheld departments A, B, E of 10
 *    residents each; organisation {A, B} published at 90 % (18 persons), area {B, E} at 95 %
 *    (19 persons). No single figure pins anyone, but together: A <= 10 gives B >= 8, E <= 10
 *    gives B >= 9, so B is 9..10, A = 18 - B is 8..9, E = 19 - B is 9..10: every one under 5
 *    persons wide, complement of A 1..2.
 * 2. The files: target-baseline-world.ts ingested reads clean; then, on a copy, department
 *    2101-002 published (25 % of 40 = 10) beside its area (13 of 52) pins the withheld 2101-001
 *    at 3 of 12, by the LP and by "aggregate minus its published departments"; and a target's
 *    base value of 25 % for 2101-001 in aftaler.json is found: read as written (0 decimals,
 *    24.5-25.5 %), 2.94..3.06 of its 12 residents (the leak the attacker found in the
 *    demo before target-baselines.ts).
 * 3. Reference figures (referencetal.json) as knowledge: the same world with housing types
 *    (2101-001 and 2101-003 familie, 2101-002 and 2101-004 ungdom) and LBF's figure for 0751's
 *    family housing, 23 of 72 (31,9 %): 2101-003 is published (20 of 60), so 2101-001 =
 *    23 - 20 = 3 of 12. Ingested without the figure, then the figure planted in
 *    referencetal.json: the attacker finds 2101-001 at 3..3. Ingested with it as the input's
 *    referencetal.csv: the audit hides 2101-003 and 2101-004 as well and the attacker reads the
 *    output clean.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { parquetWriteFile } from 'hyparquet-writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { attackOutput } from '../../pipelines/bench/attack-output.ts';
import { attackYear } from '../../pipelines/bench/attack/ranges.ts';
import type { YearSystem } from '../../pipelines/bench/attack/year-system.ts';
import { writeBaselineWorld } from './target-baseline-world.ts';

const FAMILY_REFERENCE = 'kommune;0751;;uden_for_arbejdsmarked;2023;;familie;23;72;31,9;LBF (test);';

describe("the attacker's solver", () => {
	it('narrows three overlapping withheld departments as worked by hand', async () => {
		const row = (label: string, vars: number[], count: number) => ({
			label,
			members: [],
			vars,
			lo: count,
			hi: count,
			residents: 20,
			sources: ['hånd']
		});
		const system: YearSystem = {
			indicator: 'uden_for_arbejdsmarked',
			year: 2023,
			vars: ['A', 'B', 'E'].map((dept) => ({ dept, residents: 10, truth: null })),
			rows: [row('boligorganisation O', [0, 1], 18), row('omraade X', [1, 2], 19)],
			targets: [0, 1, 2].map((v) => ({
				level: 'afdeling' as const,
				unit: ['A', 'B', 'E'][v]!,
				vars: [v],
				offset: [0, 0] as [number, number],
				residents: 10,
				truth: null
			})),
			whole: false,
			mismatches: [],
			published_withheld: []
		};
		const ranges = await attackYear(system);
		const byUnit = Object.fromEntries(ranges.map((r) => [r.target.unit, r]));
		expect(byUnit.A!.min).toBeCloseTo(8, 6);
		expect(byUnit.A!.max).toBeCloseTo(9, 6);
		expect(byUnit.A!.complement[0]).toBeCloseTo(1, 6);
		expect(byUnit.A!.complement[1]).toBeCloseTo(2, 6);
		expect(byUnit.B!.min).toBeCloseTo(9, 6);
		expect(byUnit.B!.max).toBeCloseTo(10, 6);
		expect(byUnit.E!.min).toBeCloseTo(9, 6);
		expect(byUnit.E!.max).toBeCloseTo(10, 6);
		expect(ranges.every((r) => r.exposed)).toBe(true);
	});
});

describe('the attacker on published files', () => {
	let dir: string;
	beforeAll(async () => {
		dir = mkdtempSync(join(tmpdir(), 'boligbarometer-attack-'));
		writeBaselineWorld(join(dir, 'in'));
		const result = await ingest({ input: join(dir, 'in'), out: join(dir, 'out'), reporter: silentReporter });
		expect(result.ok).toBe(true);
	}, 60_000);
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it("reads the ingest's own output clean", async () => {
		const report = await attackOutput(join(dir, 'out'), join(dir, 'in'));
		expect(report.exposures).toEqual([]);
		expect(report.baselines).toEqual([]);
		expect(report.mismatches).toEqual([]);
		expect(report.clean).toBe(true);
	});

	it('finds a department published beside its area and a withheld neighbour (planted in noegletal.parquet)', async () => {
		const out = join(dir, 'planted-parquet');
		cpSync(join(dir, 'out'), out, { recursive: true });
		const file = join(out, 'noegletal.parquet');
		type Row = {
			afdeling_id: string;
			aar: number;
			indikator: string;
			vaerdi: number | null;
			diskretioneret: boolean;
			taeller: number | null;
			naevner: number | null;
		};
		const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(file) })) as Row[];
		const planted = rows.find((r) => r.afdeling_id === '2101-002' && r.indikator === 'uden_for_arbejdsmarked')!;
		expect(planted.diskretioneret).toBe(true);
		planted.diskretioneret = false;
		planted.vaerdi = 25;
		await parquetWriteFile({
			filename: file,
			columnData: [
				{ name: 'afdeling_id', data: rows.map((r) => r.afdeling_id), type: 'STRING' },
				{ name: 'aar', data: rows.map((r) => Number(r.aar)), type: 'INT32' },
				{ name: 'indikator', data: rows.map((r) => r.indikator), type: 'STRING' },
				{ name: 'vaerdi', data: rows.map((r) => r.vaerdi), type: 'DOUBLE' },
				{ name: 'diskretioneret', data: rows.map((r) => r.diskretioneret), type: 'BOOLEAN' }
			]
		});
		const report = await attackOutput(out, join(dir, 'in'));
		expect(report.clean).toBe(false);
		const exposed = report.exposures.find((e) => e.unit === '2101-001')!;
		expect(exposed.min).toBeCloseTo(3, 6);
		expect(exposed.max).toBeCloseTo(3, 6);
		expect(exposed.residents).toBe(12);
		expect(exposed.pinnedBy.map((p) => p.label)).toContain('omraade 0751-O01');
		expect(report.leftovers.find((l) => l.attack === 'aggregat minus afdelinger')?.single).toBeGreaterThan(0);
	});

	it("finds a target's base value on a withheld cell (planted in aftaler.json)", async () => {
		const out = join(dir, 'planted-targets');
		cpSync(join(dir, 'out'), out, { recursive: true });
		const file = join(out, 'aftaler.json');
		const doc = JSON.parse(readFileSync(file, 'utf8')) as { aftaler: { maal_id: string; basisvaerdi: number | null }[] };
		doc.aftaler.find((t) => t.maal_id === 'T1')!.basisvaerdi = 25;
		writeFileSync(file, JSON.stringify(doc));
		const report = await attackOutput(out, join(dir, 'in'));
		expect(report.clean).toBe(false);
		expect(report.baselines).toEqual([
			'aftaler.json (T1): uden_for_arbejdsmarked 2023 afdeling 2101-001: tallet er skjult; basisværdien 25 offentliggøres: 2.94..3.06 af 12 beboere'
		]);
	});
});

describe('the attacker with reference figures', () => {
	let dir: string;
	/** The baseline world with housing types, and `reference` as its referencetal.csv when given. */
	async function typedWorld(
		name: string,
		reference: string | null,
		types: Record<string, string> = { '2101-001': 'familie', '2101-002': 'ungdom', '2101-003': 'familie', '2101-004': 'ungdom' }
	): Promise<string> {
		const input = join(dir, `${name}-in`);
		writeBaselineWorld(input);
		const lines = readFileSync(join(input, 'afdelinger.csv'), 'utf8').trimEnd().split('\n');
		const typed = lines.map((line, i) => `${line};${i === 0 ? 'boligtype' : types[line.split(';')[0]!]}`);
		writeFileSync(join(input, 'afdelinger.csv'), typed.join('\n') + '\n');
		if (reference !== null)
			writeFileSync(
				join(input, 'referencetal.csv'),
				`niveau;enhed_id;enhed_navn;indikator;aar;periode;boligtype;taeller;naevner;vaerdi;kilde;url\n${reference}\n`
			);
		const result = await ingest({ input, out: join(dir, `${name}-out`), reporter: silentReporter });
		expect(result.ok).toBe(true);
		return input;
	}
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'boligbarometer-attack-ref-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('finds a department pinned by a reference figure planted in referencetal.json', async () => {
		const input = await typedWorld('plain', null);
		const out = join(dir, 'plain-out');
		const file = join(out, 'referencetal.json');
		const doc = JSON.parse(readFileSync(file, 'utf8')) as { referencetal: unknown[] };
		doc.referencetal.push({
			niveau: 'kommune',
			enhed_id: '0751',
			enhed_navn: 'Kolding Kommune',
			indikator: 'uden_for_arbejdsmarked',
			aar: 2023,
			periode: '',
			boligtype: 'familie',
			taeller: 23,
			naevner: 72,
			vaerdi: 31.9,
			decimaler: 1,
			kilde: 'LBF (test)',
			url: ''
		});
		writeFileSync(file, JSON.stringify(doc));
		const report = await attackOutput(out, input);
		expect(report.clean).toBe(false);
		const exposed = report.exposures.find((e) => e.unit === '2101-001')!;
		expect(exposed.min).toBeCloseTo(3, 6);
		expect(exposed.max).toBeCloseTo(3, 6);
		expect(exposed.pinnedBy.map((p) => p.label)).toContain('referencetal kommune 0751 (familie)');
	});

	it('reads clean when the ingest knew the reference figure (its audit hid 2101-003 and 2101-004 too)', async () => {
		const input = await typedWorld('known', FAMILY_REFERENCE);
		const out = join(dir, 'known-out');
		const rows = (await parquetReadObjects({ file: await asyncBufferFromFile(join(out, 'noegletal.parquet')) })) as {
			afdeling_id: string;
			indikator: string;
			diskretioneret: boolean;
		}[];
		const hidden = rows.filter((r) => r.indikator === 'uden_for_arbejdsmarked' && r.diskretioneret).map((r) => r.afdeling_id);
		// 2101-003 hidden against the figure; then 0751 (48) minus 2101-004 (15) minus the area (13)
		// pins 2101-003 at 20 again, so 2101-004 goes too. All four hidden: 001 anywhere in 0..12,
		// 002 = 13 - 001, 003 = 23 - 001, 004 = 12 + 001: every range 12 wide.
		expect(hidden.sort()).toEqual(['2101-001', '2101-002', '2101-003', '2101-004']);
		const doc = JSON.parse(readFileSync(join(out, 'referencetal.json'), 'utf8')) as { referencetal: { boligtype: string | null }[] };
		expect(doc.referencetal.map((r) => r.boligtype)).toEqual(['familie']);
		const report = await attackOutput(out, input);
		expect(report.exposures).toEqual([]);
		expect(report.mismatches).toEqual([]);
		expect(report.clean).toBe(true);
	});

	it('does not republish a reference figure that reveals 1-4 persons, and the output still reads clean', async () => {
		// Only 2101-001 in family housing: 0751's family figure is 3 of 12, a group of three.
		const types = { '2101-001': 'familie', '2101-002': 'ungdom', '2101-003': 'ungdom', '2101-004': 'ungdom' };
		const input = await typedWorld('revealing', 'kommune;0751;;uden_for_arbejdsmarked;2023;;familie;3;12;25;LBF (test);', types);
		const out = join(dir, 'revealing-out');
		const doc = JSON.parse(readFileSync(join(out, 'referencetal.json'), 'utf8')) as { referencetal: unknown[] };
		expect(doc.referencetal).toEqual([]);
		const report = await attackOutput(out, input);
		expect(report.clean).toBe(true);
	});
});
