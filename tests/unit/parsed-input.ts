/**
 * Hand-made ParsedInput for build tests: departments with defaults, key-figure rows as objects
 * (a raw column left out is missing, NaN), turned into the columnar form the read step hands over.
 */
import { RAW_COLUMNS, type RawColumn } from '../../src/lib/core/input-contract.ts';
import type { Department, ParsedInput } from '../../pipelines/read/model.ts';
import type { FeatureCollection } from 'geojson';

export type DepartmentSpec = Partial<Department> & Pick<Department, 'afdeling_id' | 'kommune_kode' | 'boligorganisation_id'>;
export type RowSpec = { afdeling_id: string; aar: number } & Partial<Record<RawColumn, number>>;

export function parsedInput(spec: {
	departments: DepartmentSpec[];
	rows: RowSpec[];
	areas?: FeatureCollection | null;
	municipalities?: FeatureCollection | null;
	demo?: boolean;
	/** Keep the rows in the given order instead of sorting them (the build must cope). */
	unsorted?: boolean;
}): ParsedInput {
	const rows = spec.unsorted
		? spec.rows
		: [...spec.rows].sort((a, b) => (a.afdeling_id < b.afdeling_id ? -1 : a.afdeling_id > b.afdeling_id ? 1 : a.aar - b.aar));
	const values = Object.fromEntries(RAW_COLUMNS.map((c) => [c, Float64Array.from(rows, (r) => r[c] ?? Number.NaN)])) as Record<
		RawColumn,
		Float64Array
	>;
	return {
		files: [
			{ file: 'afdelinger.csv', sha256: 'a'.repeat(64), rows: spec.departments.length },
			{ file: 'noegletal.csv', sha256: 'b'.repeat(64), rows: rows.length }
		],
		departments: spec.departments.map((d, i) => ({
			afdeling_navn: `Afdeling ${d.afdeling_id}`,
			boligorganisation_navn: `Organisation ${d.boligorganisation_id}`,
			omraade_id: null,
			boligtype: 'familie',
			opfoerelsesaar: 1970,
			lat: null,
			lon: null,
			source: { file: 'afdelinger.csv', line: i + 2 },
			...d
		})),
		keyFigures: {
			length: rows.length,
			afdeling_id: rows.map((r) => r.afdeling_id),
			aar: Int32Array.from(rows, (r) => r.aar),
			values
		},
		areas: spec.areas ?? null,
		municipalities: spec.municipalities ?? null,
		demo: spec.demo ?? true,
		indicators: [],
		issues: []
	};
}
