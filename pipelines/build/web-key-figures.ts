/**
 * web/<kode>/noegletal.arrow: the noegletal rows of one municipality's departments, same
 * columns and order as noegletal.parquet. The biggest web twin (national10: nine million rows
 * over 98 files), so it is built from typed arrays: DuckDB hands over numbers, and the id
 * strings are copied from bytes encoded once per department.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import { boolColumn, float64Column, int16Column, ipcStream, utf8FromCodes } from './arrow-table.ts';
import { isValid, readChunks } from './duckdb-columns.ts';
import { keyFigureRowsSql } from './key-figure-rows.ts';

export interface EncodedIds {
	/** Per department rank d: afdeling_id as UTF-8. */
	departments: readonly Uint8Array[];
	/** Per indicator position ix: its id as UTF-8. */
	indicators: readonly Uint8Array[];
}

export async function keyFiguresArrow(connection: DuckDBConnection, kode: string, ids: EncodedIds): Promise<{ bytes: Uint8Array; rows: number }> {
	const sql = `SELECT d, aar, ix, vaerdi, diskretioneret, taeller, naevner FROM (${keyFigureRowsSql('kommune_kode = $1')})`;
	const parts: { d: Int32Array; aar: Int16Array; ix: Uint8Array; flags: Uint8Array; values: Float64Array[]; valid: Uint8Array[] }[] = [];
	for await (const chunk of readChunks(connection, sql, [kode])) {
		const [d, aar, ix, vaerdi, flags, taeller, naevner] = chunk.columns;
		const numbers = [vaerdi, taeller, naevner] as Float64Array[];
		const masks = [chunk.validity[3], chunk.validity[5], chunk.validity[6]];
		parts.push({
			d: (d as Int32Array).slice(),
			aar: (aar as Int16Array).slice(),
			ix: (ix as Uint8Array).slice(),
			flags: (flags as Uint8Array).slice(),
			values: numbers.map((v) => v.slice()),
			valid: masks.map((mask) => Uint8Array.from({ length: chunk.rows }, (_, r) => (isValid(mask ?? null, r) ? 1 : 0)))
		});
	}
	const rows = parts.reduce((n, p) => n + p.d.length, 0);
	const d = concat(Int32Array, parts.map((p) => p.d), rows);
	const ix = concat(Uint8Array, parts.map((p) => p.ix), rows);
	const number = (k: number) =>
		float64Column(
			['vaerdi', 'taeller', 'naevner'][k]!,
			concat(Float64Array, parts.map((p) => p.values[k]!), rows),
			concat(Uint8Array, parts.map((p) => p.valid[k]!), rows)
		);
	const bytes = ipcStream([
		utf8FromCodes('afdeling_id', d, ids.departments),
		int16Column('aar', concat(Int16Array, parts.map((p) => p.aar), rows)),
		utf8FromCodes('indikator', ix, ids.indicators),
		number(0),
		boolColumn('diskretioneret', concat(Uint8Array, parts.map((p) => p.flags), rows)),
		number(1),
		number(2)
	]);
	return { bytes, rows };
}

type Typed = Int32Array | Int16Array | Uint8Array | Float64Array;

function concat<T extends Typed>(make: new (length: number) => T, parts: readonly T[], length: number): T {
	const out = new make(length);
	let offset = 0;
	for (const p of parts) {
		out.set(p as never, offset);
		offset += p.length;
	}
	return out;
}
