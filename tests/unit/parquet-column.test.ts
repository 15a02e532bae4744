/**
 * The Parquet file writer of the published files (pipelines/build/parquet-file-writer.ts and its
 * encodings, parquet-encoding.ts): the RLE/bit-packed hybrid against bytes worked out by hand, and
 * whole files against hyparquet-writer 0.17, which wrote these files before and which the writer
 * promises to match byte for byte (with the options parquet-files.ts gave it: one page per
 * column chunk, snappy, PLAIN numbers and booleans, text as a dictionary always or by its own
 * rule, min/max on the leading column), on seeded random row groups with NULLs, hostile text
 * and one-value dictionaries. Read back with hyparquet, the rows are the ones written.
 */
import fc from 'fast-check';
import type { SchemaElement } from 'hyparquet';
import { parquetReadObjects } from 'hyparquet';
import { ParquetWriter, fileWriter } from 'hyparquet-writer';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compressSync } from 'snappy';
import { afterAll, describe, expect, it } from 'vitest';
import { Bytes, writeHybrid } from '../../pipelines/build/parquet-encoding.ts';
import { ParquetFileWriter, TextTable, type ColumnInput } from '../../pipelines/build/parquet-file-writer.ts';

const dir = mkdtempSync(join(tmpdir(), 'boligbarometer-parquet-column-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const hybrid = (values: number[], bitWidth: number) => {
	const out = new Bytes();
	writeHybrid(out, Int32Array.from(values), values.length, bitWidth);
	return [...out.view()];
};

describe('the RLE/bit-packed hybrid', () => {
	it('writes a run of 8 or more as an RLE run: its length doubled as a varint, then the value in whole bytes', () => {
		expect(hybrid([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], 1)).toEqual([20, 1]);
		// 300 × 5 at 3 bits: 600 = 0b100_1011000 → varint 0xd8 0x04; the value in one byte.
		expect(hybrid(Array(300).fill(5), 3)).toEqual([0xd8, 0x04, 5]);
		// 9 bits take two bytes, the low one first.
		expect(hybrid(Array(8).fill(258), 9)).toEqual([16, 2, 1]);
	});

	it('packs anything shorter in groups of 8, the first value in the lowest bits, the last group padded with zeros', () => {
		// Two groups (header 2 << 1 | 1 = 5): 0,1,0,1,0,1,0,1 → 0b10101010; then 1 and seven zeros.
		expect(hybrid([0, 1, 0, 1, 0, 1, 0, 1, 1], 1)).toEqual([5, 0xaa, 0x01]);
		// At 2 bits: 3,0,1,2 → 0b10_01_00_11 = 0x93; 2,1,0,3 → 0b11_00_01_10 = 0xc6.
		expect(hybrid([3, 0, 1, 2, 2, 1, 0, 3], 2)).toEqual([3, 0x93, 0xc6]);
		// Bit width 0 (a one-value dictionary): the header alone.
		expect(hybrid([0, 0, 0], 0)).toEqual([3]);
	});

	it('checks for a run only where a group of 8 would start, as hyparquet-writer does', () => {
		// 1, then nine 0s: the run starting at index 1 is inside the first group; the second group
		// starts at index 8 (two 0s: too short), so both are packed.
		expect(hybrid([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], 1)).toEqual([5, 0x01, 0x00]);
		// Eight 1s, then a run of 0s: RLE, RLE.
		expect(hybrid([...Array(8).fill(1), ...Array(8).fill(0)], 1)).toEqual([16, 1, 16, 0]);
	});
});

type Kind = 'text' | 'int' | 'short' | 'double' | 'bool';
interface Spec {
	name: string;
	kind: Kind;
	nullable: boolean;
}
const SCHEMA: Spec[] = [
	{ name: 'id', kind: 'text', nullable: false },
	{ name: 'navn', kind: 'text', nullable: true },
	{ name: 'aar', kind: 'short', nullable: false },
	{ name: 'antal', kind: 'int', nullable: true },
	{ name: 'vaerdi', kind: 'double', nullable: true },
	{ name: 'flag', kind: 'bool', nullable: false },
	{ name: 'x', kind: 'double', nullable: false }
];

function schemaOf(specs: Spec[]): SchemaElement[] {
	const element = ({ name, kind, nullable }: Spec): SchemaElement => {
		const repetition_type = nullable ? 'OPTIONAL' : 'REQUIRED';
		if (kind === 'text') return { name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type };
		if (kind === 'short') return { name, type: 'INT32', converted_type: 'INT_16', repetition_type };
		if (kind === 'int') return { name, type: 'INT32', repetition_type };
		if (kind === 'double') return { name, type: 'DOUBLE', repetition_type };
		return { name, type: 'BOOLEAN', repetition_type };
	};
	return [{ name: 'root', num_children: specs.length }, ...specs.map(element)];
}

const WORDS = ['0101-001', 'Ærø', '<script>alert(1)</script>', 'a "quoted" \'name\'', '😀 emoji', 'æøå', '', 'x'.repeat(40), 'Zz', 'b'];

type Cell = string | number | boolean | null;
/** A row group's columns as JavaScript values. */
type Group = Cell[][];

function cellOf(spec: Spec, distinct: number): fc.Arbitrary<Cell> {
	if (spec.kind === 'text') return fc.constantFrom(...WORDS.slice(0, distinct));
	if (spec.kind === 'short') return fc.integer({ min: 2010, max: 2025 });
	if (spec.kind === 'int') return fc.integer({ min: -5, max: 100_000 });
	if (spec.kind === 'bool') return fc.boolean();
	return fc.oneof(fc.double({ noNaN: true }), fc.constantFrom(0, -0, 1.5, 1e-300));
}

const groupArb = fc.integer({ min: 1, max: 70 }).chain((rows) =>
	fc.tuple(
		...SCHEMA.map((spec) =>
			fc.integer({ min: 1, max: WORDS.length }).chain((distinct) =>
				fc.array(spec.nullable ? fc.option(cellOf(spec, distinct), { freq: 3, nil: null }) : cellOf(spec, distinct), {
					minLength: rows,
					maxLength: rows
				})
			)
		)
	)
);

/** The file as hyparquet-writer writes it with parquet-files.ts's former options. */
function writeWithHyparquet(path: string, groups: Group[], dictionary: 'always' | 'auto'): void {
	const writer = new ParquetWriter({
		writer: fileWriter(path),
		schema: schemaOf(SCHEMA),
		createdBy: 'boligbarometer',
		compressors: { SNAPPY: (b: Uint8Array) => compressSync(b) }
	});
	for (const group of groups) {
		void writer.write({
			columnData: SCHEMA.map((spec, i) => ({
				name: spec.name,
				data: group[i]!,
				...(spec.kind !== 'text' ? { encoding: 'PLAIN' as const } : dictionary === 'always' ? { encoding: 'RLE_DICTIONARY' as const } : {}),
				statistics: i === 0
			})),
			rowGroupSize: group[0]!.length,
			pageSize: 0
		});
	}
	void writer.finish();
}

/** The same file by ParquetFileWriter, from typed arrays and codes. */
function writeWithOurs(path: string, groups: Group[], dictionary: 'always' | 'auto'): void {
	const file = new ParquetFileWriter(path, schemaOf(SCHEMA), 'boligbarometer');
	const tables = SCHEMA.map(() => new TextTable());
	for (const group of groups) {
		const rows = group[0]!.length;
		file.writeRowGroup(
			rows,
			SCHEMA.map((spec, i): ColumnInput => {
				const cells = group[i]!;
				const nulls = cells.includes(null) ? Uint8Array.from(cells, (v) => (v === null ? 1 : 0)) : null;
				if (spec.kind === 'text') {
					const codes = Int32Array.from(cells, (v) => (v === null ? 0 : tables[i]!.code(v as string)));
					return { codes, nulls, table: tables[i]!, dictionary, statistics: i === 0 };
				}
				if (spec.kind === 'double') return { values: Float64Array.from(cells, (v) => (v as number | null) ?? 0), nulls };
				return { values: Int32Array.from(cells, (v) => Number(v ?? 0)), nulls };
			})
		);
	}
	file.finish();
}

const bytesOf = (path: string) => new Uint8Array(readFileSync(path));
const buffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;

describe('ParquetFileWriter against hyparquet-writer', () => {
	let n = 0;
	for (const dictionary of ['always', 'auto'] as const) {
		it(`writes the same bytes (text dictionary: ${dictionary}), and the rows read back`, async () => {
			await fc.assert(
				fc.asyncProperty(fc.array(groupArb, { minLength: 1, maxLength: 4 }), async (groups) => {
					const theirs = join(dir, `theirs-${n}.parquet`);
					const ours = join(dir, `ours-${n++}.parquet`);
					writeWithHyparquet(theirs, groups, dictionary);
					writeWithOurs(ours, groups, dictionary);
					expect(bytesOf(ours)).toEqual(bytesOf(theirs));
					const rows = await parquetReadObjects({ file: buffer(bytesOf(ours)) });
					const expected = groups.flatMap((g) => g[0]!.map((_, r) => Object.fromEntries(SCHEMA.map((s, i) => [s.name, g[i]![r] ?? null]))));
					expect(rows).toEqual(expected);
				}),
				{ numRuns: 60, seed: 20261130 }
			);
		});
	}

	it('takes auto text as a dictionary where it halves the size and as plain values where it does not', async () => {
		// 40 rows of one short word: a dictionary. 40 distinct words (WORDS and numbered ones): plain.
		const repeated: Group = SCHEMA.map((s) => Array(40).fill(s.kind === 'text' ? 'Ærø' : s.kind === 'bool' ? true : 1));
		const distinct: Group = SCHEMA.map((s, i) =>
			Array.from({ length: 40 }, (_, r) =>
				s.kind === 'text' ? `${WORDS[r % WORDS.length]}-${r}-${i}` : s.kind === 'bool' ? r % 3 === 0 : r
			)
		);
		const path = join(dir, 'auto.parquet');
		writeWithOurs(path, [repeated, distinct], 'auto');
		writeWithHyparquet(join(dir, 'auto-theirs.parquet'), [repeated, distinct], 'auto');
		expect(bytesOf(path)).toEqual(bytesOf(join(dir, 'auto-theirs.parquet')));
		const { parquetMetadata } = await import('hyparquet');
		const meta = parquetMetadata(buffer(bytesOf(path)));
		expect(meta.row_groups[0]!.columns[1]!.meta_data!.encodings).toEqual(['PLAIN', 'RLE_DICTIONARY']);
		expect(meta.row_groups[1]!.columns[1]!.meta_data!.encodings).toEqual(['PLAIN']);
		// Min/max of the leading column in UTF-8 byte order: of the ids made from '' ('-6-0', '-16-0',
		// '-26-0', '-36-0'), '-16-0' is first; '😀 emoji-4-0' (F0 9F …) is last, above 'Ærø' and 'æøå' (C3 …).
		const stats = meta.row_groups[1]!.columns[0]!.meta_data!.statistics!;
		expect([stats.min_value, stats.max_value]).toEqual(['-16-0', '😀 emoji-4-0']);
	});

	it('refuses a NULL in a REQUIRED column', () => {
		const file = new ParquetFileWriter(
			join(dir, 'bad.parquet'),
			schemaOf([{ name: 'x', kind: 'double', nullable: false }]),
			'boligbarometer'
		);
		expect(() => file.writeRowGroup(2, [{ values: new Float64Array(2), nulls: Uint8Array.of(0, 1) }])).toThrow(
			/NULL in the REQUIRED column x/
		);
	});
});
