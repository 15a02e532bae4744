/**
 * What the map's classes rest on for a key figure without an official bound (ClassBasis in
 * output-contract.ts; the dashboard turns it into bounds in src/lib/map/scales.ts): the quintiles of
 * the municipalities' published figures over every year. One set per key figure, the same in every
 * overblik.json and in land.json, and never the sum over the loaded departments (the country only
 * when all 98 are loaded). Withheld figures are left out; values to 4 decimals like the series.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { IndicatorId } from '../../src/lib/core/indicators.ts';
import type { ClassBasis } from '../../src/lib/core/output-contract.ts';

export async function classBasis(connection: DuckDBConnection, total: number): Promise<Partial<Record<IndicatorId, ClassBasis>>> {
	const rows = (
		await connection.runAndReadAll(
			`SELECT indikator, quantile_cont(vaerdi, [0.2, 0.4, 0.6, 0.8]) AS q, count(DISTINCT enhed_id)::INTEGER AS n,
				min(aar)::INTEGER AS fra, max(aar)::INTEGER AS til
			FROM aggregater
			WHERE niveau = 'kommune' AND vaerdi IS NOT NULL AND isfinite(vaerdi) AND NOT diskretioneret
			GROUP BY indikator ORDER BY indikator`
		)
	).getRowObjectsJS();
	const out: Partial<Record<IndicatorId, ClassBasis>> = {};
	for (const row of rows) {
		const q = (row.q as number[]).map((v) => Math.round(Number(v) * 1e4) / 1e4);
		out[row.indikator as IndicatorId] = { kvintiler: q, kommuner: row.n as number, i_alt: total, fra: row.fra as number, til: row.til as number };
	}
	return out;
}
