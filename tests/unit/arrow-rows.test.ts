/**
 * rowsOf turns a query's Arrow table into plain rows: every column's value in every row, nulls as
 * null, across more than one record batch (DuckDB-WASM answers a large query in batches of 2,048
 * rows), with the columns in the query's order.
 */
import { Bool, Float64, Table, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { rowsOf } from '../../src/lib/db/arrow-rows.ts';

describe('rowsOf', () => {
	it('gives each row its values by column name, nulls as null', () => {
		const table = new Table({
			afdeling_id: vectorFromArray(['1001-001', 'Æblehaven "2" <script>', null], new Utf8()),
			vaerdi: vectorFromArray([12.5, null, -0.25], new Float64()),
			diskretioneret: vectorFromArray([false, true, null], new Bool())
		});
		expect(rowsOf(table)).toEqual([
			{ afdeling_id: '1001-001', vaerdi: 12.5, diskretioneret: false },
			{ afdeling_id: 'Æblehaven "2" <script>', vaerdi: null, diskretioneret: true },
			{ afdeling_id: null, vaerdi: -0.25, diskretioneret: null }
		]);
		expect(Object.keys(rowsOf(table)[0]!)).toEqual(['afdeling_id', 'vaerdi', 'diskretioneret']);
	});

	it('reads every record batch in order', () => {
		const part = (aar: number[], indikator: string[]) =>
			new Table({ aar: vectorFromArray(aar, new Float64()), indikator: vectorFromArray(indikator, new Utf8()) });
		const table = part([2021, 2022], ['a', 'b']).concat(part([2023], ['c']));
		expect(table.batches.length).toBe(2);
		expect(rowsOf(table)).toEqual([
			{ aar: 2021, indikator: 'a' },
			{ aar: 2022, indikator: 'b' },
			{ aar: 2023, indikator: 'c' }
		]);
	});

	it('gives no rows for an empty answer', () => {
		const table = new Table({ aar: vectorFromArray([], new Float64()) });
		expect(rowsOf(table)).toEqual([]);
	});
});
