/**
 * An organisation's part in each municipality it has departments in: per municipality, indicator
 * and year, sum(numerator) / sum(denominator) over its departments there that have both, the rule
 * every aggregate follows (aggregates.ts). Worked out in the browser from the published department
 * rows, so it shows nothing those rows do not already show: a part with a withheld department
 * figure (person-based, 1-4 persons) is itself withheld, never summed over the rest.
 */
import { indicator as indicatorOf, valueFromSums, type IndicatorId } from '../../core/indicators.ts';
import { asBoolean, asNullableNumber, asNumber, asString, type QueryRunner } from '../runner.ts';

export interface PartRow {
	/** The municipality whose part this is. */
	kommune_kode: string;
	aar: number;
	indikator: IndicatorId;
	/** NULL when no department there has the figure that year, or when the part is withheld. */
	vaerdi: number | null;
	diskretioneret: boolean;
	/** The departments the value sums over. */
	afdelinger: number;
}

/** $1 the organisation's id. */
export const ORGANISATION_PARTS_SQL = `
SELECT d.kommune_kode, k.aar, k.indikator,
	sum(k.taeller) FILTER (WHERE k.taeller IS NOT NULL AND k.naevner IS NOT NULL) AS taeller,
	sum(k.naevner) FILTER (WHERE k.taeller IS NOT NULL AND k.naevner IS NOT NULL) AS naevner,
	CAST(count(*) FILTER (WHERE k.taeller IS NOT NULL AND k.naevner IS NOT NULL) AS INTEGER) AS afdelinger,
	bool_or(k.diskretioneret) AS diskretioneret
FROM noegletal k JOIN afdelinger d ON d.afdeling_id = k.afdeling_id
WHERE d.boligorganisation_id = $1
GROUP BY d.kommune_kode, k.aar, k.indikator
ORDER BY d.kommune_kode, k.indikator, k.aar`;

export async function queryOrganisationParts(run: QueryRunner, id: string): Promise<PartRow[]> {
	return (await run(ORGANISATION_PARTS_SQL, [id])).map((row) => {
		const indikator = asString(row.indikator) as IndicatorId;
		const diskretioneret = asBoolean(row.diskretioneret);
		const afdelinger = asNumber(row.afdelinger);
		const value = valueFromSums(indicatorOf(indikator), asNullableNumber(row.taeller), asNullableNumber(row.naevner));
		return {
			kommune_kode: asString(row.kommune_kode),
			aar: asNumber(row.aar),
			indikator,
			vaerdi: diskretioneret || afdelinger === 0 ? null : value,
			diskretioneret,
			afdelinger
		};
	});
}

/** One key figure in one year: the whole organisation's value and each municipality's part. */
export interface PartsLine {
	indikator: IndicatorId;
	whole: { vaerdi: number | null; diskretioneret: boolean } | null;
	parts: (PartRow | null)[];
}

/**
 * The lines of the parts table: per indicator, the whole organisation's row (from aggregater,
 * published and audited by the pipeline) and its part in each of `codes`, in that order.
 */
export function partsLines(
	whole: readonly { indikator: IndicatorId; aar: number; vaerdi: number | null; diskretioneret: boolean }[],
	parts: readonly PartRow[],
	codes: readonly string[],
	indicators: readonly IndicatorId[],
	aar: number
): PartsLine[] {
	return indicators.map((indikator) => {
		const w = whole.find((r) => r.indikator === indikator && r.aar === aar);
		return {
			indikator,
			whole: w ? { vaerdi: w.vaerdi, diskretioneret: w.diskretioneret } : null,
			parts: codes.map((kode) => parts.find((p) => p.kommune_kode === kode && p.indikator === indikator && p.aar === aar) ?? null)
		};
	});
}
