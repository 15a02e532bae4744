/**
 * Table `aggregater`: one row per level, unit, year and indicator (AggregateRow in output.ts),
 * sorted by niveau, enhed_id, indikator, aar; plus `u` (the unit's rank in table `units`) and `ix`
 * (the indicator's position in sortedIndicators()), which give that order as integers.
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
import { COUNTRY_ID } from '../../src/lib/core/output-contract.ts';
import { sortedIndicators, naevnerSql, taellerSql } from './indicator-sql.ts';
import { columnDefinitions, columnsOf, selectList } from '../../src/lib/core/output-schema.ts';
import { appendValue } from '../duckdb/duckdb-columns.ts';
import { SUPPRESSED_AGGREGATE_COLUMNS, type SuppressedAggregateRow } from './suppression.ts';

/** The largest numerator or denominator term DECIMAL(18,6) holds. */
export const MAX_TERM = 1e12;

export async function createAggregates(connection: DuckDBConnection, suppressed: readonly SuppressedAggregateRow[]): Promise<void> {
	await connection.run(`CREATE TABLE aggregater_diskretioneret (${columnDefinitions('aggregater', SUPPRESSED_AGGREGATE_COLUMNS)})`);
	const appender = await connection.createAppender('aggregater_diskretioneret');
	const columns = columnsOf('aggregater').filter((c) => (SUPPRESSED_AGGREGATE_COLUMNS as readonly string[]).includes(c.name));
	for (const s of suppressed) {
		for (const c of columns) appendValue(appender, c.type, s[c.name as keyof SuppressedAggregateRow]);
		appender.endRow();
	}
	appender.flushSync();
	appender.closeSync();

	// Every unit with its rank `u` in (niveau, enhed_id) order and its integer key at its level
	// (level 0 area oix, 1 organisation bix, 2 municipality kix, 3 the country).
	await connection.run(`CREATE TABLE units AS
		SELECT (row_number() OVER (ORDER BY niveau, enhed_id) - 1)::INTEGER AS u, * FROM (
			SELECT DISTINCT 'omraade' AS niveau, omraade_id AS enhed_id, 0 AS level, oix AS key FROM afdelinger WHERE oix IS NOT NULL
			UNION ALL SELECT DISTINCT 'boligorganisation', boligorganisation_id, 1, bix FROM afdelinger
			UNION ALL SELECT DISTINCT 'kommune', kommune_kode, 2, kix FROM afdelinger
			UNION ALL SELECT 'land', '${COUNTRY_ID}', 3, 0)`);

	// Masked columns (NULL unless the department has both parts) summed plainly are several
	// times faster than sum(...) FILTER (WHERE ...) over four grouping sets.
	const sorted = sortedIndicators();
	const masked = sorted.map((ind, ix) => {
		const both = `${taellerSql(ind)} IS NOT NULL AND ${naevnerSql(ind)} IS NOT NULL`;
		return `CASE WHEN ${both} THEN ${taellerSql(ind)}::DECIMAL(18,6) END AS t${ix},
			CASE WHEN ${both} THEN ${naevnerSql(ind)}::DECIMAL(18,6) END AS n${ix}`;
	});
	const sums = sorted.map((_, ix) => `sum(t${ix}) AS t${ix}, sum(n${ix}) AS n${ix}, count(n${ix}) AS c${ix}`);
	const structs = sorted.map(
		(ind, ix) => `{'ix': ${ix}, 'indikator': '${ind.id}', 'scale': ${ind.scale}::DOUBLE, 't': t${ix}, 'n': n${ix}, 'c': c${ix}}`
	);
	// Grouped by integer keys and sorted by integer ranks (u, ix, aar): the order of
	// (niveau, enhed_id, indikator, aar) without comparing a string.
	await connection.run(`CREATE TABLE aggregater AS
		WITH wide AS (
			SELECT CASE WHEN GROUPING(oix) = 0 THEN 0 WHEN GROUPING(bix) = 0 THEN 1 WHEN GROUPING(kix) = 0 THEN 2 ELSE 3 END AS level,
				CASE WHEN GROUPING(oix) = 0 THEN oix WHEN GROUPING(bix) = 0 THEN bix WHEN GROUPING(kix) = 0 THEN kix ELSE 0 END AS key,
				aar, ${sums.join(',\n')}
			FROM (SELECT nullif(oix, -1) AS oix, bix, kix, aar, ${masked.join(',\n')} FROM kf)
			GROUP BY GROUPING SETS ((oix, aar), (bix, aar), (kix, aar), (aar))
			HAVING NOT (GROUPING(oix) = 0 AND oix IS NULL)
		),
		long AS (
			SELECT u.u, u.niveau, u.enhed_id, w.aar, unnest([${structs.join(', ')}]) AS x
			FROM wide w JOIN units u USING (level, key)
		),
		hidden AS (
			SELECT (u.u::BIGINT * 1000 + list_position(${indicatorList()}, s.indikator) - 1) * 10000 + s.aar AS k
			FROM aggregater_diskretioneret s JOIN units u USING (niveau, enhed_id)
		),
		-- A semi-join on one packed key (unit, indicator, year) builds its hash table on the few
		-- withheld aggregates. A LEFT JOIN let DuckDB build it on the millions of aggregates instead
		-- once the audit had withheld thousands, which ran out of memory on national10.
		marked AS (
			SELECT l.*, ((l.u::BIGINT * 1000 + l.x.ix) * 10000 + l.aar) IN (SELECT k FROM hidden) AS hid
			FROM long l
			WHERE l.x.c > 0
		)
		SELECT m.u, m.x.ix::INTEGER AS ix, ${selectList('aggregater', {
			prefix: 'm.',
			expressions: {
				indikator: 'm.x.indikator',
				vaerdi: 'CASE WHEN NOT m.hid AND m.x.n > 0 THEN m.x.scale * m.x.t::DOUBLE / m.x.n::DOUBLE END',
				antal_afdelinger: 'm.x.c::INTEGER',
				diskretioneret: 'm.hid'
			}
		})}
		FROM marked m
		ORDER BY m.u, m.x.ix, m.aar`);
}

/** The indicator ids in sortedIndicators() order, as an SQL list (position - 1 = ix). */
export function indicatorList(): string {
	return `[${sortedIndicators().map((i) => `'${i.id}'`).join(', ')}]`;
}
