/**
 * The attack split into independent pieces: hidden counts that no published row or hidden
 * aggregate links, directly or through others, cannot tell anything about each other, so each
 * connected piece is solved as its own, smaller LP. Pieces whose targets the published rows
 * cannot narrow at all (no row) need no solver. Rows implied by others are dropped first
 * (audit-implied-rows.ts), or the country's row would make each year one piece.
 */
import type { AttackRow, AttackTarget, AttackWorld } from './audit-attack-world.ts';
import { withoutImpliedRows } from './audit-implied-rows.ts';

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
	const count = world.cell.length;
	const parent = Int32Array.from({ length: count }, (_, i) => i);
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
	const rows = withoutImpliedRows(world.rows, count, family);
	for (const row of rows) joinAll(row.vars);
	for (const target of world.targets) joinAll(target.vars);

	const pieces = new Map<number, { vars: number[]; rows: AttackRow[]; targets: AttackTarget[]; targetIndex: number[] }>();
	const piece = (root: number) => {
		let p = pieces.get(root);
		if (!p) pieces.set(root, (p = { vars: [], rows: [], targets: [], targetIndex: [] }));
		return p;
	};
	for (let v = 0; v < count; v++) piece(find(v)).vars.push(v);
	const local = new Int32Array(count);
	for (const p of pieces.values()) p.vars.forEach((v, i) => (local[v] = i));
	for (const row of rows) piece(find(row.vars[0]!)).rows.push({ ...row, vars: row.vars.map((v) => local[v]!) });
	// A hidden aggregate whose members are all published has no variable: a piece of its own.
	let empty = -1;
	world.targets.forEach((target, t) => {
		const p = target.vars.length > 0 ? piece(find(target.vars[0]!)) : piece(empty--);
		p.targets.push({ ...target, vars: target.vars.map((v) => local[v]!) });
		p.targetIndex.push(t);
	});
	return [...pieces.values()].map((p) => ({
		vars: Int32Array.from(p.vars),
		upper: Float64Array.from(p.vars, (v) => world.upper[v]!),
		truth: Float64Array.from(p.vars, (v) => world.truth[v]!),
		whole: Uint8Array.from(p.vars, (v) => world.whole[v]!),
		rows: p.rows,
		targets: p.targets,
		targetIndex: p.targetIndex
	}));
}
