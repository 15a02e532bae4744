/**
 * How far the attacker can narrow each target of one attack piece, and which stay exposed.
 *
 * For a target (a sum of hidden counts) its range is [min, max] of that sum over every
 * assignment that agrees with the published rows and 0 <= count <= residents: two LPs. Two
 * savings make it cheap:
 * - Every point the solver returns is an assignment the attacker cannot rule out, so it widens
 *   the range already seen for every target (the true counts are the first such point); a
 *   target whose seen range is already protected needs no LP of its own. Only what can still be
 *   exposed is solved.
 * - One HiGHS model per piece, only the objective changing between solves, so each solve starts
 *   from the previous basis.
 * Counts of whole persons: the attacker may assume they are whole numbers, which can narrow the
 * range further, so the LP's bounds are rounded inwards, and a point counts as seen only when it
 * is whole; when the rounded LP range is protected but no whole points have shown it, the exact
 * whole-number range comes from the MIP (HiGHS branch and bound, gap 0).
 */
import type { Highs, Model } from 'highs';
import type { AttackComponent } from './audit-components.ts';
import { optimum } from './audit-lp-solver.ts';
import { isProtected } from './audit-protection.ts';

/** A target the attacker narrows to [lo, hi] persons, too little to protect it. */
export interface Exposure {
	/** Index into the piece's targets. */
	target: number;
	lo: number;
	hi: number;
}

export interface RangesResult {
	exposed: Exposure[];
	/** Solver runs, for the report. */
	solves: number;
}

const WHOLE = 1e-6;

/** `settled[i]` is 1 for a target already known protected: not attacked, and never reported exposed. */
export function attackRanges(highs: Highs, piece: AttackComponent, settled: Uint8Array = new Uint8Array(piece.targets.length)): RangesResult {
	const { targets, upper } = piece;
	const exposed: Exposure[] = [];
	const pending = targets.map((_, i) => i).filter((i) => !settled[i]);
	if (pending.length === 0) return { exposed, solves: 0 };
	if (piece.rows.length === 0) {
		// Nothing published about these counts: each lies anywhere in 0..residents.
		targets.forEach((t, i) => {
			if (settled[i]) return;
			const hi = t.vars.reduce((s, v) => s + upper[v]!, 0);
			if (!isProtected(t.known, t.known + hi, t.total)) exposed.push({ target: i, lo: t.known, hi: t.known + hi });
		});
		return { exposed, solves: 0 };
	}

	const seenLo = new Float64Array(targets.length).fill(Infinity);
	const seenHi = new Float64Array(targets.length).fill(-Infinity);
	const anyWhole = piece.whole.some((w) => w === 1);
	const see = (point: Float64Array) => {
		if (anyWhole) {
			for (let v = 0; v < point.length; v++) {
				if (!piece.whole[v]) continue;
				const r = Math.round(point[v]!);
				if (Math.abs(point[v]! - r) > WHOLE) return;
				point[v] = r;
			}
		}
		for (const i of pending) {
			const t = targets[i]!;
			let sum = t.known;
			for (const v of t.vars) sum += point[v]!;
			if (sum < seenLo[i]!) seenLo[i] = sum;
			if (sum > seenHi[i]!) seenHi[i] = sum;
		}
	};
	see(Float64Array.from(piece.truth));
	const seenProtected = (i: number) => isProtected(seenLo[i]!, seenHi[i]!, targets[i]!.total);

	let solves = 0;
	const lp = createModel(highs, piece, false);
	let mip: Model | null = null;
	try {
		const extreme = (model: Model, vars: Int32Array, sense: 'min' | 'max') => {
			setObjective(highs, model, vars, sense);
			solves++;
			const result = optimum(highs, model);
			see(result.point);
			return result.value;
		};
		for (const i of pending) {
			if (seenProtected(i)) continue;
			const t = targets[i]!;
			const hi = t.known + extreme(lp, t.vars, 'max');
			if (seenProtected(i)) continue;
			const lo = t.known + extreme(lp, t.vars, 'min');
			if (seenProtected(i)) continue;
			const whole = t.vars.every((v) => piece.whole[v] === 1);
			const outerLo = whole ? Math.ceil(lo - WHOLE) : lo;
			const outerHi = whole ? Math.floor(hi + WHOLE) : hi;
			if (!isProtected(outerLo, outerHi, t.total)) {
				exposed.push({ target: i, lo: outerLo, hi: outerHi });
				continue;
			}
			if (!anyWhole) continue; // the LP's range is the attacker's range
			mip ??= createModel(highs, piece, true);
			extreme(mip, t.vars, 'max');
			extreme(mip, t.vars, 'min');
			if (!seenProtected(i)) exposed.push({ target: i, lo: seenLo[i]!, hi: seenHi[i]! });
		}
	} finally {
		lp.dispose();
		mip?.dispose();
	}
	return { exposed, solves };
}

function createModel(highs: Highs, piece: AttackComponent, integer: boolean): Model {
	const { rows, upper } = piece;
	const starts = new Int32Array(rows.length + 1);
	rows.forEach((r, i) => (starts[i + 1] = starts[i]! + r.vars.length));
	const indices = new Int32Array(starts[rows.length]!);
	rows.forEach((r, i) => indices.set(r.vars, starts[i]!));
	const model = highs.createModel({
		numCols: upper.length,
		numRows: rows.length,
		colCost: new Float64Array(upper.length),
		colLower: new Float64Array(upper.length),
		colUpper: upper,
		rowLower: Float64Array.from(rows, (r) => r.lower),
		rowUpper: Float64Array.from(rows, (r) => r.upper),
		matrix: { format: 'csr', numRows: rows.length, numCols: upper.length, starts, indices, values: new Float64Array(indices.length).fill(1) },
		...(integer ? { integrality: Int32Array.from(piece.whole) } : {})
	});
	model.options.set({ output_flag: false, ...(integer ? { mip_rel_gap: 0, mip_abs_gap: 0 } : {}) });
	return model;
}

const costs = new WeakMap<Model, Int32Array>();

/** Makes the objective the sum of `vars`, resetting the previous one's costs. */
function setObjective(highs: Highs, model: Model, vars: Int32Array, sense: 'min' | 'max'): void {
	const previous = costs.get(model);
	if (previous !== vars) {
		if (previous && previous.length > 0) model.changeColsCost({ kind: 'set', indices: previous }, new Float64Array(previous.length));
		if (vars.length > 0) model.changeColsCost({ kind: 'set', indices: vars }, new Float64Array(vars.length).fill(1));
		costs.set(model, vars);
	}
	model.changeObjectiveSense(sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize);
}
