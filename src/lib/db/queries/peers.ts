/**
 * Every department of a municipality with its value for one indicator and year, for the chart of
 * where a unit stands among its peers. Departments without a figure that year are included with a
 * null value (missing, or suppressed when flagged), so the page can say how many are left out.
 */
import type { IndicatorId } from '../../core/indicators.ts';
import type { DepartmentRow, KeyFigureRow } from '../../core/output-schema.ts';
import { asBoolean, asNullableNumber, asNullableString, asNumber, asString, type QueryRunner, type Row } from '../runner.ts';

export type PeerRow = Pick<DepartmentRow, 'afdeling_id' | 'afdeling_navn' | 'omraade_id' | 'boligorganisation_id'> &
	Pick<KeyFigureRow, 'vaerdi' | 'diskretioneret'>;

/** Highest value first; ties and missing values in id order so the chart is stable. */
export const PEERS_SQL = `
SELECT d.afdeling_id, d.afdeling_navn, d.omraade_id, d.boligorganisation_id,
	k.vaerdi, coalesce(k.diskretioneret, false) AS diskretioneret
FROM afdelinger d
LEFT JOIN noegletal k ON k.afdeling_id = d.afdeling_id AND k.indikator = $2 AND k.aar = $3
WHERE d.kommune_kode = $1
ORDER BY k.vaerdi DESC NULLS LAST, d.afdeling_id`;

/**
 * The same for several key figures and years at once, in one query instead of one per key figure
 * and year (each is a round trip to the database's worker, queued behind the page's own queries).
 * $2 the key figures' ids joined by commas (an id never holds one: INDICATOR_ID_PATTERN), $3 the
 * years likewise; per key figure and year the order is PEERS_SQL's.
 */
export const PEERS_OF_SQL = `
WITH wanted AS (
	SELECT i.indikator, y.aar
	FROM (SELECT unnest(string_split($2, ',')) AS indikator) i,
		(SELECT CAST(unnest(string_split($3, ',')) AS INTEGER) AS aar) y
)
SELECT w.indikator, w.aar, d.afdeling_id, d.afdeling_navn, d.omraade_id, d.boligorganisation_id,
	k.vaerdi, coalesce(k.diskretioneret, false) AS diskretioneret
FROM afdelinger d CROSS JOIN wanted w
LEFT JOIN noegletal k ON k.afdeling_id = d.afdeling_id AND k.indikator = w.indikator AND k.aar = w.aar
WHERE d.kommune_kode = $1
ORDER BY w.indikator, w.aar, k.vaerdi DESC NULLS LAST, d.afdeling_id`;

/** The key of a key figure and year in queryPeersOf's answer. */
export const peersKey = (indikator: IndicatorId, aar: number): string => `${indikator}:${aar}`;

/**
 * Every department of a municipality with its values, for each of `indikatorer` in each of
 * `years`: per peersKey the rows queryPeers gives for that key figure and year.
 */
export async function queryPeersOf(
	run: QueryRunner,
	kommune: string,
	indikatorer: readonly IndicatorId[],
	years: readonly number[]
): Promise<Map<string, PeerRow[]>> {
	// Each once: a key figure or year named twice would give its rows twice.
	const ids = [...new Set(indikatorer)];
	const aars = [...new Set(years)];
	const found = new Map<string, PeerRow[]>();
	for (const indikator of ids) for (const aar of aars) found.set(peersKey(indikator, aar), []);
	if (!found.size) return found;
	const rows = await run(PEERS_OF_SQL, [kommune, ids.join(','), aars.join(',')]);
	for (const row of rows) found.get(peersKey(asString(row.indikator) as IndicatorId, asNumber(row.aar)))!.push(toPeerRow(row));
	return found;
}

function toPeerRow(row: Row): PeerRow {
	return {
		afdeling_id: asString(row.afdeling_id),
		afdeling_navn: asString(row.afdeling_navn),
		omraade_id: asNullableString(row.omraade_id),
		boligorganisation_id: asString(row.boligorganisation_id),
		vaerdi: asNullableNumber(row.vaerdi),
		diskretioneret: asBoolean(row.diskretioneret)
	};
}

export async function queryPeers(run: QueryRunner, kommune: string, indikator: IndicatorId, aar: number): Promise<PeerRow[]> {
	const rows = await run(PEERS_SQL, [kommune, indikator, aar]);
	return rows.map(toPeerRow);
}
