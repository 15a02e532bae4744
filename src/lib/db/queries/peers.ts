/**
 * Every department of a municipality with its value for one indicator and year, for the chart of
 * where a unit stands among its peers. Departments without a figure that year are included with a
 * null value (missing, or suppressed when flagged), so the page can say how many are left out.
 */
import type { IndicatorId } from '../../core/indicators.ts';
import type { DepartmentRow, KeyFigureRow } from '../../core/output-schema.ts';
import { asBoolean, asNullableNumber, asNullableString, asString, type QueryRunner } from '../runner.ts';

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

export async function queryPeers(run: QueryRunner, kommune: string, indikator: IndicatorId, aar: number): Promise<PeerRow[]> {
	const rows = await run(PEERS_SQL, [kommune, indikator, aar]);
	return rows.map((row) => ({
		afdeling_id: asString(row.afdeling_id),
		afdeling_navn: asString(row.afdeling_navn),
		omraade_id: asNullableString(row.omraade_id),
		boligorganisation_id: asString(row.boligorganisation_id),
		vaerdi: asNullableNumber(row.vaerdi),
		diskretioneret: asBoolean(row.diskretioneret)
	}));
}
