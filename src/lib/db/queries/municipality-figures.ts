/**
 * Every figure of a municipality for the supervisor's pages (the focus list, the agendas): its
 * departments with every key figure over all years, and the series of its areas, its
 * organisations, the municipality itself and the country.
 */
import { COUNTRY_ID, type DepartmentRow, type Level, type SeriesPoint } from '../../core/output-contract.ts';
import { selectList } from '../../core/output-schema.ts';
import type { IndicatorId } from '../../core/indicators.ts';
import { asBoolean, asNullableNumber, asNumber, asString, type QueryRunner, type Row } from '../runner.ts';
import { toDepartmentRow } from './units.ts';

/**
 * A unit's key figures over the years, per indicator: the shape focus/evaluate.ts calls FocusSeries,
 * spelled out here so the database layer imports only the contract and the catalogue.
 */
export type IndicatorSeries = Partial<Record<IndicatorId, readonly SeriesPoint[]>>;

export const MUNICIPALITY_DEPARTMENTS_SQL = `
SELECT ${selectList('afdelinger')}
FROM afdelinger WHERE kommune_kode = $1
ORDER BY boligorganisation_navn, boligorganisation_id, afdeling_navn, afdeling_id`;

export const MUNICIPALITY_KEY_FIGURES_SQL = `
SELECT k.afdeling_id AS enhed_id, k.aar, k.indikator, k.vaerdi, k.diskretioneret
FROM noegletal k JOIN afdelinger a ON a.afdeling_id = k.afdeling_id
WHERE a.kommune_kode = $1
ORDER BY k.afdeling_id, k.indikator, k.aar`;

/** $1 the municipality, $2 the country's id. */
export const MUNICIPALITY_AGGREGATES_SQL = `
SELECT niveau, enhed_id, aar, indikator, vaerdi, diskretioneret
FROM aggregater
WHERE (niveau = 'kommune' AND enhed_id = $1)
	OR (niveau = 'land' AND enhed_id = $2)
	OR (niveau = 'omraade' AND enhed_id IN (SELECT omraade_id FROM afdelinger WHERE kommune_kode = $1))
	OR (niveau = 'boligorganisation' AND enhed_id IN (SELECT boligorganisation_id FROM afdelinger WHERE kommune_kode = $1))
ORDER BY niveau, enhed_id, indikator, aar`;

export interface MunicipalityFigures {
	departments: DepartmentRow[];
	/** Per department id. */
	departmentSeries: Map<string, IndicatorSeries>;
	/** Per level, per unit id. */
	aggregateSeries: Record<Level, Map<string, IndicatorSeries>>;
}

export function addPoint(map: Map<string, IndicatorSeries>, row: Row): void {
	const id = asString(row.enhed_id);
	const indikator = asString(row.indikator) as IndicatorId;
	const point: SeriesPoint = {
		aar: asNumber(row.aar),
		vaerdi: asNullableNumber(row.vaerdi),
		diskretioneret: asBoolean(row.diskretioneret)
	};
	let series = map.get(id);
	if (!series) map.set(id, (series = {}));
	const list = series[indikator] as SeriesPoint[] | undefined;
	if (list) list.push(point);
	else series[indikator] = [point];
}

/** The figures asked for per database (its runner) and municipality: see municipalityFigures(). */
const asked = new WeakMap<QueryRunner, Map<string, Promise<MunicipalityFigures>>>();

/**
 * The municipality's figures, asked of a database once: an organisation's page asks for them for
 * its focus section, and its documentation package, pressed at once, would otherwise ask again
 * behind it on the database's one connection (67,158 key figures for København: about a second
 * of the package's time). A database's loaded rows never change, and a municipality's rows carry
 * every figure these queries read of it (data/README.md, `raekker`), so the answer holds for the
 * page's life. The figures are shared: callers only read them. A failed query is asked again.
 */
export function municipalityFigures(run: QueryRunner, kommune: string): Promise<MunicipalityFigures> {
	let byCode = asked.get(run);
	if (!byCode) asked.set(run, (byCode = new Map()));
	let found = byCode.get(kommune);
	if (!found) {
		found = queryMunicipalityFigures(run, kommune);
		byCode.set(kommune, found);
		const own = found;
		own.catch(() => byCode.get(kommune) === own && byCode.delete(kommune));
	}
	return found;
}

export async function queryMunicipalityFigures(run: QueryRunner, kommune: string): Promise<MunicipalityFigures> {
	// One after another: the browser database has one connection.
	const departments = await run(MUNICIPALITY_DEPARTMENTS_SQL, [kommune]);
	const keyFigures = await run(MUNICIPALITY_KEY_FIGURES_SQL, [kommune]);
	const aggregates = await run(MUNICIPALITY_AGGREGATES_SQL, [kommune, COUNTRY_ID]);
	const departmentSeries = new Map<string, IndicatorSeries>();
	for (const row of keyFigures) addPoint(departmentSeries, row);
	const aggregateSeries: Record<Level, Map<string, IndicatorSeries>> = {
		omraade: new Map(),
		boligorganisation: new Map(),
		kommune: new Map(),
		land: new Map()
	};
	for (const row of aggregates) addPoint(aggregateSeries[asString(row.niveau) as Level], row);
	return { departments: departments.map(toDepartmentRow), departmentSeries, aggregateSeries };
}
