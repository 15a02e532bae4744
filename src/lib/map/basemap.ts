/**
 * The opt-in base map. By default the map draws only our own GeoJSON, so nothing leaves the
 * user's machine. A municipality that wants streets under its areas sets, at build time,
 *
 *     VITE_BASEMAP_TILES='https://tiles.example.dk/{z}/{x}/{y}.png' \
 *     VITE_BASEMAP_ATTRIBUTION='© Example' npm run build
 *
 * and svelte.config.js adds that origin to the Content-Security-Policy. Raster tiles only: vector
 * tiles would need external glyphs and sprites as well.
 */
export interface BaseMap {
	tiles: string;
	attribution: string;
}

export function baseMapFromEnv(env: Record<string, string | undefined>): BaseMap | null {
	const tiles = env.VITE_BASEMAP_TILES?.trim();
	if (!tiles) return null;
	return { tiles, attribution: env.VITE_BASEMAP_ATTRIBUTION?.trim() ?? '' };
}

/** The configured base map, or null (the default: no external requests). */
export const BASE_MAP: BaseMap | null = baseMapFromEnv(import.meta.env as Record<string, string | undefined>);
