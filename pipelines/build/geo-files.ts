/**
 * omraader.geojson and kommuner.geojson: one feature per area or municipality (parts of the same
 * id, such as a municipality's islands, become one MultiPolygon; parts that touch each other stay
 * separate features with the same id, since together they would not be a valid MultiPolygon),
 * sorted by id, made light for the web (web-geometry.ts). Properties:
 *   omraader.geojson: omraade_id, omraade_navn, kommune_kode (of its departments; null if none)
 *   kommuner.geojson: kode, navn
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { TOLERANCE, groupByProperty, webPolygon } from './web-geometry.ts';

export interface GeoOutput {
	collection: FeatureCollection<Polygon | MultiPolygon>;
	/** Ids with a part whose shape could not be kept valid and was left out. */
	dropped: string[];
}

export function areasForWeb(areas: FeatureCollection, kommuneOfArea: ReadonlyMap<string, string>): GeoOutput {
	return forWeb(areas, 'omraade_id', TOLERANCE.areas, (id, p) => ({
		omraade_id: id,
		omraade_navn: typeof p.omraade_navn === 'string' ? p.omraade_navn : null,
		kommune_kode: kommuneOfArea.get(id) ?? null
	}));
}

export function municipalitiesForWeb(municipalities: FeatureCollection): GeoOutput {
	return forWeb(municipalities, 'kode', TOLERANCE.municipalities, (id, p) => ({
		kode: id,
		navn: typeof p.navn === 'string' ? p.navn : null
	}));
}

function forWeb(
	fc: FeatureCollection,
	key: string,
	tolerance: number,
	properties: (id: string, p: Record<string, unknown>) => Record<string, unknown>
): GeoOutput {
	const features: Feature<Polygon | MultiPolygon>[] = [];
	const dropped: string[] = [];
	const groups = groupByProperty(fc, key);
	for (const id of [...groups.keys()].sort(byCodeUnits)) {
		const group = groups.get(id)!;
		const geometry: Polygon | MultiPolygon =
			group.polygons.length === 1
				? { type: 'Polygon', coordinates: group.polygons[0]! }
				: { type: 'MultiPolygon', coordinates: group.polygons };
		const light = webPolygon({ type: 'Feature', properties: {}, geometry }, tolerance);
		if (light) {
			features.push({ type: 'Feature', properties: properties(id, group.properties), geometry: light.geometry });
			continue;
		}
		// Parts that touch or overlap (real DAGI data has such islands) make an invalid MultiPolygon:
		// keep them as separate features with the same id, as the input had them.
		let kept = 0;
		for (const coordinates of group.polygons) {
			const part = webPolygon({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates } }, tolerance);
			if (!part) continue;
			features.push({ type: 'Feature', properties: properties(id, group.properties), geometry: part.geometry });
			kept++;
		}
		if (kept < group.polygons.length) dropped.push(id);
	}
	return { collection: { type: 'FeatureCollection', features }, dropped };
}

/** Plain code-unit order, the same in every locale (localeCompare is not). */
export function byCodeUnits(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
