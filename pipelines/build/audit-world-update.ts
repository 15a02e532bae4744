/**
 * The attack world carried from one repair round to the next (issue 9): after a round hides more
 * cells and withholds more aggregates, the year's world is updated instead of built again
 * (audit-attack-world.ts), and the result is the world `attackWorld` would build from scratch,
 * equal field by field (tests/unit/privacy-audit-world-update.test.ts checks it after repair
 * rounds on a hand-built world and on seeded random ones).
 *
 * What a round can change: hiding cells only adds variables (numbered by cell, so the old ones
 * move up by the new ones below them) and changes the rows and targets of the groups holding a
 * new cell; withholding a group turns its row into a target. Every other group keeps its row and
 * target: only their variables are renumbered, in order, which keeps them sorted. The changed
 * groups are summed again over their members in the members' order, as `attackWorld` sums them,
 * so their intervals are the same to the last bit (a running sum in another order could differ
 * in its last digit). A group's whole count and residents never change with the suppression and
 * are summed once.
 *
 * Rebuilding walked every group's members (each cell of the year about five times, a map lookup
 * each) and allocated every row anew each round; the update walks only the changed groups (the
 * country's among them, once), and copies the others' variable lists through an index array.
 */
import { failsPrimary, type PrivacyInput } from './privacy.ts';
import { countHalfWidth } from './audit-published-precision.ts';
import { attackWorld, type AttackRow, type AttackTarget, type AttackWorld } from './audit-attack-world.ts';

/** A year's world and what an update needs to find each group's row or target in it. */
export interface TrackedWorld {
	world: AttackWorld;
	/** The year's groups, ascending (the order of rows and aggregate targets). */
	groups: number[];
	/** Per group of the year (index into `groups`): its row's index in world.rows, or -1. */
	rowAt: Int32Array;
	/** Per group of the year: its target's index in world.targets, or -1. */
	targetAt: Int32Array;
	/** Per group of the year: 1 when its hidden members' sum fails the primary test. */
	failing: Uint8Array;
	/** Per group of the year: its whole count and residents, summed once. */
	count: Float64Array;
	residents: Float64Array;
	/** Per group of the input: its index in `groups`, or -1 (no cell in the year). */
	slotOf: Int32Array;
}

/** The world built from scratch, with what `updateWorld` needs. */
export function trackWorld(
	input: PrivacyInput,
	year: number,
	members: Map<number, number[]>,
	suppressed: Uint8Array,
	hiddenGroups: ReadonlySet<number>,
	scale: number
): TrackedWorld {
	const world = attackWorld(input, year, members, suppressed, hiddenGroups, scale);
	const groups = [...members.keys()].sort((a, b) => a - b);
	const slotOf = new Int32Array(input.groups.length).fill(-1);
	groups.forEach((g, i) => (slotOf[g] = i));
	const count = new Float64Array(groups.length);
	const residents = new Float64Array(groups.length);
	groups.forEach((g, i) => {
		// The same sums in the same order as attackWorld's.
		let n = 0;
		let d = 0;
		for (const c of members.get(g)!) {
			n += input.numerator[c]!;
			d += input.denominator[c]!;
		}
		count[i] = n;
		residents[i] = d;
	});
	const rowAt = new Int32Array(groups.length).fill(-1);
	const targetAt = new Int32Array(groups.length).fill(-1);
	world.rows.forEach((r, k) => (rowAt[slotOf[r.group]!] = k));
	world.targets.forEach((t, k) => {
		if (t.kind === 'aggregate') targetAt[slotOf[t.ref]!] = k;
	});
	const failing = new Uint8Array(groups.length);
	for (const g of world.failingResiduals) failing[slotOf[g]!] = 1;
	return { world, groups, rowAt, targetAt, failing, count, residents, slotOf };
}

/**
 * The tracked world after `addedCells` were hidden and `addedGroups` withheld (both already set
 * in `suppressed` and `hiddenGroups`): equal to trackWorld's on the new suppression.
 */
export function updateWorld(
	input: PrivacyInput,
	tracked: TrackedWorld,
	members: Map<number, number[]>,
	suppressed: Uint8Array,
	hiddenGroups: ReadonlySet<number>,
	scale: number,
	addedCells: Iterable<number>,
	addedGroups: Iterable<number>
): TrackedWorld {
	const { world: old, groups, slotOf, count, residents } = tracked;
	// New cells enter only through a group's members, as in attackWorld.
	const added = [...new Set(addedCells)].filter((c) => suppressed[c] && inYear(input, old.year, c)).sort((a, b) => a - b);
	const oldCells = old.cell;
	// The merged, ascending cell list, and where each old variable moves.
	const cell = new Int32Array(oldCells.length + added.length);
	const moved = new Int32Array(oldCells.length);
	const varOf = new Map<number, number>();
	let i = 0;
	let j = 0;
	let v = 0;
	while (i < oldCells.length || j < added.length) {
		if (j === added.length || (i < oldCells.length && oldCells[i]! < added[j]!)) {
			moved[i] = v;
			cell[v++] = oldCells[i++]!;
		} else if (i < oldCells.length && oldCells[i] === added[j]) {
			// Already hidden (not expected: the repair picks open cells); counted once.
			moved[i] = v;
			cell[v++] = oldCells[i++]!;
			j++;
		} else {
			varOf.set(added[j]!, v);
			cell[v++] = added[j++]!;
		}
	}
	const size = v;
	const cells = size === cell.length ? cell : cell.slice(0, size);
	const upper = Float64Array.from(cells, (c) => input.denominator[c]!);
	const truth = Float64Array.from(cells, (c) => input.numerator[c]!);
	const whole = new Uint8Array(size).fill(old.whole.length > 0 ? old.whole[0]! : wholeYear(input, members));

	// The groups a new cell or a newly withheld group changes.
	const changed = new Uint8Array(groups.length);
	for (const c of added) for (const g of input.memberships[input.department[c]!]!) if (slotOf[g]! >= 0) changed[slotOf[g]!] = 1;
	for (const g of addedGroups) if (slotOf[g]! >= 0) changed[slotOf[g]!] = 1;

	const renumber = (vars: Int32Array) => {
		const out = new Int32Array(vars.length);
		for (let k = 0; k < vars.length; k++) out[k] = moved[vars[k]!]!;
		return out;
	};
	const cellVar = (c: number): number => {
		const nv = varOf.get(c);
		if (nv !== undefined) return nv;
		// An old variable: find it by binary search in the old cell list.
		let lo = 0;
		let hi = oldCells.length - 1;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (oldCells[mid]! < c) lo = mid + 1;
			else hi = mid;
		}
		return moved[lo]!;
	};

	const rows: AttackRow[] = [];
	const targets: AttackTarget[] = [];
	const failingResiduals: number[] = [];
	const rowAt = new Int32Array(groups.length).fill(-1);
	const targetAt = new Int32Array(groups.length).fill(-1);
	const failing = new Uint8Array(groups.length);
	for (let k = 0; k < size; k++) targets.push({ kind: 'department', ref: cells[k]!, vars: Int32Array.of(k), known: 0, total: upper[k]! });
	groups.forEach((g, s) => {
		if (!changed[s]) {
			const r = tracked.rowAt[s]!;
			const t = tracked.targetAt[s]!;
			if (r >= 0) {
				const row = old.rows[r]!;
				rowAt[s] = rows.push({ group: g, vars: renumber(row.vars), lower: row.lower, upper: row.upper }) - 1;
			}
			if (t >= 0) {
				const target = old.targets[t]!;
				targetAt[s] = targets.push({ ...target, vars: renumber(target.vars) }) - 1;
			}
			if (tracked.failing[s]) {
				failing[s] = 1;
				failingResiduals.push(g);
			}
			return;
		}
		// As attackWorld: the hidden members' sums in the members' order.
		const vars: number[] = [];
		let hiddenCount = 0;
		let hiddenResidents = 0;
		for (const c of members.get(g)!) {
			if (!suppressed[c]) continue;
			vars.push(cellVar(c));
			hiddenCount += input.numerator[c]!;
			hiddenResidents += input.denominator[c]!;
		}
		vars.sort((a, b) => a - b);
		if (hiddenGroups.has(g)) {
			targetAt[s] =
				targets.push({ kind: 'aggregate', ref: g, vars: Int32Array.from(vars), known: count[s]! - hiddenCount, total: residents[s]! }) - 1;
		} else if (vars.length > 0) {
			const half = countHalfWidth(count[s]!, residents[s]!, scale);
			rowAt[s] = rows.push({ group: g, vars: Int32Array.from(vars), lower: hiddenCount - half, upper: hiddenCount + half }) - 1;
			if (failsPrimary(hiddenCount, hiddenResidents)) {
				failing[s] = 1;
				failingResiduals.push(g);
			}
		}
	});
	const world: AttackWorld = { year: old.year, cell: cells, upper, truth, whole, rows, targets, failingResiduals };
	return { world, groups, rowAt, targetAt, failing, count, residents, slotOf };
}

/** Whether attackWorld would see cell c: a cell of the year that enters sums (cellsByYear) and is in a group. */
function inYear(input: PrivacyInput, year: number, c: number): boolean {
	const n = input.numerator[c]!;
	const d = input.denominator[c]!;
	if (input.year[c] !== year || Number.isNaN(n) || Number.isNaN(d) || !(d > 0)) return false;
	return input.memberships[input.department[c]!]!.length > 0;
}

/** attackWorld's whole-persons flag, for a world that had no variable yet. */
function wholeYear(input: PrivacyInput, members: Map<number, number[]>): number {
	for (const list of members.values()) {
		for (const c of list) if (!Number.isInteger(input.numerator[c]!) || !Number.isInteger(input.denominator[c]!)) return 0;
	}
	return 1;
}
