/**
 * Published rows that tell the attacker nothing new, dropped before the attack is split into
 * pieces: a row whose hidden counts are exactly the disjoint union of other rows' (the country
 * when every municipality is published, a municipality made of its areas, an organisation equal
 * to its one area) is their sum, so keeping the parts loses nothing. Without this the country's
 * row alone would join every hidden count of a year into one LP of thousands of variables.
 * A row that other rows cover only in part is replaced by itself minus them (the country minus
 * every published municipality: the hidden municipality's count), which the attacker can form
 * as well: the rows span the same sums as before, over fewer counts each.
 *
 * The parts' intervals add up to a slightly wider one than the dropped row's own (each is a
 * published rounding, about 1e-15 relative for the full doubles published today); that is far
 * below PERSON_TOLERANCE. If a coarser publication ever made it matter, the row would be kept:
 * a row is dropped only when the parts' rounding adds less than DROP_SLACK persons.
 *
 * Carried from round to round (issue 9): each repair round of a year changes a few rows (those
 * holding a newly hidden cell, those withheld), and the rows' outcomes were all worked out again
 * each round. Given the last round's outcomes, only the rows whose outcome can have changed are
 * worked out again, the others' are renumbered; the rows that come out are the same as from
 * scratch, field by field (tests/unit/privacy-audit-pieces-update.test.ts). Which rows those
 * are: a row's outcome depends on itself, on the rows inside it (smaller, looked at as they
 * are) and on the cut-down rows inside it that were looked at before it (larger at first). So
 * a row is worked out again when it changed, when it holds a changed row (before or after the
 * change, or that row's old cut-down form), or when it holds the old or new cut-down form of a
 * row worked out again before it with another outcome.
 */
import type { AttackRow, AttackWorld } from './audit-attack-world.ts';

const DROP_SLACK = 1e-7;

/** A round's rows after the implied ones are dropped, with what the next round's update compares against. */
export interface ImpliedRows {
	/** The rows left, in the world's order. */
	rows: AttackRow[];
	/** The world's cell of each variable this round (the renumbering to the next round's follows from it). */
	cell: Int32Array;
	/** Each set of identical rows as one: the narrowest row, in the order of their first, as looked at. */
	unique: AttackRow[];
	/** Per unique row: the group of its first row (its name from round to round) and its rows' families. */
	lead: number[];
	families: string[][];
	/** Per unique row: what came out (the same row, a cut-down one), or null when dropped. */
	outcome: (AttackRow | null)[];
}

/** `family` names a row's level: rows of one family never share a hidden count. */
export function withoutImpliedRows(world: AttackWorld, family: (row: AttackRow) => string): AttackRow[] {
	return impliedRows(world, family).rows;
}

/** The world's rows without the implied ones; with `previous` (the same year's last round) only what can have changed is worked out again. */
export function impliedRows(world: AttackWorld, family: (row: AttackRow) => string, previous?: ImpliedRows): ImpliedRows {
	const varCount = world.cell.length;
	// Identical rows first (a municipality that is one organisation): keep the narrowest, which
	// stands for each of their families. Identical rows start with the same variable.
	const byFirst = new Map<number, number[]>();
	const unique: AttackRow[] = [];
	const lead: number[] = [];
	const familiesOf: string[][] = [];
	for (const row of world.rows) {
		const f = family(row);
		const same = byFirst.get(row.vars[0]!);
		const u = same?.find((k) => equalVars(unique[k]!.vars, row.vars)) ?? -1;
		if (u < 0) {
			const k = unique.push(row) - 1;
			lead.push(row.group);
			familiesOf.push([f]);
			if (same) same.push(k);
			else byFirst.set(row.vars[0]!, [k]);
			continue;
		}
		if (!familiesOf[u]!.includes(f)) familiesOf[u]!.push(f);
		if (row.upper - row.lower < unique[u]!.upper - unique[u]!.lower) unique[u] = row;
	}
	const original = unique.slice();
	// The unique rows holding each variable, in their order (one array for all).
	const start = new Int32Array(varCount + 1);
	for (const row of unique) for (const v of row.vars) start[v + 1]!++;
	for (let v = 0; v < varCount; v++) start[v + 1]! += start[v]!;
	const rowsAt = new Int32Array(start[varCount]!);
	const fill = start.slice(0, varCount);
	unique.forEach((row, r) => {
		for (const v of row.vars) rowsAt[fill[v]!++] = r;
	});

	// Largest first, so a dropped row's parts are themselves looked at later and may go too;
	// the parts taken for a row are never dropped rows.
	const order = largestFirst(unique);
	const position = new Int32Array(unique.length);
	order.forEach((r, i) => (position[r] = i));
	/** Marks the rows looked at after `after` (position) that hold every variable of `vars` and more. */
	const dirty = new Uint8Array(unique.length);
	const markHolders = (vars: Int32Array, after: number) => {
		if (vars.length === 0) return;
		for (let k = start[vars[0]!]!; k < start[vars[0]! + 1]!; k++) {
			const s = rowsAt[k]!;
			if (!dirty[s] && position[s]! > after && original[s]!.vars.length > vars.length && holdsAll(original[s]!.vars, vars)) dirty[s] = 1;
		}
	};
	// With the last round's outcomes: which unique row each was (by its first row's group), and
	// which rows must be worked out again.
	const was = new Int32Array(unique.length).fill(-1);
	let moved: Int32Array | null = null;
	if (previous) {
		moved = renumbering(previous.cell, world.cell);
		const index = new Map<number, number>();
		previous.lead.forEach((g, o) => index.set(g, o));
		const kept = new Uint8Array(previous.unique.length);
		unique.forEach((row, u) => {
			const o = index.get(lead[u]!);
			if (o === undefined) return;
			const old = previous.unique[o]!;
			if (
				old.group === row.group &&
				old.lower === row.lower &&
				old.upper === row.upper &&
				equalStrings(previous.families[o]!, familiesOf[u]!) &&
				equalMoved(old.vars, row.vars, moved!)
			) {
				was[u] = o;
				kept[o] = 1;
			}
		});
		unique.forEach((row, u) => {
			if (was[u]! >= 0) return;
			dirty[u] = 1;
			markHolders(row.vars, -1);
		});
		previous.unique.forEach((old, o) => {
			if (kept[o]) return;
			markHolders(move(old.vars, moved!), -1);
			const cut = cutOf(previous, o);
			if (cut) markHolders(move(cut.vars, moved!), -1);
		});
	} else dirty.fill(1);

	const dropped = new Uint8Array(unique.length);
	// Marks instead of sets (this runs for every round of every year): inRow[v] === r + 1 while
	// row r is looked at, seen[s] likewise, coveredBy[v] names the family part set that covers v.
	const inRow = new Int32Array(varCount);
	const seen = new Int32Array(unique.length);
	const coveredBy = new Int32Array(varCount);
	let coverStamp = 0;
	for (const r of order) {
		const row = unique[r]!;
		if (!dirty[r]) {
			// As the last round left it, renumbered.
			const o = was[r]!;
			const out = previous!.outcome[o]!;
			if (out === null) dropped[r] = 1;
			else if (out !== previous!.unique[o]) unique[r] = { group: out.group, vars: move(out.vars, moved!), lower: out.lower, upper: out.upper };
			continue;
		}
		const stamp = r + 1;
		for (const v of row.vars) inRow[v] = stamp;
		// The maximal other rows inside this one.
		const inside: number[] = [];
		seen[r] = stamp;
		for (const v of row.vars) {
			for (let k = start[v]!; k < start[v + 1]!; k++) {
				const s = rowsAt[k]!;
				if (seen[s] === stamp) continue;
				seen[s] = stamp;
				if (dropped[s] || unique[s]!.vars.length >= row.vars.length) continue;
				if (allMarked(unique[s]!.vars, inRow, stamp)) inside.push(s);
			}
		}
		// Parts of one family (level) at a time: a level's groups do not overlap, so a level whose
		// rows inside this one cover it exactly makes it redundant.
		const families = new Map<string, number[]>();
		for (const s of inside) {
			for (const f of familiesOf[s]!) {
				const list = families.get(f);
				if (list) list.push(s);
				else families.set(f, [s]);
			}
		}
		// The family covering most of this row: if all, the row is their sum and goes; if some,
		// the row is replaced by itself minus them (the same information), a row over what is left.
		let best: { parts: number[]; size: number; lowerSum: number; upperSum: number } | null = null;
		for (const parts of families.values()) {
			const cover = ++coverStamp;
			let size = 0;
			let lowerSum = 0;
			let upperSum = 0;
			let disjoint = true;
			for (const s of parts) {
				const part = unique[s]!;
				if (anyMarked(part.vars, coveredBy, cover)) {
					disjoint = false;
					break;
				}
				for (const w of part.vars) coveredBy[w] = cover;
				size += part.vars.length;
				lowerSum += part.lower;
				upperSum += part.upper;
			}
			if (disjoint && (!best || size > best.size)) best = { parts, size, lowerSum, upperSum };
		}
		if (best && best.size > 0) {
			const lower = row.lower - best.upperSum;
			const upper = row.upper - best.lowerSum;
			if (!(upper - lower - (row.upper - row.lower) >= DROP_SLACK)) {
				if (best.size === row.vars.length) dropped[r] = 1;
				else {
					// A later family's marks may have overwritten the best one's: mark its parts again.
					const kept = ++coverStamp;
					for (const s of best.parts) for (const w of unique[s]!.vars) coveredBy[w] = kept;
					unique[r] = { group: row.group, vars: row.vars.filter((v) => coveredBy[v] !== kept), lower, upper };
				}
			}
		}
		if (!previous) continue;
		// A cut-down row is looked at by the rows after it that hold it: if this one's changed, theirs may too.
		const o = was[r]!;
		const cut = unique[r] === row ? null : unique[r]!;
		const oldCut = o >= 0 ? cutOf(previous, o) : null;
		const oldDropped = o >= 0 && previous.outcome[o] === null;
		if (o >= 0 && oldDropped === (dropped[r] === 1) && sameCut(oldCut, cut, moved!)) continue;
		if (cut) markHolders(cut.vars, position[r]!);
		if (oldCut) markHolders(move(oldCut.vars, moved!), position[r]!);
	}
	return {
		rows: unique.filter((_, r) => !dropped[r]),
		cell: world.cell,
		unique: original,
		lead,
		families: familiesOf,
		outcome: unique.map((row, r) => (dropped[r] ? null : row))
	};
}

/** The cut-down row a unique row of `rows` became, or null (kept whole or dropped). */
function cutOf(rows: ImpliedRows, u: number): AttackRow | null {
	const out = rows.outcome[u]!;
	return out === null || out === rows.unique[u] ? null : out;
}

/** Each old variable's number in the new world: both cell lists ascend, the new one holds the old. */
function renumbering(oldCell: Int32Array, newCell: Int32Array): Int32Array {
	const moved = new Int32Array(oldCell.length);
	let v = 0;
	for (let i = 0; i < oldCell.length; i++) {
		while (v < newCell.length && newCell[v] !== oldCell[i]) v++;
		if (v === newCell.length) throw new Error(`cell ${oldCell[i]} left the year's hidden cells: the suppression only grows`);
		moved[i] = v;
	}
	return moved;
}

function move(vars: Int32Array, moved: Int32Array): Int32Array {
	const out = new Int32Array(vars.length);
	for (let k = 0; k < vars.length; k++) out[k] = moved[vars[k]!]!;
	return out;
}

/**
 * The rows' indices by length, longest first, rows of one length in their order: what a stable
 * sort by length gives, by counting (a sort with a comparator was a fifth of this step's time).
 */
function largestFirst(rows: readonly AttackRow[]): Int32Array {
	let longest = 0;
	for (const row of rows) longest = Math.max(longest, row.vars.length);
	const at = new Int32Array(longest + 2);
	for (const row of rows) at[longest - row.vars.length + 1]!++;
	for (let k = 1; k < at.length; k++) at[k]! += at[k - 1]!;
	const order = new Int32Array(rows.length);
	rows.forEach((row, r) => (order[at[longest - row.vars.length]!++] = r));
	return order;
}

function allMarked(vars: Int32Array, marks: Int32Array, stamp: number): boolean {
	for (let k = 0; k < vars.length; k++) if (marks[vars[k]!] !== stamp) return false;
	return true;
}

function anyMarked(vars: Int32Array, marks: Int32Array, stamp: number): boolean {
	for (let k = 0; k < vars.length; k++) if (marks[vars[k]!] === stamp) return true;
	return false;
}

function equalVars(a: Int32Array, b: Int32Array): boolean {
	if (a.length !== b.length) return false;
	for (let k = 0; k < a.length; k++) if (a[k] !== b[k]) return false;
	return true;
}

function equalMoved(old: Int32Array, now: Int32Array, moved: Int32Array): boolean {
	if (old.length !== now.length) return false;
	for (let k = 0; k < old.length; k++) if (moved[old[k]!] !== now[k]) return false;
	return true;
}

function equalStrings(a: readonly string[], b: readonly string[]): boolean {
	return a.length === b.length && a.every((s, k) => s === b[k]);
}

function sameCut(old: AttackRow | null, now: AttackRow | null, moved: Int32Array): boolean {
	if (old === null || now === null) return old === now;
	return old.group === now.group && old.lower === now.lower && old.upper === now.upper && equalMoved(old.vars, now.vars, moved);
}

/** Whether the ascending `row` holds every variable of the ascending `vars`. */
function holdsAll(row: Int32Array, vars: Int32Array): boolean {
	let k = 0;
	for (const v of vars) {
		let lo = k;
		let hi = row.length;
		while (lo < hi) {
			const mid = (lo + hi) >> 1;
			if (row[mid]! < v) lo = mid + 1;
			else hi = mid;
		}
		if (lo === row.length || row[lo] !== v) return false;
		k = lo + 1;
	}
	return true;
}
