/**
 * GeoJSON's winding (RFC 7946: outer rings counter-clockwise) turned into d3-geo's (outer rings
 * clockwise), for the maps Observable Plot draws with d3-geo. d3-geo works on the sphere: an outer
 * ring the "wrong" way round encloses the rest of the world, and the map fills as one grey box.
 * Each ring is turned by its own planar signed area, so a file wound either way comes out right.
 */
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';

/** Twice the planar signed area (shoelace) of a ring in lon/lat: positive when counter-clockwise. */
export function signedArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j]![0]! - ring[i]![0]!) * (ring[j]![1]! + ring[i]![1]!);
	}
	return sum;
}

function wound(ring: Position[], clockwise: boolean): Position[] {
	return signedArea(ring) < 0 === clockwise ? ring : [...ring].reverse();
}

/** A polygon's rings for d3-geo: the outer ring clockwise, the holes counter-clockwise. */
function polygonForD3(rings: Position[][]): Position[][] {
	return rings.map((ring, i) => wound(ring, i === 0));
}

export function featureForD3<F extends Feature>(feature: F): F {
	const g = feature.geometry;
	if (g.type === 'Polygon') return { ...feature, geometry: { ...g, coordinates: polygonForD3(g.coordinates) } satisfies Polygon };
	if (g.type === 'MultiPolygon')
		return { ...feature, geometry: { ...g, coordinates: g.coordinates.map(polygonForD3) } satisfies MultiPolygon };
	return feature;
}
