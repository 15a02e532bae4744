/**
 * Polygons made light for the web: simplified, rounded to 6 decimals (about 0.1 m), 2D, with
 * RFC 7946 ring order, and still valid. The map draws them in the browser, so every kilobyte
 * counts; the municipality's own full-resolution file stays theirs.
 */
// Turf's own packages, not @turf/turf, which re-exports these and loads its hundred others with
// them (about 0.3 s of CPU at every ingest's start; bench/HISTORY.md, `ingest3`).
import { booleanValid } from '@turf/boolean-valid';
import { cleanCoords } from '@turf/clean-coords';
import { rewind } from '@turf/rewind';
import { simplify } from '@turf/simplify';
import { truncate } from '@turf/truncate';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

type Area = Feature<Polygon | MultiPolygon>;

/** Degrees (1e-5° is about 1 m here): areas are neighbourhoods (about 2 m), municipalities are drawn zoomed out (about 50 m). */
export const TOLERANCE = { areas: 0.00002, municipalities: 0.0005 } as const;

/**
 * A simplified, rounded, valid copy of a polygon feature. Tries the tolerance, then a quarter of
 * it, then rounding alone; returns null only if even the rounded shape is not a valid polygon.
 */
export function webPolygon(feature: Area, tolerance: number): Area | null {
	for (const t of [tolerance, tolerance / 4, 0]) {
		const candidate = lighten(feature, t);
		if (candidate && booleanValid(candidate)) return rewind(candidate) as Area;
	}
	return null;
}

function lighten(feature: Area, tolerance: number): Area | null {
	let f: Area = structuredClone(feature);
	if (tolerance > 0) f = simplify(f, { tolerance, highQuality: false, mutate: true });
	f = truncate(f, { precision: 6, coordinates: 2, mutate: true });
	try {
		f = cleanCoords(f, { mutate: true }) as Area;
	} catch {
		return null; // a ring collapsed to fewer than four positions
	}
	return dropDegenerateRings(f);
}

/** Removes holes and parts that rounding collapsed; null when nothing of the outline is left. */
function dropDegenerateRings(f: Area): Area | null {
	const ok = (ring: Position[]) => ring.length >= 4;
	if (f.geometry.type === 'Polygon') {
		const [outer, ...holes] = f.geometry.coordinates;
		if (!outer || !ok(outer)) return null;
		f.geometry.coordinates = [outer, ...holes.filter(ok)];
		return f;
	}
	const parts = f.geometry.coordinates
		.filter((p) => p[0] && ok(p[0]))
		.map(([outer, ...holes]) => [outer!, ...holes.filter(ok)]);
	if (parts.length === 0) return null;
	f.geometry.coordinates = parts;
	return f;
}

/** Polygon features grouped by a property into one MultiPolygon each (islands of a municipality). */
export function groupByProperty(fc: FeatureCollection, key: string): Map<string, { properties: Record<string, unknown>; polygons: Position[][][] }> {
	const groups = new Map<string, { properties: Record<string, unknown>; polygons: Position[][][] }>();
	for (const f of fc.features) {
		const id = f.properties?.[key];
		if (typeof id !== 'string') continue;
		let group = groups.get(id);
		if (!group) groups.set(id, (group = { properties: { ...f.properties }, polygons: [] }));
		if (f.geometry.type === 'Polygon') group.polygons.push(f.geometry.coordinates);
		else if (f.geometry.type === 'MultiPolygon') group.polygons.push(...f.geometry.coordinates);
	}
	return groups;
}
