/**
 * OGC simple-features validity of a Polygon or MultiPolygon, by jsts's IsValidOp (a port of the
 * JTS check that PostGIS's ST_IsValid and GEOS also follow): rings that cross or touch themselves,
 * rings of one polygon that cross, holes outside their shell or inside another hole, an interior
 * cut in two by its holes, parts of a MultiPolygon that overlap or lie inside one another.
 *
 * The caller has already made sure every ring is closed and has at least 4 points: jsts throws
 * instead of reporting those when it builds a LinearRing, so they cannot reach IsValidOp.
 */
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import TopologyValidationError from 'jsts/org/locationtech/jts/operation/valid/TopologyValidationError.js';
import type { Position } from 'geojson';
import { isCertainlySimpleRing } from './simple-ring.ts';

export type FaultKind =
	| 'self-intersection'
	| 'ring-self-intersection'
	| 'duplicate-rings'
	| 'hole-outside-shell'
	| 'nested-holes'
	| 'nested-parts'
	| 'crossing-parts'
	| 'duplicate-parts'
	| 'disconnected-interior'
	| 'too-few-points'
	| 'invalid-coordinate';

export interface Fault {
	kind: FaultKind;
	/** Where, in the coordinates given (jsts reports a vertex or a computed crossing). */
	point: [number, number];
}

const factory = new GeometryFactory();

/**
 * IsValidOp without its connected-interior test, for a polygon that is one ring. Only holes can
 * cut an interior apart, and a ring that touches itself is reported before this test runs, so for
 * one ring it cannot fail; it is half of IsValidOp's time on typical areas (about 0.4 of 0.9 s on
 * the 9,724 areas of `generate --scale national10`), and most areas are one ring.
 */
class IsValidRingOp extends IsValidOp {
	override checkConnectedInteriors(): void {}
}

/** The first fault jsts finds, or null for a valid geometry. */
export function validityFault(polygons: Position[][][]): Fault | null {
	const oneRing = polygons.length === 1 && polygons[0]!.length === 1;
	// Most areas are one ring that a quick test proves simple; jsts sees the rest (simple-ring.ts).
	if (oneRing && isCertainlySimpleRing(polygons[0]![0]!)) return null;
	const geometry = polygons.length === 1 ? polygon(polygons[0]!) : factory.createMultiPolygon(polygons.map(polygon));
	const error = (oneRing ? new IsValidRingOp(geometry) : new IsValidOp(geometry)).getValidationError();
	if (!error) return null;
	const at = error.getCoordinate() as { x: number; y: number };
	const point: [number, number] = [at.x, at.y];
	const kind = faultKind(error.getErrorType() as number, polygons, point);
	return { kind, point };
}

function polygon(rings: Position[][]) {
	const [shell, ...holes] = rings.map((ring) => factory.createLinearRing(ring.map(([x, y]) => new Coordinate(x, y))));
	return factory.createPolygon(shell, holes);
}

function faultKind(type: number, polygons: Position[][][], point: [number, number]): FaultKind {
	switch (type) {
		case TopologyValidationError.HOLE_OUTSIDE_SHELL:
			return 'hole-outside-shell';
		case TopologyValidationError.NESTED_HOLES:
			return 'nested-holes';
		case TopologyValidationError.DISCONNECTED_INTERIOR:
			return 'disconnected-interior';
		case TopologyValidationError.RING_SELF_INTERSECTION:
			return 'ring-self-intersection';
		case TopologyValidationError.NESTED_SHELLS:
			// Only between the polygons of a MultiPolygon: one part inside another.
			return 'nested-parts';
		case TopologyValidationError.TOO_FEW_POINTS:
			return 'too-few-points';
		case TopologyValidationError.INVALID_COORDINATE:
			return 'invalid-coordinate';
		// jsts reports a crossing and two equal rings the same way whether the rings belong to one
		// polygon or to two parts of a MultiPolygon; the parts at the point tell which.
		case TopologyValidationError.DUPLICATE_RINGS:
			return partsAt(polygons, point) > 1 ? 'duplicate-parts' : 'duplicate-rings';
		default:
			return partsAt(polygons, point) > 1 ? 'crossing-parts' : 'self-intersection';
	}
}

/** How many parts have a ring passing through the point (within rounding of a computed crossing). */
function partsAt(polygons: Position[][][], [px, py]: [number, number]): number {
	if (polygons.length < 2) return polygons.length;
	const tolerance = 1e-9 * Math.max(1, Math.abs(px), Math.abs(py));
	let count = 0;
	for (const rings of polygons) {
		if (rings.some((ring) => ringNear(ring, px, py, tolerance))) count++;
	}
	return count;
}

function ringNear(ring: Position[], px: number, py: number, tolerance: number): boolean {
	for (let i = 0; i < ring.length - 1; i++) {
		const [x1, y1] = ring[i]!;
		const [x2, y2] = ring[i + 1]!;
		const dx = x2! - x1!;
		const dy = y2! - y1!;
		const length2 = dx * dx + dy * dy;
		const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - x1!) * dx + (py - y1!) * dy) / length2));
		const ex = x1! + t * dx - px;
		const ey = y1! + t * dy - py;
		if (ex * ex + ey * ey <= tolerance * tolerance) return true;
	}
	return false;
}
