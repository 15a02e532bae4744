/**
 * The last round's LP duals as certificates (audit-certificates.ts): the bound they give worked
 * out by hand on a small piece before and after a round (a row that gained a hidden count, a row
 * withheld), and, along the audit's own repair rounds on seeded random worlds, the attack with
 * the year's kept duals finds exactly the exposures the attack without them finds, round after
 * round, with fewer solver runs.
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackRow } from '../../pipelines/build/audit-attack-world.ts';
import { Certificates, rowsByGroup, scratchFor, type Certificate } from '../../pipelines/build/audit-certificates.ts';
import type { AttackComponent } from '../../pipelines/build/audit-components.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { auditYear, type Finding } from '../../pipelines/build/audit.ts';
import type { Dept } from './privacy-random-world.ts';
import { deptArb, repairRounds, SCALE } from './privacy-audit-rounds.ts';

let highs: Highs;
beforeAll(async () => {
	highs = await lpSolver();
});

/** Hidden counts x0..x(n-1) with the given residents and rows; one target, department x0 (cell 100). */
function piece(upper: number[], rows: AttackRow[]): AttackComponent {
	const n = upper.length;
	return {
		vars: Int32Array.from(upper.keys()),
		upper: Float64Array.from(upper),
		truth: new Float64Array(n),
		whole: new Uint8Array(n).fill(1),
		rows,
		targets: [{ kind: 'department', ref: 100, vars: Int32Array.of(0), known: 0, total: upper[0]! }],
		targetIndex: [0]
	};
}

const row = (group: number, vars: number[], lower: number, upper: number): AttackRow => ({
	group,
	vars: Int32Array.from(vars),
	lower,
	upper
});

describe('a kept dual bounds the target on the next round', () => {
	// Round 1: area 7 publishes x0 + x1 in [2.5, 3.5]; x0 (10 residents) is at most 3.5, and the
	// LP's dual for that maximum is 1 on area 7's row: x0 = (x0 + x1) - x1 <= 3.5 - 0.
	const certificate: Certificate = { groups: Int32Array.of(7), y: Float64Array.of(1) };
	const certificates = new Certificates();
	certificates.keep(piece([10, 10], []).targets[0]!, 'max', certificate);
	const bound = (p: AttackComponent) => certificates.bound(p, rowsByGroup(p), 0, 'max', scratchFor(p))!;

	it('gives the LP maximum on the rows it came from', () => {
		const p = piece([10, 10], [row(7, [0, 1], 2.5, 3.5)]);
		expect(bound(p)).toBeGreaterThanOrEqual(3.5);
		expect(bound(p)).toBeLessThan(3.5 + 1e-4);
		expect(certificates.bound(p, rowsByGroup(p), 0, 'min', scratchFor(p))).toBeUndefined();
	});

	it('still bounds it when the row gained a hidden count (x2 of 4 residents, 1 in it)', () => {
		// Area 7 now publishes x0 + x1 + x2 in [3.5, 4.5]: 1 * 4.5, and x2's reduced cost 0 - 1 < 0 adds nothing.
		const p = piece([10, 10, 4], [row(7, [0, 1, 2], 3.5, 4.5), row(8, [1, 2], 1.5, 2.5)]);
		expect(bound(p)).toBeGreaterThanOrEqual(4.5);
		expect(bound(p)).toBeLessThan(4.5 + 1e-4);
	});

	it('falls back to the box when the row is withheld', () => {
		// No row of area 7: y = 0 on every row, so x0 <= its 10 residents.
		const p = piece([10, 10], [row(8, [1], 1.5, 2.5)]);
		expect(bound(p)).toBeGreaterThanOrEqual(10);
		expect(bound(p)).toBeLessThan(10 + 1e-4);
	});

	it('is let go of once the target is shown protected', () => {
		const kept = new Certificates();
		const p = piece([10, 10], [row(7, [0, 1], 2.5, 3.5)]);
		kept.keep(p.targets[0]!, 'max', certificate);
		expect(kept.has(p.targets[0]!)).toBe(true);
		kept.forget(p.targets[0]!);
		expect(kept.has(p.targets[0]!)).toBe(false);
	});
});

/** A finding by what it names (the range of an exposure may be outer with the kept duals: the repair does not read it). */
const named = (f: Finding) => (f.kind === 'residual' ? `r${f.group}` : `${f.kind[0]}${f.target.ref}`);

/**
 * The audit's own rounds on the departments' world in 2024, each attacked twice: with the year's
 * kept duals, and without them (the same targets known protected); the rounds go on from the
 * first. Returns both attacks' solver runs.
 */
function bothWays(depts: readonly Dept[]): { withDuals: number; without: number } {
	const certificates = new Certificates();
	const solves = { withDuals: 0, without: 0 };
	repairRounds(
		highs,
		depts,
		() => {},
		(r, safe, implied) => {
			const attack = (known: Set<string>, kept?: Certificates) =>
				auditYear(highs, r.input, 2024, r.members, r.suppressed, r.hidden, SCALE, known, r.tracked.world, implied, kept);
			const plain = attack(new Set(safe));
			const audit = attack(safe, certificates);
			expect(audit.findings.map(named)).toEqual(plain.findings.map(named));
			solves.withDuals += audit.solves;
			solves.without += plain.solves;
			return audit;
		}
	);
	return solves;
}

describe('the attack with the kept duals, along the audit’s repair rounds', () => {
	it('finds exactly the exposures of the attack without them, with fewer solver runs', async () => {
		const total = { withDuals: 0, without: 0 };
		await fc.assert(
			fc.asyncProperty(fc.array(deptArb, { minLength: 6, maxLength: 24 }), async (depts) => {
				const { withDuals, without } = bothWays(depts);
				total.withDuals += withDuals;
				total.without += without;
			}),
			{ numRuns: 60, seed: 20261201 }
		);
		// The duals were used at all (else the property compared the attack with itself).
		expect(total.withDuals).toBeLessThan(total.without);
	}, 600_000);
});
