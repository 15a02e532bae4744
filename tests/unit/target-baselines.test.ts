/**
 * aftaler.json withholds a person-based target's base value that would give a protected group
 * away (pipelines/build/target-baselines.ts; issue 9), on the hand-worked world of
 * target-baseline-world.ts. Before the fix aftaler.json carried every base value as agreed.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import type { TargetsFile } from '../../src/lib/core/output-contract.ts';
import { targetStatus } from '../../src/lib/targets/status.ts';
import { writeBaselineWorld } from './target-baseline-world.ts';

let dir: string;
let targets: TargetsFile['aftaler'];

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-baselines-'));
	writeBaselineWorld(join(dir, 'in'));
	const result = await ingest({ input: join(dir, 'in'), out: join(dir, 'out'), reporter: silentReporter });
	expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
	targets = (JSON.parse(readFileSync(join(dir, 'out', 'aftaler.json'), 'utf8')) as TargetsFile).aftaler;
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const base = (id: string) => targets.find((t) => t.maal_id === id)!.basisvaerdi;

describe("the targets' base values in aftaler.json", () => {
	it('withholds the base of a withheld cell (T1: 25 % of 12 would be 3 persons)', () => {
		expect(base('T1')).toBeNull();
	});
	it('withholds a base that is itself a group under 5 (T2: 5 % of 60 = 3, the data say 20)', () => {
		expect(base('T2')).toBeNull();
	});
	it('keeps a base of a published cell that passes the test (T3: 30 % of 50 = 15) and of a figure not about persons (T4)', () => {
		expect(base('T3')).toBe(30);
		expect(base('T4')).toBe(12);
	});
	it('keeps everything else of a target whose base is withheld', () => {
		expect(targets.find((t) => t.maal_id === 'T1')).toMatchObject({ basisaar: 2023, maalaar: 2026, maalvaerdi: 20, retning: 'ned' });
	});
	it('judges no path without a base: a published value above the target before the target year is "ingen data", with no expected value', () => {
		const t1 = targets.find((t) => t.maal_id === 'T1')!;
		const e = targetStatus(t1, [{ aar: 2024, vaerdi: 30, diskretioneret: false }], 2024);
		expect(e).toMatchObject({ status: 'ingen_data', seneste: 30, forventet: null, basisSkjult: true });
		expect(e.forklaring).toBe('30,0\u00a0% i 2024; basisværdien er diskretioneret, så vejen til målet kan ikke vises.');
		// Met needs no base: 18 % is at most 20 %.
		expect(targetStatus(t1, [{ aar: 2024, vaerdi: 18, diskretioneret: false }], 2024).status).toBe('naaet');
	});
});
