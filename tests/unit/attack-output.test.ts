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
