/** GeoJSON reading and polygon checks (read-geojson.ts, polygon.ts, json-scan.ts). */
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { kinks } from '@turf/turf';
import fc from 'fast-check';
import type { Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { lineColumn, scanJson } from '../../pipelines/read/json-scan.ts';
import { checkGeometry, sweep } from '../../pipelines/read/polygon.ts';
import { readMunicipalities } from '../../pipelines/read/read-geojson.ts';

const square: Position[] = [[12, 55], [12.1, 55], [12.1, 55.1], [12, 55.1], [12, 55]];

describe('checkGeometry', () => {
	it('drops third coordinates and repeated points', () => {
		const result = checkGeometry({ type: 'Polygon', coordinates: [[[12, 55, -999], [12.1, 55, -999], [12.1, 55, 3], [12.1, 55.1, 0], [12, 55.1, 0], [12, 55, 0]]] });
		expect(result).toEqual({ ok: true, geometry: { type: 'Polygon', coordinates: [[[12, 55], [12.1, 55], [12.1, 55.1], [12, 55.1], [12, 55]]] } });
	});
	it('refuses non-polygons, open rings, too few points, points outside Denmark and crossings', () => {
		expect(checkGeometry({ type: 'Point', coordinates: [12, 55] })).toMatchObject({ ok: false, problem: { kind: 'not-a-polygon', found: 'Point' } });
		expect(checkGeometry(null)).toMatchObject({ ok: false, problem: { kind: 'not-a-polygon' } });
		expect(checkGeometry({ type: 'Polygon', coordinates: [square.slice(0, 4)] })).toMatchObject({ ok: false, problem: { kind: 'invalid-polygon' } });
		expect(checkGeometry({ type: 'Polygon', coordinates: [[[12, 55], [12.1, 55], [12, 55]]] })).toMatchObject({ ok: false, problem: { kind: 'invalid-polygon' } });
		expect(checkGeometry({ type: 'Polygon', coordinates: [[[12, 'x'], [12.1, 55], [12, 55]]] })).toMatchObject({ ok: false, problem: { kind: 'invalid-polygon' } });
		expect(checkGeometry({ type: 'Polygon', coordinates: [[[2, 55], [2.1, 55], [2.1, 55.1], [2, 55]]] })).toMatchObject({ ok: false, problem: { kind: 'outside-denmark', point: [2, 55] } });
		const bowtie = [[12, 55], [12.1, 55.1], [12.1, 55], [12, 55.1], [12, 55]];
		expect(checkGeometry({ type: 'MultiPolygon', coordinates: [[square], [bowtie]] })).toMatchObject({
			ok: false,
			problem: { kind: 'self-intersection', point: [12.05, 55.05] }
		});
	});

	it('the sweep finds the same crossings as turf kinks', () => {
		const point = fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }));
		fc.assert(
			fc.property(fc.array(point, { minLength: 3, maxLength: 25 }), (points) => {
				const ring: Position[] = points.map(([x, y]) => [10 + x / 10, 55 + y / 10]);
				ring.push([...ring[0]!]);
				// Drop repeats as checkGeometry does before testing.
				const clean = ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]![0] || p[1] !== ring[i - 1]![1]);
				if (clean.length < 4) return;
				const ours: [number, number][] = [];
				sweep([clean], ours);
				const theirs = kinks({ type: 'Polygon', coordinates: [clean] }).features.map((f) => f.geometry.coordinates as [number, number]);
				const key = (ps: [number, number][]) => [...new Set(ps.map(([x, y]) => `${x.toFixed(9)},${y.toFixed(9)}`))].sort();
				expect(key(ours)).toEqual(key(theirs));
			}),
			{ numRuns: 300, seed: 77 }
		);
	});
});

describe('scanJson', () => {
	it('finds where each feature starts and where a syntax error is', () => {
		const text = '{"type":"FeatureCollection",\n"features":[\n{"a":[1,2]},\n  {"b":{"c":"]"}}\n]}';
		const scan = scanJson(text);
		expect(scan.errorOffset).toBe(-1);
		expect(scan.features.map((o) => lineColumn(text, o))).toEqual([
			{ line: 3, column: 1 },
			{ line: 4, column: 3 }
		]);
		const bad = scanJson('{"a": [1, 2,]\n}');
		expect(bad).toMatchObject({ errorOffset: 12, found: '"]"' });
		expect(scanJson('{"a": "x').found).toBe('filens slutning');
		expect(scanJson('[1] 2').errorOffset).toBe(4);
	});

	it('survives deep nesting without overflowing the stack', () => {
		const deep = '['.repeat(200_000) + ']'.repeat(200_000);
		expect(scanJson(deep).errorOffset).toBe(-1);
	});
});

const dagi = fileURLToPath(new URL('../../../shared/geo/kommuner.geojson', import.meta.url));

describe.skipIf(!existsSync(dagi))('the real DAGI municipality boundaries (../shared/geo)', () => {
	// 311 features for 99 codes as ../shared/geo/README.md states; the first feature (0766 Hedensted)
	// and its first vertex are read straight off the raw file, without the height of -999.
	it('read without issues: 311 valid 2D polygons for 99 codes, -999 heights dropped', () => {
		const issues = new IssueCollector();
		const result = readMunicipalities('kommuner.geojson', readFileSync(dagi), issues);
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
