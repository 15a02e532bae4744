/**
 * A unit's key figures over all years, with its benchmarks: a department against its area, its
 * organisation, its municipality and the country; an area or an organisation against its
 * municipality and the country. One row per series, indicator and year present in the data.
 */
import { COUNTRY_ID, type AggregateRow, type Level } from '../../core/output-contract.ts';
import type { IndicatorId } from '../../core/indicators.ts';
import type { UnitKind } from '../../data/unit-kind.ts';
import { asBoolean, asNullableNumber, asNumber, asString, type QueryRunner, type Row } from '../runner.ts';

/** The unit's own series is 'afdeling' for a department, else its level. */
export type SeriesKey = 'afdeling' | Level;

/** An aggregate row's fields (a department's own id as enhed_id), tagged with its series. */
export type TrendRow = { serie: SeriesKey } & Pick<AggregateRow, 'enhed_id' | 'aar' | 'indikator' | 'vaerdi' | 'diskretioneret'>;

export const DEPARTMENT_TREND_SQL = `
WITH unit AS (
	SELECT afdeling_id, omraade_id, boligorganisation_id, kommune_kode
	FROM afdelinger WHERE afdeling_id = $1
)
SELECT 'afdeling' AS serie, k.afdeling_id AS enhed_id, k.aar, k.indikator, k.vaerdi, k.diskretioneret
FROM noegletal k JOIN unit u ON k.afdeling_id = u.afdeling_id
UNION ALL
SELECT a.niveau AS serie, a.enhed_id, a.aar, a.indikator, a.vaerdi, a.diskretioneret
FROM aggregater a JOIN unit u ON
	(a.niveau = 'omraade' AND a.enhed_id = u.omraade_id)
	OR (a.niveau = 'boligorganisation' AND a.enhed_id = u.boligorganisation_id)
	OR (a.niveau = 'kommune' AND a.enhed_id = u.kommune_kode)
	OR (a.niveau = 'land' AND a.enhed_id = $2)
ORDER BY serie, indikator, aar`;

/** $1 the level ('omraade' or 'boligorganisation'), $2 its id, $3 the municipality, $4 the country. */
export const GROUP_TREND_SQL = `
SELECT niveau AS serie, enhed_id, aar, indikator, vaerdi, diskretioneret
FROM aggregater
WHERE (niveau = $1 AND enhed_id = $2)
	OR (niveau = 'kommune' AND enhed_id = $3)
	OR (niveau = 'land' AND enhed_id = $4)
ORDER BY serie, indikator, aar`;

/**
 * Whether two lists hold the same trend rows in the same order, every value the same (Object.is:
 * a -0 is not a 0). A detail page draws the rows read from the Parquet before the database is in
 * (parquet-trend.ts gives the same rows); when the database's are the same, the page keeps the
 * ones it drew, so its cards (legends, tables, the supervisor's panel) are not drawn again, which
 * happened while a package pressed at once was being built.
 */
export function sameTrendRows(a: readonly TrendRow[], b: readonly TrendRow[]): boolean {
	if (a.length !== b.length) return false;
	for (let i = 0; i < a.length; i++) {
		const p = a[i]!;
		const q = b[i]!;
		if (
			p.serie !== q.serie ||
			p.enhed_id !== q.enhed_id ||
			!Object.is(p.aar, q.aar) ||
			p.indikator !== q.indikator ||
			!Object.is(p.vaerdi, q.vaerdi) ||
			p.diskretioneret !== q.diskretioneret
		)
			return false;
	}
	return true;
}

function toTrendRow(row: Row): TrendRow {
	return {
		serie: asString(row.serie) as SeriesKey,
		enhed_id: asString(row.enhed_id),
		aar: asNumber(row.aar),
		indikator: asString(row.indikator) as IndicatorId,
		vaerdi: asNullableNumber(row.vaerdi),
		diskretioneret: asBoolean(row.diskretioneret)
	};
}

/**
 * The trend rows of a unit. `kommune` is the municipality whose page this is; for a department
 * its own municipality code (from the register) is used.
 */
export async function queryTrend(run: QueryRunner, kind: UnitKind, id: string, kommune: string): Promise<TrendRow[]> {
	const rows =
		kind === 'afdeling' ? await run(DEPARTMENT_TREND_SQL, [id, COUNTRY_ID]) : await run(GROUP_TREND_SQL, [kind, id, kommune, COUNTRY_ID]);
	return rows.map(toTrendRow);
}
