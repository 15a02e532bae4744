/**
 * One GeoJSON geometry checked and cleaned for the map: Polygon or MultiPolygon only, 2D (a third
 * value, such as DAGI's -999, is dropped), repeated consecutive points dropped, every ring closed
 * with at least 4 points, every point inside Denmark, no ring crossing itself or another ring.
 *
 * Self-intersection uses @turf/turf's `kinks`, which compares every segment with every other:
 * fine for the polygons of housing areas, but a municipality boundary at full resolution has tens
 * of thousands of points and would take minutes. Above KINKS_LIMIT points we run the same segment
 * test over the pairs whose x-ranges overlap (a sort-and-sweep), which reports the same crossings.
 */
import { kinks } from '@turf/turf';
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { inDenmark } from './denmark.ts';

export type Problem =
	| { kind: 'not-a-polygon'; found: string }
	| { kind: 'invalid-polygon'; found: string }
	| { kind: 'outside-denmark'; point: [number, number] }
	| { kind: 'self-intersection'; point: [number, number] };

export type Checked = { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; problem: Problem };

export const KINKS_LIMIT = 2000;

export function checkGeometry(geometry: unknown): Checked {
	if (geometry === null || typeof geometry !== 'object') {
		return { ok: false, problem: { kind: 'not-a-polygon', found: 'ingen geometri' } };
	}
	const type = (geometry as { type?: unknown }).type;
	if (type !== 'Polygon' && type !== 'MultiPolygon') {
		return { ok: false, problem: { kind: 'not-a-polygon', found: typeof type === 'string' ? type : 'en geometri uden type' } };
	}
	const coordinates = (geometry as { coordinates?: unknown }).coordinates;
	const parts = type === 'Polygon' ? [coordinates] : coordinates;
	if (!Array.isArray(parts) || parts.length === 0) return invalid('ingen koordinater');
	const polygons: Position[][][] = [];
	for (const part of parts) {
		if (!Array.isArray(part) || part.length === 0) return invalid('et polygon uden ringe');
		const rings: Position[][] = [];
		for (const ring of part) {
			const cleaned = cleanRing(ring);
			if (typeof cleaned === 'string') return invalid(cleaned);
			rings.push(cleaned);
		}
		polygons.push(rings);
	}
	for (const rings of polygons) {
		for (const ring of rings) {
			for (const [x, y] of ring) {
				if (!inDenmark(x!, y!)) return { ok: false, problem: { kind: 'outside-denmark', point: [x!, y!] } };
			}
		}
	}
	for (const rings of polygons) {
		const crossing = selfIntersection(rings);
		if (crossing) return { ok: false, problem: { kind: 'self-intersection', point: crossing } };
	}
	const cleanedGeometry: Polygon | MultiPolygon =
		type === 'Polygon' ? { type, coordinates: polygons[0]! } : { type, coordinates: polygons };
	return { ok: true, geometry: cleanedGeometry };
}

function invalid(found: string): Checked {
	return { ok: false, problem: { kind: 'invalid-polygon', found } };
}

/** A ring as 2D points without repeats, or a Danish description of what is wrong with it. */
function cleanRing(ring: unknown): Position[] | string {
	if (!Array.isArray(ring)) return 'en ring, der ikke er en liste af punkter';
	const points: Position[] = [];
	for (const p of ring) {
		if (!Array.isArray(p) || p.length < 2 || typeof p[0] !== 'number' || typeof p[1] !== 'number' || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) {
			return 'et punkt, der ikke er [længdegrad, breddegrad]';
		}
		const last = points[points.length - 1];
		if (last && last[0] === p[0] && last[1] === p[1]) continue;
		points.push([p[0], p[1]]);
	}
	const first = points[0];
	const last = points[points.length - 1];
	if (!first || !last || first[0] !== last[0] || first[1] !== last[1] || points.length === 1) {
		return `en åben ring (første punkt er ikke det samme som sidste)`;
	}
	if (points.length < 4) return `en ring med kun ${points.length} forskellige punkter (mindst 4 med det lukkende punkt)`;
	return points;
}

/** A point where the polygon's rings cross or touch, the smallest by (lon, lat); null if none. */
function selfIntersection(rings: Position[][]): [number, number] | null {
	let points = 0;
	for (const ring of rings) points += ring.length;
	const found: [number, number][] = [];
	if (points <= KINKS_LIMIT) {
		for (const f of kinks({ type: 'Polygon', coordinates: rings }).features) {
			const [x, y] = f.geometry.coordinates;
			found.push([x!, y!]);
		}
	} else {
		sweep(rings, found);
	}
	if (found.length === 0) return null;
	found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
	return found[0]!;
}

/**
 * The pairs kinks compares, minus those whose x-ranges cannot overlap; same skip rules (a segment
 * and its neighbours in the same ring, the first and last segment of a closed ring), same test.
 */
export function sweep(rings: Position[][], found: [number, number][]): void {
	const segments: { ring: number; i: number; n: number; x1: number; y1: number; x2: number; y2: number; minX: number; maxX: number }[] = [];
	rings.forEach((ring, r) => {
		for (let i = 0; i < ring.length - 1; i++) {
			const [x1, y1] = ring[i]!;
			const [x2, y2] = ring[i + 1]!;
			segments.push({ ring: r, i, n: ring.length, x1: x1!, y1: y1!, x2: x2!, y2: y2!, minX: Math.min(x1!, x2!), maxX: Math.max(x1!, x2!) });
		}
	});
	segments.sort((a, b) => a.minX - b.minX);
	for (let s = 0; s < segments.length; s++) {
		const a = segments[s]!;
		for (let t = s + 1; t < segments.length; t++) {
			const b = segments[t]!;
			if (b.minX > a.maxX) break;
			if (a.ring === b.ring) {
				const d = Math.abs(a.i - b.i);
				if (d === 1 || d === a.n - 2) continue;
			}
			const p = segmentIntersection(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1, b.x2, b.y2);
			if (p) found.push(p);
		}
	}
}

/** The segment test inside @turf/kinks (lineIntersects), including touching end points. */
function segmentIntersection(
	x1: number, y1: number, x2: number, y2: number,
	x3: number, y3: number, x4: number, y4: number
): [number, number] | null {
	const denominator = (y4 - y3) * (x2 - x1) - (x4 - x3) * (y2 - y1);
	if (denominator === 0) return null;
	const a0 = y1 - y3;
	const b0 = x1 - x3;
	const a = ((x4 - x3) * a0 - (y4 - y3) * b0) / denominator;
	const b = ((x2 - x1) * a0 - (y2 - y1) * b0) / denominator;
	if (a < 0 || a > 1 || b < 0 || b > 1) return null;
	return [x1 + a * (x2 - x1), y1 + a * (y2 - y1)];
}
