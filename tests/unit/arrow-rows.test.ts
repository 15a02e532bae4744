/**
 * rowsOf turns a query's Arrow table into plain rows: every column's value in every row, nulls as
 * null, across more than one record batch (DuckDB-WASM answers a large query in batches of 2,048
 * rows), with the columns in the query's order.
 */
import { Bool, Float32, Float64, Int16, Int32, Int64, Table, Utf8, vectorFromArray } from 'apache-arrow';
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

	it('reads integers, floats and repeated or empty texts, the same in each batch', () => {
		const part = (aar: (number | null)[], indikator: (string | null)[], vaerdi: (number | null)[]) =>
			new Table({
				aar: vectorFromArray(aar, new Int16()),
				antal: vectorFromArray(
					aar.map((a) => (a == null ? null : a * 1000)),
					new Int32()
				),
				indikator: vectorFromArray(indikator, new Utf8()),
				vaerdi: vectorFromArray(vaerdi, new Float32())
			});
		const table = part([2021, 2021, null], ['ledighed', 'ledighed', ''], [0.5, null, 1.25]).concat(
			part([2023, 2024], ['', 'ærø 🏠'], [-2, 3])
		);
		expect(rowsOf(table)).toEqual([
			{ aar: 2021, antal: 2021000, indikator: 'ledighed', vaerdi: 0.5 },
			{ aar: 2021, antal: 2021000, indikator: 'ledighed', vaerdi: null },
			{ aar: null, antal: null, indikator: '', vaerdi: 1.25 },
			{ aar: 2023, antal: 2023000, indikator: '', vaerdi: -2 },
			{ aar: 2024, antal: 2024000, indikator: 'ærø 🏠', vaerdi: 3 }
		]);
	});

	it('reads a batch that starts inside its buffers (a slice), nulls and booleans included', () => {
		const table = new Table({
			id: vectorFromArray(['a', null, 'b', 'b', 'c', null, 'd', 'e', 'f', 'g'], new Utf8()),
			flag: vectorFromArray([true, false, null, true, true, false, false, true, null, true], new Bool()),
			n: vectorFromArray([1, 2, 3, null, 5, 6, 7, 8, 9, 10], new Int32())
		}).slice(3, 10);
		expect(rowsOf(table)).toEqual([
			{ id: 'b', flag: true, n: null },
			{ id: 'c', flag: true, n: 5 },
			{ id: null, flag: false, n: 6 },
			{ id: 'd', flag: false, n: 7 },
			{ id: 'e', flag: true, n: 8 },
			{ id: 'f', flag: null, n: 9 },
			{ id: 'g', flag: true, n: 10 }
		]);
	});

	it('reads other types through the vector, as apache-arrow gives them', () => {
		const table = new Table({ big: vectorFromArray([1n, null, 3n], new Int64()) });
		expect(rowsOf(table)).toEqual([{ big: 1n }, { big: null }, { big: 3n }]);
	});

	it('gives no rows for an empty answer', () => {
		const table = new Table({ aar: vectorFromArray([], new Float64()) });
		expect(rowsOf(table)).toEqual([]);
	});
});
