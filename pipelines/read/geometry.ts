/**
 * One GeoJSON geometry checked and made ready for the map, in two steps.
 *
 * parseGeometry: Polygon or MultiPolygon only; every point a pair of finite numbers (a third
 * value, such as DAGI's -999 height, is dropped); repeated consecutive points dropped (DAGI and
 * hand-drawn files have them, and they change nothing); every ring closed with at least 4 points.
 * These are checked here, on the file's own coordinates, because jsts throws rather than reports
 * when it builds a ring that breaks them.
 *
 * checkGeometry: every point inside Denmark in the file's coordinate system (crs.ts), EPSG:25832
 * reprojected to WGS84, then OGC validity by jsts (validity.ts) on the WGS84 geometry. Validity is
 * checked after reprojection because that geometry is what we publish and the map draws: a vertex
 * lying exactly on another ring can move a rounding error to either side of it, so only the check
 * of the published shape promises a valid shape. The point in a message is given back in the
 * file's own coordinates, so the reader can find it there.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import { crsOfPoint, utm32ToWgs84, wgs84ToUtm32, type Crs } from './crs.ts';
import { inDenmark } from './denmark.ts';
import { formatDanish } from './numbers.ts';
import { validityFault } from './validity.ts';

export type ProblemKind =
	| 'not-a-polygon'
	| 'invalid-polygon'
	| 'outside-denmark'
	| 'mixed-crs'
	| 'unknown-projection'
	| 'self-intersection'
	| 'hole-outside-shell'
	| 'nested-holes'
	| 'overlapping-parts'
	| 'disconnected-interior';

/** The issue code and what was found, in Danish, with the point where if there is one. */
export interface Problem {
	kind: ProblemKind;
	found: string;
	point?: [number, number];
}

export interface Parsed {
	type: 'Polygon' | 'MultiPolygon';
	/** Polygons of rings of 2D points, in the file's coordinates. */
	polygons: [number, number][][][];
}

export function parseGeometry(geometry: unknown): { ok: true; parsed: Parsed } | { ok: false; problem: Problem } {
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
	const polygons: [number, number][][][] = [];
	for (const part of parts) {
		if (!Array.isArray(part) || part.length === 0) return invalid('et polygon uden ringe');
		const rings: [number, number][][] = [];
		for (const ring of part) {
			const cleaned = cleanRing(ring);
			if (typeof cleaned === 'string') return invalid(cleaned);
			rings.push(cleaned);
		}
		polygons.push(rings);
	}
	return { ok: true, parsed: { type, polygons } };
}

/** Every point of a parsed geometry, for guessing the file's coordinate system. */
export function* points(parsed: Parsed): Generator<[number, number]> {
	for (const rings of parsed.polygons) for (const ring of rings) yield* ring;
}

export function checkGeometry(parsed: Parsed, crs: Crs): { ok: true; geometry: Polygon | MultiPolygon } | { ok: false; problem: Problem } {
	for (const p of points(parsed)) {
		const fits = crsOfPoint(p[0], p[1]);
		if (fits !== crs) return { ok: false, problem: misfit(p, crs, fits) };
	}
	let polygons: Position[][][] = parsed.polygons;
	if (crs === 'utm32') {
		polygons = parsed.polygons.map((rings) => rings.map((ring) => ring.map(([x, y]) => utm32ToWgs84(x, y))));
		// The EPSG:25832 box is wider than Denmark's corners (denmark.ts): check the result too.
		for (const [r, rings] of polygons.entries()) {
			for (const [s, ring] of rings.entries()) {
				const outside = ring.findIndex(([lon, lat]) => !inDenmark(lon!, lat!));
				if (outside !== -1) {
					const p = parsed.polygons[r]![s]![outside]!;
					return { ok: false, problem: { kind: 'outside-denmark', found: `punktet ${formatPoint(p)}`, point: p } };
				}
			}
		}
	}
	const fault = validityFault(polygons);
	if (fault) {
		const p = crs === 'utm32' ? wgs84ToUtm32(...fault.point) : fault.point;
		const at = formatPoint(p);
		const problem = ((): Problem => {
			switch (fault.kind) {
				case 'self-intersection':
					return { kind: 'self-intersection', found: `en krydsning ved ${at}` };
				case 'ring-self-intersection':
					return { kind: 'self-intersection', found: `en ring, der rører sig selv ved ${at}` };
				case 'duplicate-rings':
					return { kind: 'self-intersection', found: `to ens ringe ved ${at}` };
				case 'hole-outside-shell':
					return { kind: 'hole-outside-shell', found: `et hul ved ${at} uden for den ydre ring` };
				case 'nested-holes':
					return { kind: 'nested-holes', found: `et hul ved ${at} inde i et andet hul` };
				case 'nested-parts':
					return { kind: 'overlapping-parts', found: `en del ved ${at} inde i en anden del` };
				case 'crossing-parts':
					return { kind: 'overlapping-parts', found: `to dele, hvis kanter krydser hinanden ved ${at}` };
				case 'duplicate-parts':
					return { kind: 'overlapping-parts', found: `to ens dele ved ${at}` };
				case 'disconnected-interior':
					return { kind: 'disconnected-interior', found: `huller, der deler det indre, ved ${at}` };
				case 'too-few-points':
					return { kind: 'invalid-polygon', found: `en ring, der falder sammen til en linje ved ${at}` };
				case 'invalid-coordinate':
					return { kind: 'invalid-polygon', found: `et ugyldigt punkt ${at}` };
			}
		})();
		return { ok: false, problem: { ...problem, point: p } };
	}
	const geometry: Polygon | MultiPolygon =
		parsed.type === 'Polygon' ? { type: 'Polygon', coordinates: polygons[0]! } : { type: 'MultiPolygon', coordinates: polygons };
	return { ok: true, geometry };
}

/**
 * A point that does not fit the file's system: `mixed-crs` when it fits the other one we read (or
 * looks like degrees in a file of metres), `unknown-projection` for metres in a file of degrees,
 * else `outside-denmark` (degrees outside Denmark, metres outside Denmark's EPSG:25832 range).
 */
function misfit(p: [number, number], crs: Crs, fits: ReturnType<typeof crsOfPoint>): Problem {
	const found = `punktet ${formatPoint(p)}`;
	if (fits === 'wgs84' || fits === 'utm32' || (fits === 'degrees' && crs === 'utm32')) return { kind: 'mixed-crs', found, point: p };
	if (fits === 'other' && crs === 'wgs84') return { kind: 'unknown-projection', found, point: p };
	return { kind: 'outside-denmark', found, point: p };
}

/**
 * A point for a message, with the decimal comma. Degrees to 7 decimals (about 1 cm) and metres
 * to 2 (1 cm), so a computed crossing does not print 16 digits; values from the file have fewer.
 */
export function formatPoint([x, y]: readonly [number, number]): string {
	const digits = Math.abs(x) <= 180 && Math.abs(y) <= 90 ? 7 : 2;
	const round = (v: number) => formatDanish(Number(v.toFixed(digits)));
	return `(${round(x)}; ${round(y)})`;
}

function invalid(found: string): { ok: false; problem: Problem } {
	return { ok: false, problem: { kind: 'invalid-polygon', found } };
}

/** A ring as 2D points without repeats, or a Danish description of what is wrong with it. */
function cleanRing(ring: unknown): [number, number][] | string {
	if (!Array.isArray(ring)) return 'en ring, der ikke er en liste af punkter';
	const points: [number, number][] = [];
	for (const p of ring) {
		if (
			!Array.isArray(p) ||
			p.length < 2 ||
			typeof p[0] !== 'number' ||
			typeof p[1] !== 'number' ||
			!Number.isFinite(p[0]) ||
			!Number.isFinite(p[1])
		) {
			const shown = JSON.stringify(p) ?? String(p);
			return `punktet ${shown.length > 60 ? `${shown.slice(0, 60)}…` : shown}, der ikke er et par af tal`;
		}
		const last = points[points.length - 1];
		if (last && last[0] === p[0] && last[1] === p[1]) continue;
		points.push([p[0], p[1]]);
	}
	const first = points[0];
	const last = points[points.length - 1];
	if (!first || !last) return 'en tom ring';
	if (first[0] !== last[0] || first[1] !== last[1]) {
		return `en åben ring: første punkt ${formatPoint(first)}, sidste punkt ${formatPoint(last)}`;
	}
	if (points.length < 4) {
		const n = points.length;
		return `en ring med kun ${n} ${n === 1 ? 'punkt' : 'punkter'} fra ${formatPoint(first)} (mindst 4 med det lukkende punkt)`;
	}
	return points;
}
