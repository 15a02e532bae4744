/**
 * The department register in DuckDB: table `afdelinger`, one row per department in afdeling_id
 * order, with the output schema's columns (DepartmentRow, src/lib/core/output-schema.ts), the
 * names of its municipality and area resolved, plus `d`, the department's rank in that order,
 * and `kix`, `bix`, `oix`, the ranks of its municipality, organisation and area.
 * The key-figure table refers to departments by `d`, so sorting by it is sorting by afdeling_id
 * (DuckDB's byte order, the order the Parquet files promise).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { FeatureCollection } from 'geojson';
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import { columnDefinitions, columnsOf, type DepartmentRow } from '../../src/lib/core/output-schema.ts';
import type { ParsedInput } from '../read/model.ts';
import { appendValue, readChunks } from '../duckdb/duckdb-columns.ts';

/** Per department in input order: its rank and its units' ranks (integers group faster than text). */
export interface LoadedDepartments {
	/** `d`: the department's rank in afdeling_id order. */
	rank: Int32Array;
	/** `kix`: its municipality's rank in kommune_kode order. */
	municipality: Int32Array;
	/** `bix`: its organisation's rank in boligorganisation_id order. */
	organisation: Int32Array;
	/** `oix`: its area's rank in omraade_id order, -1 when it has none. */
	area: Int32Array;
	/**
	 * The table's rows as the Parquet and web steps need them, in `d` order, built here from the
	 * input rather than read back out of DuckDB (which cost two value-by-value conversions of the
	 * whole register, seconds at national10); the same values the table holds (a NaN as null,
	 * as appendValue stores it).
	 */
	rows: DepartmentRow[];
	/** Per `d`: the department's kix. */
	rowMunicipality: Int32Array;
}

export async function loadDepartments(connection: DuckDBConnection, input: ParsedInput): Promise<LoadedDepartments> {
	const areaNames = namesOf(input.areas, 'omraade_id', 'omraade_navn');
	const municipalityNames = namesOf(input.municipalities, 'kode', 'navn');
	// The output schema's columns, after `i` (the department's index in the input).
	await connection.run(`CREATE TABLE afdelinger_input (i INTEGER, ${columnDefinitions('afdelinger')})`);
	const appender = await connection.createAppender('afdelinger_input');
	const inputRows: DepartmentRow[] = [];
	input.departments.forEach((dep, i) => {
		const row: DepartmentRow = {
			afdeling_id: dep.afdeling_id,
			afdeling_navn: dep.afdeling_navn,
			boligorganisation_id: dep.boligorganisation_id,
			boligorganisation_navn: dep.boligorganisation_navn,
			kommune_kode: dep.kommune_kode,
			kommune_navn: MUNICIPALITY_NAMES[dep.kommune_kode] ?? municipalityNames.get(dep.kommune_kode) ?? null,
			omraade_id: dep.omraade_id,
			omraade_navn: dep.omraade_id == null ? null : (areaNames.get(dep.omraade_id) ?? null),
			boligtype: dep.boligtype,
			opfoerelsesaar: dep.opfoerelsesaar,
			lat: dep.lat,
			lon: dep.lon
		};
		for (const c of columnsOf('afdelinger')) {
			const v = row[c.name];
			if (typeof v === 'number' && Number.isNaN(v)) (row as Record<string, unknown>)[c.name] = null;
		}
		inputRows.push(row);
		appender.appendInteger(i);
		for (const c of columnsOf('afdelinger')) appendValue(appender, c.type, row[c.name]);
		appender.endRow();
	});
	appender.flushSync();
	appender.closeSync();
	await connection.run(`CREATE TABLE afdelinger AS
		SELECT (row_number() OVER (ORDER BY afdeling_id) - 1)::INTEGER AS d,
			(dense_rank() OVER (ORDER BY kommune_kode) - 1)::INTEGER AS kix,
			(dense_rank() OVER (ORDER BY boligorganisation_id) - 1)::INTEGER AS bix,
			CASE WHEN omraade_id IS NOT NULL THEN (dense_rank() OVER (ORDER BY omraade_id) - 1)::INTEGER END AS oix, *
		FROM afdelinger_input ORDER BY afdeling_id`);
	await connection.run('DROP TABLE afdelinger_input');

	const count = input.departments.length;
	const result: LoadedDepartments = {
		rank: new Int32Array(count),
		municipality: new Int32Array(count),
		organisation: new Int32Array(count),
		area: new Int32Array(count),
		rows: new Array<DepartmentRow>(count),
		rowMunicipality: new Int32Array(count)
	};
	for await (const chunk of readChunks(connection, 'SELECT i, d, kix, bix, coalesce(oix, -1) FROM afdelinger')) {
		const [i, d, kix, bix, oix] = chunk.columns as Int32Array[];
		for (let r = 0; r < chunk.rows; r++) {
			const at = i![r]!;
			result.rank[at] = d![r]!;
			result.municipality[at] = kix![r]!;
			result.organisation[at] = bix![r]!;
			result.area[at] = oix![r]!;
			result.rows[d![r]!] = inputRows[at]!;
			result.rowMunicipality[d![r]!] = kix![r]!;
		}
	}
	return result;
}

function namesOf(fc: FeatureCollection | null, idKey: string, nameKey: string): Map<string, string> {
	const names = new Map<string, string>();
	for (const f of fc?.features ?? []) {
		const id = f.properties?.[idKey];
		const name = f.properties?.[nameKey];
		if (typeof id === 'string' && typeof name === 'string' && !names.has(id)) names.set(id, name);
	}
	return names;
}
