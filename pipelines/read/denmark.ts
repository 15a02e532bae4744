/**
 * Denmark's extent in WGS84 (EPSG:4326), generous enough for Skagen, Gedser, Esbjerg and
 * Christiansø. Points and polygons outside it are errors: usually swapped lat/lon, or a file in
 * UTM zone 32 (EPSG:25832), the Danish authorities' own projection.
 */
export const DENMARK = { lon: [7.5, 15.5], lat: [54.4, 58.0] } as const;

export function inDenmark(lon: number, lat: number): boolean {
	return lon >= DENMARK.lon[0] && lon <= DENMARK.lon[1] && lat >= DENMARK.lat[0] && lat <= DENMARK.lat[1];
}

/** Easting/northing in the range of UTM zone 32 over Denmark (EPSG:25832). */
export function looksLikeUtm32(x: number, y: number): boolean {
	return x > 300_000 && x < 1_000_000 && y > 5_900_000 && y < 6_500_000;
}
