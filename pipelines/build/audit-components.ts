/**
 * The attack split into independent pieces: hidden counts that no published row or hidden
 * aggregate links, directly or through others, cannot tell anything about each other, so each
 * connected piece is solved as its own, smaller LP. Pieces whose targets the published rows
 * cannot narrow at all (no row) need no solver. Rows implied by others are dropped first
 * (audit-implied-rows.ts), or the country's row would make each year one piece.
 */
import type { AttackRow, AttackTarget, AttackWorld } from './audit-attack-world.ts';
import { impliedRows, type ImpliedRows } from './audit-implied-rows.ts';

export interface AttackComponent {
	/** The world's variables in this piece, ascending; local variable i is world variable vars[i]. */
	vars: Int32Array;
	upper: Float64Array;
	truth: Float64Array;
	whole: Uint8Array;
	/** Rows and targets with their variables renumbered to local indices. */
	rows: AttackRow[];
	targets: AttackTarget[];
	/** Index of each target in the world's targets. */
	targetIndex: number[];
}

/** `family` names a row's level: rows of one family never share a hidden count. */
export function components(world: AttackWorld, family: (row: AttackRow) => string): AttackComponent[] {
	return someComponents(world, family, () => true).pieces;
}

/**
 * The pieces as `components` finds them, built out (variables renumbered, rows and bounds
 * copied) only where `wanted` says so, given the world's indices of the piece's targets: in a
 * later round of the audit most pieces hold only targets already shown protected, and building
 * them again was most of this step. `count` is the number of pieces, wanted or not; the wanted
 * ones come in the order `components` gives them. `previous`, the same year's rows of the last
 * round (`implied` of the last answer), spares working out again the implied rows that cannot
 * have changed (audit-implied-rows.ts); the pieces are the same with it or without.
 */
export function someComponents(
	world: AttackWorld,
	family: (row: AttackRow) => string,
	wanted: (targetIndex: readonly number[]) => boolean,
	previous?: ImpliedRows
): { pieces: AttackComponent[]; count: number; implied: ImpliedRows } {
	const count = world.cell.length;
	const parent = new Int32Array(count);
	for (let i = 0; i < count; i++) parent[i] = i;
	const find = (x: number): number => {
		while (parent[x] !== x) {
			parent[x] = parent[parent[x]!]!;
			x = parent[x]!;
		}
		return x;
	};
	const joinAll = (vars: Int32Array) => {
		for (let i = 1; i < vars.length; i++) {
			const a = find(vars[0]!);
			const b = find(vars[i]!);
			if (a !== b) parent[Math.max(a, b)] = Math.min(a, b);
		}
	};
	const implied = impliedRows(world, family, previous);
	const rows = implied.rows;
	for (const row of rows) joinAll(row.vars);
	for (const target of world.targets) joinAll(target.vars);

	// Pieces in the order of their smallest variable (the root: union by the smaller index), then
	// the variable-less ones (a hidden aggregate whose members are all published) in target order.
	const pieceOf = new Int32Array(count).fill(-1);
	let pieceCount = 0;
	for (let v = 0; v < count; v++) {
		const root = find(v);
		if (pieceOf[root] === -1) pieceOf[root] = pieceCount++;
		pieceOf[v] = pieceOf[root]!;
	}
	const targetsOf: number[][] = Array.from({ length: pieceCount }, () => []);
	const pieceOfTarget = new Int32Array(world.targets.length);
	world.targets.forEach((target, t) => {
		let p: number;
		if (target.vars.length > 0) p = pieceOf[target.vars[0]!]!;
		else {
			p = pieceCount++;
			targetsOf.push([]);
		}
		pieceOfTarget[t] = p;
		targetsOf[p]!.push(t);
	});
	const keep = targetsOf.map((list) => wanted(list));
	const built = new Map<number, { vars: number[]; rows: AttackRow[] }>();
	for (let p = 0; p < pieceCount; p++) if (keep[p]) built.set(p, { vars: [], rows: [] });
	const local = new Int32Array(count);
	for (let v = 0; v < count; v++) {
		const b = built.get(pieceOf[v]!);
		if (b) local[v] = b.vars.push(v) - 1;
	}
	// Plain loops and new arrays rather than spreads, typed-array map and from with a function:
	// this runs for every wanted piece of every round, and those were most of its time.
	const renumbered = (vars: Int32Array): Int32Array => {
		if (vars.length === 1) return unitVar(local[vars[0]!]!);
		const out = new Int32Array(vars.length);
		for (let k = 0; k < vars.length; k++) out[k] = local[vars[k]!]!;
		return out;
	};
	for (const row of rows) {
		const b = built.get(pieceOf[row.vars[0]!]!);
		if (b) b.rows.push({ group: row.group, vars: renumbered(row.vars), lower: row.lower, upper: row.upper });
	}
	const pieces: AttackComponent[] = [];
	for (const [p, b] of built) {
		const targetIndex = targetsOf[p]!;
		const n = b.vars.length;
		const vars = new Int32Array(n);
		const upper = new Float64Array(n);
		const truth = new Float64Array(n);
		const whole = new Uint8Array(n);
		for (let k = 0; k < n; k++) {
			const v = b.vars[k]!;
			vars[k] = v;
			upper[k] = world.upper[v]!;
			truth[k] = world.truth[v]!;
			whole[k] = world.whole[v]!;
		}
		const targets: AttackTarget[] = [];
		for (const t of targetIndex) {
			const { kind, ref, vars: tv, known, total, given } = world.targets[t]!;
			targets.push({ kind, ref, vars: renumbered(tv), known, total, ...(given ? { given } : {}) });
		}
		pieces.push({ vars, upper, truth, whole, rows: b.rows, targets, targetIndex });
	}
	return { pieces, count: pieceCount, implied };
}

/**
 * Int32Array.of(i), one per local index, shared by every piece's one-count rows and targets
 * (a department's target, most of them): never written, so one each is enough.
 */
const units: Int32Array[] = [];
function unitVar(i: number): Int32Array {
	for (let k = units.length; k <= i; k++) units.push(Int32Array.of(k));
	return units[i]!;
}
