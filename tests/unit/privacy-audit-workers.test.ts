/**
 * The audit's worker threads (audit-pool.ts) change nothing but the time: on the demo
 * (data/sample: three person-based indicators over sixteen years, 48 jobs) and on a generated
 * world (fast-check, seed 5: 160 departments in overlapping areas, organisations and
 * municipalities over ten years, each year's cells spread through the table), the suppression the audit leaves with several workers
 * is the serial run's byte for byte (the cells, and the withheld aggregates in the same order),
 * and so is the cost. Several workers against 48 jobs finish in a different order each run; the
 * results are applied in job order all the same. A refusal names the same indicator and year as
 * the serial run's, the first failing job in job order, though later jobs may fail first.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditedSuppression, PrivacyAuditFailed, WORKERS_ENV, type AuditOptions } from '../../pipelines/build/audited-suppression.ts';
import { loadDepartments } from '../../pipelines/build/departments.ts';
import { departmentOfRows } from '../../pipelines/build/key-figures.ts';
import { privacyInputs, suppression, type Suppression } from '../../pipelines/build/suppression.ts';
import { suppress } from '../../pipelines/build/privacy.ts';
import { openDatabase } from '../../pipelines/duckdb/database.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { readInput } from '../../pipelines/read/read-input.ts';
import { useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { deptArbitrary, ruleOnDepts } from './privacy-random-world.ts';
import { world as smallWorld, type WorldCell } from './privacy-world.ts';

/** An input read, checked and given the primary and secondary rules, as the ingest does before its audit. */
async function beforeAudit(dir: string) {
	const parsed = await readInput(dir, silentReporter);
	expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
	useDeclaredIndicators(parsed.indicators);
	const db = await openDatabase();
	const departments = await loadDepartments(db.connection, parsed);
	db.close();
	const inputs = privacyInputs(parsed, departmentOfRows(parsed), departments.rank);
	return {
		indicators: parsed.indicators,
		inputs,
		rule: suppression(inputs),
		ids: parsed.departments.map((d) => d.afdeling_id)
	};
}

type World = Awaited<ReturnType<typeof beforeAudit>>;

/** 160 departments drawn once (seed 5), each with its own residents and count every year 2010-2019. */
function generatedWorld(): World {
	const [depts] = fc.sample(
		fc.array(deptArbitrary({ area: 14, org: 10, muni: 3, d: 80, areaFreq: 6 }), { minLength: 160, maxLength: 160 }),
		{ seed: 5, numRuns: 1 }
	);
	const names = depts!.map((_, i) => `d${String(i).padStart(3, '0')}`);
	const { groupsOf } = ruleOnDepts(depts!, names);
	const years = Array.from({ length: 10 }, (_, i) => 2010 + i);
	const [figures] = fc.sample(
		fc.array(deptArbitrary({ area: 0, org: 0, muni: 0, d: 80, areaFreq: 1 }), { minLength: 1600, maxLength: 1600 }),
		{ seed: 6, numRuns: 1 }
	);
	// Department by department, so a year's cells lie all through the table.
	const cells: WorldCell[] = names.flatMap((dept, i) => years.map((year, y) => ({ dept, year, ...pick(figures![i * 10 + y]!) })));
	const w = smallWorld(Object.fromEntries(names.map((name, i) => [name, groupsOf[i]!])), cells);
	const rule = suppress(w.input);
	return {
		indicators: [],
		inputs: new Map([['uden_for_arbejdsmarked', w.input]]),
		rule: {
			cells: new Map([['uden_for_arbejdsmarked', rule.suppressed]]),
			aggregates: rule.aggregates.map((a) => ({
				niveau: a.level,
				enhed_id: a.id,
				aar: a.year,
				indikator: 'uden_for_arbejdsmarked' as const
			}))
		},
		ids: w.ids
	};
}

const pick = ({ n, d }: { n: number; d: number }) => ({ n, d });

/** The audit on a fresh copy of the rule's suppression; returns what it leaves. */
async function audit(w: World, options: AuditOptions) {
	useDeclaredIndicators(w.indicators);
	const s: Suppression = { cells: new Map([...w.rule.cells].map(([id, c]) => [id, c.slice()])), aggregates: [...w.rule.aggregates] };
	const report = await auditedSuppression(w.inputs, s, w.ids, options);
	return { s, report };
}

const worlds = new Map<string, World>();

beforeAll(async () => {
	worlds.set('data/sample', await beforeAudit('data/sample'));
	worlds.set('generated (seed 5)', generatedWorld());
}, 180_000);

describe('the audit in worker threads', () => {
	for (const name of ['data/sample', 'generated (seed 5)']) {
		it(`leaves the serial run's suppression byte for byte: ${name}`, async () => {
			const w = worlds.get(name)!;
			const serial = await audit(w, { workers: 1 });
			expect(serial.report.workers).toBe(1);
			// The audit hid more than the rules in several jobs, so the order results are applied in shows.
			expect(serial.report.cost.audit.departments).toBeGreaterThan(0);
			expect(serial.report.cost.audit.aggregates).toBeGreaterThan(0);
			expect(new Set(serial.s.aggregates.slice(w.rule.aggregates.length).map((a) => `${a.indikator} ${a.aar}`)).size).toBeGreaterThan(1);
			for (const workers of [2, 3]) {
				const pool = await audit(w, { workers });
				expect(pool.report.workers).toBe(workers);
				expect(pool.report.cost).toEqual(serial.report.cost);
				expect(pool.report.solves).toBe(serial.report.solves);
				expect([...pool.s.cells.keys()]).toEqual([...serial.s.cells.keys()]);
				for (const [id, cells] of serial.s.cells) expect(Buffer.from(pool.s.cells.get(id)!).equals(Buffer.from(cells))).toBe(true);
				expect(pool.s.aggregates).toEqual(serial.s.aggregates);
			}
		}, 180_000);
	}

	it('refuses with the serial run’s message: the first failing indicator and year in job order', async () => {
		const w = worlds.get('data/sample')!;
		// No round of repair allowed: every job still exposing something fails.
		const serial = await audit(w, { workers: 1, maxRounds: 0 }).then(
			() => null,
			(error: unknown) => error
		);
		expect(serial).toBeInstanceOf(PrivacyAuditFailed);
		const message = (serial as Error).message;
		const [, first, year] = /^Diskretioneringen af (\w+) for (20\d\d) består ikke revisionen/.exec(message)!;
		// A later job fails too (the last indicator's, audited alone), so the pool has more than one refusal to choose from.
		const last = [...w.inputs.keys()].at(-1)!;
		expect(last).not.toBe(first);
		await expect(audit({ ...w, inputs: new Map([[last, w.inputs.get(last)!]]) }, { workers: 1, maxRounds: 0 })).rejects.toThrow(
			PrivacyAuditFailed
		);
		expect(Number(year)).toBeGreaterThanOrEqual(2010);
		for (const workers of [2, 3]) {
			const pool = audit(w, { workers, maxRounds: 0 });
			await expect(pool).rejects.toThrow(PrivacyAuditFailed);
			await expect(pool).rejects.toThrow(message);
		}
	}, 180_000);

	it(`takes the number of workers from ${WORKERS_ENV} when not given, and rejects a bad one`, async () => {
		const w = worlds.get('data/sample')!;
		const before = process.env[WORKERS_ENV];
		try {
			process.env[WORKERS_ENV] = '2';
			expect((await audit(w, {})).report.workers).toBe(2);
			process.env[WORKERS_ENV] = 'to';
			await expect(audit(w, {})).rejects.toThrow(/AUDIT_WORKERS="to"/);
		} finally {
			if (before === undefined) delete process.env[WORKERS_ENV];
			else process.env[WORKERS_ENV] = before;
		}
	}, 180_000);
});
