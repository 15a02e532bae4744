/**
 * One-off script: computes municipality-table.ts from the real boundaries in
 * ../shared/geo/kommuner.geojson and regioner.geojson, so that the generator can place fictional
 * departments on land in every municipality without ../shared being present.
 *
 *     npx tsx pipelines/generate/compute-municipality-table.ts [path/to/shared/geo]
 *
 * Per municipality it keeps a point inside its largest polygon, the radius of a circle of the same
 * area, its region, and a few "anchors": points inside the largest polygon with a margin (km) to
 * the coast or border, around which departments may be scattered without landing in the sea.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as turf from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, Position } from 'geojson';

const geoDir = process.argv[2] ?? fileURLToPath(new URL('../../../shared/geo/', import.meta.url));
const outFile = fileURLToPath(new URL('./municipality-table.ts', import.meta.url));

const MARGINS_KM = [2, 1.5, 1, 0.6, 0.3, 0.15];
const ANCHORS = 16;

function read2d(file: string): FeatureCollection<Polygon> {
	const fc = JSON.parse(readFileSync(file, 'utf8')) as FeatureCollection<Polygon>;
	for (const f of fc.features) {
		// DAGI coordinates carry a third value, -999.0; drop it.
		f.geometry.coordinates = f.geometry.coordinates.map((ring) => ring.map((p) => [p[0] as number, p[1] as number]));
	}
	return fc;
}

function offset(lon: number, lat: number, km: number, angle: number): [number, number] {
	const dLat = (km * Math.sin(angle)) / 110.574;
	const dLon = (km * Math.cos(angle)) / (111.32 * Math.cos((lat * Math.PI) / 180));
	return [lon + dLon, lat + dLat];
}

/**
 * The largest margin at which every point on three circles (a third, two thirds and all of the
 * margin; 16 directions each) is inside: narrow harbours and fjords slip between 8 rays.
 */
function marginOf(poly: Feature<Polygon>, lon: number, lat: number): number {
	for (const m of MARGINS_KM) {
		let inside = true;
		for (const r of [m / 3, (2 * m) / 3, m]) {
			for (let k = 0; k < 16 && inside; k++) {
				inside = turf.booleanPointInPolygon(offset(lon, lat, r, (k * Math.PI) / 8), poly);
			}
		}
		if (inside) return m;
	}
	return 0;
}

const round = (x: number, d: number) => Math.round(x * 10 ** d) / 10 ** d;

const kommuner = read2d(`${geoDir}/kommuner.geojson`);
const regioner = read2d(`${geoDir}/regioner.geojson`);
const regionPolys = regioner.features.map((f) => ({
	kode: String(f.properties?.REGIONKODE),
	poly: turf.simplify(f, { tolerance: 0.002 }) as Feature<Polygon>
}));

const byCode = new Map<string, Feature<Polygon>[]>();
for (const f of kommuner.features) {
	const kode = String(f.properties?.KOMKODE);
	if (kode === '0411') continue; // Christiansø: no municipality, no social housing
	const list = byCode.get(kode) ?? [];
	list.push(f);
	byCode.set(kode, list);
}

const rows: string[] = [];
for (const kode of [...byCode.keys()].sort()) {
	const feats = byCode.get(kode) ?? [];
	const areaKm2 = feats.reduce((s, f) => s + turf.area(f), 0) / 1e6;
	const largest = feats.reduce((a, b) => (turf.area(b) > turf.area(a) ? b : a));
	const poly = turf.simplify(largest, { tolerance: 0.0002, highQuality: true }) as Feature<Polygon>;
	let center = turf.centroid(poly).geometry.coordinates as Position;
	if (!turf.booleanPointInPolygon(center, poly)) center = turf.pointOnFeature(poly).geometry.coordinates;
	const [cx, cy] = center as [number, number];
	const region = regionPolys.find((r) => turf.booleanPointInPolygon(center, r.poly))?.kode ?? nearestRegion(cx, cy);

	// Candidate anchors on a grid over the largest polygon, each with its margin to the outline.
	const [minX, minY, maxX, maxY] = turf.bbox(poly) as [number, number, number, number];
	const steps = 32;
	const candidates: { lon: number; lat: number; margin: number }[] = [];
	for (let i = 0; i <= steps; i++) {
		for (let j = 0; j <= steps; j++) {
			const lon = minX + ((maxX - minX) * i) / steps;
			const lat = minY + ((maxY - minY) * j) / steps;
			if (!turf.booleanPointInPolygon([lon, lat], poly)) continue;
			candidates.push({ lon, lat, margin: marginOf(poly, lon, lat) });
		}
	}
	const best = Math.max(0, ...candidates.map((c) => c.margin));
	const pool = candidates.filter((c) => c.margin >= Math.min(0.6, best));
	const chosen: typeof pool = [];
	const dist = (a: { lon: number; lat: number }, b: { lon: number; lat: number }) =>
		turf.distance([a.lon, a.lat], [b.lon, b.lat], { units: 'kilometers' });
	const centre = { lon: cx, lat: cy };
	const first = pool.slice().sort((a, b) => dist(a, centre) - dist(b, centre))[0];
	if (first) chosen.push(first);
	while (chosen.length < ANCHORS && chosen.length < pool.length) {
		let pickIt = pool[0];
		let far = -1;
		for (const c of pool) {
			const d = Math.min(...chosen.map((x) => dist(x, c)));
			if (d > far) {
				far = d;
				pickIt = c;
			}
		}
		if (!pickIt || far <= 0) break;
		chosen.push(pickIt);
	}
	if (chosen.length === 0) chosen.push({ lon: cx, lat: cy, margin: marginOf(poly, cx, cy) });
	const anchors = chosen.map((c) => `[${round(c.lon, 5)}, ${round(c.lat, 5)}, ${c.margin}]`).join(', ');
	rows.push(
		`\t{ kode: '${kode}', region: '${region}', center: [${round(cx, 5)}, ${round(cy, 5)}], radiusKm: ${round(Math.sqrt(areaKm2 / Math.PI), 2)}, anchors: [${anchors}] }`
	);
	console.log(kode, region, chosen.length, 'anchors, best margin', best);
}

function nearestRegion(lon: number, lat: number): string {
	let bestKode = '';
	let bestD = Infinity;
	for (const r of regionPolys) {
		const d = turf.distance([lon, lat], turf.centroid(r.poly), { units: 'kilometers' });
		if (d < bestD) {
			bestD = d;
			bestKode = r.kode;
		}
	}
	return bestKode;
}

const text = `/**
 * GENERATED by compute-municipality-table.ts from ../shared/geo (DAGI kommuner and regioner,
 * Geodatastyrelsen & Danske Kommuner). Do not edit by hand; rerun the script.
 *
 * Per municipality: a point inside its largest polygon, the radius (km) of a circle of the same
 * area, its region code, and anchors [lon, lat, marginKm] inside the largest polygon with at
 * least marginKm of land (or municipality) around them in eight directions.
 */
export interface MunicipalityGeo {
	kode: string;
	region: string;
	center: [number, number];
	radiusKm: number;
	anchors: [number, number, number][];
}

export const MUNICIPALITY_GEO: readonly MunicipalityGeo[] = [
${rows.join(',\n')}
];
`;
writeFileSync(outFile, text);
console.log(`wrote ${outFile} (${rows.length} municipalities)`);
