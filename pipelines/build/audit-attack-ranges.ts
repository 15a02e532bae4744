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
 * - In any piece, the bounds its rows give when read one at a time (audit-propagation.ts)
 *   already pin most exposed targets: those need no LP. In the large pieces (too large to
 *   batch) this is what kept the audit from growing with the square of the input: national10's
 *   pieces of hundreds of hidden counts each had two LPs over the whole piece per exposed
 *   target. In the small ones it takes a third of national's solver runs (5,669 -> 3,692: an
 *   exposure cost two, and half the findings are counts found exposed the round before).
 *   Such an exposure reports the propagated range, which the attacker can narrow it to at
 *   least (the LP's exact range lies inside it); the same targets are found exposed.
 *   (Attacking a large piece's targets first in LPs over their neighbourhoods was dropped with
 *   it: once propagation has taken the exposures, the targets left are mostly protected, and a
 *   neighbourhood can only prove exposure.)
 * - Hidden departments in exactly the same rows can trade persons without changing any row's sum:
 *   points found that way, without a solver, show many protected before the first LP
 *   (seeExchanges).
 * Counts of whole persons: the attacker may assume they are whole numbers, which can narrow the
 * range further, so the LP's bounds are rounded inwards, and a point counts as seen only when it
 * is whole; when the rounded LP range is protected but no whole points have shown it, the exact
 * whole-number range comes from the MIP (HiGHS branch and bound, gap 0), piece by piece.
 */
import type { Highs, Model } from 'highs';
import type { AttackTarget } from './audit-attack-world.ts';
import type { AttackComponent } from './audit-components.ts';
import { Certificates, certificateOf, rowsByGroup, scratchFor, type Certificate, type End } from './audit-certificates.ts';
import { optimum, SolverFailed } from './audit-lp-solver.ts';
import { isProtected } from './audit-protection.ts';
import { propagatedBounds } from './audit-propagation.ts';

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
}

/**
 * Batches of 500 columns rather than 2,000: a batch is solved until its slowest piece is done,
 * every solve over all its columns, so smaller batches waste less on pieces already finished.
 * On national (same cells withheld), 18.4 s of CPU against 20.1 s, run side by side.
 */
export const ATTACK_LIMITS: AttackLimits = { batchPiece: 200, batchColumns: 500 };

/** One piece on its own (the tests' entry; the audit uses attackPieces). */
export function attackRanges(highs: Highs, piece: AttackComponent, settled: Uint8Array = new Uint8Array(piece.targets.length)): RangesResult {
	const [result] = attackPieces(highs, [{ piece, settled }]);
	return result!;
}

/**
 * Each piece's exposures, in the order given (each by target); `solves` of the whole is on the
 * first result. `certificates`, the year's duals of earlier rounds' exposures
 * (audit-certificates.ts), are tried before any LP, and the duals of this attack's exposures
 * are added to them.
 */
export function attackPieces(
	highs: Highs,
	attacks: readonly PieceAttack[],
	limits: AttackLimits = ATTACK_LIMITS,
	certificates: Certificates = new Certificates()
): RangesResult[] {
	const results: RangesResult[] = attacks.map(() => ({ exposed: [], solves: 0 }));
	const small: number[] = [];
	const smallAttacks: BoundedAttack[] = [];
	const large: BoundedAttack[] = [];
	const largeOf: number[] = [];
	attacks.forEach((a, p) => {
		if (!a.settled.some((s) => s === 0)) return;
		if (a.piece.rows.length === 0) results[p]!.exposed = unconstrained(a);
		else if (a.piece.vars.length === 1) results[p]!.exposed = single(a);
		else {
			// Exposures that the rows show one at a time need no LP of their own
			// (audit-propagation.ts); what is left is attacked as before.
			const settled = a.settled.slice();
			const { exposed, outerLo, outerHi } = propagated(a, settled);
			// Then what the last round's duals still show (audit-certificates.ts).
			certified(a.piece, settled, outerLo, outerHi, exposed, certificates);
			results[p]!.exposed = exposed;
			if (!settled.some((s) => s === 0)) return;
			const bounded = { piece: a.piece, settled, outerLo, outerHi };
			if (a.piece.vars.length <= limits.batchPiece) {
				small.push(p);
				smallAttacks.push(bounded);
				return;
			}
			large.push(bounded);
			largeOf.push(p);
		}
	});
	let solves = 0;
	large.forEach((a, k) => {
		const out = attackBatch(highs, [a], certificates);
		solves += out.solves;
		results[largeOf[k]!]!.exposed.push(...out.exposed[0]!);
	});
	const smallResult = solveBatched(highs, smallAttacks, limits.batchColumns, certificates);
	solves += smallResult.solves;
	small.forEach((p, i) => results[p]!.exposed.push(...smallResult.exposed[i]!));
	for (const r of results) r.exposed.sort((a, b) => a.target - b.target);
	if (results.length > 0) results[0]!.solves = solves;
	return results;
}

/** Attacks small pieces in batches of like size, so that no batch waits long on one piece with many targets. */
function solveBatched(
	highs: Highs,
	attacks: readonly BoundedAttack[],
	batchColumns: number,
	certificates: Certificates
): { exposed: Exposure[][]; solves: number } {
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
				b.map((p) => attacks[p]!),
				certificates
			);
		} catch (error) {
			// A batch the solver cannot finish is tried again piece by piece; a piece it cannot
			// finish alone fails the audit.
			if (!(error instanceof SolverFailed) || b.length === 1) throw error;
			out = { exposed: [], solves: 0 };
			for (const p of b) {
				const one = attackBatch(highs, [attacks[p]!], certificates);
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
 * A piece to attack with each target's range as the propagated bounds give it (outer: the
 * LP's range lies inside).
 */
interface BoundedAttack extends PieceAttack {
	outerLo: Float64Array;
	outerHi: Float64Array;
}

/**
 * Pending targets the propagated bounds already narrow too far: exposed, and marked settled;
 * and every target's outer range.
 */
function propagated({ piece }: PieceAttack, settled: Uint8Array): { exposed: Exposure[]; outerLo: Float64Array; outerHi: Float64Array } {
	const { lower, upper } = propagatedBounds(piece);
	const exposed: Exposure[] = [];
	const outerLo = new Float64Array(piece.targets.length);
	const outerHi = new Float64Array(piece.targets.length);
	piece.targets.forEach((t, i) => {
		let lo = t.known;
		let hi = t.known;
		for (const v of t.vars) {
			lo += lower[v]!;
			hi += upper[v]!;
		}
		outerLo[i] = lo;
		outerHi[i] = hi;
		if (settled[i] || isProtected(lo, hi, t.total, t.given)) return;
		exposed.push({ target: i, lo, hi });
		settled[i] = 1;
	});
	return { exposed, outerLo, outerHi };
}

/**
 * Pending targets whose ends the kept duals bound (audit-certificates.ts): their outer range
 * narrowed to the tighter of those bounds and the propagated ones; those it shows too narrow are
 * exposed, and marked settled.
 */
function certified(
	piece: AttackComponent,
	settled: Uint8Array,
	outerLo: Float64Array,
	outerHi: Float64Array,
	exposed: Exposure[],
	certificates: Certificates
): void {
	let rowsOf: ReturnType<typeof rowsByGroup> | undefined;
	let scratch: ReturnType<typeof scratchFor> | undefined;
	piece.targets.forEach((t, i) => {
		if (settled[i] || !certificates.has(t)) return;
		rowsOf ??= rowsByGroup(piece);
		scratch ??= scratchFor(piece);
		const hi = certificates.bound(piece, rowsOf, i, 'max', scratch);
		const lo = certificates.bound(piece, rowsOf, i, 'min', scratch);
		if (hi !== undefined && hi < outerHi[i]!) outerHi[i] = hi;
		if (lo !== undefined && lo > outerLo[i]!) outerLo[i] = lo;
		const range = inwards(piece, t, outerLo[i]!, outerHi[i]!);
		if (range) {
			exposed.push({ target: i, ...range });
			settled[i] = 1;
		}
	});
}

/** Nothing published about these counts: each lies anywhere in 0..residents. */
function unconstrained({ piece, settled }: PieceAttack): Exposure[] {
	const exposed: Exposure[] = [];
	piece.targets.forEach((t, i) => {
		if (settled[i]) return;
		const hi = t.vars.reduce((s, v) => s + piece.upper[v]!, 0);
		if (!isProtected(t.known, t.known + hi, t.total, t.given)) exposed.push({ target: i, lo: t.known, hi: t.known + hi });
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
		if (!isProtected(l, h, t.total, t.given)) exposed.push({ target: i, lo: l, hi: h });
	});
	return exposed;
}

interface PieceState {
	attack: BoundedAttack;
	/** First column of the piece in the batch's model. */
	offset: number;
	pending: number[];
	/** Index into pending of the target under attack, and which end is being solved (null: not begun). */
	cursor: number;
	phase: 'max' | 'min' | null;
	/** The end solved first, when its other end is yet to be solved. */
	solved: 'max' | 'min' | null;
	seenLo: Float64Array;
	seenHi: Float64Array;
	lo: number;
	hi: number;
	exposed: Exposure[];
	mip: Model | null;
	/** First row of the piece in the batch's model. */
	rowOffset: number;
	/** The dual of the end solved first, kept should the target prove exposed. */
	firstDual: Certificate | null;
}

function attackBatch(
	highs: Highs,
	attacks: readonly BoundedAttack[],
	certificates: Certificates
): { exposed: Exposure[][]; solves: number } {
	let offset = 0;
	let rowOffset = 0;
	const states: PieceState[] = attacks.map((attack) => {
		const n = attack.piece.targets.length;
		const state: PieceState = {
			attack,
			offset,
			pending: attack.piece.targets.map((_, i) => i).filter((i) => !attack.settled[i]),
			cursor: 0,
			phase: null,
			solved: null,
			seenLo: new Float64Array(n).fill(Infinity),
			seenHi: new Float64Array(n).fill(-Infinity),
			lo: 0,
			hi: 0,
			exposed: [],
			mip: null,
			rowOffset,
			firstDual: null
		};
		offset += attack.piece.vars.length;
		rowOffset += attack.piece.rows.length;
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
			// Each piece's next question: one end, then (if still needed) the other, of its next
			// target not yet seen protected.
			const active: PieceState[] = [];
			const entries = new Map<number, number>();
			for (const s of states) {
				while (s.cursor < s.pending.length && seenProtected(s, s.pending[s.cursor]!)) next(s);
				if (s.cursor === s.pending.length) continue;
				s.phase ??= firstEnd(s, s.pending[s.cursor]!);
				active.push(s);
				for (const v of s.attack.piece.targets[s.pending[s.cursor]!]!.vars) entries.set(s.offset + v, s.phase === 'max' ? -1 : 1);
			}
			if (active.length === 0) break;
			costed = setCosts(lp, costed, entries);
			solves++;
			const { point, dual } = optimum(highs, lp);
			for (const s of active) {
				const i = s.pending[s.cursor]!;
				const t = s.attack.piece.targets[i]!;
				let value = t.known;
				for (const v of t.vars) value += point[s.offset + v]!;
				see(s, point, s.offset);
				if (s.phase === 'max') s.hi = value;
				else s.lo = value;
				// The end's dual, kept with the target should it prove exposed (audit-certificates.ts).
				const end: End = s.phase!;
				const endDual = certificateOf(s.attack.piece.rows, dual, s.rowOffset, end === 'max' ? -1 : 1);
				if (s.solved === null) {
					// One end is exact now; with the other end's outer bound (propagated, or a kept
					// dual's) the range may already be too narrow, and the other LP is not needed.
					if (end === 'max') s.lo = s.attack.outerLo[i]!;
					else s.hi = s.attack.outerHi[i]!;
					if (!seenProtected(s, i) && exposedOuter(s, i)) {
						certificates.keep(t, end, endDual);
						next(s);
						continue;
					}
					s.solved = end;
					s.firstDual = endDual;
					s.phase = end === 'max' ? 'min' : 'max';
					continue;
				}
				const firstEnd = s.solved!;
				const firstDual = s.firstDual!;
				next(s);
				if (seenProtected(s, i)) continue;
				if (exposedOuter(s, i)) {
					certificates.keep(t, firstEnd, firstDual);
					certificates.keep(t, end, endDual);
					continue;
				}
				solves += classify(highs, s, i);
			}
		}
	} finally {
		lp.dispose();
		for (const s of states) s.mip?.dispose();
	}
	return { exposed: states.map((s) => s.exposed), solves };
}

/** The next pending target of the piece, neither end solved yet. */
function next(s: PieceState): void {
	s.cursor++;
	s.phase = null;
	s.solved = null;
	s.firstDual = null;
}

/**
 * Which end of target i to solve first: the one its propagated bound leaves further from what
 * has been seen, so that the other end's propagated bound is the closer one, and more often
 * enough to show an exposure with one LP (exposedOuter).
 */
function firstEnd(s: PieceState, i: number): 'max' | 'min' {
	return s.attack.outerHi[i]! - s.seenHi[i]! >= s.seenLo[i]! - s.attack.outerLo[i]! ? 'max' : 'min';
}

/**
 * Whether [s.lo, s.hi] of target i, rounded inwards to whole persons where the attacker may
 * assume them, is too narrow; if so it is recorded as the target's exposure. Sound when the
 * range holds the LP's (each end exact or outer): a range inside one too narrow is too narrow.
 */
function exposedOuter(s: PieceState, i: number): boolean {
	const range = inwards(s.attack.piece, s.attack.piece.targets[i]!, s.lo, s.hi);
	if (!range) return false;
	s.exposed.push({ target: i, ...range });
	return true;
}

/**
 * [lo, hi] of target t rounded inwards to whole persons where the attacker may assume them;
 * the rounded range when it is too narrow to protect t, else undefined.
 */
function inwards(piece: AttackComponent, t: AttackTarget, lo: number, hi: number): { lo: number; hi: number } | undefined {
	const whole = t.vars.every((v) => piece.whole[v] === 1);
	const l = whole ? Math.ceil(lo - WHOLE) : lo;
	const h = whole ? Math.floor(hi + WHOLE) : hi;
	return isProtected(l, h, t.total, t.given) ? undefined : { lo: l, hi: h };
}

/**
 * After both LP ends of target i, their range rounded and still wide: protected, or (whole
 * persons, no whole points seen that show it) settled by the MIP. Returns MIP solves.
 */
function classify(highs: Highs, s: PieceState, i: number): number {
	const { piece } = s.attack;
	const t = piece.targets[i]!;
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
	const t = s.attack.piece.targets[i]!;
	return isProtected(s.seenLo[i]!, s.seenHi[i]!, t.total, t.given);
}

/**
 * Rows narrower than this many persons (a full double's rounding: about 1e-15 of the count) go to
 * the solver as equalities at their middle. HiGHS's presolve can call a row 1e-14 wide
 * infeasible (seen on a 6-count piece that the true counts fit), and its tolerance, 1e-7, cannot
 * tell such a row from an equality anyway. A narrower row credits the attacker with more than he
 * knows, never less: the safe side.
 */
const ROW_EXACT = 1e-9;

/**
 * The LPs by the primal simplex (HiGHS's `simplex_strategy` 4). Between two solves only the
 * objective changes, so the last optimal basis is still feasible and the primal simplex goes on
 * from it, where HiGHS's default (the dual simplex) must first win back dual feasibility. In a
 * large piece's model that saved much (national10's 2018, a piece of 17,903 hidden counts:
 * 16.5-18.3 s of CPU with the default against 11.3-13.6 s, branch `audit3`). In the batched small
 * models no gain showed then (7.9 and 8.6 s against 8.7 and 8.7 s); with the kept duals taking
 * the repeated exposures (audit-certificates.ts) it does: national's batches 3.8 and 4.1 s of CPU
 * with the default against 3.1 and 3.4 s with the primal, alternating, the same suppression, with
 * more runs (2,187 against 2,478: other optimal points seen). The MIP keeps HiGHS's defaults.
 */
const PRIMAL_SIMPLEX = 4;

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
	model.options.set({
		output_flag: false,
		...(integer ? { mip_rel_gap: 0, mip_abs_gap: 0 } : { simplex_strategy: PRIMAL_SIMPLEX })
	});
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
