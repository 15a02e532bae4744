/**
 * The published Parquet files, which the dashboard reads too (src/lib/db/parquet-source.ts): each
 * sorted by municipality, with row groups that never hold two municipalities' rows, so a browser
 * fetches a municipality's rows with HTTP range requests and nothing else. Written by
 * parquet-file-writer.ts (DuckDB's COPY cannot be told where a row group ends, nor write a column
 * REQUIRED) straight from the typed arrays DuckDB gives (readChunks), streamed, in the bytes
 * hyparquet-writer wrote before: snappy-compressed by the native `snappy` package, with min/max
 * statistics on the leading column.
 *
 *   afdelinger.parquet  by kommune_kode, afdeling_id
 *   noegletal.parquet   by the department's kommune_kode, then afdeling_id, aar, indikator
 *   aggregater.parquet  the country first; then each unit under its home municipality (an
 *                       organisation's or area's: where most of its departments are, ties the
 *                       lowest code), each home by niveau, enhed_id, indikator, aar
 *
 * Which rows a municipality needs is returned as row ranges (web/index.json carries them,
 * web-files.ts): its own departments and key figures, and in aggregater the country and the
 * homes of every unit it has a department in.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { SchemaElement } from 'hyparquet';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { OUTPUT_FILES, TABLE_FILES, type RowRange } from '../../src/lib/core/output-contract.ts';
import { columnsOf, TABLE_NAMES, type OutputColumn, type TableName } from '../../src/lib/core/output-schema.ts';
import { isValid, readChunks, type ResultChunk } from '../duckdb/duckdb-columns.ts';
import { sortedIndicators } from './indicator-sql.ts';
import { keyFigureRowsSql } from './key-figure-rows.ts';
import { ParquetFileWriter, TextTable, type ColumnInput } from './parquet-file-writer.ts';
import type { LoadedDepartments } from './departments.ts';

/** Rows per row group at most: a municipality with more rows gets several (national10's largest). */
export const ROW_GROUP_SIZE = 122_880;

/** The group the country's aggregate rows are written under, before every municipality. */
const COUNTRY = -1;

export type ParquetCounts = Record<TableName, number>;

export interface ParquetLayout {
	counts: ParquetCounts;
	/** Per municipality code: the row ranges of each file it needs, in file order. */
	rows: Map<string, Record<TableName, RowRange[]>>;
	/** Each file's size in bytes (a reader's range requests start from the footer at the end). */
	bytes: Record<TableName, number>;
}

type Value = string | number | boolean | null;

export async function writeParquetFiles(
	connection: DuckDBConnection,
	dir: string,
	departments: Pick<LoadedDepartments, 'rows' | 'rowMunicipality'>
): Promise<ParquetLayout> {
	const codes = (await connection.runAndReadAll('SELECT DISTINCT kix, kommune_kode FROM afdelinger ORDER BY kix')).getRows().map((r) => r[1] as string);
	const departmentIds = (await connection.runAndReadAll('SELECT afdeling_id FROM afdelinger ORDER BY d')).getColumnsJS()[0] as string[];
	const units = (await connection.runAndReadAll('SELECT niveau, enhed_id FROM units ORDER BY u')).getRows() as [string, string][];
	const indicators = sortedIndicators().map((i) => i.id);

	const afdelinger = writeDepartments(departments, join(dir, OUTPUT_FILES.departments));
	const noegletal = await writeTable(
		connection,
		join(dir, OUTPUT_FILES.keyFigures),
		'noegletal',
		// kf sorted by municipality first; the unnest and filter keep that order (checked on the way).
		`SELECT kix, d, aar, ix::INTEGER, vaerdi, diskretioneret, taeller, naevner
		FROM (${keyFigureRowsSql('(SELECT * FROM kf ORDER BY kix, d, aar)', ['kix'])})`,
		{ afdeling_id: departmentIds, indikator: indicators }
	);
	await connection.run(`CREATE OR REPLACE TEMP TABLE unit_home AS
		WITH counts AS (
			SELECT kix, 0 AS level, oix AS key, count(*) AS n FROM afdelinger WHERE oix IS NOT NULL GROUP BY ALL
			UNION ALL SELECT kix, 1, bix, count(*) FROM afdelinger GROUP BY ALL
			UNION ALL SELECT kix, 2, kix, count(*) FROM afdelinger GROUP BY ALL
		)
		SELECT u.u, coalesce(h.home, ${COUNTRY})::INTEGER AS home
		FROM units u LEFT JOIN (SELECT level, key, arg_min(kix, (-n, kix)) AS home FROM counts GROUP BY level, key) h USING (level, key)`);
	const aggregater = await writeTable(
		connection,
		join(dir, OUTPUT_FILES.aggregates),
		'aggregater',
		`SELECT h.home, g.u, g.u, g.aar, g.ix, g.vaerdi, g.antal_afdelinger, g.diskretioneret
		FROM aggregater g JOIN unit_home h USING (u) ORDER BY h.home, g.u, g.ix, g.aar`,
		{ niveau: units.map((u) => u[0]), enhed_id: units.map((u) => u[1]), indikator: indicators }
	);

	// A municipality's aggregate rows: the country's, and every home of a unit it has departments in.
	const homes = (
		await connection.runAndReadAll(`SELECT DISTINCT m.kix, h.home FROM (
			SELECT kix, 0 AS level, oix AS key FROM afdelinger WHERE oix IS NOT NULL
			UNION ALL SELECT kix, 1, bix FROM afdelinger
			UNION ALL SELECT kix, 2, kix FROM afdelinger) m
		JOIN units u USING (level, key) JOIN unit_home h USING (u) ORDER BY m.kix, h.home`)
	).getRows() as [number, number][];
	const homesOf = codes.map(() => [COUNTRY]);
	for (const [kix, home] of homes) homesOf[kix]!.push(home);

	const rows = new Map<string, Record<TableName, RowRange[]>>();
	for (const [kix, kode] of codes.entries()) {
		rows.set(kode, {
			afdelinger: afdelinger.ranges.get(kix) ?? [],
			noegletal: noegletal.ranges.get(kix) ?? [],
			aggregater: mergeRanges(homesOf[kix]!.flatMap((home) => aggregater.ranges.get(home) ?? []))
		});
	}
	const bytes = Object.fromEntries(TABLE_NAMES.map((t) => [t, statSync(join(dir, TABLE_FILES[t].parquet)).size])) as Record<TableName, number>;
	return { counts: { afdelinger: afdelinger.count, noegletal: noegletal.count, aggregater: aggregater.count }, rows, bytes };
}

/** Sorted ranges with touching ones joined: fewer, larger range requests. */
function mergeRanges(ranges: readonly RowRange[]): RowRange[] {
	const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
	const out: RowRange[] = [];
	for (const [start, end] of sorted) {
		const last = out.at(-1);
		if (last && last[1] >= start) last[1] = Math.max(last[1], end);
		else out.push([start, end]);
	}
	return out;
}

/** The Parquet schema of a table: REQUIRED where the output schema promises no NULL. */
export function parquetSchema(table: TableName): SchemaElement[] {
	const columns = columnsOf(table) as readonly OutputColumn[];
	const element = (c: OutputColumn): SchemaElement => {
		const repetition_type = c.nullable ? 'OPTIONAL' : 'REQUIRED';
		switch (c.type) {
			case 'VARCHAR':
				return { name: c.name, type: 'BYTE_ARRAY', converted_type: 'UTF8', logical_type: { type: 'STRING' }, repetition_type };
			case 'SMALLINT':
				return { name: c.name, type: 'INT32', converted_type: 'INT_16', repetition_type };
			case 'INTEGER':
				return { name: c.name, type: 'INT32', repetition_type };
			case 'DOUBLE':
				return { name: c.name, type: 'DOUBLE', repetition_type };
			case 'BOOLEAN':
				return { name: c.name, type: 'BOOLEAN', repetition_type };
		}
	};
	return [{ name: 'root', num_children: columns.length }, ...columns.map(element)];
}

/**
 * Writes one file a row group at a time: each group (municipality) gets its own row groups, cut
 * at ROW_GROUP_SIZE. Returns the row count and each group's row ranges.
 */
abstract class GroupedWriter {
	readonly ranges = new Map<number, RowRange[]>();
	count = 0;
	private readonly file: ParquetFileWriter;
	protected readonly columns: readonly OutputColumn[];
	private group: number | null = null;
	/**
	 * Text always as a dictionary in noegletal and aggregater: every id and indicator name comes
	 * back once per indicator and year (hyparquet-writer's sampling, which these files were once
	 * written with, found too few repeats in national10's large groups and wrote the ids plain).
	 * afdelinger (a row per department) is left to that sampling rule.
	 */
	protected readonly dictionary: 'always' | 'auto';

	constructor(path: string, table: TableName) {
		this.columns = columnsOf(table) as readonly OutputColumn[];
		this.dictionary = table !== 'afdelinger' ? 'always' : 'auto';
		this.file = new ParquetFileWriter(path, parquetSchema(table), 'boligbarometer');
	}

	/** Starts `group` (flushing the one before); groups must come in order (a group seen before is an error). */
	protected enter(group: number): void {
		if (group === this.group) return;
		this.flush();
		if (this.ranges.has(group)) throw new Error(`parquet-files: rows of group ${group} are not together; the query must sort by group`);
		this.group = group;
		this.ranges.set(group, []);
	}

	/** Rows buffered for the current row group. */
	protected abstract get buffered(): number;

	/**
	 * The buffered rows' columns, each as the file writer takes it (text with min/max statistics
	 * on the leading column only: readers skip row groups by it, and the index gives the dashboard
	 * its ranges); then the buffer is emptied once written.
	 */
	protected abstract take(): ColumnInput[];

	/** Empties the buffer after its row group is written. */
	protected abstract clear(): void;

	protected flush(): void {
		const rows = this.buffered;
		if (rows === 0 || this.group === null) return;
		this.file.writeRowGroup(rows, this.take());
		this.clear();
		const ranges = this.ranges.get(this.group)!;
		const last = ranges.at(-1);
		if (last && last[1] === this.count) last[1] += rows;
		else ranges.push([this.count, this.count + rows]);
		this.count += rows;
	}

	finish(): void {
		this.flush();
		this.file.finish();
	}
}

/** afdelinger's writer: whole rows of JavaScript values (few rows, mostly text). */
class RowWriter extends GroupedWriter {
	private buffer: Value[][] = this.columns.map(() => []);
	private readonly tables = this.columns.map(() => new TextTable());

	protected override get buffered(): number {
		return this.buffer[0]!.length;
	}

	protected override take(): ColumnInput[] {
		return this.columns.map((column, c): ColumnInput => {
			const values = this.buffer[c]!;
			const nulls = values.includes(null) ? Uint8Array.from(values, (v) => (v === null ? 1 : 0)) : null;
			if (column.type === 'VARCHAR') {
				const table = this.tables[c]!;
				const codes = Int32Array.from(values, (v) => (v === null ? 0 : table.code(v as string)));
				return { codes, nulls, table, dictionary: this.dictionary, statistics: c === 0 };
			}
			if (column.type === 'DOUBLE') return { values: Float64Array.from(values, (v) => (v as number | null) ?? 0), nulls };
			return { values: Int32Array.from(values, (v) => Number(v ?? 0)), nulls };
		});
	}

	protected override clear(): void {
		this.buffer = this.columns.map(() => []);
	}

	/** Adds a row of `group`. */
	push(group: number, values: readonly Value[]): void {
		this.enter(group);
		for (let c = 0; c < values.length; c++) this.buffer[c]!.push(values[c]!);
		if (this.buffered === ROW_GROUP_SIZE) this.flush();
	}
}

/**
 * noegletal's and aggregater's writer: a query's typed chunks copied into one typed array per
 * column (text as codes into a list of strings), reused from row group to row group, with a
 * flag per NULL, and handed to the file writer as they are.
 */
class ChunkWriter extends GroupedWriter {
	private readonly values: (Float64Array | Int32Array)[];
	private readonly nulls: Uint8Array[];
	private readonly nullCount: number[];
	/** Per text column: its distinct strings, each query code's code among them, and a buffer for those. */
	private readonly text: ({ table: TextTable; codeOf: Int32Array; codes: Int32Array } | null)[];
	private rows = 0;

	constructor(path: string, table: TableName, strings: Partial<Record<string, readonly string[]>>) {
		super(path, table);
		this.values = this.columns.map((c) => (c.type === 'DOUBLE' ? new Float64Array(ROW_GROUP_SIZE) : new Int32Array(ROW_GROUP_SIZE)));
		this.nulls = this.columns.map(() => new Uint8Array(ROW_GROUP_SIZE));
		this.nullCount = this.columns.map(() => 0);
		this.text = this.columns.map((c) => {
			const list = strings[c.name];
			return list ? { ...TextTable.interned(list), codes: new Int32Array(ROW_GROUP_SIZE) } : null;
		});
	}

	protected override get buffered(): number {
		return this.rows;
	}

	/** Adds rows `from` to `to` of a chunk (column 0 the group, then one column per table column), all of `group`. */
	pushChunk(group: number, chunk: ResultChunk, from: number, to: number): void {
		this.enter(group);
		while (from < to) {
			const end = Math.min(to, from + ROW_GROUP_SIZE - this.rows);
			for (let c = 0; c < this.columns.length; c++) {
				const source = chunk.columns[c + 1]!;
				const mask = chunk.validity[c + 1] ?? null;
				const target = this.values[c]!;
				target.set(source.subarray(from, end), this.rows);
				if (mask === null) continue;
				const nulls = this.nulls[c]!;
				for (let r = from, at = this.rows; r < end; r++, at++) {
					if (isValid(mask, r)) continue;
					nulls[at] = 1;
					this.nullCount[c]!++;
				}
			}
			this.rows += end - from;
			from = end;
			if (this.rows === ROW_GROUP_SIZE) this.flush();
		}
	}

	protected override take(): ColumnInput[] {
		const rows = this.rows;
		return this.columns.map((_, c): ColumnInput => {
			const values = this.values[c]!;
			const nulls = this.nullCount[c]! > 0 ? this.nulls[c]! : null;
			const text = this.text[c];
			if (!text) return { values, nulls };
			const { table, codeOf, codes } = text;
			for (let r = 0; r < rows; r++) codes[r] = codeOf[values[r]!]!;
			return { codes, nulls, table, dictionary: this.dictionary, statistics: c === 0 };
		});
	}

	protected override clear(): void {
		for (let c = 0; c < this.columns.length; c++) {
			if (this.nullCount[c]! > 0) this.nulls[c]!.fill(0, 0, this.rows);
			this.nullCount[c] = 0;
		}
		this.rows = 0;
	}
}

/**
 * Streams `sql` (first column the group, then one numeric column per table column, in order)
 * into the table's file; `strings` gives a code column's strings, by code.
 */
async function writeTable<T extends TableName>(
	connection: DuckDBConnection,
	path: string,
	table: T,
	sql: string,
	strings: Partial<Record<string, readonly string[]>>
): Promise<GroupedWriter> {
	const writer = new ChunkWriter(path, table, strings);
	for await (const chunk of readChunks(connection, sql)) {
		const group = chunk.columns[0] as Int32Array;
		let start = 0;
		while (start < chunk.rows) {
			let end = start + 1;
			while (end < chunk.rows && group[end] === group[start]) end++;
			writer.pushChunk(group[start]!, chunk, start, end);
			start = end;
		}
	}
	writer.finish();
	return writer;
}

/** afdelinger: few rows and mostly text, from the rows departments.ts kept, by kix then d. */
function writeDepartments({ rows, rowMunicipality }: Pick<LoadedDepartments, 'rows' | 'rowMunicipality'>, path: string): GroupedWriter {
	const writer = new RowWriter(path, 'afdelinger');
	const names = columnsOf('afdelinger').map((c) => c.name);
	const byMunicipality: number[][] = [];
	for (let d = 0; d < rows.length; d++) (byMunicipality[rowMunicipality[d]!] ??= []).push(d);
	for (const [kix, ds] of byMunicipality.entries()) {
		for (const d of ds ?? []) writer.push(kix, names.map((name) => rows[d]![name]));
	}
	writer.finish();
	return writer;
}
