/** GeoJSON reading, geometry checks and coordinate systems (read-geojson.ts, geometry.ts, validity.ts, crs.ts, json-positions.ts). */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import type { Position } from 'geojson';
import Coordinate from 'jsts/org/locationtech/jts/geom/Coordinate.js';
import GeometryFactory from 'jsts/org/locationtech/jts/geom/GeometryFactory.js';
import IsValidOp from 'jsts/org/locationtech/jts/operation/valid/IsValidOp.js';
import { describe, expect, it } from 'vitest';
import { declaredCrs, inferCrs, utm32ToWgs84, wgs84ToUtm32 } from '../../pipelines/read/crs.ts';
import { checkGeometry, parseGeometry, points, type Parsed } from '../../pipelines/read/geometry.ts';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { jsonPositions } from '../../pipelines/read/json-positions.ts';
import { readAreas, readMunicipalities } from '../../pipelines/read/read-geojson.ts';
import { validityFault } from '../../pipelines/read/validity.ts';
import { isCertainlySimpleRing } from '../../pipelines/read/simple-ring.ts';
import { sharedFile } from '../support/shared.ts';

const square: Position[] = [
	[12, 55],
	[12.1, 55],
	[12.1, 55.1],
	[12, 55.1],
	[12, 55]
];

function parsed(geometry: unknown): Parsed {
	const result = parseGeometry(geometry);
	if (!result.ok) throw new Error(result.problem.found);
	return result.parsed;
}

describe('parseGeometry', () => {
	it('drops third coordinates and repeated points', () => {
		expect(
			parseGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[12, 55, -999],
						[12.1, 55, -999],
						[12.1, 55, 3],
						[12.1, 55.1, 0],
						[12, 55.1, 0],
						[12, 55, 0]
					]
				]
			})
		).toEqual({
			ok: true,
			parsed: {
				type: 'Polygon',
				polygons: [
					[
						[
							[12, 55],
							[12.1, 55],
							[12.1, 55.1],
							[12, 55.1],
							[12, 55]
						]
					]
				]
			}
		});
	});
	it('refuses non-polygons, open rings, too few points and points that are not pairs of numbers', () => {
		expect(parseGeometry({ type: 'Point', coordinates: [12, 55] })).toMatchObject({
			ok: false,
			problem: { kind: 'not-a-polygon', found: 'Point' }
		});
		expect(parseGeometry(null)).toMatchObject({ ok: false, problem: { kind: 'not-a-polygon' } });
		expect(parseGeometry({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toMatchObject({
			ok: false,
			problem: { kind: 'invalid-polygon', found: 'en åben ring: første punkt (12; 55), sidste punkt (12; 55,1)' }
		});
		expect(
			parseGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[12, 55],
						[12.1, 55],
						[12, 55]
					]
				]
			})
		).toMatchObject({
			ok: false,
			problem: { kind: 'invalid-polygon', found: 'en ring med kun 3 punkter fra (12; 55) (mindst 4 med det lukkende punkt)' }
		});
		expect(
			parseGeometry({
				type: 'Polygon',
				coordinates: [
					[
						[12, 'x'],
						[12.1, 55],
						[12, 55]
					]
				]
			})
		).toMatchObject({
			ok: false,
			problem: { kind: 'invalid-polygon', found: 'punktet [12,"x"], der ikke er et par af tal' }
		});
	});
});

describe('checkGeometry: inside Denmark and OGC validity (jsts)', () => {
	const check = (geometry: unknown) => checkGeometry(parsed(geometry), 'wgs84');
	it('passes a square, and a hole that touches its shell in one point (valid in OGC)', () => {
		expect(check({ type: 'Polygon', coordinates: [square] })).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [square] } });
		const hole = [
			[12, 55],
			[12.05, 55.02],
			[12.05, 55.05],
			[12, 55]
		];
		expect(check({ type: 'Polygon', coordinates: [square, hole] }).ok).toBe(true);
	});
	it('names each kind of fault with its point', () => {
		expect(
			check({
				type: 'Polygon',
				coordinates: [
					[
						[2, 55],
						[2.1, 55],
						[2.1, 55.1],
						[2, 55]
					]
				]
			})
		).toMatchObject({ ok: false, problem: { kind: 'outside-denmark', point: [2, 55] } });
		const bowtie = [
			[12, 55],
			[12.1, 55.1],
			[12.1, 55],
			[12, 55.1],
			[12, 55]
		];
		expect(check({ type: 'MultiPolygon', coordinates: [[square], [bowtie.map(([x, y]) => [x! + 0.5, y!])]] })).toMatchObject({
			ok: false,
			problem: { kind: 'self-intersection', found: 'en krydsning ved (12,55; 55,05)' }
		});
		const outside = [
			[12.2, 55.2],
			[12.3, 55.2],
			[12.3, 55.3],
			[12.2, 55.2]
		];
		expect(check({ type: 'Polygon', coordinates: [square, outside] })).toMatchObject({
			ok: false,
			problem: { kind: 'hole-outside-shell', point: [12.2, 55.2] }
		});
		const shifted = square.map(([x, y]) => [x! + 0.05, y!]);
		expect(check({ type: 'MultiPolygon', coordinates: [[square], [shifted]] })).toMatchObject({
			ok: false,
			problem: { kind: 'overlapping-parts', found: 'to dele, hvis kanter krydser hinanden ved (12,05; 55)' }
		});
		const inner = [
			[12.02, 55.02],
			[12.04, 55.02],
			[12.04, 55.04],
			[12.02, 55.02]
		];
		expect(check({ type: 'MultiPolygon', coordinates: [[square], [inner]] })).toMatchObject({
			ok: false,
			problem: { kind: 'overlapping-parts', found: 'en del ved (12,02; 55,02) inde i en anden del' }
		});
		expect(check({ type: 'MultiPolygon', coordinates: [[square], [square]] })).toMatchObject({
			ok: false,
			problem: { kind: 'overlapping-parts' }
		});
		const crossingHole = [
			[11.99, 55.05],
			[12.05, 55.04],
			[12.05, 55.06],
			[11.99, 55.05]
		];
		expect(check({ type: 'Polygon', coordinates: [square, crossingHole] })).toMatchObject({
			ok: false,
			problem: { kind: 'self-intersection' }
		});
		const selfTouching = [
			[12, 55],
			[12.1, 55],
			[12.05, 55.05],
			[12.1, 55.1],
			[12, 55.1],
			[12.05, 55.05],
			[12, 55]
		];
		expect(check({ type: 'Polygon', coordinates: [selfTouching] })).toMatchObject({
			ok: false,
			problem: { kind: 'self-intersection', found: 'en ring, der rører sig selv ved (12,05; 55,05)' }
		});
		const diamond = [
			[12, 55.05],
			[12.05, 55],
			[12.1, 55.05],
			[12.05, 55.1],
			[12, 55.05]
		];
		expect(check({ type: 'Polygon', coordinates: [square, diamond] })).toMatchObject({
			ok: false,
			problem: { kind: 'disconnected-interior' }
		});
		const nested = [
			[12.01, 55.01],
			[12.09, 55.01],
			[12.09, 55.09],
			[12.01, 55.01]
		];
		const innerHole = [
			[12.06, 55.02],
			[12.08, 55.02],
			[12.08, 55.04],
			[12.06, 55.02]
		];
		expect(check({ type: 'Polygon', coordinates: [square, nested, innerHole] })).toMatchObject({
			ok: false,
			problem: { kind: 'nested-holes' }
		});
		const collapsed = [
			[12, 55],
			[12.1, 55],
			[12, 55],
			[12.1, 55],
			[12, 55]
		];
		// A ring that runs back along itself: jsts sees the ring touch itself.
		expect(check({ type: 'Polygon', coordinates: [collapsed] })).toMatchObject({
			ok: false,
			problem: { kind: 'self-intersection', found: 'en krydsning ved (12; 55)' }
		});
	});
});

describe('validityFault', () => {
	it('agrees with plain jsts IsValidOp on random one-ring polygons (the shortcut changes nothing)', () => {
		const factory = new GeometryFactory();
		const point = fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 }));
		const seen = { valid: 0, invalid: 0, proved: 0 };
		fc.assert(
			fc.property(fc.array(point, { minLength: 3, maxLength: 12 }), (points) => {
				const ring: Position[] = points.map(([x, y]) => [12 + x / 100, 55 + y / 100]);
				ring.push([...ring[0]!]);
				const clean = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
				if (clean.length < 4) return;
				const polygon = factory.createPolygon(factory.createLinearRing(clean.map(([x, y]) => new Coordinate(x, y))));
				const plain = new IsValidOp(polygon).isValid();
				seen[plain ? 'valid' : 'invalid']++;
				expect(validityFault([[clean]]) === null).toBe(plain);
				// The quick proof (simple-ring.ts) never vouches for a ring jsts finds invalid.
				if (isCertainlySimpleRing(clean)) {
					seen.proved++;
					expect(plain).toBe(true);
				}
			}),
			{ numRuns: 2000, seed: 77 }
		);
		expect(seen.valid).toBeGreaterThan(200);
		expect(seen.invalid).toBeGreaterThan(200);
		// Grid points lie in a line often, which the proof leaves to jsts; it still proves many.
		expect(seen.proved).toBeGreaterThan(100);
	});
});

describe('the quick proof of a simple ring (simple-ring.ts)', () => {
	it('never vouches for a ring jsts finds invalid, also with points a rounding away from another segment', () => {
		const factory = new GeometryFactory();
		const seen = { proved: 0, invalid: 0 };
		// Star-shaped rings around a point in Denmark (simple as drawn), with some vertices then moved
		// onto (or a rounding off) another segment of the ring: the cases where a floating-point
		// test without exact arithmetic could be wrong.
		const vertex = fc.record({ angle: fc.integer({ min: 0, max: 3599 }), radius: fc.integer({ min: 1, max: 100 }) });
		const move = fc.record({ which: fc.nat(), onto: fc.nat(), t: fc.double({ min: 0, max: 1, noNaN: true }) });
		fc.assert(
			fc.property(
				fc.uniqueArray(vertex, { minLength: 3, maxLength: 12, selector: (v) => v.angle }),
				fc.array(move, { maxLength: 1 }),
				(vertices, moves) => {
					const ring: Position[] = [...vertices]
						.sort((p, q) => p.angle - q.angle)
						.map(({ angle, radius }) => [
							12.5 + (radius / 1000) * Math.cos((angle * Math.PI) / 1800),
							55.5 + (radius / 1000) * Math.sin((angle * Math.PI) / 1800)
						]);
					for (const { which, onto, t } of moves) {
						const a = ring[onto % ring.length]!;
						const b = ring[(onto + 1) % ring.length]!;
						ring[which % ring.length] = [a[0]! + t * (b[0]! - a[0]!), a[1]! + t * (b[1]! - a[1]!)];
					}
					ring.push([...ring[0]!]);
					const clean = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
					if (clean.length < 4) return;
					const polygon = factory.createPolygon(factory.createLinearRing(clean.map(([x, y]) => new Coordinate(x!, y!))));
					const plain = new IsValidOp(polygon).isValid();
					if (!plain) seen.invalid++;
					if (isCertainlySimpleRing(clean)) {
						seen.proved++;
						expect(plain).toBe(true);
					}
				}
			),
			{ numRuns: 3000, seed: 8 }
		);
		expect(seen.proved).toBeGreaterThan(1000);
		expect(seen.invalid).toBeGreaterThan(300);
	});

	it('leaves crossings, touches, spikes and points in a line to jsts', () => {
		const ring = (...points: [number, number][]): Position[] => [...points, points[0]!];
		expect(isCertainlySimpleRing(ring([0, 0], [1, 0], [1, 1], [0, 1]))).toBe(true);
		expect(isCertainlySimpleRing(ring([0, 0], [1, 1], [1, 0], [0, 1]))).toBe(false); // a bow tie
		expect(isCertainlySimpleRing(ring([0, 0], [2, 0], [1, 1], [2, 2], [0, 2], [1, 1]))).toBe(false); // touches itself at (1; 1)
		expect(isCertainlySimpleRing(ring([0, 0], [2, 0], [2, 2], [1, 0], [0, 2]))).toBe(false); // a vertex on another segment
		expect(isCertainlySimpleRing(ring([0, 0], [2, 0], [1, 0], [1, 1]))).toBe(false); // runs back along itself
		expect(isCertainlySimpleRing(ring([0, 0], [1, 0], [2, 0], [2, 1]))).toBe(false); // three points in a line: jsts decides
		expect(isCertainlySimpleRing(ring([0, 0], [1, 0], [Number.NaN, 1]))).toBe(false);
	});
});

describe('coordinate systems', () => {
	it('reads the crs member: WGS84 and EPSG:25832 in their usual spellings, else refuses', () => {
		const named = (name: string) => declaredCrs({ type: 'name', properties: { name } });
		expect(declaredCrs(undefined)).toEqual({ ok: true, crs: null });
		expect(declaredCrs(null)).toEqual({ ok: true, crs: null });
		for (const name of ['urn:ogc:def:crs:OGC:1.3:CRS84', 'EPSG:4326', 'urn:ogc:def:crs:EPSG::4326', 'urn:ogc:def:crs:EPSG::4258']) {
			expect(named(name)).toEqual({ ok: true, crs: 'wgs84' });
		}
		for (const name of ['urn:ogc:def:crs:EPSG::25832', 'EPSG:25832', 'http://www.opengis.net/def/crs/EPSG/0/25832']) {
			expect(named(name)).toEqual({ ok: true, crs: 'utm32' });
		}
		expect(declaredCrs({ type: 'EPSG', properties: { code: 25832 } })).toEqual({ ok: true, crs: 'utm32' });
		expect(declaredCrs('EPSG:25832')).toEqual({ ok: true, crs: 'utm32' });
		expect(named('urn:ogc:def:crs:EPSG::3857')).toEqual({ ok: false, found: 'urn:ogc:def:crs:EPSG::3857' });
		expect(named('EPSG:25833')).toEqual({ ok: false, found: 'EPSG:25833' });
		expect(declaredCrs({ type: 'link', properties: { href: 'x' } }).ok).toBe(false);
	});

	it('infers the system most polygons fit', () => {
		const utm = [
			[724000, 6175000],
			[725000, 6175000],
			[725000, 6176000],
			[724000, 6175000]
		] as [number, number][];
		const lonLat = square as [number, number][];
		expect(inferCrs([utm])).toBe('utm32');
		expect(inferCrs([lonLat, utm, lonLat])).toBe('wgs84');
		expect(inferCrs([])).toBe('wgs84');
		expect(inferCrs([[[1_399_000, 7_491_000]]])).toBe('wgs84');
	});

	// Expected values worked out independently with PROJ 9.1.1 (Debian's proj-bin), not proj4js:
	//   echo "724000 6175900" | cs2cs -f %.9f EPSG:25832 EPSG:4326  →  55.677123146 12.562793073
	//   echo "870000 6130000" | cs2cs -f %.9f EPSG:25832 EPSG:4326  →  55.177727460 14.813280399
	// The first point lies about 360 m west-north-west of Copenhagen City Hall, the second on Bornholm.
	it('reprojects EPSG:25832 to WGS84 as PROJ does, to 1e-7 degrees, and back', () => {
		const [lon, lat] = utm32ToWgs84(724000, 6175900);
		expect(lon).toBeCloseTo(12.562793073, 7);
		expect(lat).toBeCloseTo(55.677123146, 7);
		const [lon2, lat2] = utm32ToWgs84(870000, 6130000);
		expect(lon2).toBeCloseTo(14.813280399, 7);
		expect(lat2).toBeCloseTo(55.17772746, 7);
		const [x, y] = wgs84ToUtm32(lon, lat);
		expect(x).toBeCloseTo(724000, 4);
		expect(y).toBeCloseTo(6175900, 4);
	});

	it("publishes an EPSG:25832 polygon in WGS84 and gives faults back in the file's metres", () => {
		const ring = [
			[724000, 6175900],
			[725000, 6175900],
			[725000, 6176900],
			[724000, 6176900],
			[724000, 6175900]
		];
		const result = checkGeometry(parsed({ type: 'Polygon', coordinates: [ring] }), 'utm32');
		if (!result.ok) throw new Error(result.problem.found);
		const first = (result.geometry.coordinates as Position[][])[0]![0]!;
		expect(first[0]).toBeCloseTo(12.562793073, 7);
		expect(first[1]).toBeCloseTo(55.677123146, 7);
		const bowtie = [
			[724000, 6175900],
			[725000, 6176900],
			[725000, 6175900],
			[724000, 6176900],
			[724000, 6175900]
		];
		expect(checkGeometry(parsed({ type: 'Polygon', coordinates: [bowtie] }), 'utm32')).toMatchObject({
			ok: false,
			problem: { kind: 'self-intersection' }
		});
		const crossing = checkGeometry(parsed({ type: 'Polygon', coordinates: [bowtie] }), 'utm32');
		// The crossing of the two diagonals, computed in degrees and projected back: within a few cm.
		const point = crossing.ok ? [0, 0] : crossing.problem.point!;
		expect(Math.abs(point[0]! - 724500)).toBeLessThan(0.5);
		expect(Math.abs(point[1]! - 6176400)).toBeLessThan(0.5);
		expect([...points(parsed({ type: 'Polygon', coordinates: [ring] }))]).toHaveLength(5);
	});

	it('refuses a declared projection it does not read, on the crs line', () => {
		const text =
			'{"type": "FeatureCollection",\n"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3857"}},\n"features": []}';
		const issues = new IssueCollector();
		expect(readAreas('omraader.geojson', new TextEncoder().encode(text), issues).collection).toBeNull();
		expect(issues.list()).toMatchObject([{ code: 'unsupported-crs', line: 2, found: 'urn:ogc:def:crs:EPSG::3857' }]);
	});
});

describe('jsonPositions', () => {
	it('finds the line where each feature starts, the crs line, and where a syntax error is', () => {
		const text = '{"type":"FeatureCollection",\n"features":[\n{"a":[1,2]},\n  {"b":{"c":"]"}}\n]}';
		expect(jsonPositions(text)).toEqual({ error: null, featureLines: [3, 4], crsLine: null });
		const withCrs = '{"type":"FeatureCollection",\n"features":[{"crs":1}],\n"crs": {"type":"name"}}';
		expect(jsonPositions(withCrs)).toMatchObject({ featureLines: [2], crsLine: 3 });
		// The last "features" key counts, as in JSON.parse.
		expect(jsonPositions('{"features":[1],\n"features":[\n2,\n3]}').featureLines).toEqual([3, 4]);
		expect(jsonPositions('{"a": [1, 2,]\n}').error).toEqual({ line: 1, column: 13, found: '"]"' });
		expect(jsonPositions('{"a": "x').error).toEqual({ line: 1, column: 9, found: 'filens slutning' });
		expect(jsonPositions('[1] 2').error).toEqual({ line: 1, column: 5, found: '"2"' });
		expect(jsonPositions('{').error).toEqual({ line: 1, column: 2, found: 'filens slutning' });
	});

	it('counts CRLF and a lone CR as one line break each', () => {
		expect(jsonPositions('{\r\n"a":\r1 x}').error).toEqual({ line: 3, column: 3, found: '"x"' });
	});

	it('refuses what JSON refuses: comments, a line break in a string, bad escapes, cut numbers', () => {
		expect(jsonPositions('{"a": 1} // note').error).toEqual({ line: 1, column: 10, found: '"/"' });
		expect(jsonPositions('{"a": "x\n"}').error).toEqual({ line: 1, column: 9, found: '"\n"' });
		// A fault inside a string or number is shown as the whole token, at its start.
		expect(jsonPositions('{"a": "b\\x"}').error).toEqual({ line: 1, column: 7, found: '"b\\x"' });
		expect(jsonPositions('[1.]').error).toEqual({ line: 1, column: 2, found: '"1."' });
		// An unclosed string where no value may stand: the grammar's complaint, at the quote.
		expect(jsonPositions('[1 "x').error).toEqual({ line: 1, column: 4, found: '"""' });
	});

	it('survives deep nesting without overflowing the stack, and says where it gets too deep', () => {
		const deep = '['.repeat(200_000) + ']'.repeat(200_000);
		expect(jsonPositions(deep).error).toEqual({ line: 1, column: 1001, found: 'mere end 1000 niveauer af [ og {' });
		const issues = new IssueCollector();
		readAreas('omraader.geojson', new TextEncoder().encode('['.repeat(200_000)), issues);
		expect(issues.list()).toMatchObject([{ code: 'invalid-json', line: 1, column: 1001 }]);
	});
});

describe('the real DAGI municipality boundaries (../shared/geo)', () => {
	// 311 features for 99 codes as ../shared/geo/README.md states; the first feature (0766 Hedensted)
	// and its first vertex are read straight off the raw file, without the height of -999.
	it('read without issues: 311 valid 2D polygons for 99 codes, -999 heights dropped', () => {
		const issues = new IssueCollector();
		const result = readMunicipalities('kommuner.geojson', readFileSync(sharedFile('geo/kommuner.geojson')), issues);
		expect(issues.list()).toEqual([]);
		expect(result.features).toBe(311);
		expect(result.collection!.features).toHaveLength(311);
		expect(new Set(result.collection!.features.map((f) => f.properties!.kode)).size).toBe(99);
		const first = result.collection!.features[0]!;
		expect(first.properties).toEqual({ kode: '0766', navn: 'Hedensted' });
		expect(first.geometry.type).toBe('Polygon');
		expect((first.geometry.coordinates as Position[][])[0]![0]).toEqual([9.449194065548566, 55.86046393906458]);
	});
});
