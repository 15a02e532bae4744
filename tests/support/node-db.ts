/**
 * The browser database's tables in Node: @duckdb/node-api loaded with a municipality's Arrow IPC
 * files through the same schema and copy SQL as src/lib/db/municipality.ts, so the dashboard's
 * queries run unchanged in unit tests.
 *
 * DuckDB's Node package cannot read Arrow IPC offline (that is the nanoarrow extension), so the
 * stream is decoded with apache-arrow and appended row by row into the staging table.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { DataType, tableFromIPC, type Field } from 'apache-arrow';
import { TABLE_FILES } from '../../src/lib/core/output-contract.ts';
import { TABLE_NAMES, copyFromStageSql, createTableSql, dropStageSql, stageName } from '../../src/lib/db/schema.ts';
import type { QueryRunner, Row } from '../../src/lib/db/runner.ts';

export interface NodeDb {
	run: QueryRunner;
	connection: DuckDBConnection;
	load(outDir: string, kode: string): Promise<void>;
	close(): void;
}

export async function openNodeDb(): Promise<NodeDb> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const run: QueryRunner = async (sql, params) => {
		const reader = await connection.runAndReadAll(sql, [...params]);
		return reader.getRowObjectsJS() as Row[];
	};
	return {
		run,
		connection,
		async load(outDir, kode) {
			for (const table of TABLE_NAMES) {
				const bytes = readFileSync(join(outDir, TABLE_FILES[table].web(kode)));
				await connection.run(createTableSql(table));
				await connection.run(dropStageSql(table));
				await stage(connection, stageName(table), bytes);
				await connection.run(copyFromStageSql(table));
				await connection.run(dropStageSql(table));
			}
		},
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}

type Append = (appender: DuckDBAppender, value: unknown) => void;

function columnFor(field: Field): [sqlType: string, append: Append] {
	const type = field.type;
	if (DataType.isUtf8(type) || DataType.isLargeUtf8(type) || DataType.isDictionary(type)) {
		return ['VARCHAR', (a, v) => a.appendVarchar(String(v))];
	}
	if (DataType.isBool(type)) return ['BOOLEAN', (a, v) => a.appendBoolean(Boolean(v))];
	if (DataType.isInt(type)) {
		return type.bitWidth === 64
			? ['BIGINT', (a, v) => a.appendBigInt(BigInt(v as bigint | number))]
			: ['INTEGER', (a, v) => a.appendInteger(Number(v))];
	}
	if (DataType.isFloat(type)) return ['DOUBLE', (a, v) => a.appendDouble(Number(v))];
	throw new Error(`unsupported Arrow type for ${field.name}: ${type}`);
}

async function stage(connection: DuckDBConnection, name: string, bytes: Uint8Array): Promise<void> {
	const table = tableFromIPC(bytes);
	const columns = table.schema.fields.map((field) => ({ field, spec: columnFor(field) }));
	await connection.run(`CREATE TABLE ${name} (${columns.map((c) => `"${c.field.name}" ${c.spec[0]}`).join(', ')})`);
	const appender = await connection.createAppender(name);
	const vectors = columns.map((c) => table.getChild(c.field.name)!);
	for (let i = 0; i < table.numRows; i++) {
		for (const [j, c] of columns.entries()) {
			const value = vectors[j]!.get(i);
			if (value == null) appender.appendNull();
			else c.spec[1](appender, value);
		}
		appender.endRow();
	}
	appender.closeSync();
}
