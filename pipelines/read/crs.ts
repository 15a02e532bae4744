/**
 * Which coordinate system a GeoJSON file is in, and the way from EPSG:25832 to WGS84.
 *
 * Two systems are read: WGS84 longitude/latitude (RFC 7946's only one, what the map draws) and
 * EPSG:25832, ETRS89 / UTM zone 32N in metres, which Danish GIS systems and DAGI deliver. A file
 * says which in its `crs` member (GeoJSON 2008, still written by QGIS and GDAL for anything but
 * WGS84); without one, the coordinates' range tells (crsOfPoint). Anything else is refused,
 * because a wrong guess would put every area in the wrong place without a word.
 */
import proj4 from 'proj4';
import { inDenmark, inDenmarkUtm32 } from './denmark.ts';

export type Crs = 'wgs84' | 'utm32';

/** Danish names for messages. */
export const CRS_NAME: Record<Crs, string> = {
	wgs84: 'WGS84 (længde/bredde)',
	utm32: 'EPSG:25832 (UTM zone 32N, meter)'
};

/**
 * EPSG:25832 as PROJ defines it. ETRS89 is tied to the European plate and WGS84 is not; in
 * Denmark they have drifted about a metre apart since 1989, less than the map shows (areas are
 * simplified to about 2 m for the web), so the datum shift is zero, as PROJ's own
 * EPSG:25832 → EPSG:4326 is without a grid.
 */
const UTM32 = '+proj=utm +zone=32 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const converter = proj4(UTM32, 'WGS84');

export function utm32ToWgs84(x: number, y: number): [number, number] {
	const [lon, lat] = converter.forward([x, y]);
	return [lon!, lat!];
}

export function wgs84ToUtm32(lon: number, lat: number): [number, number] {
	const [x, y] = converter.inverse([lon, lat]);
	return [x!, y!];
}

/** What the `crs` member declares: a system we read, none, or something else (its text). */
export type Declared = { ok: true; crs: Crs | null } | { ok: false; found: string };

/**
 * `{"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::25832"}}` (also `EPSG:25832`,
 * `http://www.opengis.net/def/crs/EPSG/0/25832`), the old `{"type": "EPSG", "properties":
 * {"code": 25832}}`, a bare string (not in any standard, but some scripts write it), or `null`
 * (GeoJSON 2008: no system given). EPSG:4258, ETRS89's own longitude/latitude, counts as WGS84
 * for the reason above.
 */
export function declaredCrs(member: unknown): Declared {
	if (member === undefined || member === null) return { ok: true, crs: null };
	const type = (member as { type?: unknown }).type;
	const properties = ((member as { properties?: unknown }).properties ?? {}) as { name?: unknown; code?: unknown };
	let name: string | null = null;
	if (typeof member === 'string') name = member.trim();
	else if (type === 'name' && typeof properties.name === 'string') name = properties.name.trim();
	else if (type === 'EPSG' && (typeof properties.code === 'number' || typeof properties.code === 'string'))
		name = `EPSG:${properties.code}`;
	if (name === null) return { ok: false, found: JSON.stringify(member).slice(0, 120) };
	if (/(^|[:/])CRS:?84$/i.test(name) || /^WGS ?84$/i.test(name)) return { ok: true, crs: 'wgs84' };
	const epsg = /EPSG\b.*?(\d+)\s*$/i.exec(name)?.[1];
	if (epsg === '4326' || epsg === '4258') return { ok: true, crs: 'wgs84' };
	if (epsg === '25832') return { ok: true, crs: 'utm32' };
	return { ok: false, found: name };
}

/**
 * The system a point fits: inside Denmark as longitude/latitude, or inside Denmark as EPSG:25832
 * metres; else `degrees` (could be longitude/latitude, but not in Denmark: swapped, or another
 * country) or `other` (metres of some other projection, e.g. web mercator or UTM zone 33).
 * The two Danish ranges cannot overlap: one is below 180, the other above 400 000.
 */
export function crsOfPoint(x: number, y: number): Crs | 'degrees' | 'other' {
	if (inDenmark(x, y)) return 'wgs84';
	if (inDenmarkUtm32(x, y)) return 'utm32';
	if (Math.abs(x) <= 180 && Math.abs(y) <= 90) return 'degrees';
	return 'other';
}

/**
 * A file without `crs`: the system most of its polygons fit entirely (ties go to WGS84, the
 * GeoJSON standard). Polygons that fit neither, or the other one, are then reported one by one.
 */
export function inferCrs(polygons: Iterable<Iterable<[number, number]>>): Crs {
	const votes = { wgs84: 0, utm32: 0 };
	for (const points of polygons) {
		let fit: Crs | null = null;
		for (const [x, y] of points) {
			const crs = crsOfPoint(x, y);
			if (crs !== 'wgs84' && crs !== 'utm32') {
				fit = null;
				break;
			}
			if (fit !== null && fit !== crs) {
				fit = null;
				break;
			}
			fit = crs;
		}
		if (fit !== null) votes[fit]++;
	}
	return votes.utm32 > votes.wgs84 ? 'utm32' : 'wgs84';
}
