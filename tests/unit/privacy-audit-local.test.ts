/**
 * The repair's quick local attack (pipelines/build/audit-local-attack.ts) on the hand-worked
 * world of privacy-audit.test.ts ("an organisation across two areas"), each answer worked out on
 * paper: it must call exposed what the full attack proves exposed, follow cells hidden during a
 * round, and leave out rows of more hidden cells than it takes in (the optimistic side, which
 * the full attack then decides).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { cellsByYear, membersOf } from '../../pipelines/build/audit-attack-world.ts';
import { LOCAL_LIMIT, LocalAttacker } from '../../pipelines/build/audit-local-attack.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { world, type WorldCell } from './privacy-world.ts';

let highs: Highs;
beforeAll(async () => {
	highs = await lpSolver();
});

// P has a (area X) and c (area Y); Q has b (area X) and e (area Z).
const w = world(
	{
		a: ['omraade:X', 'boligorganisation:P'],
		b: ['omraade:X', 'boligorganisation:Q'],
		c: ['omraade:Y', 'boligorganisation:P'],
		e: ['omraade:Z', 'boligorganisation:Q']
	},
	[
		{ dept: 'a', n: 3, d: 40 },
		{ dept: 'b', n: 20, d: 50 },
		{ dept: 'c', n: 15, d: 60 },
		{ dept: 'e', n: 10, d: 30 }
	]
);

function attacker(hidden: Uint8Array, withheld: string[]) {
	const groups = new Set(withheld.map(w.group));
	return new LocalAttacker(highs, {
		input: w.input,
		members: membersOf(w.input, cellsByYear(w.input).get(2024)!),
		scale: 100,
		whole: true,
		hiddenCell: (c) => hidden[c] === 1,
		hiddenGroup: (g) => groups.has(g)
	});
}

function hide(...depts: string[]): Uint8Array {
	const hidden = new Uint8Array(w.input.department.length);
	for (const d of depts) hidden[w.cell(d)] = 1;
	return hidden;
}

describe('the local attack', () => {
	it('finds what the full attack finds: P - c = a = 3 and Q - e = b = 20', () => {
		const local = attacker(hide('a', 'b'), []);
		expect(
			local.exposed([
				{ kind: 'department', ref: w.cell('a') },
				{ kind: 'department', ref: w.cell('b') }
			])
		).toEqual([true, true]);
	});

	it('calls both protected once P and Q are withheld: X = a + b = 23 leaves each anywhere in 0..23', () => {
		const local = attacker(hide('a', 'b'), ['boligorganisation:P', 'boligorganisation:Q']);
		expect(
			local.exposed([
				{ kind: 'department', ref: w.cell('a') },
				{ kind: 'department', ref: w.cell('b') },
				{ kind: 'aggregate', ref: w.group('boligorganisation:P') }
			])
		).toEqual([false, false, false]);
	});

	it('pins the withheld P at a + c = 18 while Q still gives b = 20 and X - b = a = 3', () => {
		const local = attacker(hide('a', 'b'), ['boligorganisation:P']);
		expect(local.exposed([{ kind: 'aggregate', ref: w.group('boligorganisation:P') }])).toEqual([true]);
	});

	it('follows a cell hidden during the round: with c hidden too, P = a + c = 18 and X = a + b = 23 pin nothing', () => {
		// Area X of a (3 of 40) and b (20 of 50, in no organisation); organisation P of a and c (15
		// of 60). With a and b hidden, P - c = a = 3 and X - a = b = 20. With c hidden as well:
		// a in 0..18, c = 18 - a in 0..18, b = 23 - a in 5..23, every range over 5 persons wide.
		const chain = world({ a: ['omraade:X', 'boligorganisation:P'], b: ['omraade:X'], c: ['boligorganisation:P'] }, [
			{ dept: 'a', n: 3, d: 40 },
			{ dept: 'b', n: 20, d: 50 },
			{ dept: 'c', n: 15, d: 60 }
		]);
		const hidden = new Uint8Array(3);
		hidden[chain.cell('a')] = 1;
		hidden[chain.cell('b')] = 1;
		const local = new LocalAttacker(highs, {
			input: chain.input,
			members: membersOf(chain.input, cellsByYear(chain.input).get(2024)!),
			scale: 100,
			whole: true,
			hiddenCell: (c) => hidden[c] === 1,
			hiddenGroup: () => false
		});
		const targets = ['a', 'b'].map((d) => ({ kind: 'department' as const, ref: chain.cell(d) }));
		expect(local.exposed(targets)).toEqual([true, true]);
		hidden[chain.cell('c')] = 1;
		local.touch(chain.cell('c'));
		expect(local.exposed([...targets, { kind: 'department', ref: chain.cell('c') }])).toEqual([false, false, false]);
	});

	it('leaves out a row of more hidden cells than it takes in, so it may call protected what a full attack pins', () => {
		// One area K of LOCAL_LIMIT + 1 hidden departments of 10 residents with 0 each, and
		// department z alone in its organisation O (published) besides K: K's row pins every count
		// at 0 (its sum is 0), but it is too large to take in, so z's only row is O = z, published,
		// and hidden z (3 of 10) is read off O exactly: exposed either way. Each of K's others has
		// no row it can take in: anywhere in 0..10, protected here (the full attack pins it at 0).
		const many = Array.from({ length: LOCAL_LIMIT + 1 }, (_, i) => `k${String(i).padStart(3, '0')}`);
		const departments: Record<string, string[]> = Object.fromEntries(many.map((k) => [k, ['omraade:K']]));
		departments['z'] = ['omraade:K', 'boligorganisation:O', 'boligorganisation:O2'];
		departments['y'] = ['boligorganisation:O2'];
		const cells: WorldCell[] = [...many.map((k) => ({ dept: k, n: 0, d: 10 })), { dept: 'z', n: 3, d: 10 }, { dept: 'y', n: 5, d: 10 }];
		const big = world(departments, cells);
		const hidden = new Uint8Array(big.input.department.length);
		for (const k of many) hidden[big.cell(k)] = 1;
		hidden[big.cell('z')] = 1;
		const local = new LocalAttacker(highs, {
			input: big.input,
			members: membersOf(big.input, cellsByYear(big.input).get(2024)!),
			scale: 100,
			whole: true,
			hiddenCell: (c) => hidden[c] === 1,
			hiddenGroup: () => false
		});
		expect(
			local.exposed([
				{ kind: 'department', ref: big.cell('z') },
				{ kind: 'department', ref: big.cell('k000') }
			])
		).toEqual([true, false]);
	});
});
