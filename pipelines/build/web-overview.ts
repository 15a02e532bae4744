/**
 * web/<kode>/overblik.json (WebOverview in output.ts): what the overview page draws before
 * DuckDB-WASM has started: the municipality's and the country's series, its areas' values for
 * the map, and its departments as points. Built from rows already written to the other files,
 * so the first view and the later queries show the same figures (values rounded to 4 decimals).
 */
import { bbox as turfBbox } from '@turf/bbox';
import type { Feature } from 'geojson';
import { activeIndicators, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { AggregateRow, DepartmentRow, SeriesPoint, WebOverview } from '../../src/lib/core/output-contract.ts';
import { byCodeUnits } from './geo-files.ts';

export interface OverviewInput {
	kode: string;
	navn: string;
	/** The municipality's departments, in afdeling_id order. */
	departments: readonly DepartmentRow[];
	/** Aggregates of its areas, the municipality and the country (others are ignored). */
	aggregates: readonly AggregateRow[];
	/** Departments per area id, over the whole input. */
	departmentsPerArea: ReadonlyMap<string, number>;
	/** The area polygons as written to omraader.geojson, by id, for the bounding box. */
	areaShapes: ReadonlyMap<string, readonly Feature[]>;
}

export function overview(input: OverviewInput): WebOverview {
	const ids = activeIndicators().map((i) => i.id);
	const emptySeries = () => Object.fromEntries(ids.map((id) => [id, [] as SeriesPoint[]])) as Record<IndicatorId, SeriesPoint[]>;
	const kommune = emptySeries();
	const land = emptySeries();
	const areaValues = new Map<string, Record<IndicatorId, SeriesPoint[]>>();
	const areaIds = [...new Set(input.departments.map((d) => d.omraade_id).filter((id): id is string => id != null))].sort(byCodeUnits);
	for (const id of areaIds) areaValues.set(id, emptySeries());

	for (const a of input.aggregates) {
		const point: SeriesPoint = { aar: a.aar, vaerdi: rounded(a.vaerdi), diskretioneret: a.diskretioneret };
		if (a.niveau === 'kommune' && a.enhed_id === input.kode) kommune[a.indikator]?.push(point);
		else if (a.niveau === 'land') land[a.indikator]?.push(point);
		else if (a.niveau === 'omraade') areaValues.get(a.enhed_id)?.[a.indikator]?.push(point);
	}
	for (const series of [kommune, land, ...areaValues.values()]) {
		for (const id of ids) series[id]!.sort((p, q) => p.aar - q.aar);
	}

	const areaName = new Map<string, string>();
	for (const d of input.departments) if (d.omraade_id != null && d.omraade_navn != null) areaName.set(d.omraade_id, d.omraade_navn);

	return {
		kode: input.kode,
		navn: input.navn,
		series: Object.fromEntries(ids.map((id) => [id, { kommune: kommune[id], land: land[id] }])) as WebOverview['series'],
		omraader: areaIds.map((id) => ({
			id,
			navn: areaName.get(id) ?? id,
			afdelinger: input.departmentsPerArea.get(id) ?? 0,
			values: areaValues.get(id)!
		})),
		afdelinger: input.departments.map((d) => ({
			id: d.afdeling_id,
			navn: d.afdeling_navn,
			organisation_id: d.boligorganisation_id,
			organisation_navn: d.boligorganisation_navn,
			omraade_id: d.omraade_id,
			lat: d.lat,
			lon: d.lon
		})),
		bbox: boundingBox(input, areaIds)
	};
}

/**
 * Values to 4 decimals: the dashboard shows at most 1, and 17-digit doubles would make up half
 * of a large municipality's file.
 */
function rounded(value: number | null): number | null {
	return value === null ? null : Math.round(value * 1e4) / 1e4;
}

function boundingBox(input: OverviewInput, areaIds: readonly string[]): WebOverview['bbox'] {
	let box: [number, number, number, number] | null = null;
	const extend = (w: number, s: number, e: number, n: number) => {
		box = box ? [Math.min(box[0], w), Math.min(box[1], s), Math.max(box[2], e), Math.max(box[3], n)] : [w, s, e, n];
	};
	for (const id of areaIds) {
		for (const shape of input.areaShapes.get(id) ?? []) {
			const [w, s, e, n] = turfBbox(shape);
			extend(w, s, e, n);
		}
	}
	for (const d of input.departments) if (d.lat != null && d.lon != null) extend(d.lon, d.lat, d.lon, d.lat);
	return box;
}
