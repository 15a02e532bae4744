/** Trend rows as the hand-worked figures are written: series -> the years' values of one indicator. */
import type { TrendRow } from '../../src/lib/db/queries/trend.ts';

/** serie -> the values of `indikator` in the rows' order of years, rounded to 3 decimals (null stays null). */
export function bySeries(rows: TrendRow[], indikator: string): Record<string, (number | null)[]> {
	const out: Record<string, (number | null)[]> = {};
	for (const r of rows.filter((r) => r.indikator === indikator)) {
		(out[r.serie] ??= []).push(r.vaerdi == null ? null : Math.round(r.vaerdi * 1000) / 1000);
	}
	return out;
}
