/**
 * A detail page's units read straight from afdelinger.parquet (hyparquet), without DuckDB-WASM and
 * without the municipalities' overblik.json (596 KB for København, which the page used to read
 * only to learn which municipality holds the unit before it could read anything else): which
 * municipality's departments hold a department, area or organisation, and the names of the units
 * among them. Only a few columns of one municipality's row groups are read (a few KB), and those
 * same columns serve the early trend (parquet-trend.ts), so checking the page's `?kommune=` costs
 * no extra request.
 */
import type { WebIndex } from '../../core/output-contract.ts';
import type { UnitLookup } from '../../data/find-municipality.ts';
import type { UnitKind } from '../../data/unit-kind.ts';
import { readParquetColumns, type ParquetFile } from '../parquet-rows.ts';
import type { TableName } from '../schema.ts';

export const DEPARTMENT_COLUMNS = [
	'afdeling_id',
	'afdeling_navn',
	'omraade_id',
	'omraade_navn',
	'boligorganisation_id',
	'boligorganisation_navn',
	'kommune_kode',
	'boligtype'
] as const;

export type Columns<N extends readonly string[]> = Record<N[number], readonly unknown[]>;
export type DepartmentColumns = Columns<typeof DEPARTMENT_COLUMNS>;
export type ParquetFiles = Record<TableName, ParquetFile>;

export const KIND_COLUMN: Record<UnitKind, 'afdeling_id' | 'omraade_id' | 'boligorganisation_id'> = {
	afdeling: 'afdeling_id',
	omraade: 'omraade_id',
	boligorganisation: 'boligorganisation_id'
};

/** The names of the units among the departments read, by id. */
export interface UnitNames {
	afdelinger: Map<string, string>;
	omraader: Map<string, string>;
	organisationer: Map<string, string>;
}

/** How many reads of the department columns are kept per set of files (a page reads one or two). */
const KEPT = 8;
const read = new WeakMap<ParquetFiles, Map<string, Promise<DepartmentColumns>>>();

/**
 * The department columns of the rows index.json gives for `codes` (in file order), read once per
 * set of files and list of codes while among the last few asked for: the municipality check and
 * the early trend of the same page share one read.
 */
export function departmentColumns(
	files: ParquetFiles,
	index: Pick<WebIndex, 'raekker'>,
	codes: readonly string[]
): Promise<DepartmentColumns> {
	let kept = read.get(files);
	if (!kept) read.set(files, (kept = new Map()));
	const key = codes.join(',');
	let columns = kept.get(key);
	if (!columns) {
		const ranges = codes.flatMap((k) => index.raekker[k]?.afdelinger ?? []).sort((p, q) => p[0] - q[0]);
		columns = readParquetColumns(files.afdelinger, 'afdelinger', DEPARTMENT_COLUMNS, ranges).then(
			(values) => Object.fromEntries(DEPARTMENT_COLUMNS.map((n, i) => [n, values[i]!])) as unknown as DepartmentColumns
		);
		kept.set(key, columns);
		// A failed read is not kept, so a reload of the view tries again.
		const failed = columns;
		failed.catch(() => kept.get(key) === failed && kept.delete(key));
		if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
	}
	return columns;
}

/** Whether `kode`'s own departments (kommune_kode, as overblik.json lists them) hold the unit. */
export function departmentsHold(
	departments: Pick<DepartmentColumns, 'kommune_kode' | (typeof KIND_COLUMN)[UnitKind]>,
	kind: UnitKind,
	id: string,
	kode: string
): boolean {
	const column = departments[KIND_COLUMN[kind]];
	for (let r = 0; r < column.length; r++) {
		if (column[r] === id && departments.kommune_kode[r] === kode) return true;
	}
	return false;
}

/** The names of every department, area and organisation among the rows read. */
export function unitNamesFrom(d: DepartmentColumns): UnitNames {
	const names: UnitNames = { afdelinger: new Map(), omraader: new Map(), organisationer: new Map() };
	const add = (to: Map<string, string>, id: unknown, name: unknown) => {
		if (id != null && name != null) to.set(String(id), String(name));
	};
	for (let r = 0; r < d.afdeling_id.length; r++) {
		add(names.afdelinger, d.afdeling_id[r], d.afdeling_navn[r]);
		add(names.omraader, d.omraade_id[r], d.omraade_navn[r]);
		add(names.organisationer, d.boligorganisation_id[r], d.boligorganisation_navn[r]);
	}
	return names;
}

/**
 * findMunicipality's questions answered from afdelinger.parquet: one municipality's rows (shared
 * with the early trend), or, for a link without a right `?kommune=`, the unit's id column and
 * kommune_kode over the whole file in one read (instead of one overblik.json after another).
 */
export function parquetUnitLookup(sources: Promise<ParquetFiles> | ParquetFiles, index: Pick<WebIndex, 'raekker'>): UnitLookup {
	return {
		async holds(kode, kind, id) {
			return departmentsHold(await departmentColumns(await sources, index, [kode]), kind, id, kode);
		},
		async holders(kind, id) {
			const file = (await sources).afdelinger;
			const rows = Number((await file.metadata()).num_rows);
			const [ids, codes] = await readParquetColumns(file, 'afdelinger', [KIND_COLUMN[kind], 'kommune_kode'], [[0, rows]]);
			const found = new Set<string>();
			for (let r = 0; r < rows; r++) if (ids![r] === id && codes![r] != null) found.add(String(codes![r]));
			return found;
		}
	};
}
