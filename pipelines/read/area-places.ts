/**
 * Each area lies in the municipality its departments lie in, and each boundary in kommuner.geojson
 * in its own municipality: checked against the municipalities' extents, from the national page's
 * base layer (static/geo/danmark-kommuner.geojson, committed), widened by MARGIN for its
 * simplification. This catches what the coordinate checks (crs.ts) cannot: coordinates in another
 * projection that happen to fall inside Denmark's box, above all EPSG:25833 (UTM zone 33, used for
 * Bornholm) without a `crs` member, which read as zone 32 puts Rønne near Ribe; and areas put in
 * the wrong place altogether. Only extents are compared, so an area in the neighbouring
 * municipality passes; one 100 km away does not.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import proj4 from 'proj4';
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import { wgs84ToUtm32 } from './crs.ts';
import { formatPoint } from './geometry.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { formatDanish } from './numbers.ts';
import type { GeoFile } from './read-geojson.ts';

/**
 * Degrees added on every side of a municipality's extent: about 25 km. The base layer is simplified
 * for a national map (Tårnby's extent there is a few hundred metres, DAGI's 8 km), so only gross
 * misplacements are caught: UTM zone 33 read as 32 is some 380 km off.
 */
const MARGIN = { lon: 0.4, lat: 0.25 };

/** EPSG:25833, ETRS89 / UTM zone 33N, only to say that a file looks like it. */
const utm33 = proj4('+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs', 'WGS84');

type Box = [number, number, number, number];

let extents: Map<string, Box> | null = null;

/** Each municipality's extent (lon/lat), read once from the committed base layer. */
function municipalityExtents(): Map<string, Box> {
	if (extents) return extents;
	const path = fileURLToPath(new URL('../../static/geo/danmark-kommuner.geojson', import.meta.url));
	const map = JSON.parse(readFileSync(path, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { kode: string }>;
	extents = new Map(map.features.map((f) => [f.properties.kode, extent(f.geometry)]));
	return extents;
}

/**
 * Errors for features of `geo` (areas or boundaries) lying outside the municipality `expected`
 * gives for their id (null: not known or not one, nothing to check).
 */
export function checkPlaces(
	file: string,
	geo: GeoFile,
	what: { noun: string; idProperty: string },
	expected: (id: string) => string | null,
	issues: IssueCollector
): void {
	if (!geo.collection || !geo.source) return;
	const { index, lineOf, crs, declared } = geo.source;
	geo.collection.features.forEach((feature, k) => {
		const id = String(feature.properties?.[what.idProperty]);
		const code = expected(id);
		const home = code === null ? undefined : municipalityExtents().get(code);
		if (code === null || !home) return;
		const box = extent(feature.geometry);
		if (meet(box, widened(home))) return;
		const centre: [number, number] = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
		const name = `${code} ${MUNICIPALITY_NAMES[code] ?? ''}`.trim();
		const range = `længdegrad ${formatDanish(round(home[0]))}-${formatDanish(round(home[2]))}, breddegrad ${formatDanish(round(home[1]))}-${formatDanish(round(home[3]))}`;
		// The file's own numbers at the centre, and where they would be as UTM zone 33.
		// Metres to the metre: the way back from WGS84 is centimetres off the file's own numbers.
		const own: [number, number] = crs === 'utm32' ? (wgs84ToUtm32(centre[0], centre[1]).map(Math.round) as [number, number]) : centre;
		const asZone33 = crs === 'utm32' ? (utm33.forward([own[0], own[1]]) as [number, number]) : null;
		const zone33 = asZone33 !== null && meet([asZone33[0], asZone33[1], asZone33[0], asZone33[1]], widened(home));
		const hint = zone33
			? ` Koordinaterne passer med EPSG:25833 (UTM zone 33N), som ikke læses${declared ? ', selv om filens "crs" siger EPSG:25832' : ''}: gem filen i EPSG:25832 eller WGS84.`
			: ` Er der byttet om på id'er, eller er filen i et andet koordinatsystem?`;
		const found = `et polygon omkring ${formatPoint(crs === 'utm32' ? own : centre)}${crs === 'utm32' ? ` (${formatPoint(centre)} i WGS84)` : ''}`;
		issues.add({
			severity: 'error',
			code: 'outside-municipality',
			file,
			line: lineOf(index[k]!),
			column: 0,
			message: `${what.noun} ${quoted(id)} (nr. ${index[k]! + 1} i filen) ligger ikke i kommunen ${name}: forventede et polygon i eller nær kommunen (${range}, plus omkring 25 km), fandt ${found}.${hint}`,
			expected: `i eller nær ${name}`,
			found
		});
	});
}

function round(v: number): number {
	return Math.round(v * 100) / 100;
}

function widened([x0, y0, x1, y1]: Box): Box {
	return [x0 - MARGIN.lon, y0 - MARGIN.lat, x1 + MARGIN.lon, y1 + MARGIN.lat];
}

function extent(geometry: Polygon | MultiPolygon): Box {
	const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
	const polygons: Position[][][] = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
	for (const rings of polygons) {
		for (const [x, y] of rings[0]!) {
			if (x! < box[0]) box[0] = x!;
			if (y! < box[1]) box[1] = y!;
			if (x! > box[2]) box[2] = x!;
			if (y! > box[3]) box[3] = y!;
		}
	}
	return box;
}

function meet(a: Box, b: Box): boolean {
	return a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3];
}
