/**
 * GeoJSON output: the fictional area polygons, and for the demo the real boundaries of its
 * municipalities (DAGI, from ../shared/geo), simplified for the web. One feature per line, so a
 * diff of the committed demo stays readable.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';
import type { Area } from './world.ts';

function writeCollection(path: string, features: readonly Feature[]): void {
	const lines = features.map((f) => JSON.stringify(f));
	writeFileSync(path, `{"type":"FeatureCollection","features":[\n${lines.join(',\n')}\n]}\n`);
}

export function writeAreas(path: string, areas: readonly Area[]): void {
	writeCollection(
		path,
		areas.map((a) => ({
			type: 'Feature',
			properties: { omraade_id: a.id, omraade_navn: a.name },
			geometry: { type: 'Polygon', coordinates: [a.ring] }
		}))
	);
}

/** Islets smaller than this (m²) are left out of the simplified boundaries. */
const MIN_ISLAND_M2 = 200_000;
/** Simplification tolerance in degrees, about 50 m: plenty for a municipality on a screen. */
const TOLERANCE = 0.0005;

const round5 = (x: number) => Math.round(x * 1e5) / 1e5;

/**
 * Writes the real boundaries of the given municipalities, or returns false when the source file
 * is not there (a clone without ../shared); the committed demo already holds its copy.
 */
export function writeMunicipalities(path: string, source: string, codes: readonly string[]): boolean {
	if (!existsSync(source)) return false;
	const fc = JSON.parse(readFileSync(source, 'utf8')) as FeatureCollection<Polygon>;
	const wanted = new Set(codes);
	const out: Feature<Polygon>[] = [];
	for (const f of fc.features) {
		const kode = String(f.properties?.KOMKODE ?? '');
		if (!wanted.has(kode)) continue;
		// DAGI coordinates carry a third value, -999.0; GeoJSON for the web is 2D.
		const flat: Feature<Polygon> = {
			type: 'Feature',
			properties: { KOMKODE: kode, KOMNAVN: String(f.properties?.KOMNAVN ?? '') },
			geometry: { type: 'Polygon', coordinates: f.geometry.coordinates.map((ring) => ring.map((p) => [p[0] as number, p[1] as number])) }
		};
		if (turf.area(flat) < MIN_ISLAND_M2) continue;
		const simple = turf.simplify(flat, { tolerance: TOLERANCE, highQuality: true });
		const rings = simple.geometry.coordinates
			.map((ring) => dedupe(ring.map((p) => [round5(p[0] as number), round5(p[1] as number)])))
			.filter((ring) => ring.length >= 4);
		if (rings.length === 0) continue;
		// RFC 7946: outer rings counter-clockwise, holes clockwise.
		const wound = turf.rewind({ ...simple, geometry: { type: 'Polygon', coordinates: rings } }) as Feature<Polygon>;
		out.push(wound);
	}
	out.sort((a, b) => {
		const ka = String(a.properties?.KOMKODE);
		const kb = String(b.properties?.KOMKODE);
		return ka < kb ? -1 : ka > kb ? 1 : turf.area(b) - turf.area(a);
	});
	writeCollection(path, out);
	return true;
}

/** Rounding can make neighbouring vertices equal; drop the repeats (the ring stays closed). */
function dedupe(ring: Position[]): Position[] {
	return ring.filter((p, i) => i === 0 || p[0] !== ring[i - 1]?.[0] || p[1] !== ring[i - 1]?.[1]);
}
