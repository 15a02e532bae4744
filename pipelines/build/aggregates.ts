/**
 * Table `aggregater`: one row per level, unit, year and indicator (AggregateRow in output.ts),
 * sorted by niveau, enhed_id, indikator, aar.
 *
 * Every level is sum(taeller) / sum(naevner) over the departments that have both that year,
 * times the indicator's scale; never a mean of the departments' rates. antal_afdelinger counts
 * those departments; a unit with none that year has no row.
 *
 * Sums are exact: each term is cast to DECIMAL(18,6) first (six decimals are more than any
 * input carries; sums are DECIMAL(38,6)). Floating-point sums depend on the order threads add
 * them in, which would make the same input give different bytes; integer sums do not. The price
 * is a ceiling: a term must stay under 10^12 (MAX_TERM, checked in build.ts).
 */
import { type DuckDBConnection } from '@duckdb/node-api';
import { COUNTRY_ID } from '../../src/lib/contract/output.ts';
import { SORTED_INDICATORS, naevnerSql, taellerSql } from './indicator-sql.ts';
import type { SuppressedAggregateRow } from './suppression.ts';

/** The largest numerator or denominator term DECIMAL(18,6) holds. */
export const MAX_TERM = 1e12;

export async function createAggregates(connection: DuckDBConnection, suppressed: readonly SuppressedAggregateRow[]): Promise<void> {
	await connection.run(`CREATE TABLE aggregater_diskretioneret (niveau VARCHAR, enhed_id VARCHAR, aar SMALLINT, indikator VARCHAR)`);
	const appender = await connection.createAppender('aggregater_diskretioneret');
	for (const s of suppressed) {
		appender.appendVarchar(s.niveau);
		appender.appendVarchar(s.enhed_id);
		appender.appendSmallInt(s.aar);
		appender.appendVarchar(s.indikator);
		appender.endRow();
	}
	appender.flushSync();
	appender.closeSync();

	// Masked columns (NULL unless the department has both parts) summed plainly are several
	// times faster than sum(...) FILTER (WHERE ...) over four grouping sets.
	const masked = SORTED_INDICATORS.map((ind, ix) => {
		const both = `${taellerSql(ind)} IS NOT NULL AND ${naevnerSql(ind)} IS NOT NULL`;
		return `CASE WHEN ${both} THEN ${taellerSql(ind)}::DECIMAL(18,6) END AS t${ix},
			CASE WHEN ${both} THEN ${naevnerSql(ind)}::DECIMAL(18,6) END AS n${ix}`;
	});
	const sums = SORTED_INDICATORS.map((_, ix) => `sum(t${ix}) AS t${ix}, sum(n${ix}) AS n${ix}, count(n${ix}) AS c${ix}`);
	const levelOf = `CASE WHEN GROUPING(a.omraade_id) = 0 THEN 'omraade'
		WHEN GROUPING(a.boligorganisation_id) = 0 THEN 'boligorganisation'
		WHEN GROUPING(a.kommune_kode) = 0 THEN 'kommune' ELSE 'land' END`;
	const unitOf = `CASE WHEN GROUPING(a.omraade_id) = 0 THEN a.omraade_id
		WHEN GROUPING(a.boligorganisation_id) = 0 THEN a.boligorganisation_id
		WHEN GROUPING(a.kommune_kode) = 0 THEN a.kommune_kode ELSE '${COUNTRY_ID}' END`;
	const structs = SORTED_INDICATORS.map(
		(ind, ix) => `{'indikator': '${ind.id}', 'scale': ${ind.scale}::DOUBLE, 't': t${ix}, 'n': n${ix}, 'c': c${ix}}`
	);
	await connection.run(`CREATE TABLE aggregater AS
		WITH wide AS (
			SELECT ${levelOf} AS niveau, ${unitOf} AS enhed_id, a.aar, ${sums.join(',\n')}
			FROM (SELECT a.omraade_id, a.boligorganisation_id, a.kommune_kode, k.aar, ${masked.join(',\n')}
				FROM kf k JOIN afdelinger a USING (d)) a
			GROUP BY GROUPING SETS ((a.omraade_id, a.aar), (a.boligorganisation_id, a.aar), (a.kommune_kode, a.aar), (a.aar))
			HAVING NOT (GROUPING(a.omraade_id) = 0 AND a.omraade_id IS NULL)
		),
		long AS (SELECT niveau, enhed_id, aar, unnest([${structs.join(', ')}]) AS x FROM wide)
		SELECT l.niveau, l.enhed_id, l.aar, x.indikator,
			CASE WHEN s.niveau IS NULL AND x.n > 0 THEN x.scale * x.t::DOUBLE / x.n::DOUBLE END AS vaerdi,
			x.c::INTEGER AS antal_afdelinger,
			s.niveau IS NOT NULL AS diskretioneret
		FROM long l
		LEFT JOIN aggregater_diskretioneret s
			ON s.niveau = l.niveau AND s.enhed_id = l.enhed_id AND s.aar = l.aar AND s.indikator = l.x.indikator
		WHERE x.c > 0
		ORDER BY l.niveau, l.enhed_id, x.indikator, l.aar`);
}
