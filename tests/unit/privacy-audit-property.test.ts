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
import { deptArbitrary, ruleOnDepts, type Dept } from './privacy-random-world.ts';

const deptArb = deptArbitrary({ area: 2, org: 2, muni: 1, d: 12, areaFreq: 5 });

/** Every whole-number assignment of the hidden counts the published sums allow; each hidden count's and hidden group's range. */
function bruteForce(depts: Dept[], groupsOf: string[][], hidden: boolean[], hiddenGroups: Set<string>) {
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
			for (const i of vars) seen(`d${i}`, x.get(i)!);
			for (const g of hiddenGroups) {
				let sum = 0;
				depts.forEach((dep, i) => {
					if (groupsOf[i]!.includes(g)) sum += hidden[i] ? x.get(i)! : dep.n;
				});
				seen(g, sum);
			}
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
	const exposed: string[] = [];
	const check = (key: string, total: number) => {
		const l = lo.get(key)!;
		const h = hi.get(key)!;
		if (!(h - l >= 5 || (l === 0 && h === total))) exposed.push(`${key} ${l}-${h} of ${total}`);
	};
	for (const i of vars) check(`d${i}`, depts[i]!.d);
	for (const g of hiddenGroups)
		check(
			g,
			depts.reduce((s, dep, i) => s + (groupsOf[i]!.includes(g) ? dep.d : 0), 0)
		);
	return exposed;
}

/** The rule alone, then (unless `audit` is false) the audit's suppression; what ends hidden. */
async function hideFor(depts: Dept[], audit = true) {
	const names = depts.map((_, i) => `x${i}`);
	const { groupsOf, w, s } = ruleOnDepts(depts, names);
	if (audit) await auditedSuppression(new Map([['uden_for_arbejdsmarked', w.input]]), s, w.ids);
	const hiddenCells = s.cells.get('uden_for_arbejdsmarked')!;
	const hidden = names.map((name) => hiddenCells[w.cell(name)] === 1);
	const hiddenGroups = new Set(s.aggregates.map((a) => `${a.niveau}:${a.enhed_id}`));
	return bruteForce(depts, groupsOf, hidden, hiddenGroups);
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
