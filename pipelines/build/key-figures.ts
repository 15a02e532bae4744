/**
 * The key figures in DuckDB: table `kf`, one row per department and year, in (d, aar) order
 * (d = the department's rank in afdeling_id order, see departments.ts), with
 *   afdeling_id, d, kix, bix, oix (ranks of department and units, see departments.ts; oix -1 for
 *   no area), aar SMALLINT, one DOUBLE per raw column (NULL when missing),
 *   and s_<indicator> BOOLEAN per person-based indicator (the cell is suppressed, privacy.ts).
 *
 * The rows go in already sorted, so every query that only scans, filters and projects `kf`
 * comes out sorted too (DuckDB keeps insertion order for those; see
 * https://duckdb.org/docs/stable/sql/dialect/order_preservation). That spares sorting nine
 * million indicator rows for noegletal.parquet, which costs more than the rest of the build.
 */
import { BOOLEAN, DOUBLE, INTEGER, SMALLINT, VARCHAR, type DuckDBConnection } from '@duckdb/node-api';
import { keyFigureColumns, type IndicatorId } from '../../src/lib/core/indicators.ts';
import { keyFigureColumn, type ParsedInput } from '../read/model.ts';
import type { LoadedDepartments } from './departments.ts';
import { appendColumns, type AppendColumn } from '../duckdb/duckdb-columns.ts';
import { personBasedIndicators, suppressionColumn } from './indicator-sql.ts';
import { sharedArray } from './shared-arrays.ts';

/**
 * Per key-figure row: the index of its department in input.departments. In a SharedArrayBuffer:
 * it is the privacy inputs' `department`, which the audit's workers read (shared-arrays.ts).
 */
export function departmentOfRows(input: ParsedInput): Int32Array {
	const index = new Map<string, number>();
	input.departments.forEach((d, i) => index.set(d.afdeling_id, i));
	const kf = input.keyFigures;
	const result = sharedArray(Int32Array, kf.length);
	for (let r = 0; r < kf.length; r++) {
		const i = index.get(kf.afdeling_id[r]!);
		// The read step reports key figures for unknown departments as errors; reaching here is a bug.
		if (i === undefined) throw new Error(`key figures for a department not in the register: ${kf.afdeling_id[r]}`);
		result[r] = i;
	}
	return result;
}

export async function loadKeyFigures(
	connection: DuckDBConnection,
	input: ParsedInput,
	rowDepartment: Int32Array,
	departments: LoadedDepartments,
	suppressed: ReadonlyMap<IndicatorId, Uint8Array>,
	onProgress?: (done: number) => void
): Promise<void> {
	const kf = input.keyFigures;
	const rawColumns = keyFigureColumns();
	const personBased = personBasedIndicators();
	const d = new Int32Array(kf.length);
	const kix = new Int32Array(kf.length);
	const bix = new Int32Array(kf.length);
	const oix = new Int32Array(kf.length);
	for (let r = 0; r < kf.length; r++) {
		const i = rowDepartment[r]!;
		d[r] = departments.rank[i]!;
		kix[r] = departments.municipality[i]!;
		bix[r] = departments.organisation[i]!;
		oix[r] = departments.area[i]!;
	}
	const order = sortedOrder(d, kf.aar);
	const take = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T => (order ? (permute(a, order) as T) : a);

	const ids = order ? Array.from(order, (r) => kf.afdeling_id[r]!) : kf.afdeling_id;
	const columns: AppendColumn[] = [
		{ type: VARCHAR, data: ids },
		{ type: INTEGER, data: take(d) },
		{ type: INTEGER, data: take(kix) },
		{ type: INTEGER, data: take(bix) },
		{ type: INTEGER, data: take(oix) },
		{ type: SMALLINT, data: Int16Array.from(take(kf.aar)) },
		...rawColumns.map((c) => ({ type: DOUBLE, data: take(keyFigureColumn(kf, c)) })),
		...personBased.map((ind) => ({ type: BOOLEAN, data: take(suppressed.get(ind.id) ?? new Uint8Array(kf.length)) }))
	];
	await connection.run(`CREATE TABLE kf (afdeling_id VARCHAR, d INTEGER, kix INTEGER, bix INTEGER, oix INTEGER, aar SMALLINT,
		${rawColumns.map((c) => `"${c}" DOUBLE`).join(', ')}
		${personBased.map((ind) => `, "${suppressionColumn(ind)}" BOOLEAN`).join('')})`);
	await appendColumns(connection, 'kf', columns, kf.length, onProgress);
}

/**
 * null when rows are already in (d, aar) order, as they are when the read step sorted by
 * afdeling_id the same way DuckDB does; otherwise the permutation that sorts them.
 */
function sortedOrder(d: Int32Array, aar: Int32Array): Int32Array | null {
	let sorted = true;
	for (let r = 1; r < d.length && sorted; r++) {
		sorted = d[r - 1]! < d[r]! || (d[r - 1] === d[r] && aar[r - 1]! <= aar[r]!);
	}
	if (sorted) return null;
	const order = Int32Array.from({ length: d.length }, (_, i) => i);
	order.sort((a, b) => d[a]! - d[b]! || aar[a]! - aar[b]! || a - b);
	return order;
}

function permute(a: Int32Array | Float64Array | Uint8Array, order: Int32Array): Int32Array | Float64Array | Uint8Array {
	const out = new (a.constructor as Int32ArrayConstructor | Float64ArrayConstructor | Uint8ArrayConstructor)(a.length);
	for (let r = 0; r < order.length; r++) out[r] = a[order[r]!]!;
	return out;
}
