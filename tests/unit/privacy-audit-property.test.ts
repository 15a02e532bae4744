/**
 * Property: on random small worlds (a few departments in overlapping areas, organisations and
 * municipalities, one year, whole persons), the rule followed by the audit's suppression leaves
 * nothing a brute-force attacker can pin down. The attacker here shares no code with the
 * pipeline: he enumerates every whole-number assignment of the hidden counts (0..residents)
 * that reproduces every published aggregate exactly, and so also uses what an LP cannot (that
 * counts are whole).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { auditedSuppression } from '../../pipelines/build/audited-suppression.ts';
import { referenceKnowledge, unpublishedRows } from '../../pipelines/build/audit-reference-groups.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { deptArbitrary, ruleOnDepts, type Dept } from './privacy-random-world.ts';

const deptArb = deptArbitrary({ area: 2, org: 2, muni: 1, d: 12, areaFreq: 5 });

/**
 * Every whole-number assignment of the hidden counts the published sums allow; each hidden count
 * and each hidden group's count judged: outside `revealed` (departments of a reference row that
 * reveals 1-4 persons on its own) and outside every reference row's group it holds whole
 * (`rowMembers`: that part's count is the row's), with the residents there as its whole.
 */
function bruteForce(
	depts: Dept[],
	groupsOf: string[][],
	hidden: boolean[],
	hiddenGroups: Set<string>,
	revealed: ReadonlySet<number> = new Set(),
	rowMembers: number[][] = []
) {
	const judged = new Map<string, number[]>();
	const alone = new Set(rowMembers.filter((m) => m.length === 1).flat());
	depts.forEach((_, i) => hidden[i] && !revealed.has(i) && !alone.has(i) && judged.set(`d${i}`, [i]));
	for (const g of hiddenGroups) {
		const of = depts.map((_, i) => i).filter((i) => groupsOf[i]!.includes(g));
		const given = new Set([...of.filter((i) => revealed.has(i)), ...rowMembers.filter((m) => m.every((i) => of.includes(i))).flat()]);
		const outside = of.filter((i) => !given.has(i));
		if (outside.some((i) => hidden[i])) judged.set(g, outside);
	}
	const ranges = rangesOf(depts, groupsOf, hidden, hiddenGroups, judged);
	const exposed: string[] = [];
	const narrow: { text: string; of: number[]; range: [number, number] }[] = [];
	for (const [key, of] of judged) {
		const total = of.reduce((s, i) => s + depts[i]!.d, 0);
		const [l, h] = ranges.get(key)!;
		if (!(h - l >= 5 || (l === 0 && h === total))) {
			exposed.push(`${key} ${l}-${h} of ${total}`);
			narrow.push({ text: `${key} ${l}-${h} of ${total}`, of, range: [l, h] });
		}
	}
	return { exposed, ranges, narrow };
}

/**
 * The range of the sum over each set of departments in `sets` (hidden ones as assigned, the
 * others as they are) over every whole-number assignment of the hidden counts that the published
 * sums (every group not in `hiddenGroups`) allow.
 */
function rangesOf(
	depts: Dept[],
	groupsOf: string[][],
	hidden: boolean[],
	hiddenGroups: ReadonlySet<string>,
	sets: ReadonlyMap<string, number[]>
): Map<string, [number, number]> {
	const vars = depts.map((_, i) => i).filter((i) => hidden[i]);
	const allGroups = [...new Set(groupsOf.flat())];
	const published = allGroups.filter((g) => !hiddenGroups.has(g));
	// For each published group: its hidden members and the sum they must make.
	const rows = published.map((g) => {
		const members = vars.filter((i) => groupsOf[i]!.includes(g));
		return { members, sum: members.reduce((s, i) => s + depts[i]!.n, 0) };
	});
	const lo = new Map<string, number>();
	const hi = new Map<string, number>();
	const x = new Map<number, number>();
	const seen = (key: string, v: number) => {
		lo.set(key, Math.min(lo.get(key) ?? Infinity, v));
		hi.set(key, Math.max(hi.get(key) ?? -Infinity, v));
	};
	const go = (k: number) => {
		if (k === vars.length) {
			for (const r of rows) if (r.members.reduce((s, i) => s + x.get(i)!, 0) !== r.sum) return;
			for (const [key, of] of sets)
				seen(
					key,
					of.reduce((s, i) => s + (hidden[i] ? x.get(i)! : depts[i]!.n), 0)
				);
			return;
		}
		const i = vars[k]!;
		for (let v = 0; v <= depts[i]!.d; v++) {
			x.set(i, v);
			// Prune: a row whose members are all assigned must already add up.
			if (
				rows.some(
					(r) =>
						r.members.includes(i) &&
						r.members.every((m) => x.has(m) && vars.indexOf(m) <= k) &&
						r.members.reduce((s, m) => s + x.get(m)!, 0) !== r.sum
				)
			)
				continue;
			go(k + 1);
		}
		x.delete(i);
	};
	go(0);
	return new Map([...lo.keys()].map((k): [string, [number, number]] => [k, [lo.get(k)!, hi.get(k)!]]));
}

/** The rule alone, then (unless `audit` is false) the audit's suppression; what ends hidden. */
async function hideFor(depts: Dept[], audit = true) {
	const names = depts.map((_, i) => `x${i}`);
	const { groupsOf, w, s } = ruleOnDepts(depts, names);
	if (audit) await auditedSuppression(new Map([['uden_for_arbejdsmarked', w.input]]), s, w.ids);
	const hiddenCells = s.cells.get('uden_for_arbejdsmarked')!;
	const hidden = names.map((name) => hiddenCells[w.cell(name)] === 1);
	const hiddenGroups = new Set(s.aggregates.map((a) => `${a.niveau}:${a.enhed_id}`));
	return bruteForce(depts, groupsOf, hidden, hiddenGroups).exposed;
}

describe('the audited suppression against a brute-force attacker', () => {
	it('the attacker bites: the rule alone leaves an organisation across two areas exposed', async () => {
		// Area A0 = {x0: 3 of 40, x1: 20 of 50}; B0 = {x0, x2}, B1 = {x1, x3}: the rule hides x0
		// and x1 (A0 minus published = x0 + x1), but B0 - x2 = x0 = 3.
		const depts: Dept[] = [
			{ area: 0, org: 0, muni: 0, n: 3, d: 40 },
			{ area: 0, org: 1, muni: 0, n: 20, d: 50 },
			{ area: 1, org: 0, muni: 0, n: 15, d: 60 },
			{ area: 2, org: 1, muni: 0, n: 10, d: 30 }
		];
		expect(await hideFor(depts, false)).not.toEqual([]);
		expect(await hideFor(depts)).toEqual([]);
	});

	it('leaves no hidden count or hidden aggregate narrower than 5 persons or its whole range', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(deptArb, { minLength: 2, maxLength: 5 }), async (depts) => {
				expect(await hideFor(depts)).toEqual([]);
			}),
			{ numRuns: 150, seed: 20261129 }
		);
	});
});

/**
 * With reference rows (referencetal.json) about the municipalities, all housing types or one:
 * exact counts (`taeller`), as LBF publishes them. The brute-force attacker takes each as one more
 * published sum. A row that reveals 1-4 persons on its own (the test written out here again: under
 * 5 residents, or 1-4 inside or outside) is known anyway: for its departments, and hidden groups
 * inside it, he must learn no more than the reference rows alone tell him (the same range by
 * brute force over the reference rows only); every other target must pass the 5-person test.
 */
describe('the audited suppression with reference rows, against a brute-force attacker', () => {
	// Housing types 0 and 1; 2 is a department of no type, in no type's row: the municipality's
	// row minus both types' rows pins its untyped departments' sum, a combination of three rows.
	const TYPES = ['familie', 'ungdom', null] as const;
	const reveals = (n: number, d: number) => d < 5 || (n > 0 && n < 5) || (d - n > 0 && d - n < 5);

	async function check(depts: Dept[], types: number[], rowsWanted: [number, number | null][]) {
		const names = depts.map((_, i) => `x${i}`);
		const { groupsOf, w, s } = ruleOnDepts(depts, names);
		// The reference rows: municipality K<m>, all types (null) or one; exact counts.
		const inRow = ([m, t]: [number, number | null], i: number) => depts[i]!.muni === m && (t === null || types[i] === t);
		const rowsKept = rowsWanted.filter(
			(r, k) => rowsWanted.findIndex((q) => q[0] === r[0] && q[1] === r[1]) === k && depts.some((_, i) => inRow(r, i))
		);
		const rows: ReferenceRow[] = rowsKept.map((r) => {
			const members = depts.filter((_, i) => inRow(r, i));
			const taeller = members.reduce((a, dep) => a + dep.n, 0);
			const naevner = members.reduce((a, dep) => a + dep.d, 0);
			return {
				niveau: 'kommune',
				enhed_id: `K${r[0]}`,
				enhed_navn: '',
				indikator: 'uden_for_arbejdsmarked',
				aar: 2024,
				periode: '',
				boligtype: r[1] === null ? null : TYPES[r[1]]!,
				taeller,
				naevner,
				vaerdi: naevner > 0 ? (100 * taeller) / naevner : 0,
				decimaler: 6,
				kilde: 'test',
				url: ''
			};
		});
		const deps = w.ids.map((id) => {
			const i = names.indexOf(id);
			return { kommune_kode: `K${depts[i]!.muni}`, boligtype: TYPES[types[i]!]! as string | null };
		});
		const known = referenceKnowledge(new Map([['uden_for_arbejdsmarked', w.input]]), deps, rows);
		const report = await auditedSuppression(known.inputs, s, w.ids);
		const hiddenCells = s.cells.get('uden_for_arbejdsmarked')!;
		const hidden = names.map((name) => hiddenCells[w.cell(name)] === 1);
		const hiddenGroups = new Set(s.aggregates.map((a) => `${a.niveau}:${a.enhed_id}`));
		// The attacker's published sums: ours, and the reference rows as groups never withheld.
		const refKey = (k: number) => `ref:${k}`;
		const withRefs = groupsOf.map((gs, i) => [...gs, ...rowsKept.flatMap((r, k) => (inRow(r, i) ? [refKey(k)] : []))]);
		// The departments of every row that reveals 1-4 persons on its own: their counts are the
		// reference's; every target is judged outside them.
		// Or, with only the row and the residents known, a department's count or our group's part
		// of the row's group is narrower than 5 persons (and not its whole range): 6 of 6 pins a
		// department of 4 at 4.
		const pinsAlone = (members: number[]) => {
			const parts = new Map<string, number[]>(members.length > 1 ? members.map((i) => [`d${i}`, [i]]) : []);
			for (const g of new Set(members.flatMap((i) => groupsOf[i]!))) {
				const of = members.filter((i) => groupsOf[i]!.includes(g));
				if (of.length < members.length) parts.set(g, of);
			}
			const alone = rangesOf(
				depts,
				depts.map((_, i) => (members.includes(i) ? ['row'] : [])),
				depts.map((_, i) => members.includes(i)),
				new Set(),
				parts
			);
			return [...parts].some(([key, of]) => {
				const [l, h] = alone.get(key)!;
				const total = of.reduce((a, i) => a + depts[i]!.d, 0);
				return !(h - l >= 5 || (l === 0 && h === total));
			});
		};
		// The groups: each row's, and the difference of two rows one inside the other (published too).
		const rowMembers = rowsKept.map((r) => depts.map((_, i) => i).filter((i) => inRow(r, i)));
		const revealsSet = (members: number[]) =>
			reveals(
				members.reduce((a, i) => a + depts[i]!.n, 0),
				members.reduce((a, i) => a + depts[i]!.d, 0)
			) || pinsAlone(members);
		const revealed = new Set<number>();
		for (const members of rowMembers) if (revealsSet(members)) for (const i of members) revealed.add(i);
		for (const outer of rowMembers.slice()) {
			for (const inner of rowMembers.slice()) {
				const rest = outer.filter((i) => !inner.includes(i));
				if (inner === outer || !inner.every((i) => outer.includes(i)) || rest.length === 0) continue;
				if (revealsSet(rest)) for (const i of rest) revealed.add(i);
				rowMembers.push(rest);
			}
		}
		// A withheld group holding a row's whole group: that part's count is the row's; the rest is judged.
		const { narrow } = bruteForce(depts, withRefs, hidden, hiddenGroups, revealed, rowMembers);
		// A judged count the reference rows alone (and the residents) already narrow too far, as
		// three rows can together: the publisher's; it passes when ours leave it exactly that range.
		const onlyRefs = withRefs.map((gs) => gs.filter((g) => g.startsWith('ref:')));
		const inRefs = depts.map((_, i) => onlyRefs[i]!.length > 0);
		const refRange = (of: number[]): [number, number] => {
			const [l, h] = rangesOf(depts, onlyRefs, inRefs, new Set(), new Map([['set', of.filter((i) => inRefs[i])]])).get('set')!;
			const free = of.filter((i) => !inRefs[i]).reduce((a, i) => a + depts[i]!.d, 0);
			return [l, h + free];
		};
		const exposed = narrow
			.filter(({ of, range }) => {
				const [l, h] = refRange(of);
				const total = of.reduce((a, i) => a + depts[i]!.d, 0);
				const refExposed = !(h - l >= 5 || (l === 0 && h === total));
				return !(refExposed && range[0] === l && range[1] === h);
			})
			.map((n) => n.text);
		// What referencetal.json republishes reveals nothing itself: with only those rows, every
		// hidden department whose count the rows (all of them) leave too narrow is unconstrained
		// (not one a revealing row holds, nor one that is a row's whole group: the rules before
		// this branch decide those).
		const kept = rowsKept.map((_, k) => !unpublishedRows(rows, known, report.referenceRows).includes(rows[k]!));
		for (const i of depts.keys()) {
			if (revealed.has(i) || !hidden[i] || rowMembers.some((m) => m.length === 1 && m[0] === i)) continue;
			const [l, h] = refRange([i]);
			if (h - l >= 5 || (l === 0 && h === depts[i]!.d)) continue;
			if (rowMembers.some((m, k) => k < rowsKept.length && kept[k] && m.includes(i))) exposed.push(`d${i} in a republished row`);
		}
		if (revealed.size === 0) return exposed;
		// Inside them, nothing beyond the reference rows: each revealed department's range, and the
		// part inside them of each hidden group, as narrow as with only the reference rows known.
		const inside = new Map<string, number[]>();
		for (const i of revealed) inside.set(`d${i}`, [i]);
		for (const g of hiddenGroups) {
			const of = [...revealed].filter((i) => groupsOf[i]!.includes(g));
			if (of.length > 0) inside.set(`${g} inside`, of);
		}
		const all = rangesOf(depts, withRefs, hidden, hiddenGroups, inside);
		const refAlone = rangesOf(
			depts,
			onlyRefs,
			depts.map((_, i) => onlyRefs[i]!.length > 0),
			new Set(),
			inside
		);
		for (const key of inside.keys()) {
			if (JSON.stringify(all.get(key)) !== JSON.stringify(refAlone.get(key)))
				exposed.push(`${key} ${all.get(key)} beyond the reference's ${refAlone.get(key)}`);
		}
		return exposed;
	}

	it('the attacker bites: a family-housing row pins a department the rule left protected', async () => {
		// As the hand-worked world in privacy-audit-reference.test.ts: K0 family = x0 + x2 = 18, x2 published.
		const depts: Dept[] = [
			{ area: null, org: 0, muni: 0, n: 3, d: 40 },
			{ area: null, org: 0, muni: 0, n: 20, d: 50 },
			{ area: null, org: 1, muni: 0, n: 15, d: 60 },
			{ area: null, org: 1, muni: 0, n: 10, d: 45 }
		];
		const names = depts.map((_, i) => `x${i}`);
		const { groupsOf, w, s } = ruleOnDepts(depts, names);
		const hiddenCells = s.cells.get('uden_for_arbejdsmarked')!;
		const ruleHidden = names.map((name) => hiddenCells[w.cell(name)] === 1);
		const withRef = groupsOf.map((gs, i) => (i === 0 || i === 2 ? [...gs, 'ref:0'] : gs));
		expect(bruteForce(depts, withRef, ruleHidden, new Set()).exposed).toEqual(['d0 3-3 of 40', 'd1 20-20 of 50']);
		expect(await check(depts, [0, 1, 0, 1], [[0, 0]])).toEqual([]);
	});

	/** Random departments, housing types (2: none) and `rows` more rows (municipality, type or all). */
	const randomWorld = (rows: { minLength: number; maxLength: number }) =>
		fc
			.array(deptArb, { minLength: 2, maxLength: 5 })
			.chain((depts) =>
				fc.tuple(
					fc.constant(depts),
					fc.array(fc.integer({ min: 0, max: 2 }), { minLength: depts.length, maxLength: depts.length }),
					fc.array(fc.tuple(fc.integer({ min: 0, max: 1 }), fc.option(fc.integer({ min: 0, max: 1 }))), rows)
				)
			);

	it('leaves nothing narrower than 5 persons, and inside a revealing row nothing beyond the row', async () => {
		await fc.assert(
			fc.asyncProperty(randomWorld({ minLength: 1, maxLength: 4 }), async ([depts, types, rows]) => {
				expect(await check(depts, types, rows)).toEqual([]);
			}),
			{ numRuns: 150, seed: 20261201 }
		);
	});

	it('with a municipality and both its housing types always published: the three rows pin its untyped departments together', async () => {
		await fc.assert(
			fc.asyncProperty(randomWorld({ minLength: 0, maxLength: 2 }), async ([depts, types, rows]) => {
				expect(await check(depts, types, [[0, null], [0, 0], [0, 1], ...rows])).toEqual([]);
			}),
			{ numRuns: 150, seed: 20261202 }
		);
	});
});
