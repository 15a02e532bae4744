/**
 * One year of one person-based indicator as the attacker sees it (issue 9).
 *
 * He knows every department's residents (the denominator) and reads every published figure: the
 * departments' own rates and the rates of every published aggregate, at every level the rule
 * publishes (the groups of PrivacyInput, so a level added there is attacked here). A published
 * department's count is then known; what he does not know are the hidden (suppressed) counts,
 * the variables here, each between 0 and its residents. Each published aggregate holding hidden
 * departments tells him the sum of their counts, to within the published rounding (a row). The
 * published departments' counts are taken as exact, though he reads them through the same
 * rounding: that gives him a little more than he has, the safe side.
 *
 * What must stay protected (targets): every hidden department count, and every hidden
 * aggregate's count (its hidden members plus its published ones, which he knows).
 */
import { failsPrimary, type PrivacyGroup, type PrivacyInput } from './privacy.ts';
import { countHalfWidth } from './audit-published-precision.ts';
import type { PersonRange } from './audit-protection.ts';

export interface AttackRow {
	/** The published aggregate (index into PrivacyInput.groups). */
	group: number;
	/** Its hidden members, as variable indices. */
	vars: Int32Array;
	/** The interval the sum of their counts lies in. */
	lower: number;
	upper: number;
}

export interface AttackTarget {
	kind: 'department' | 'aggregate';
	/** A cell index (department) or a group index (aggregate). */
	ref: number;
	/** The hidden counts it sums (one for a department). */
	vars: Int32Array;
	/** The count of its published members, which the attacker knows (0 for a department). */
	known: number;
	/** Its residents: the count lies in 0..total. */
	total: number;
	/**
	 * The range the reference figures and the residents alone leave the count in (an outer bound),
	 * when that is already too narrow to protect it: the exposure is their publisher's, and the
	 * count is protected when ours leave it all of this range (audit-publisher-ranges.ts).
	 */
	given?: PersonRange;
}

export interface AttackWorld {
	year: number;
	/** Per variable: the cell it hides, its residents (upper bound), and its true count. */
	cell: Int32Array;
	upper: Float64Array;
	truth: Float64Array;
	/** Per variable: 1 when the attacker may assume the count is a whole number. */
	whole: Uint8Array;
	rows: AttackRow[];
	targets: AttackTarget[];
	/** Published aggregates whose hidden members' sum, read off directly, fails the primary test. */
	failingResiduals: number[];
}

/** Each group's cells of the year (groups without any are absent; a reference figure's group only in its own year). */
export function membersOf(input: PrivacyInput, cells: Int32Array): Map<number, number[]> {
	const members = new Map<number, number[]>();
	for (const c of cells) {
		for (const g of input.memberships[input.department[c]!]!) {
			const reference = input.groups[g]!.reference;
			if (reference && reference.year !== input.year[c]) continue;
			let list = members.get(g);
			if (!list) members.set(g, (list = []));
			list.push(c);
		}
	}
	return members;
}

/**
 * The interval the sum of a published group's hidden counts lies in, for the attacker: its own
 * published figure's rounding around the true sum; for a reference figure (audit-reference-groups.ts)
 * the publisher's interval of the whole count, less the published members' counts he knows.
 */
export function rowInterval(group: PrivacyGroup, count: number, residents: number, hiddenCount: number, scale: number) {
	const reference = group.reference;
	if (reference) {
		const known = count - hiddenCount;
		return { lower: Math.min(reference.lower - known, hiddenCount), upper: Math.max(reference.upper - known, hiddenCount) };
	}
	const half = countHalfWidth(count, residents, scale);
	return { lower: hiddenCount - half, upper: hiddenCount + half };
}

/**
 * A published group whose hidden members' sum, read off directly, fails the primary test. Not a
 * reference figure that reveals 1-4 persons on its own: its members are all hidden and its sum is
 * its publisher's, which nothing we hide can change.
 */
export function residualFails(group: PrivacyGroup, hiddenCount: number, hiddenResidents: number): boolean {
	return !group.reference?.reveals && failsPrimary(hiddenCount, hiddenResidents);
}

/**
 * Counts of whole persons: when every count and every resident figure of the year is a whole
 * number, the attacker can tell (he sees the residents) and may assume each hidden count is one
 * too. One full-time fraction anywhere and he cannot tell which counts happen to be whole.
 */
export function yearIsWhole(input: PrivacyInput, members: ReadonlyMap<number, readonly number[]>): boolean {
	for (const list of members.values()) {
		for (const c of list) if (!Number.isInteger(input.numerator[c]!) || !Number.isInteger(input.denominator[c]!)) return false;
	}
	return true;
}

export function attackWorld(
	input: PrivacyInput,
	year: number,
	members: Map<number, number[]>,
	suppressed: Uint8Array,
	hiddenGroups: ReadonlySet<number>,
	scale: number
): AttackWorld {
	const varOf = new Map<number, number>();
	const cellList: number[] = [];
	for (const list of members.values()) {
		for (const c of list) {
			if (suppressed[c] && !varOf.has(c)) varOf.set(c, cellList.push(c) - 1);
		}
	}
	cellList.sort((a, b) => a - b);
	cellList.forEach((c, v) => varOf.set(c, v));
	const cell = Int32Array.from(cellList);
	const upper = Float64Array.from(cellList, (c) => input.denominator[c]!);
	const truth = Float64Array.from(cellList, (c) => input.numerator[c]!);
	const whole = new Uint8Array(cellList.length).fill(yearIsWhole(input, members) ? 1 : 0);

	const rows: AttackRow[] = [];
	const targets: AttackTarget[] = [];
	const failingResiduals: number[] = [];
	for (let v = 0; v < cell.length; v++) {
		targets.push({ kind: 'department', ref: cell[v]!, vars: Int32Array.of(v), known: 0, total: upper[v]! });
	}
	for (const [g, list] of [...members].sort(([a], [b]) => a - b)) {
		const vars: number[] = [];
		let hiddenCount = 0;
		let hiddenResidents = 0;
		let count = 0;
		let residents = 0;
		for (const c of list) {
			count += input.numerator[c]!;
			residents += input.denominator[c]!;
			if (!suppressed[c]) continue;
			vars.push(varOf.get(c)!);
			hiddenCount += input.numerator[c]!;
			hiddenResidents += input.denominator[c]!;
		}
		vars.sort((a, b) => a - b);
		if (hiddenGroups.has(g)) {
			targets.push({ kind: 'aggregate', ref: g, vars: Int32Array.from(vars), known: count - hiddenCount, total: residents });
		} else if (vars.length > 0) {
			const row = rowInterval(input.groups[g]!, count, residents, hiddenCount, scale);
			rows.push({ group: g, vars: Int32Array.from(vars), lower: row.lower, upper: row.upper });
			if (residualFails(input.groups[g]!, hiddenCount, hiddenResidents)) failingResiduals.push(g);
		}
	}
	return { year, cell, upper, truth, whole, rows, targets, failingResiduals };
}
