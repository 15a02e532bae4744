/**
 * The output schema (src/lib/core/output-schema.ts) against everything that must agree with it:
 * the Parquet files a small ingest writes (DESCRIBE; REQUIRED where no NULL is promised), the
 * browser's DDL (DESCRIBE of the created tables), the row decoder, and the column tables
 * in data/README.md, which are rendered from the schema (on a mismatch the expected table is in
 * the failure message: paste it into the README).
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build } from '../../pipelines/build/build.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { TABLE_FILES } from '../../src/lib/core/output-contract.ts';
import { OUTPUT_SCHEMA, TABLE_NAMES, columnsOf, decodeRow, type OutputColumn, type TableName } from '../../src/lib/core/output-schema.ts';
import { createTableSql } from '../../src/lib/db/schema.ts';
import { smallInput } from './small-input.ts';

let dir: string;
let db: DuckDBConnection;
const out = () => join(dir, 'out');
const expected = (table: TableName) => columnsOf(table).map((c) => [c.name, c.type]);
/** DESCRIBE's `null` column says YES where a column may hold NULL, NO where it is NOT NULL. */
const expectedWithNulls = (table: TableName) => columnsOf(table).map((c) => [c.name, c.type, c.nullable ? 'YES' : 'NO']);
const describeSql = async (sql: string) =>
	(await db.runAndReadAll(`DESCRIBE ${sql}`)).getRowObjectsJS().map((r) => [r.column_name, r.column_type]);
const describeWithNulls = async (sql: string) =>
	(await db.runAndReadAll(`DESCRIBE ${sql}`)).getRowObjectsJS().map((r) => [r.column_name, r.column_type, r.null]);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-schema-'));
	await build(smallInput, out(), silentReporter);
	db = await (await DuckDBInstance.create()).connect();
});

afterAll(() => {
	db?.closeSync();
	rmSync(dir, { recursive: true, force: true });
});

describe.each(TABLE_NAMES)('%s', (table) => {
	it('the Parquet file has the schema columns, in order, with their types, and no NULL where the schema forbids it', async () => {
		const parquet = `read_parquet('${join(out(), TABLE_FILES[table].parquet)}')`;
		expect(await describeSql(`SELECT * FROM ${parquet}`)).toEqual(expected(table));
		// Parquet columns are always optional, so the promise is checked on the values.
		const notNull = columnsOf(table).filter((c) => !c.nullable);
		const nulls = (
			await db.runAndReadAll(`SELECT ${notNull.map((c) => `count(*) FILTER (WHERE ${c.name} IS NULL)`).join(', ')} FROM ${parquet}`)
		)
			.getRowsJS()[0]!
			.map(Number);
		expect(Object.fromEntries(notNull.map((c, i) => [c.name, nulls[i]]))).toEqual(Object.fromEntries(notNull.map((c) => [c.name, 0])));
	});

	it("the browser's DDL creates the schema columns, in order, with their types and NOT NULL where the schema says so", async () => {
		await db.run(createTableSql(table));
		expect(await describeWithNulls(table)).toEqual(expectedWithNulls(table));
		// NOT NULL holds: a row with NULL in every column is refused.
		await expect(db.run(`INSERT INTO ${table} DEFAULT VALUES`)).rejects.toThrow(/NOT NULL/);
	});

	it('the Parquet columns are REQUIRED exactly where the schema promises no NULL', async () => {
		const rows = (
			await db.runAndReadAll(
				`SELECT name, repetition_type FROM parquet_schema('${join(out(), TABLE_FILES[table].parquet)}') WHERE num_children IS NULL`
			)
		).getRows();
		expect(rows).toEqual(columnsOf(table).map((c) => [c.name, c.nullable ? 'OPTIONAL' : 'REQUIRED']));
	});

	it('the row decoder gives every column and no other', async () => {
		const rows = (await db.runAndReadAll(`SELECT * FROM read_parquet('${join(out(), TABLE_FILES[table].parquet)}')`)).getRowObjectsJS();
		expect(rows.length).toBeGreaterThan(0);
		for (const row of rows) expect(decodeRow(table, row)).toEqual(row);
	});

	it('data/README.md shows the column table rendered from the schema', () => {
		const readme = readFileSync('data/README.md', 'utf8');
		const table_ = markdownTable(OUTPUT_SCHEMA[table]);
		expect(readme.includes(`<!-- schema: ${table} -->\n${table_}\n`), `data/README.md, after <!-- schema: ${table} -->:\n${table_}`).toBe(
			true
		);
	});
});

it('lists the fixed values of a column where the row type narrows them', () => {
	const values = (table: TableName, name: string) => (columnsOf(table) as readonly OutputColumn[]).find((c) => c.name === name)?.values;
	// indikator is open: a municipality's own indicators (indikatorer.csv) are rows like the seven.
	expect(values('noegletal', 'indikator')).toBeUndefined();
	expect(values('aggregater', 'niveau')).toEqual(['omraade', 'boligorganisation', 'kommune', 'land']);
});

/** The column table of data/README.md: name, type (with "kan være NULL"), Danish / *English*. */
function markdownTable(columns: readonly OutputColumn[]): string {
	const values = ({ values }: OutputColumn) => values?.map((v) => `\`${v}\``).join(', ') ?? '';
	const content = (c: OutputColumn) =>
		[[values(c), c.da].filter(Boolean).join('; '), c.en && c.en !== c.da ? `*${c.en}*` : ''].filter(Boolean).join(' / ');
	return [
		'| kolonne / column | type | indhold / content |',
		'| --- | --- | --- |',
		...columns.map((c) => `| \`${c.name}\` | ${c.type}${c.nullable ? ', kan være NULL' : ''} | ${content(c)} |`.replace(/ +\|$/, ' |'))
	].join('\n');
}
