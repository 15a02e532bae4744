/** d3-winding.ts: rings wound for d3-geo whichever way the file wound them. */
import { describe, expect, it } from 'vitest';
import type { Feature, Polygon } from 'geojson';
import { featureForD3, signedArea } from '../../src/lib/map/d3-winding.ts';

// A unit square counter-clockwise (RFC 7946's outer ring) with a clockwise hole.
const ccw = [
	[10, 55],
	[11, 55],
	[11, 56],
	[10, 56],
	[10, 55]
];
const hole = [
	[10.2, 55.2],
	[10.2, 55.8],
	[10.8, 55.8],
	[10.8, 55.2],
	[10.2, 55.2]
];
const square = (rings: number[][][]): Feature<Polygon> => ({
	type: 'Feature',
	properties: {},
	geometry: { type: 'Polygon', coordinates: rings }
});

describe('featureForD3', () => {
	it('reads the square as counter-clockwise and the hole as clockwise', () => {
		expect(signedArea(ccw)).toBeGreaterThan(0);
		expect(signedArea(hole)).toBeLessThan(0);
	});

	it('turns an RFC 7946 polygon round: outer ring clockwise, hole counter-clockwise', () => {
		const [outer, inner] = featureForD3(square([ccw, hole])).geometry.coordinates;
		expect(signedArea(outer!)).toBeLessThan(0);
		expect(signedArea(inner!)).toBeGreaterThan(0);
		expect(outer).toEqual([...ccw].reverse());
	});

	it('leaves a polygon already wound for d3 as it is', () => {
		const d3 = [[...ccw].reverse(), [...hole].reverse()];
		expect(featureForD3(square(d3)).geometry.coordinates).toEqual(d3);
	});

	it('turns every polygon of a MultiPolygon', () => {
		const multi: Feature = { type: 'Feature', properties: {}, geometry: { type: 'MultiPolygon', coordinates: [[ccw], [ccw]] } };
		const out = featureForD3(multi).geometry;
		expect(out.type === 'MultiPolygon' && out.coordinates.every((p) => signedArea(p[0]!) < 0)).toBe(true);
	});
});
