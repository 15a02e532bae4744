/**
 * The rows of noegletal (KeyFigureRow in output.ts) as one SQL query over `kf`: each department
 * year unnested into one row per indicator, in id order. It only scans, filters and projects,
 * so rows come out in kf's order (afdeling_id, aar) and, within a row, by indicator id: exactly
 * the order noegletal.parquet promises, without a sort.
 *
 * A row is written when the indicator's numerator or denominator is given for that department
 * and year (a value that is missing for a reason shows as missing, not as absent).
 */
import { STRUCT_COLUMNS, keyFigureStructsSql } from './indicator-sql.ts';

/**
 * Columns: afdeling_id, d (department rank), aar, ix (indicator position, UTINYINT), indikator,
 * vaerdi, diskretioneret, taeller, naevner, after any `leading` columns of `table` (a copy of kf
 * with more columns, in another order).
 */
export function keyFigureRowsSql(table = 'kf', leading: readonly string[] = []): string {
	const pass = leading.map((c) => `${c}, `).join('');
	// The noegletal columns not in kf itself come from the indicator's struct.
	const fromStruct = STRUCT_COLUMNS.map((c) => `x.${c} AS ${c}`).join(', ');
	return `SELECT ${pass}afdeling_id, d, aar, x.ix AS ix, ${fromStruct}
		FROM (SELECT ${pass}afdeling_id, d, aar, unnest(${keyFigureStructsSql()}) AS x FROM ${table})
		WHERE x.present`;
}
