/**
 * The map's class bounds for declared indicators (issue 15): the built-in seven have bounds made
 * of published figures (src/lib/map/scales.ts); a municipality's own indicator has none, so its
 * bounds are the national quintiles of its area values in this data: every area and year with a
 * published figure pooled, so one set of bounds holds for every municipality and year, and each
 * class holds about a fifth of the country's area values.
 *
 * Only published values go in (a withheld aggregate's value is NULL in `aggregater`), and a
 * quintile lies between two published values, so the bounds reveal nothing the files do not.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Indicator } from '../../src/lib/core/indicators.ts';
import type { NationalQuantiles } from '../../src/lib/core/indicator-declaration.ts';
import { sqlString } from '../duckdb/sql.ts';

/** Fewer area values than this give no quintiles worth drawing; the map then falls back (scales.ts). */
export const MIN_QUANTILE_VALUES = 10;

/** The declared indicators' quintiles by id; an indicator with too few area values is left out. */
export async function nationalQuantiles(connection: DuckDBConnection, declared: readonly Indicator[]): Promise<Record<string, NationalQuantiles>> {
	const out: Record<string, NationalQuantiles> = {};
	if (declared.length === 0) return out;
	const reader = await connection.runAndReadAll(
		`SELECT indikator, count(*)::INTEGER AS antal, min(aar)::INTEGER AS fra, max(aar)::INTEGER AS til,
			quantile_cont(vaerdi::DOUBLE, [0.2, 0.4, 0.6, 0.8]) AS q
		FROM aggregater
		WHERE niveau = 'omraade' AND vaerdi IS NOT NULL AND indikator IN (${declared.map((d) => sqlString(d.id)).join(', ')})
		GROUP BY indikator ORDER BY indikator`
	);
	for (const [id, antal, fra, til, q] of reader.getRowsJS() as [string, number, number, number, { items: number[] } | number[]][]) {
		if (antal < MIN_QUANTILE_VALUES) continue;
		const ind = declared.find((d) => d.id === id)!;
		const values = Array.isArray(q) ? q : q.items;
		const rounded = values.map((v) => Number(v.toFixed(ind.decimals)));
		out[id] = { graenser: rounded.filter((v, i) => i === 0 || v > rounded[i - 1]!), antal, aar: [fra, til] };
	}
	return out;
}
