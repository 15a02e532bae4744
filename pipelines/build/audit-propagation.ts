/**
 * Bounds the attacker gets by reading the published rows one at a time (interval propagation):
 * a row says lower <= sum of its hidden counts <= upper, so each of its counts is at most
 * upper minus what the others hold at least, and at least lower minus what the others hold at
 * most; each bound found tightens the others, row after row, until nothing moves.
 *
 * Every assignment that fits all the rows fits these bounds, so they hold the range the LP
 * finds (they are never narrower). A target they narrow to under 5 persons, and not to the whole
 * 0..residents, is therefore exposed without a solver: on national10, nine in ten exposures in
 * the large pieces are seen so (audit-attack-ranges.ts). What they leave wide proves nothing and
 * goes to the LP as before, so no exposure is ever missed and none is found that the LP would not
 * find.
 *
 * Outer on purpose: each bound is loosened by a little more than the doubles' rounding can move
 * it, and rounded to whole persons (outwards of that) only for counts of whole persons.
 */
import type { AttackComponent } from './audit-components.ts';

/** Whole passes over the rows at most; the bounds are outer whenever the passes stop. */
const PASSES = 50;

/** Relative slack per bound, far above a double's rounding over a row's sum and far below a person. */
const SLACK = 1e-9;

/** Tolerance for a bound that is a whole number but for rounding (as the LP's WHOLE). */
const WHOLE = 1e-6;

export interface Bounds {
	lower: Float64Array;
	upper: Float64Array;
}

export function propagatedBounds(piece: AttackComponent): Bounds {
	const n = piece.vars.length;
	const lower = new Float64Array(n);
	const upper = Float64Array.from(piece.upper);
	for (let pass = 0; pass < PASSES; pass++) {
		let changed = false;
		for (const row of piece.rows) {
			let least = 0;
			let most = 0;
			for (const v of row.vars) {
				least += lower[v]!;
				most += upper[v]!;
			}
			const slack = SLACK * (1 + Math.abs(row.lower) + Math.abs(row.upper) + most);
			for (const v of row.vars) {
				let hi = row.upper - (least - lower[v]!) + slack;
				let lo = row.lower - (most - upper[v]!) - slack;
				if (piece.whole[v]) {
					hi = Math.floor(hi + WHOLE);
					lo = Math.ceil(lo - WHOLE);
				}
				// Only moves of more than noise count as change, so the passes end.
				if (hi < upper[v]! - WHOLE) {
					most -= upper[v]! - hi;
					upper[v] = hi;
					changed = true;
				}
				if (lo > lower[v]! + WHOLE) {
					least += lo - lower[v]!;
					lower[v] = lo;
					changed = true;
				}
			}
		}
		if (!changed) break;
	}
	return { lower, upper };
}
