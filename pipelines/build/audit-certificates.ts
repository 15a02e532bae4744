/**
 * An exposure proven again without a solver: the last round's LP duals as a certificate.
 *
 * When an LP shows a target's end (its max or min) too close to the other, its optimal row
 * duals y say how the published rows bound it: for every y whatever, and every assignment x
 * that fits the rows (lower <= row x <= upper) and 0 <= x <= residents,
 *   target(x) = (c - A'y)'x + y'Ax <= sum_v max(0, (c - A'y)_v) residents_v + sum_r max(y_r lower_r, y_r upper_r),
 * and likewise a lower bound for the min (Lagrangian relaxation with the box). With the optimal
 * y the bound is the LP's optimum; with any other y it is still a bound, only looser.
 *
 * A round's repair hides a few cells and withholds a few aggregates; most of what was exposed
 * the round before is exposed again (on national, three in four exposures in the large pieces
 * were), and its LPs were run again over the whole piece. So the duals of each exposed target's
 * LP ends are kept by the year's job, keyed by the published groups their rows stand for, and
 * the next round evaluates them on that round's rows first: where the rows the dual leans on did
 * not change, the bound is as tight as before and shows the exposure with no LP. Where the repair
 * touched them (its purpose), the bound is looser, proves nothing, and the target goes to the
 * LP as before.
 *
 * Outer on purpose, as the propagated bounds (audit-propagation.ts): the bound is moved out by
 * a little more than the solver's tolerance and the doubles' rounding can move the LP's answer
 * (1e-6 of the sum of its terms' sizes), so a target whose certified range is too narrow has an
 * LP range too narrow as well: the same targets are found exposed, only with fewer LPs.
 */
import type { AttackComponent } from './audit-components.ts';
import type { AttackRow, AttackTarget } from './audit-attack-world.ts';

/** Which end of a target's range: the least (min) or the most (max) it can be. */
export type End = 'min' | 'max';

/** Relative slack on a certified bound: far above the LP's tolerance (1e-7) on the rows, far below a person. */
const SLACK = 1e-6;

/** Duals below this size are the solver's noise: left out, which keeps the bound valid (any y is). */
const NOISE = 1e-12;

/** The dual of one LP end: the published groups of the rows it leans on, and its multiplier on each. */
export interface Certificate {
	groups: Int32Array;
	y: Float64Array;
}

/**
 * The dual of an LP end of a piece: `dual` the model's row duals, the piece's rows from
 * `rowOffset`, and `sign` +1 when the model minimised the target, -1 when it maximised it by
 * minimising its negation (so that y bounds the target itself).
 */
export function certificateOf(rows: readonly AttackRow[], dual: Float64Array, rowOffset: number, sign: number): Certificate {
	const groups: number[] = [];
	const y: number[] = [];
	for (let k = 0; k < rows.length; k++) {
		const value = sign * dual[rowOffset + k]!;
		if (Math.abs(value) < NOISE) continue;
		groups.push(rows[k]!.group);
		y.push(value);
	}
	return { groups: Int32Array.from(groups), y: Float64Array.from(y) };
}

/** One year's certificates, kept by its job from round to round (audit-year-job.ts). */
export class Certificates {
	private readonly kept = new Map<number, Certificate>();

	/** Keeps the dual of an LP end that showed `target` exposed. */
	keep(target: AttackTarget, end: End, certificate: Certificate): void {
		this.kept.set(key(target, end), certificate);
	}

	/** Lets go of a target shown protected: it is never attacked again. */
	forget(target: AttackTarget): void {
		this.kept.delete(key(target, 'max'));
		this.kept.delete(key(target, 'min'));
	}

	/** Whether any certificate is kept for this target. */
	has(target: AttackTarget): boolean {
		return this.kept.has(key(target, 'max')) || this.kept.has(key(target, 'min'));
	}

	/**
	 * The bound the kept dual gives on `end` of target `i` of `piece` (an upper bound for max, a
	 * lower one for min), moved outwards by its slack; undefined when none is kept.
	 */
	bound(piece: AttackComponent, rowsOf: RowsByGroup, i: number, end: End, scratch: Scratch): number | undefined {
		const t = piece.targets[i]!;
		const cert = this.kept.get(key(t, end));
		if (!cert) return undefined;
		const max = end === 'max';
		const { d, touched } = scratch;
		touched.length = 0;
		const add = (v: number, by: number) => {
			if (!scratch.mark[v]) {
				scratch.mark[v] = 1;
				touched.push(v);
			}
			d[v] = d[v]! + by;
		};
		let value = t.known;
		let size = Math.abs(t.known);
		for (let k = 0; k < cert.groups.length; k++) {
			const rows = rowsOf.get(cert.groups[k]!);
			if (!rows) continue; // that row is gone (withheld, or implied by others): y = 0 on it
			const y = cert.y[k]!;
			for (const row of rows) {
				const term = max === y > 0 ? y * row.upper : y * row.lower;
				value += term;
				size += Math.abs(term);
				for (const v of row.vars) add(v, -y);
			}
		}
		for (const v of t.vars) add(v, 1);
		for (const v of touched) {
			const reduced = d[v]!;
			if (max ? reduced > 0 : reduced < 0) {
				value += reduced * piece.upper[v]!;
				size += Math.abs(reduced * piece.upper[v]!);
			}
			d[v] = 0;
			scratch.mark[v] = 0;
		}
		const slack = SLACK * (1 + size);
		return max ? value + slack : value - slack;
	}
}

/** A piece's rows by the group they stand for. */
export type RowsByGroup = Map<number, AttackRow[]>;

export function rowsByGroup(piece: AttackComponent): RowsByGroup {
	const byGroup: RowsByGroup = new Map();
	for (const row of piece.rows) {
		const list = byGroup.get(row.group);
		if (list) list.push(row);
		else byGroup.set(row.group, [row]);
	}
	return byGroup;
}

/** Working arrays for `bound`, one per piece: the reduced costs and which are set. */
export interface Scratch {
	d: Float64Array;
	mark: Uint8Array;
	touched: number[];
}

export function scratchFor(piece: AttackComponent): Scratch {
	const n = piece.vars.length;
	return { d: new Float64Array(n), mark: new Uint8Array(n), touched: [] };
}

/** A target's end across rounds: its cell or group, its kind and the end. */
function key(target: AttackTarget, end: End): number {
	return (target.ref * 2 + (target.kind === 'department' ? 0 : 1)) * 2 + (end === 'max' ? 1 : 0);
}
