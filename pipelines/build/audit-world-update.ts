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
import type { PrivacyInput } from './privacy.ts';
import { attackWorld, residualFails, yearIsWhole, rowInterval, type AttackRow, type AttackTarget, type AttackWorld } from './audit-attack-world.ts';

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
	/** Int32Array.of(v) for each variable v so far, shared by the department targets of every round (never written). */
	unit: Int32Array[];
	/** Per group of the year: the sums of its hidden members' counts and residents. */
	hiddenCount: Float64Array;
	hiddenResidents: Float64Array;
	/**
	 * Every count and resident figure of the year is a whole number: then sums of them are exact in
	 * any order, and a changed group's sums are its old ones plus its new cells'. Otherwise its
	 * members are summed again in attackWorld's order, so the last digit is the same too.
	 */
	exact: boolean;
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
	const hiddenCount = new Float64Array(groups.length);
	const hiddenResidents = new Float64Array(groups.length);
	groups.forEach((g, i) => {
		// The same sums in the same order as attackWorld's.
		let n = 0;
		let d = 0;
		let hn = 0;
		let hd = 0;
		for (const c of members.get(g)!) {
			n += input.numerator[c]!;
			d += input.denominator[c]!;
			if (!suppressed[c]) continue;
			hn += input.numerator[c]!;
			hd += input.denominator[c]!;
		}
		count[i] = n;
		residents[i] = d;
		hiddenCount[i] = hn;
		hiddenResidents[i] = hd;
	});
	const rowAt = new Int32Array(groups.length).fill(-1);
	const targetAt = new Int32Array(groups.length).fill(-1);
	world.rows.forEach((r, k) => (rowAt[slotOf[r.group]!] = k));
	world.targets.forEach((t, k) => {
		if (t.kind === 'aggregate') targetAt[slotOf[t.ref]!] = k;
	});
	const failing = new Uint8Array(groups.length);
	for (const g of world.failingResiduals) failing[slotOf[g]!] = 1;
	const unit = world.targets.flatMap((t) => (t.kind === 'department' ? [t.vars] : []));
	const exact = wholeYear(input, members) === 1;
	return { world, groups, rowAt, targetAt, failing, count, residents, slotOf, unit, hiddenCount, hiddenResidents, exact };
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
	let cell = new Int32Array(oldCells.length + added.length);
	let upper = new Float64Array(cell.length);
	let truth = new Float64Array(cell.length);
	const moved = new Int32Array(oldCells.length);
	const varOf = new Map<number, number>();
	const fresh: number[] = [];
	let i = 0;
	let j = 0;
	let v = 0;
	while (i < oldCells.length || j < added.length) {
		if (j === added.length || (i < oldCells.length && oldCells[i]! < added[j]!)) {
			moved[i] = v;
			upper[v] = old.upper[i]!;
			truth[v] = old.truth[i]!;
			cell[v++] = oldCells[i++]!;
		} else if (i < oldCells.length && oldCells[i] === added[j]) {
			// Already hidden (not expected: the repair picks open cells); counted once.
			moved[i] = v;
			upper[v] = old.upper[i]!;
			truth[v] = old.truth[i]!;
			cell[v++] = oldCells[i++]!;
			j++;
		} else {
			const c = added[j++]!;
			varOf.set(c, v);
			fresh.push(c);
			upper[v] = input.denominator[c]!;
			truth[v] = input.numerator[c]!;
			cell[v++] = c;
		}
	}
	const size = v;
	if (size < cell.length) {
		cell = cell.slice(0, size);
		upper = upper.slice(0, size);
		truth = truth.slice(0, size);
	}
	const cells = cell;
	const whole = new Uint8Array(size).fill(old.whole.length > 0 ? old.whole[0]! : wholeYear(input, members));

	// The groups a new cell or a newly withheld group changes.
	const changed = new Uint8Array(groups.length);
	// With exact sums: each changed group's new variables, ascending (fresh is ascending by cell, so by variable).
	const newIn = new Map<number, number[]>();
	for (const c of fresh) {
		for (const g of input.memberships[input.department[c]!]!) {
			const s = slotOf[g]!;
			if (s < 0) continue;
			changed[s] = 1;
			const list = newIn.get(s);
			if (list) list.push(varOf.get(c)!);
			else newIn.set(s, [varOf.get(c)!]);
		}
	}
	for (const g of addedGroups) if (slotOf[g]! >= 0) changed[slotOf[g]!] = 1;

	// Variables below the first new one keep their number: rows and targets only over those are
	// kept as they are (new typed arrays by the thousand each round were most of the update's time).
	let firstMoved = 0;
	while (firstMoved < moved.length && moved[firstMoved] === firstMoved) firstMoved++;
	const renumber = (vars: Int32Array) => {
		if (vars.length === 0 || vars[vars.length - 1]! < firstMoved) return vars;
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
	const sums = [tracked.hiddenCount.slice(), tracked.hiddenResidents.slice()];
	const unit = tracked.unit;
	for (let k = unit.length; k < size; k++) unit.push(Int32Array.of(k));
	for (let k = 0; k < size; k++) {
		targets.push(k < firstMoved ? old.targets[k]! : { kind: 'department', ref: cells[k]!, vars: unit[k]!, known: 0, total: upper[k]! });
	}
	groups.forEach((g, s) => {
		if (!changed[s]) {
			const r = tracked.rowAt[s]!;
			const t = tracked.targetAt[s]!;
			if (r >= 0) {
				const row = old.rows[r]!;
				const vars = renumber(row.vars);
				rowAt[s] = rows.push(vars === row.vars ? row : { group: g, vars, lower: row.lower, upper: row.upper }) - 1;
			}
			if (t >= 0) {
				const target = old.targets[t]!;
				const vars = renumber(target.vars);
				targetAt[s] = targets.push(vars === target.vars ? target : { ...target, vars }) - 1;
			}
			if (tracked.failing[s]) {
				failing[s] = 1;
				failingResiduals.push(g);
			}
			return;
		}
		let vars: Int32Array;
		let hiddenCount: number;
		let hiddenResidents: number;
		if (tracked.exact) {
			// The old variables renumbered, merged with the new ones; the sums grown by the new cells.
			const r = tracked.rowAt[s]!;
			const t = tracked.targetAt[s]!;
			const before = r >= 0 ? renumber(old.rows[r]!.vars) : t >= 0 ? renumber(old.targets[t]!.vars) : new Int32Array(0);
			const news = newIn.get(s) ?? [];
			vars = new Int32Array(before.length + news.length);
			hiddenCount = tracked.hiddenCount[s]!;
			hiddenResidents = tracked.hiddenResidents[s]!;
			let a = 0;
			let b = 0;
			for (let k = 0; k < vars.length; k++) {
				if (b === news.length || (a < before.length && before[a]! < news[b]!)) vars[k] = before[a++]!;
				else {
					const nv = news[b++]!;
					vars[k] = nv;
					hiddenCount += truth[nv]!;
					hiddenResidents += upper[nv]!;
				}
			}
		} else {
			// As attackWorld: the hidden members' sums in the members' order.
			const list: number[] = [];
			hiddenCount = 0;
			hiddenResidents = 0;
			for (const c of members.get(g)!) {
				if (!suppressed[c]) continue;
				list.push(cellVar(c));
				hiddenCount += input.numerator[c]!;
				hiddenResidents += input.denominator[c]!;
			}
			vars = Int32Array.from(list).sort();
		}
		sums[0]![s] = hiddenCount;
		sums[1]![s] = hiddenResidents;
		if (hiddenGroups.has(g)) {
			targetAt[s] =
				targets.push({ kind: 'aggregate', ref: g, vars, known: count[s]! - hiddenCount, total: residents[s]! }) - 1;
		} else if (vars.length > 0) {
			const row = rowInterval(input.groups[g]!, count[s]!, residents[s]!, hiddenCount, scale);
			rowAt[s] = rows.push({ group: g, vars, lower: row.lower, upper: row.upper }) - 1;
			if (residualFails(input.groups[g]!, hiddenCount, hiddenResidents)) {
				failing[s] = 1;
				failingResiduals.push(g);
			}
		}
	});
	const world: AttackWorld = { year: old.year, cell: cells, upper, truth, whole, rows, targets, failingResiduals };
	const [hiddenCount, hiddenResidents] = sums as [Float64Array, Float64Array];
	return { world, groups, rowAt, targetAt, failing, count, residents, slotOf, unit, hiddenCount, hiddenResidents, exact: tracked.exact };
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
	return yearIsWhole(input, members) ? 1 : 0;
}
