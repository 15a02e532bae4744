/**
 * What to hide next when the audit finds an exposure: the cheapest cells that break the attack,
 * chosen greedily, one per finding, then the audit runs again (audited-suppression.ts).
 *
 * - A hidden department the attacker pins down: hide a published department that shares the
 *   most published aggregates with it (so its count can move against the exposed one's in all
 *   of them), preferring one with room to move 5 persons both ways, then the fewest residents,
 *   then the lowest id. With no such department, hide the smallest published aggregate holding it.
 * - A hidden aggregate the attacker pins down: hide one of its published departments (room to
 *   move first, then fewest residents); with none left, the smallest published aggregate
 *   overlapping it.
 * - A published aggregate whose hidden members' sum fails the primary test: as the secondary
 *   rule does, hide its published department with the fewest residents, else the aggregate.
 * Exposures that hang together are repaired one per round: one more hidden count often frees a
 * whole chain of pinned ones, and repairing each link at once would hide several cells where one
 * is enough (on the demo, 194 extra cells against 146 one at a time). So a finding is put off to
 * the next round when one of its small groups (at most CHAIN_GROUP hidden members; larger ones,
 * a municipality or the country, tie everything together and pin little) already had a repair
 * this round. Unrelated exposures in one big piece are still repaired in the same round.
 * A target still exposed after ESCALATE rounds of hidden cells gets its smallest published
 * aggregate withheld instead, which always removes a published sum; so the rounds end. A
 * reference figure's group (audit-reference-groups.ts) is never withheld: cells are hidden
 * against it like any other published aggregate, and with nothing left the audit fails.
 * Choosing by room uses the true counts, which only the publisher knows; what is hidden reveals
 * no more than any other choice would, since the audit then checks the result.
 */
import { MIN_PERSONS, type PrivacyInput } from './privacy.ts';
import type { Finding } from './audit.ts';
import type { AttackWorld } from './audit-attack-world.ts';

/** Rounds a target is repaired by hiding cells before the aggregate pinning it is withheld instead. */
const ESCALATE = 2;

/** Groups with at most this many hidden members link the exposures of one chain. */
const CHAIN_GROUP = 10;

export interface Repair {
	cells: Set<number>;
	groups: Set<number>;
}

export function repair(
	input: PrivacyInput,
	world: AttackWorld,
	findings: readonly Finding[],
	members: Map<number, number[]>,
	suppressed: Uint8Array,
	hiddenGroups: ReadonlySet<number>,
	/** Per exposed target ('d' + cell, 'a' + group): rounds it has been repaired by hiding a cell; kept across rounds. */
	attempts: Map<string, number> = new Map()
): Repair {
	const result: Repair = { cells: new Set(), groups: new Set() };
	const published = (g: number) => members.has(g) && !hiddenGroups.has(g) && !result.groups.has(g);
	const open = (c: number) => !suppressed[c] && !result.cells.has(c);
	const { numerator: n, denominator: d, rank, department } = input;
	const groupsOf = (c: number) => input.memberships[department[c]!]!;
	/** How far a published cell's count can move against `x` of `total` residents, both ways, capped at 5. */
	const room = (j: number, x: number, total: number) =>
		Math.min(MIN_PERSONS, Math.min(x, d[j]! - n[j]!) + Math.min(total - x, n[j]!));
	const before = (ka: number[], kb: number[]) => {
		for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]!;
		return false;
	};
	const best = (candidates: Iterable<number>, key: (c: number) => number[]) => {
		let chosen = -1;
		let chosenKey: number[] = [];
		for (const c of candidates) {
			const k = key(c);
			if (chosen < 0 || before(k, chosenKey)) {
				chosen = c;
				chosenKey = k;
			}
		}
		return chosen;
	};
	// A reference figure's group is published by someone else: it cannot be withheld.
	const withholdable = (g: number) => published(g) && !input.groups[g]!.reference;
	const smallestGroup = (groups: Iterable<number>) =>
		best([...groups].filter(withholdable), (g) => [members.get(g)!.length, g]);

	const hiddenIn = (g: number) => members.get(g)?.reduce((k, c) => k + (suppressed[c] ? 1 : 0), 0) ?? 0;
	const chainGroups = new Map<number, boolean>();
	const linked = (cells: Iterable<number>) => {
		const groups: number[] = [];
		for (const c of cells) {
			for (const g of groupsOf(c)) {
				// Only the year's groups: a department is a member of a reference figure's group in
				// every year, but the figure is about its own year alone (membersOf). Taken as a small
				// group of another year, it tied every finding of its departments into one chain and
				// the year was repaired one finding a round, until the rounds ran out.
				if (!members.has(g)) continue;
				let small = chainGroups.get(g);
				if (small === undefined) chainGroups.set(g, (small = hiddenIn(g) <= CHAIN_GROUP));
				if (small) groups.push(g);
			}
		}
		return groups;
	};
	/**
	 * The open cells sharing a published group with `c`, each with how many it shares, as far as
	 * they can still be chosen (the most shared first). The groups are walked smallest first;
	 * once a cell found shares more groups than are left to walk, no cell only in those can win,
	 * so the large groups (a municipality's, the country's: thousands of cells) are mostly never
	 * walked for a finding. Same choice as walking every group.
	 */
	const sharing = (c: number) => {
		const shared = new Map<number, number>();
		const groups = groupsOf(c)
			.filter(published)
			.sort((a, b) => members.get(a)!.length - members.get(b)!.length || a - b);
		let most = 0;
		for (let k = 0; k < groups.length; k++) {
			if (most > groups.length - k) break;
			for (const j of members.get(groups[k]!)!) {
				if (j === c || !open(j) || shared.has(j)) continue;
				let all = 0;
				for (const g of groupsOf(j)) if (groups.includes(g)) all++;
				shared.set(j, all);
				if (all > most) most = all;
			}
		}
		return shared;
	};
	const repairedGroups = new Set<number>();
	for (const f of findings) {
		if (f.kind !== 'residual') {
			const groups = linked(f.target.vars.length > 0 ? Array.from(f.target.vars, (v) => world.cell[v]!) : []);
			if (groups.some((g) => repairedGroups.has(g))) continue;
			for (const g of groups) repairedGroups.add(g);
		}
		if (f.kind === 'residual') {
			const cell = best(members.get(f.group)!.filter(open), (c) => [d[c]!, rank[department[c]!]!]);
			if (cell >= 0) result.cells.add(cell);
			else if (withholdable(f.group)) result.groups.add(f.group);
			continue;
		}
		const tried = `${f.kind === 'department' ? 'd' : 'a'}${f.target.ref}`;
		const escalate = (attempts.get(tried) ?? 0) >= ESCALATE;
		attempts.set(tried, (attempts.get(tried) ?? 0) + 1);
		if (f.kind === 'department') {
			const c = f.target.ref;
			const shared = escalate ? new Map<number, number>() : sharing(c);
			const cell = escalate ? -1 : best(shared.keys(), (j) => [-shared.get(j)!, -room(j, n[c]!, d[c]!), d[j]!, rank[department[j]!]!]);
			if (cell >= 0) result.cells.add(cell);
			else {
				const g = smallestGroup(groupsOf(c));
				if (g >= 0) result.groups.add(g);
				else {
					// Only reference figures left around it (never withheld): withhold what publishes
					// another hidden department of theirs (an area of that one department alone).
					const near = new Set<number>();
					for (const r of groupsOf(c)) {
						if (!input.groups[r]!.reference) continue;
						for (const j of members.get(r) ?? []) if (j !== c && suppressed[j]) for (const h of groupsOf(j)) near.add(h);
					}
					const h = smallestGroup(near);
					if (h >= 0) result.groups.add(h);
				}
			}
			continue;
		}
		const g = f.target.ref;
		const count = f.target.known + f.target.vars.reduce((s, v) => s + world.truth[v]!, 0);
		const cell = escalate ? -1 : best(members.get(g)!.filter(open), (j) => [-room(j, count, f.target.total), d[j]!, rank[department[j]!]!]);
		if (cell >= 0) result.cells.add(cell);
		else {
			const overlapping = new Set<number>();
			for (const v of f.target.vars) for (const h of groupsOf(world.cell[v]!)) overlapping.add(h);
			const h = smallestGroup(overlapping);
			if (h >= 0) result.groups.add(h);
		}
	}
	// A group withheld while another of the same cells that year stays published is withheld in
	// name only: the other publishes the same sum (one municipality's input: the municipality and
	// the sum of every loaded department, `land`; a municipality of one organisation). Its twins
	// go with it; else the rounds withheld one small group after another around a count the twin
	// kept pinned, until they ran out (København alone at national10 scale, 2013).
	for (const g of [...result.groups]) {
		const list = members.get(g)!;
		for (const h of groupsOf(list[0]!)) {
			if (h !== g && withholdable(h) && sameCells(members.get(h)!, list)) result.groups.add(h);
		}
	}
	return result;
}

/** Whether two groups' lists of the year's cells (membersOf: each in the year's cell order) are the same. */
function sameCells(a: readonly number[], b: readonly number[]): boolean {
	return a.length === b.length && a.every((c, i) => c === b[i]);
}
