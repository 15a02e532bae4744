/**
 * The browser database's tables in Node: @duckdb/node-api loaded through the dashboard's own
 * loader (src/lib/db/load-municipality.ts: hyparquet reads the municipality's row ranges from
 * the Parquet files the index names, the schema's stage-and-copy SQL puts them in), so the
 * dashboard's queries run unchanged in unit tests on the files the pipeline wrote.
 *
 * Only the last step differs from the browser: DuckDB's Node package cannot insert an Arrow
 * table (DuckDB-WASM inserts its IPC bytes), so the decoded table is appended row by row.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { DataType, type Field, type Table } from 'apache-arrow';
import { WEB_FILES, type WebIndex } from '../../src/lib/core/output-contract.ts';
import { loadMunicipality, readFromFiles, type LoadTarget } from '../../src/lib/db/load-municipality.ts';
import type { QueryRunner, Row } from '../../src/lib/db/runner.ts';
import { openParquetFiles } from './parquet-files.ts';

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
	const target: LoadTarget<Table> = {
		exec: async (sql) => void (await connection.run(sql)),
		insert: (name, table) => append(connection, name, table)
	};
	return {
		run,
		connection,
		async load(outDir, kode) {
			const index = JSON.parse(readFileSync(join(outDir, WEB_FILES.index), 'utf8')) as WebIndex;
			const files = await openParquetFiles(outDir);
			const ranges = index.raekker[kode];
			if (!ranges) throw new Error(`${kode} is not in ${join(outDir, WEB_FILES.index)}`);
			await loadMunicipality(Promise.resolve(target), readFromFiles(files, ranges));
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
	if (DataType.isUtf8(type)) return ['VARCHAR', (a, v) => a.appendVarchar(String(v))];
	if (DataType.isBool(type)) return ['BOOLEAN', (a, v) => a.appendBoolean(Boolean(v))];
	if (DataType.isInt(type) && type.bitWidth <= 32) return ['INTEGER', (a, v) => a.appendInteger(Number(v))];
	if (DataType.isFloat(type)) return ['DOUBLE', (a, v) => a.appendDouble(Number(v))];
	throw new Error(`unsupported Arrow type for ${field.name}: ${type}`);
}

/** What insertArrowTable does in DuckDB-WASM: a new table with the Arrow table's columns and rows. */
async function append(connection: DuckDBConnection, name: string, table: Table): Promise<void> {
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
