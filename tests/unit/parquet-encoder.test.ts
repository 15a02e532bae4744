/**
 * The Parquet encoder's worker thread (pipelines/build/parquet-encoder.ts, parquet-worker.mjs):
 * a file it writes is byte for byte the file hyparquet-writer writes on the calling thread from
 * the same values (text from codes, booleans from 0/1, numbers with NULLs from flags), row groups
 * in the order sent; and a failure in the worker fails the run instead of being lost.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SchemaElement } from 'hyparquet';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { compressSync } from 'snappy';
import { afterAll, describe, expect, it } from 'vitest';
import { ParquetEncoder } from '../../pipelines/build/parquet-encoder.ts';

const dir = mkdtempSync(join(tmpdir(), 'parquet-encoder-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const schema: SchemaElement[] = [
	{ name: 'root', num_children: 4 },
	{ name: 'id', type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type: 'REQUIRED' },
	{ name: 'aar', type: 'INT32', converted_type: 'INT_16', repetition_type: 'REQUIRED' },
	{ name: 'vaerdi', type: 'DOUBLE', repetition_type: 'OPTIONAL' },
	{ name: 'skjult', type: 'BOOLEAN', repetition_type: 'REQUIRED' }
];
const ids = ['0101-001', 'Ærø "afd" <script>', '😀 æøå'];

describe('ParquetEncoder', () => {
	it('writes the bytes hyparquet-writer writes on the calling thread', async () => {
		// Two row groups: the first with a NULL in vaerdi, the second without.
		const groups = [
			{ codes: [0, 1, 1, 2], aar: [2020, 2021, 2022, 2023], vaerdi: [1.5, NaN, -0, 1e300], nulls: [0, 1, 0, 0], skjult: [0, 1, 0, 1] },
			{ codes: [2, 0], aar: [2024, 2025], vaerdi: [0.1, 2], nulls: [0, 0], skjult: [1, 1] }
		];
		const expected = join(dir, 'expected.parquet');
		const direct = new ParquetWriter({
			writer: fileWriter(expected),
			schema,
			createdBy: 'boligbarometer',
			compressors: { SNAPPY: (bytes: Uint8Array) => compressSync(bytes) }
		});
		for (const g of groups) {
			void direct.write({
				columnData: [
					{ name: 'id', data: g.codes.map((c) => ids[c]!), encoding: 'RLE_DICTIONARY', statistics: true },
					{ name: 'aar', data: g.aar, encoding: 'PLAIN', statistics: false },
					{ name: 'vaerdi', data: g.vaerdi.map((v, r) => (g.nulls[r] ? null : v)), encoding: 'PLAIN', statistics: false },
					{ name: 'skjult', data: g.skjult.map((v) => v !== 0), encoding: 'PLAIN', statistics: false }
				],
				rowGroupSize: g.codes.length,
				pageSize: 0
			});
		}
		void direct.finish();

		const actual = join(dir, 'actual.parquet');
		const encoder = new ParquetEncoder();
		try {
			const file = encoder.open(actual, schema, [
				{ name: 'id', decode: ids, encoding: 'RLE_DICTIONARY', statistics: true },
				{ name: 'aar', decode: 'number', encoding: 'PLAIN', statistics: false },
				{ name: 'vaerdi', decode: 'number', encoding: 'PLAIN', statistics: false },
				{ name: 'skjult', decode: 'boolean', encoding: 'PLAIN', statistics: false }
			]);
			for (const g of groups) {
				const hasNull = g.nulls.some((n) => n === 1);
				encoder.write(file, {
					rows: g.codes.length,
					data: [Int32Array.from(g.codes), Int32Array.from(g.aar), Float64Array.from(g.vaerdi), Int32Array.from(g.skjult)],
					nulls: [null, null, hasNull ? Uint8Array.from(g.nulls) : null, null]
				});
			}
			await encoder.finish(file);
		} finally {
			await encoder.close();
		}
		const bytes = readFileSync(actual);
		expect(bytes.length).toBeGreaterThan(100);
		expect(bytes.equals(readFileSync(expected))).toBe(true);
	});

	it('fails the file when the worker cannot write it', async () => {
		const encoder = new ParquetEncoder();
		try {
			const file = encoder.open(join(dir, 'no-such-folder', 'x.parquet'), schema, []);
			await expect(encoder.finish(file)).rejects.toThrow(/Parquet-kodningen fejlede: .*no-such-folder/s);
		} finally {
			await encoder.close();
		}
	});
});
