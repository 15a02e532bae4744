/**
 * The attack world updated after a repair round (audit-world-update.ts) is the world built from
 * scratch on the new suppression (attackWorld), field by field: on a small hand-built world whose
 * renumbered variables and changed rows are worked out by hand, on seeded random worlds with
 * random rounds of hiding, and along the audit's own repair rounds on seeded random worlds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attackWorld, membersOf, type AttackWorld } from '../../pipelines/build/audit-attack-world.ts';
import { cellsByYear } from '../../pipelines/build/year-cells.ts';
import { auditYear } from '../../pipelines/build/audit.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { repair } from '../../pipelines/build/audit-repair.ts';
import { trackWorld, updateWorld } from '../../pipelines/build/audit-world-update.ts';
import type { PrivacyInput } from '../../pipelines/build/privacy.ts';
import { deptArbitrary, ruleOnDepts } from './privacy-random-world.ts';
import { world } from './privacy-world.ts';

const SCALE = 100;

function yearMembers(input: PrivacyInput, year: number) {
	return membersOf(input, cellsByYear(input).get(year)!);
}

/** The world as plain arrays, so toEqual compares values (and each row's group and interval). */
function plain(w: AttackWorld) {
	return {
		year: w.year,
		cell: Array.from(w.cell),
		upper: Array.from(w.upper),
		truth: Array.from(w.truth),
		whole: Array.from(w.whole),
		rows: w.rows.map((r) => ({ group: r.group, vars: Array.from(r.vars), lower: r.lower, upper: r.upper })),
		targets: w.targets.map((t) => ({ kind: t.kind, ref: t.ref, vars: Array.from(t.vars), known: t.known, total: t.total })),
		failingResiduals: w.failingResiduals
	};
}

describe('the attack world updated after a round', () => {
	// a, b in area A of organisation O; c in area B of O; e in area B of organisation P; all in
	// municipality K and the country. b also has a cell in 2023, which the 2024 world never sees.
	const w = world(
		{
			a: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			b: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			c: ['omraade:B', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			e: ['omraade:B', 'boligorganisation:P', 'kommune:K', 'land:DK']
		},
		[
			{ dept: 'a', n: 2, d: 10 },
			{ dept: 'b', n: 20, d: 40 },
			{ dept: 'c', n: 7, d: 30 },
			{ dept: 'e', n: 9, d: 35 },
			{ dept: 'b', n: 3, d: 12, year: 2023 }
		]
	);
	const members = yearMembers(w.input, 2024);

	it('renumbers the old variables around a new one and sums only the changed groups again', () => {
		const suppressed = new Uint8Array(w.input.department.length);
		suppressed[w.cell('a')] = 1;
		suppressed[w.cell('c')] = 1;
		const hidden = new Set<number>();
		let tracked = trackWorld(w.input, 2024, members, suppressed, hidden, SCALE);
		// Variables: a = 0, c = 1.
		expect(Array.from(tracked.world.cell)).toEqual([w.cell('a'), w.cell('c')]);
		// Round: hide b (between a and c by cell index), and the 2023 cell, which is not this year's.
		suppressed[w.cell('b')] = 1;
		suppressed[w.cell('b', 2023)] = 1;
		tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, [w.cell('b'), w.cell('b', 2023)], []);
		const byGroup = (key: string) => tracked.world.rows.find((r) => r.group === w.group(key));
		// Now a = 0, b = 1, c = 2: area B's row (c alone) moved from [1] to [2] without being summed
		// again; area A (a + b = 22) and organisation O (a + b + c = 29) are new sums.
		expect(Array.from(tracked.world.cell)).toEqual([w.cell('a'), w.cell('b'), w.cell('c')]);
		expect(Array.from(byGroup('omraade:B')!.vars)).toEqual([2]);
		expect(Array.from(byGroup('omraade:A')!.vars)).toEqual([0, 1]);
		expect((byGroup('omraade:A')!.lower + byGroup('omraade:A')!.upper) / 2).toBeCloseTo(22, 9);
		expect((byGroup('boligorganisation:O')!.lower + byGroup('boligorganisation:O')!.upper) / 2).toBeCloseTo(29, 9);
		expect(byGroup('boligorganisation:P')).toBeUndefined();
		expect(plain(tracked.world)).toEqual(plain(attackWorld(w.input, 2024, members, suppressed, hidden, SCALE)));
		// Round: withhold organisation O: its row becomes a target of a, b, c with nothing known.
		hidden.add(w.group('boligorganisation:O'));
		tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, [], [w.group('boligorganisation:O')]);
		expect(byGroup('boligorganisation:O')).toBeUndefined();
		const o = tracked.world.targets.find((t) => t.kind === 'aggregate' && t.ref === w.group('boligorganisation:O'))!;
		expect({ vars: Array.from(o.vars), known: o.known, total: o.total }).toEqual({ vars: [0, 1, 2], known: 0, total: 80 });
		expect(plain(tracked.world)).toEqual(plain(attackWorld(w.input, 2024, members, suppressed, hidden, SCALE)));
		// Round: hide e, a member of the withheld O's overlapping area B, and of P.
		suppressed[w.cell('e')] = 1;
		tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, [w.cell('e')], []);
		expect(Array.from(byGroup('omraade:B')!.vars)).toEqual([2, 3]);
		expect(plain(tracked.world)).toEqual(plain(attackWorld(w.input, 2024, members, suppressed, hidden, SCALE)));
	});

	it('starts from a world with nothing hidden', () => {
		const suppressed = new Uint8Array(w.input.department.length);
		const hidden = new Set<number>();
		let tracked = trackWorld(w.input, 2024, members, suppressed, hidden, SCALE);
		expect(tracked.world.cell.length).toBe(0);
		suppressed[w.cell('e')] = 1;
		tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, [w.cell('e')], []);
		expect(Array.from(tracked.world.whole)).toEqual([1]);
		expect(plain(tracked.world)).toEqual(plain(attackWorld(w.input, 2024, members, suppressed, hidden, SCALE)));
	});
});

const deptArb = deptArbitrary({ area: 4, org: 4, muni: 2, d: 60, areaFreq: 4 });

describe('the attack world updated, on seeded random worlds', () => {
	it('equals the world built from scratch after random rounds of hiding cells and withholding groups', () => {
		fc.assert(
			fc.property(
				fc.array(deptArb, { minLength: 3, maxLength: 25 }),
				fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
				fc.array(fc.array(fc.nat(), { maxLength: 2 }), { minLength: 6, maxLength: 6 }),
				fc.boolean(),
				(depts, cellRounds, groupRounds, fraction) => {
					// Sometimes a full-time fraction, so the counts are not whole persons.
					const { w, s } = ruleOnDepts(
						depts,
						depts.map((_, i) => `x${i}`)
					);
					const input = { ...w.input };
					if (fraction) input.numerator = Float64Array.from(input.numerator, (n, i) => (i === 0 ? n * 0.37 : n));
					const suppressed = s.cells.get('uden_for_arbejdsmarked')!;
					const members = yearMembers(input, 2024);
					const hidden = new Set<number>();
					let tracked = trackWorld(input, 2024, members, suppressed, hidden, SCALE);
					cellRounds.forEach((picks, round) => {
						const cells = picks.map((p) => p % depts.length).filter((c) => !suppressed[c]);
						const groups = groupRounds[round]!.map((p) => p % input.groups.length).filter((g) => !hidden.has(g));
						for (const c of cells) suppressed[c] = 1;
						for (const g of groups) hidden.add(g);
						tracked = updateWorld(input, tracked, members, suppressed, hidden, SCALE, cells, groups);
						expect(plain(tracked.world)).toEqual(plain(attackWorld(input, 2024, members, suppressed, hidden, SCALE)));
					});
				}
			),
			{ numRuns: 300, seed: 20261130 }
		);
	});

	it('equals the world built from scratch along the audit’s own repair rounds', async () => {
		const highs = await lpSolver();
		let rounds = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(deptArb, { minLength: 4, maxLength: 14 }), async (depts) => {
				const { w, s } = ruleOnDepts(
					depts,
					depts.map((_, i) => `x${i}`)
				);
				const suppressed = s.cells.get('uden_for_arbejdsmarked')!;
				const members = yearMembers(w.input, 2024);
				const hidden = new Set(s.aggregates.map((a) => w.group(`${a.niveau}:${a.enhed_id}`)));
				const safe = new Set<string>();
				const attempts = new Map<string, number>();
				let tracked = trackWorld(w.input, 2024, members, suppressed, hidden, SCALE);
				for (let round = 0; round < 30; round++) {
					const audit = auditYear(highs, w.input, 2024, members, suppressed, hidden, SCALE, safe, tracked.world);
					if (audit.findings.length === 0) break;
					const more = repair(w.input, audit.world, audit.findings, members, suppressed, hidden, attempts);
					if (more.cells.size === 0 && more.groups.size === 0) break;
					for (const c of more.cells) suppressed[c] = 1;
					for (const g of more.groups) hidden.add(g);
					tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, more.cells, more.groups);
					expect(plain(tracked.world)).toEqual(plain(attackWorld(w.input, 2024, members, suppressed, hidden, SCALE)));
					rounds++;
				}
			}),
			{ numRuns: 40, seed: 20261130 }
		);
		// The property saw repair rounds at all (else it compared nothing).
		expect(rounds).toBeGreaterThan(10);
	});
});
