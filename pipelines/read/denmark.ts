/**
 * Denmark's extent in WGS84 (EPSG:4326), generous enough for Skagen, Gedser, Esbjerg and
 * Christiansø, and the same extent in EPSG:25832 (ETRS89 / UTM zone 32N), the metres Danish GIS
 * systems and DAGI deliver. Points outside both are errors: usually swapped lat/lon, or a file in
 * yet another projection.
 */
export const DENMARK = { lon: [7.5, 15.5], lat: [54.4, 58.0] } as const;

export function inDenmark(lon: number, lat: number): boolean {
	return lon >= DENMARK.lon[0] && lon <= DENMARK.lon[1] && lat >= DENMARK.lat[0] && lat <= DENMARK.lat[1];
}

/**
 * Easting and northing over Denmark in EPSG:25832, rounded outwards from DENMARK's corners
 * projected with PROJ (x 402 624 at 7,5° E 54,4° N to 921 684 at 15,5° E 54,4° N; y 6 029 064 to
 * 6 447 206). Blåvandshuk lies near x 441 000, Christiansø near x 892 500, Gedser near
 * y 6 050 000 and Skagen near y 6 402 000. A point in this box is also reprojected and checked
 * against DENMARK, so the box only has to be wide enough.
 */
export const DENMARK_UTM32 = { x: [400_000, 950_000], y: [6_000_000, 6_450_000] } as const;

export function inDenmarkUtm32(x: number, y: number): boolean {
	return x >= DENMARK_UTM32.x[0] && x <= DENMARK_UTM32.x[1] && y >= DENMARK_UTM32.y[0] && y <= DENMARK_UTM32.y[1];
}
