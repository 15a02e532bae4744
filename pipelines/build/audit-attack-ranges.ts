/**
 * How far the attacker can narrow each target of the attack pieces, and which stay exposed.
 *
 * For a target (a sum of hidden counts) its range is [min, max] of that sum over every
 * assignment that agrees with the published rows and 0 <= count <= residents: two LPs. What
 * makes it cheap:
 * - Every point the solver returns is an assignment the attacker cannot rule out, so it widens
 *   the range already seen for every target of its piece (the true counts are the first such
 *   point); a target whose seen range is already protected needs no LP of its own. Only what can
 *   still be exposed is solved.
 * - Small pieces are solved together, side by side in one LP: the pieces share no variable and
 *   no row, so minimising the sum of one objective per piece minimises each of them, and each
 *   piece's part of the optimal point is an optimal point of its own LP. One solver run answers
 *   one question for every piece of the batch; large pieces get a model of their own.
 * - One HiGHS model per batch, only the objective changing between solves, so each solve starts
 *   from the previous basis.
 * - A piece of one hidden count needs no solver: its rows bound that count directly, and every
 *   value between the bounds fits them all.
 * - Hidden departments in exactly the same rows can trade persons without changing any row's sum:
 *   points found that way, without a solver, show many protected before the first LP
 *   (seeExchanges).
 * Counts of whole persons: the attacker may assume they are whole numbers, which can narrow the
 * range further, so the LP's bounds are rounded inwards, and a point counts as seen only when it
 * is whole; when the rounded LP range is protected but no whole points have shown it, the exact
 * whole-number range comes from the MIP (HiGHS branch and bound, gap 0), piece by piece.
 */
import type { Highs, Model } from 'highs';
import type { AttackComponent } from './audit-components.ts';
import { optimum, SolverFailed } from './audit-lp-solver.ts';
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

/** A piece to attack; `settled[i]` is 1 for a target already known protected: not attacked, never reported. */
export interface PieceAttack {
	piece: AttackComponent;
	settled: Uint8Array;
}

const WHOLE = 1e-6;

/** Sizes, in hidden counts, that decide how pieces are attacked (the tests make them small). */
export interface AttackLimits {
	/** Pieces of at most this many are solved in batches... */
	batchPiece: number;
	/** ...of at most this many in all. */
	batchColumns: number;
	/** A larger piece's target is first attacked in a neighbourhood of about this many. */
	neighbourhood: number;
}

/**
 * Batches of 500 columns rather than 2,000: a batch is solved until its slowest piece is done,
 * every solve over all its columns, so smaller batches waste less on pieces already finished.
 * On national (same cells withheld), 18.4 s of CPU against 20.1 s, run side by side.
 */
export const ATTACK_LIMITS: AttackLimits = { batchPiece: 200, batchColumns: 500, neighbourhood: 100 };

/** One piece on its own (the tests' entry; the audit uses attackPieces). */
export function attackRanges(highs: Highs, piece: AttackComponent, settled: Uint8Array = new Uint8Array(piece.targets.length)): RangesResult {
	const [result] = attackPieces(highs, [{ piece, settled }]);
	return result!;
}

/** Each piece's exposures, in the order given; `solves` of the whole is on the first result. */
export function attackPieces(highs: Highs, attacks: readonly PieceAttack[], limits: AttackLimits = ATTACK_LIMITS): RangesResult[] {
	const results: RangesResult[] = attacks.map(() => ({ exposed: [], solves: 0 }));
	const small: number[] = [];
	const large: number[] = [];
	attacks.forEach((a, p) => {
		if (!a.settled.some((s) => s === 0)) return;
		if (a.piece.rows.length === 0) results[p]!.exposed = unconstrained(a);
		else if (a.piece.vars.length === 1) results[p]!.exposed = single(a);
		else if (a.piece.vars.length <= limits.batchPiece) small.push(p);
		else large.push(p);
	});
	let solves = 0;
	// A large piece's pending targets are first attacked in their neighbourhoods (all batched):
	// one found exposed there is exposed in the piece; the rest are attacked in the whole piece.
	const local: PieceAttack[] = [];
	const localOf: { p: number; target: number }[] = [];
	for (const p of large) {
		const { piece, settled } = attacks[p]!;
		// Worth it only when few targets are left to attack (later rounds): with many, the points
		// the whole piece's solves find show most protected at once, and neighbourhoods would not.
		const pending = settled.reduce((n, s) => n + (s ? 0 : 1), 0);
		if (pending > piece.targets.length / 4) continue;
		const rowsOf = rowsOfVars(piece);
		piece.targets.forEach((_, i) => {
			if (settled[i]) return;
			const near = neighbourhood(piece, rowsOf, i, limits.neighbourhood);
			// Rows of many hidden counts right at the target (a municipality's): no cheap check.
			if (near.vars.length > limits.neighbourhood) return;
			local.push({ piece: near, settled: new Uint8Array(1) });
			localOf.push({ p, target: i });
		});
	}
	const localResult = solveBatched(highs, local, limits.batchColumns);
	solves += localResult.solves;
	const settledNow = new Map(large.map((p) => [p, attacks[p]!.settled.slice()]));
	localResult.exposed.forEach((exposed, k) => {
		if (exposed.length === 0) return;
		const { p, target } = localOf[k]!;
		results[p]!.exposed.push({ target, lo: exposed[0]!.lo, hi: exposed[0]!.hi });
		settledNow.get(p)![target] = 1;
	});
	for (const p of large) {
		const settled = settledNow.get(p)!;
		if (!settled.some((s) => s === 0)) continue;
		const out = attackBatch(highs, [{ piece: attacks[p]!.piece, settled }]);
		solves += out.solves;
		results[p]!.exposed.push(...out.exposed[0]!);
		results[p]!.exposed.sort((a, b) => a.target - b.target);
	}
	const smallResult = solveBatched(
		highs,
		small.map((p) => attacks[p]!),
		limits.batchColumns
	);
	solves += smallResult.solves;
	small.forEach((p, i) => (results[p]!.exposed = smallResult.exposed[i]!));
	if (results.length > 0) results[0]!.solves = solves;
	return results;
}

/** Attacks small pieces in batches of like size, so that no batch waits long on one piece with many targets. */
function solveBatched(highs: Highs, attacks: readonly PieceAttack[], batchColumns: number): { exposed: Exposure[][]; solves: number } {
	const order = attacks.map((_, p) => p).sort((a, b) => attacks[a]!.piece.vars.length - attacks[b]!.piece.vars.length || a - b);
	const batches: number[][] = [];
	let batch: number[] = [];
	let columns = 0;
	for (const p of order) {
		const n = attacks[p]!.piece.vars.length;
		if (columns + n > batchColumns && batch.length > 0) {
			batches.push(batch);
			batch = [];
			columns = 0;
		}
		batch.push(p);
		columns += n;
	}
	if (batch.length > 0) batches.push(batch);
	const exposed: Exposure[][] = attacks.map(() => []);
	let solves = 0;
	for (const b of batches) {
		let out: { exposed: Exposure[][]; solves: number };
		try {
			out = attackBatch(
				highs,
				b.map((p) => attacks[p]!)
			);
		} catch (error) {
			// A batch the solver cannot finish is tried again piece by piece; a piece it cannot
			// finish alone fails the audit.
			if (!(error instanceof SolverFailed) || b.length === 1) throw error;
			out = { exposed: [], solves: 0 };
			for (const p of b) {
				const one = attackBatch(highs, [attacks[p]!]);
				out.exposed.push(one.exposed[0]!);
				out.solves += one.solves;
			}
		}
		solves += out.solves;
		b.forEach((p, i) => (exposed[p] = out.exposed[i]!));
	}
	return { exposed, solves };
}

/** Per variable of the piece: the rows it is in. */
function rowsOfVars(piece: AttackComponent): number[][] {
	const rowsOf: number[][] = Array.from({ length: piece.vars.length }, () => []);
	piece.rows.forEach((r, k) => {
		for (const v of r.vars) rowsOf[v]!.push(k);
	});
	return rowsOf;
}

/**
 * Target i of a large piece with only the rows near it: every row holding one of its counts,
 * then, nearest first, rows holding counts already taken, while the counts stay under
 * `size` (a target whose own rows already hold more is not checked this way). Leaving rows out only lets the attacker believe more, so a range this narrows
 * to under 5 persons (and not the whole) is narrower still in the whole piece: exposed. A range
 * it leaves protected proves nothing, and the target is attacked in the whole piece.
 */
function neighbourhood(piece: AttackComponent, rowsOf: readonly number[][], i: number, size: number): AttackComponent {
	const target = piece.targets[i]!;
	const local = new Map<number, number>();
	const taken = new Set<number>();
	let frontier = Array.from(target.vars);
	for (const v of frontier) local.set(v, local.size);
	let first = true;
	while (frontier.length > 0) {
		const next: number[] = [];
		for (const v of frontier) {
			for (const k of rowsOf[v]!) {
				if (taken.has(k)) continue;
				const row = piece.rows[k]!;
				let extra = 0;
				for (const w of row.vars) if (!local.has(w)) extra++;
				if (!first && local.size + extra > size) continue;
				taken.add(k);
				for (const w of row.vars) {
					if (local.has(w)) continue;
					local.set(w, local.size);
					next.push(w);
				}
			}
		}
		first = false;
		frontier = next;
	}
	const vars = [...local.keys()];
	const rows = [...taken].sort((a, b) => a - b).map((k) => {
		const r = piece.rows[k]!;
		return { ...r, vars: Int32Array.from(r.vars, (w) => local.get(w)!) };
	});
	return {
		vars: Int32Array.from(vars, (v) => piece.vars[v]!),
		upper: Float64Array.from(vars, (v) => piece.upper[v]!),
		truth: Float64Array.from(vars, (v) => piece.truth[v]!),
		whole: Uint8Array.from(vars, (v) => piece.whole[v]!),
		rows,
		targets: [{ ...target, vars: Int32Array.from(target.vars, (w) => local.get(w)!) }],
		targetIndex: [piece.targetIndex[i]!]
	};
}

/** Nothing published about these counts: each lies anywhere in 0..residents. */
function unconstrained({ piece, settled }: PieceAttack): Exposure[] {
	const exposed: Exposure[] = [];
	piece.targets.forEach((t, i) => {
		if (settled[i]) return;
		const hi = t.vars.reduce((s, v) => s + piece.upper[v]!, 0);
		if (!isProtected(t.known, t.known + hi, t.total)) exposed.push({ target: i, lo: t.known, hi: t.known + hi });
	});
	return exposed;
}

/**
 * One hidden count x: every row says lower <= x <= upper, so x ranges over the intersection of
 * those intervals with 0..residents (whole numbers in it, for whole persons), and each value in
 * it fits every row: the range is exact.
 */
function single({ piece, settled }: PieceAttack): Exposure[] {
	let lo = 0;
	let hi = piece.upper[0]!;
	for (const r of piece.rows) {
		lo = Math.max(lo, r.lower);
		hi = Math.min(hi, r.upper);
	}
	if (piece.whole[0]) {
		lo = Math.ceil(lo - WHOLE);
		hi = Math.floor(hi + WHOLE);
	}
	// The true count fits, so the range is not empty; rounding noise aside, it holds the truth.
	lo = Math.min(lo, piece.truth[0]!);
	hi = Math.max(hi, piece.truth[0]!);
	const exposed: Exposure[] = [];
	piece.targets.forEach((t, i) => {
		if (settled[i]) return;
		const [l, h] = t.vars.length === 0 ? [t.known, t.known] : [t.known + lo, t.known + hi];
		if (!isProtected(l, h, t.total)) exposed.push({ target: i, lo: l, hi: h });
	});
	return exposed;
}

interface PieceState {
	attack: PieceAttack;
	/** First column of the piece in the batch's model. */
	offset: number;
	pending: number[];
	/** Index into pending of the target under attack, and which end is being solved. */
	cursor: number;
	phase: 'max' | 'min';
	seenLo: Float64Array;
	seenHi: Float64Array;
	hi: number;
	exposed: Exposure[];
	mip: Model | null;
}

function attackBatch(highs: Highs, attacks: readonly PieceAttack[]): { exposed: Exposure[][]; solves: number } {
	let offset = 0;
	const states: PieceState[] = attacks.map((attack) => {
		const n = attack.piece.targets.length;
		const state: PieceState = {
			attack,
			offset,
			pending: attack.piece.targets.map((_, i) => i).filter((i) => !attack.settled[i]),
			cursor: 0,
			phase: 'max',
			seenLo: new Float64Array(n).fill(Infinity),
			seenHi: new Float64Array(n).fill(-Infinity),
			hi: 0,
			exposed: [],
			mip: null
		};
		offset += attack.piece.vars.length;
		see(state, attack.piece.truth, 0);
		seeExchanges(state);
		return state;
	});
	let solves = 0;
	const lp = createModel(
		highs,
		attacks.map((a) => a.piece),
		false
	);
	let costed: Int32Array = new Int32Array(0);
	try {
		for (;;) {
			// Each piece's next question: the max, then the min, of its next target not yet seen protected.
			const active: PieceState[] = [];
			const entries = new Map<number, number>();
			for (const s of states) {
				while (s.cursor < s.pending.length && seenProtected(s, s.pending[s.cursor]!)) {
					s.cursor++;
					s.phase = 'max';
				}
				if (s.cursor === s.pending.length) continue;
				active.push(s);
				for (const v of s.attack.piece.targets[s.pending[s.cursor]!]!.vars) entries.set(s.offset + v, s.phase === 'max' ? -1 : 1);
			}
			if (active.length === 0) break;
			costed = setCosts(lp, costed, entries);
			solves++;
			const point = optimum(highs, lp).point;
			for (const s of active) {
				const i = s.pending[s.cursor]!;
				const t = s.attack.piece.targets[i]!;
				let value = t.known;
				for (const v of t.vars) value += point[s.offset + v]!;
				see(s, point, s.offset);
				if (s.phase === 'max') {
					s.hi = value;
					s.phase = 'min';
					continue;
				}
				s.cursor++;
				s.phase = 'max';
				if (seenProtected(s, i)) continue;
				solves += classify(highs, s, i, value);
			}
		}
	} finally {
		lp.dispose();
		for (const s of states) s.mip?.dispose();
	}
	return { exposed: states.map((s) => s.exposed), solves };
}

/** After both LP ends of target i: exposed, protected, or (whole persons) settled by the MIP. Returns MIP solves. */
function classify(highs: Highs, s: PieceState, i: number, lo: number): number {
	const { piece } = s.attack;
	const t = piece.targets[i]!;
	const whole = t.vars.every((v) => piece.whole[v] === 1);
	const outerLo = whole ? Math.ceil(lo - WHOLE) : lo;
	const outerHi = whole ? Math.floor(s.hi + WHOLE) : s.hi;
	if (!isProtected(outerLo, outerHi, t.total)) {
		s.exposed.push({ target: i, lo: outerLo, hi: outerHi });
		return 0;
	}
	if (!piece.whole.some((w) => w === 1)) return 0; // the LP's range is the attacker's range
	s.mip ??= createModel(highs, [piece], true);
	const costs = new Map(Array.from(t.vars, (v) => [v, 1]));
	for (const sense of [highs.constants.objectiveSense.maximize, highs.constants.objectiveSense.minimize]) {
		setCosts(s.mip, null, costs);
		s.mip.changeObjectiveSense(sense);
		see(s, optimum(highs, s.mip).point, 0);
	}
	if (!seenProtected(s, i)) s.exposed.push({ target: i, lo: s.seenLo[i]!, hi: s.seenHi[i]! });
	return 2;
}

/** Widens the seen ranges of the piece's pending targets by its part of `point` (from `offset`), if whole where it must be. */
function see(s: PieceState, point: Float64Array, offset: number): void {
	const { piece } = s.attack;
	const n = piece.vars.length;
	const x = point.slice(offset, offset + n);
	for (let v = 0; v < n; v++) {
		if (!piece.whole[v]) continue;
		const r = Math.round(x[v]!);
		if (Math.abs(x[v]! - r) > WHOLE) return;
		x[v] = r;
	}
	for (const i of s.pending) {
		const t = piece.targets[i]!;
		let sum = t.known;
		for (const v of t.vars) sum += x[v]!;
		if (sum < s.seenLo[i]!) s.seenLo[i] = sum;
		if (sum > s.seenHi[i]!) s.seenHi[i] = sum;
	}
}

/**
 * Points found without a solver: two hidden counts in exactly the same published rows can trade
 * persons, one up and the other down by as much, and every row's sum stays what it is. So from
 * the true counts, a hidden department's count can rise by what its row-mates hold (up to its
 * residents) and fall by the room they have left (down to 0), each such point one the attacker
 * cannot rule out (whole numbers from whole numbers). Its seen range widens by that, and when
 * that is 5 persons or the whole range, it needs no LP (most hidden departments share an
 * organisation and an area with another). A point proves protection only; what stays narrow
 * still goes to the solver, so nothing found exposed changes.
 */
function seeExchanges(s: PieceState): void {
	const { piece } = s.attack;
	const rowsOf = rowsOfVars(piece);
	const mates = new Map<string, number[]>();
	const signature = rowsOf.map((rows) => rows.join(','));
	signature.forEach((k, v) => {
		const list = mates.get(k);
		if (list) list.push(v);
		else mates.set(k, [v]);
	});
	for (const i of s.pending) {
		const t = piece.targets[i]!;
		if (t.vars.length !== 1) continue;
		const v = t.vars[0]!;
		let up = 0;
		let down = 0;
		for (const j of mates.get(signature[v]!)!) {
			if (j === v) continue;
			up += piece.truth[j]!;
			down += piece.upper[j]! - piece.truth[j]!;
		}
		if (up === 0 && down === 0) continue;
		const x = piece.truth[v]!;
		const lo = t.known + x - Math.min(x, down);
		const hi = t.known + x + Math.min(piece.upper[v]! - x, up);
		if (lo < s.seenLo[i]!) s.seenLo[i] = lo;
		if (hi > s.seenHi[i]!) s.seenHi[i] = hi;
	}
}

function seenProtected(s: PieceState, i: number): boolean {
	return isProtected(s.seenLo[i]!, s.seenHi[i]!, s.attack.piece.targets[i]!.total);
}

/**
 * Rows narrower than this many persons (a full double's rounding: about 1e-15 of the count) go to
 * the solver as equalities at their middle. HiGHS's presolve can call a row 1e-14 wide
 * infeasible (seen on a 6-count piece that the true counts fit), and its tolerance, 1e-7, cannot
 * tell such a row from an equality anyway. A narrower row credits the attacker with more than he
 * knows, never less: the safe side.
 */
const ROW_EXACT = 1e-9;

/** The pieces side by side: columns and rows of each after the previous one's; minimising. */
function createModel(highs: Highs, pieces: readonly AttackComponent[], integer: boolean): Model {
	let numCols = 0;
	let numRows = 0;
	let nonzeros = 0;
	for (const p of pieces) {
		numCols += p.vars.length;
		numRows += p.rows.length;
		for (const r of p.rows) nonzeros += r.vars.length;
	}
	const colUpper = new Float64Array(numCols);
	const rowLower = new Float64Array(numRows);
	const rowUpper = new Float64Array(numRows);
	const starts = new Int32Array(numRows + 1);
	const indices = new Int32Array(nonzeros);
	let col = 0;
	let row = 0;
	for (const p of pieces) {
		colUpper.set(p.upper, col);
		for (const r of p.rows) {
			const exact = r.upper - r.lower < ROW_EXACT;
			rowLower[row] = exact ? (r.lower + r.upper) / 2 : r.lower;
			rowUpper[row] = exact ? (r.lower + r.upper) / 2 : r.upper;
			for (let k = 0; k < r.vars.length; k++) indices[starts[row]! + k] = col + r.vars[k]!;
			starts[row + 1] = starts[row]! + r.vars.length;
			row++;
		}
		col += p.vars.length;
	}
	const model = highs.createModel({
		numCols,
		numRows,
		colCost: new Float64Array(numCols),
		colLower: new Float64Array(numCols),
		colUpper,
		rowLower,
		rowUpper,
		matrix: { format: 'csr', numRows, numCols, starts, indices, values: new Float64Array(nonzeros).fill(1) },
		...(integer ? { integrality: Int32Array.from(pieces.flatMap((p) => Array.from(p.whole))) } : {})
	});
	model.options.set({ output_flag: false, ...(integer ? { mip_rel_gap: 0, mip_abs_gap: 0 } : {}) });
	model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
	return model;
}

const lastCosts = new WeakMap<Model, Int32Array>();

/**
 * Makes the objective the given costs (column -> cost), zeroing the columns the previous
 * objective used. Returns the columns now costed.
 */
function setCosts(model: Model, previous: Int32Array | null, entries: Map<number, number>): Int32Array {
	const before = previous ?? lastCosts.get(model) ?? new Int32Array(0);
	const all = new Map<number, number>();
	for (const c of before) all.set(c, 0);
	for (const [c, cost] of entries) all.set(c, cost);
	const indices = Int32Array.from(all.keys()).sort();
	if (indices.length > 0) model.changeColsCost({ kind: 'set', indices }, Float64Array.from(indices, (c) => all.get(c)!));
	const now = Int32Array.from(entries.keys()).sort();
	lastCosts.set(model, now);
	return now;
}
