/**
 * The attack's pieces worked out from the last round's (audit-implied-rows.ts: only the implied
 * rows that can have changed are worked out again) are the pieces built from scratch, field by
 * field: on a small hand-built world whose rows are worked out by hand (a row that did not change
 * itself but lost a row inside it), on seeded random worlds with random rounds of hiding, and
 * along the audit's own repair rounds on seeded random worlds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AttackRow, AttackWorld } from '../../pipelines/build/audit-attack-world.ts';
import { components, someComponents, type AttackComponent } from '../../pipelines/build/audit-components.ts';
import { impliedRows, withoutImpliedRows, type ImpliedRows } from '../../pipelines/build/audit-implied-rows.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { trackWorld, updateWorld } from '../../pipelines/build/audit-world-update.ts';
import type { PrivacyInput } from '../../pipelines/build/privacy.ts';
import { ruleOnDepts } from './privacy-random-world.ts';
import { deptArb, hideRandomly, repairRounds, SCALE, yearMembers } from './privacy-audit-rounds.ts';
import { world } from './privacy-world.ts';

const plainRow = (r: AttackRow) => ({ group: r.group, vars: Array.from(r.vars), lower: r.lower, upper: r.upper });

/** A piece as plain arrays, so toEqual compares values. */
function plainPiece(p: AttackComponent) {
	return {
		vars: Array.from(p.vars),
		upper: Array.from(p.upper),
		truth: Array.from(p.truth),
		whole: Array.from(p.whole),
		rows: p.rows.map(plainRow),
		targets: p.targets.map((t) => ({ kind: t.kind, ref: t.ref, vars: Array.from(t.vars), known: t.known, total: t.total })),
		targetIndex: p.targetIndex
	};
}

/** The world's pieces from the last round's rows are the pieces from scratch; returns this round's rows. */
function expectSamePieces(input: PrivacyInput, w: AttackWorld, previous: ImpliedRows | undefined): ImpliedRows {
	const family = (row: AttackRow) => input.groups[row.group]!.level;
	const carried = someComponents(w, family, () => true, previous);
	expect(carried.implied.rows.map(plainRow)).toEqual(withoutImpliedRows(w, family).map(plainRow));
	expect(carried.pieces.map(plainPiece)).toEqual(components(w, family).map(plainPiece));
	return carried.implied;
}

describe('the implied rows carried from round to round', () => {
	// a, b in area A of organisation O; c in area B of O; d in area B of organisation Q; f in area
	// C of organisation R; all in municipality K and the country. a, c, f hidden; then d.
	const w = world(
		{
			a: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			b: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			c: ['omraade:B', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			d: ['omraade:B', 'boligorganisation:Q', 'kommune:K', 'land:DK'],
			f: ['omraade:C', 'boligorganisation:R', 'kommune:K', 'land:DK']
		},
		[
			{ dept: 'a', n: 2, d: 10 },
			{ dept: 'b', n: 20, d: 40 },
			{ dept: 'c', n: 7, d: 30 },
			{ dept: 'd', n: 9, d: 35 },
			{ dept: 'f', n: 4, d: 25 }
		]
	);
	const members = yearMembers(w.input, 2024);
	const family = (row: AttackRow) => w.input.groups[row.group]!.level;
	const summary = (rows: readonly AttackRow[]) =>
		rows.map((r) => ({ group: r.group, vars: Array.from(r.vars), centre: Math.round(((r.lower + r.upper) / 2) * 1e6) / 1e6 }));

	it('works out again a row that did not change when a row inside it grew out of it', () => {
		const suppressed = new Uint8Array(w.input.department.length);
		for (const d of ['a', 'c', 'f']) suppressed[w.cell(d)] = 1;
		const hidden = new Set<number>();
		let tracked = trackWorld(w.input, 2024, members, suppressed, hidden, SCALE);
		// Variables a = 0, c = 1, f = 2. O (a + c) is areas A + B, K and the country are A + B + C:
		// all three go; C and R are one row (f alone), kept as C, the first.
		const first = expectSamePieces(w.input, tracked.world, undefined);
		expect(summary(first.rows)).toEqual([
			{ group: w.group('omraade:A'), vars: [0], centre: 2 },
			{ group: w.group('omraade:B'), vars: [1], centre: 7 },
			{ group: w.group('omraade:C'), vars: [2], centre: 4 }
		]);
		// Round: hide d (between c and f: f moves to 3). O itself does not change, but area B
		// (now c + d) is no longer inside it: O is cut down to c, its sum less area A's (9 - 2).
		// Area B (looked at after O, of the same size) is then O's cut plus Q, both organisations:
		// it goes. K and the country are still the three areas and go.
		suppressed[w.cell('d')] = 1;
		tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, [w.cell('d')], []);
		const second = expectSamePieces(w.input, tracked.world, first);
		expect(summary(second.rows)).toEqual([
			{ group: w.group('omraade:A'), vars: [0], centre: 2 },
			{ group: w.group('boligorganisation:O'), vars: [1], centre: 7 },
			{ group: w.group('boligorganisation:Q'), vars: [2], centre: 9 },
			{ group: w.group('omraade:C'), vars: [3], centre: 4 }
		]);
		const o = second.rows[1]!;
		const a = tracked.world.rows.find((r) => r.group === w.group('omraade:A'))!;
		const oWhole = tracked.world.rows.find((r) => r.group === w.group('boligorganisation:O'))!;
		expect([o.lower, o.upper]).toEqual([oWhole.lower - a.upper, oWhole.upper - a.lower]);
		// Round: withhold organisation Q: its row leaves. Area B did not change, but it held Q: with
		// Q gone it is cut down by O's cut (c) to d alone, 16 - 7. K and the country: the areas.
		hidden.add(w.group('boligorganisation:Q'));
		tracked = updateWorld(w.input, tracked, members, suppressed, hidden, SCALE, [], [w.group('boligorganisation:Q')]);
		const third = expectSamePieces(w.input, tracked.world, second);
		expect(summary(third.rows)).toEqual([
			{ group: w.group('omraade:A'), vars: [0], centre: 2 },
			{ group: w.group('boligorganisation:O'), vars: [1], centre: 7 },
			{ group: w.group('omraade:B'), vars: [2], centre: 9 },
			{ group: w.group('omraade:C'), vars: [3], centre: 4 }
		]);
		// Nothing changed: every row as it was, renumbered to itself.
		const fourth = expectSamePieces(w.input, tracked.world, third);
		expect(fourth.rows.map(plainRow)).toEqual(third.rows.map(plainRow));
	});

	it('refuses a last round whose hidden cells are not all still hidden', () => {
		const suppressed = new Uint8Array(w.input.department.length);
		suppressed[w.cell('a')] = 1;
		suppressed[w.cell('c')] = 1;
		const before = impliedRows(trackWorld(w.input, 2024, members, suppressed, new Set(), SCALE).world, family);
		suppressed[w.cell('a')] = 0;
		const after = trackWorld(w.input, 2024, members, suppressed, new Set(), SCALE).world;
		expect(() => impliedRows(after, family, before)).toThrow(/only grows/);
	});
});

describe('the pieces carried from round to round, on seeded random worlds', () => {
	it('equal the pieces built from scratch after random rounds of hiding cells and withholding groups', () => {
		fc.assert(
			fc.property(
				fc.array(deptArb, { minLength: 3, maxLength: 25 }),
				fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 6 }),
				fc.array(fc.array(fc.nat(), { maxLength: 2 }), { minLength: 6, maxLength: 6 }),
				(depts, cellRounds, groupRounds) => {
					const { w, s } = ruleOnDepts(
						depts,
						depts.map((_, i) => `x${i}`)
					);
					let implied: ImpliedRows | undefined;
					hideRandomly(w.input, s.cells.get('uden_for_arbejdsmarked')!, cellRounds, groupRounds, ({ input, tracked }) => {
						implied = expectSamePieces(input, tracked.world, implied);
					});
				}
			),
			{ numRuns: 300, seed: 20261130 }
		);
	});

	it('equal the pieces built from scratch along the audit’s own repair rounds', async () => {
		const highs = await lpSolver();
		let rounds = 0;
		await fc.assert(
			fc.asyncProperty(fc.array(deptArb, { minLength: 4, maxLength: 14 }), async (depts) => {
				// The rows the attack that led to this round carried, against this round's world.
				rounds += repairRounds(highs, depts, ({ input, tracked }, audit) => void expectSamePieces(input, tracked.world, audit.implied));
			}),
			{ numRuns: 40, seed: 20261130 }
		);
		// The property saw repair rounds at all (else it compared nothing).
		expect(rounds).toBeGreaterThan(10);
	});
});
