/**
 * A quick proof that a polygon of one ring is valid, so that jsts (validity.ts) is asked only
 * about the rest. jsts's IsValidOp builds a topology graph for every polygon, about 0.45 ms for a
 * 15-point ring: on `generate --scale national` (1,044 areas) half of the read step's JavaScript.
 *
 * A polygon that is one closed ring is valid (OGC) exactly when the ring is simple: no two of its
 * segments meet except neighbours at their shared vertex. This proves that, and says nothing
 * otherwise: it returns true only when every test is certain, and false for anything it cannot
 * prove (a crossing, a touch, three points in a line, a rounding doubt, too many segments whose
 * boxes overlap), which sends the polygon to jsts to be checked, and explained, as before. It never
 * finds a fault itself, so every message stays jsts's.
 *
 * Certain means exact: box comparisons are exact on doubles, and each orientation's sign comes
 * from robust-predicates' orient2d (Shewchuk's adaptive exact predicate), so no rounding can flip
 * it; an exactly zero turn (three points in a line) is left to jsts.
 */
import type { Position } from 'geojson';
import { orient2d } from 'robust-predicates';

/** Pairs of segments tried per segment (on average) before the ring is left to jsts. */
const PAIR_BUDGET = 32;

/** The sign of the turn a → b → c (exact; 0 when the three points lie in a line). */
function orientation(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
	return Math.sign(orient2d(ax, ay, bx, by, cx, cy));
}

/** True when the closed ring (first point repeated last) is certainly simple; false when not, or not certain. */
export function isCertainlySimpleRing(ring: readonly Position[]): boolean {
	const n = ring.length - 1; // segments; segment i runs from point i to point i + 1
	if (n < 3) return false;
	const x = new Float64Array(n + 1);
	const y = new Float64Array(n + 1);
	for (let i = 0; i <= n; i++) {
		x[i] = ring[i]![0]!;
		y[i] = ring[i]![1]!;
		if (!Number.isFinite(x[i]!) || !Number.isFinite(y[i]!)) return false;
	}
	if (x[0] !== x[n] || y[0] !== y[n]) return false;
	// Neighbours meet only at their shared vertex when they certainly turn there (not in a line).
	for (let i = 0; i < n; i++) {
		const a = i === 0 ? n - 1 : i - 1;
		if (orientation(x[a]!, y[a]!, x[i]!, y[i]!, x[i + 1]!, y[i + 1]!) === 0) return false;
	}
	// Every other pair must be apart: segments by their left end, each tried against those that
	// start before it ends (a sweep over x).
	const order = Array.from({ length: n }, (_, i) => i);
	const minX = (i: number) => Math.min(x[i]!, x[i + 1]!);
	order.sort((a, b) => minX(a) - minX(b));
	let pairs = 0;
	for (let k = 0; k < n; k++) {
		const i = order[k]!;
		const iMaxX = Math.max(x[i]!, x[i + 1]!);
		const iMinY = Math.min(y[i]!, y[i + 1]!);
		const iMaxY = Math.max(y[i]!, y[i + 1]!);
		for (let m = k + 1; m < n; m++) {
			const j = order[m]!;
			if (minX(j) > iMaxX) break;
			if (++pairs > PAIR_BUDGET * n) return false;
			if (Math.abs(i - j) === 1 || Math.abs(i - j) === n - 1) continue; // neighbours, done above
			if (Math.min(y[j]!, y[j + 1]!) > iMaxY || Math.max(y[j]!, y[j + 1]!) < iMinY) continue;
			if (!apart(x, y, i, j)) return false;
		}
	}
	return true;
}

/** Segments i and j certainly do not meet: one lies strictly on one side of the other's line. */
function apart(x: Float64Array, y: Float64Array, i: number, j: number): boolean {
	const [ax, ay, bx, by] = [x[i]!, y[i]!, x[i + 1]!, y[i + 1]!];
	const [cx, cy, dx, dy] = [x[j]!, y[j]!, x[j + 1]!, y[j + 1]!];
	const c = orientation(ax, ay, bx, by, cx, cy);
	const d = orientation(ax, ay, bx, by, dx, dy);
	if (c !== 0 && c === d) return true;
	const a = orientation(cx, cy, dx, dy, ax, ay);
	const b = orientation(cx, cy, dx, dy, bx, by);
	return a !== 0 && a === b;
}
