/**
 * The register behind a detail page: the departments of a unit (one department, an area's, or an
 * organisation's within the municipality) and an organisation's areas.
 */
import { decodeRow, selectList, type DepartmentRow } from '../../core/output-schema.ts';
import type { UnitKind } from '../../data/unit-kind.ts';
import { asNullableString, asNumber, asString, type QueryRunner, type Row } from '../runner.ts';

const DEPARTMENT_COLUMNS = selectList('afdelinger');

/** $1 the unit's id, $2 the municipality; the unit's column is chosen from a fixed list below. */
const DEPARTMENTS_SQL: Record<UnitKind, string> = {
	afdeling: `SELECT ${DEPARTMENT_COLUMNS} FROM afdelinger WHERE afdeling_id = $1 AND kommune_kode = $2`,
	omraade: `SELECT ${DEPARTMENT_COLUMNS} FROM afdelinger WHERE omraade_id = $1 AND kommune_kode = $2
		ORDER BY afdeling_navn, afdeling_id`,
	boligorganisation: `SELECT ${DEPARTMENT_COLUMNS} FROM afdelinger WHERE boligorganisation_id = $1 AND kommune_kode = $2
		ORDER BY afdeling_navn, afdeling_id`
};

export function toDepartmentRow(row: Row): DepartmentRow {
	return decodeRow('afdelinger', row);
}

export async function queryDepartmentsOf(run: QueryRunner, kind: UnitKind, id: string, kommune: string): Promise<DepartmentRow[]> {
	return (await run(DEPARTMENTS_SQL[kind], [id, kommune])).map(toDepartmentRow);
}

export interface AreaSummary {
	omraade_id: string;
	omraade_navn: string;
	/** The organisation's departments in the area. */
	afdelinger: number;
}

export const ORGANISATION_AREAS_SQL = `
SELECT omraade_id, min(omraade_navn) AS omraade_navn, CAST(count(*) AS INTEGER) AS afdelinger
FROM afdelinger
WHERE boligorganisation_id = $1 AND kommune_kode = $2 AND omraade_id IS NOT NULL
GROUP BY omraade_id
ORDER BY omraade_navn, omraade_id`;

export async function queryOrganisationAreas(run: QueryRunner, id: string, kommune: string): Promise<AreaSummary[]> {
	return (await run(ORGANISATION_AREAS_SQL, [id, kommune])).map((row) => ({
		omraade_id: asString(row.omraade_id),
		omraade_navn: asNullableString(row.omraade_navn) ?? asString(row.omraade_id),
		afdelinger: asNumber(row.afdelinger)
	}));
}
