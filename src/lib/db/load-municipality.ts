/**
 * A municipality's rows into the database: from each published Parquet file the row ranges the
 * index gives for it (parquet-rows.ts), staged and copied into the shared tables (schema.ts).
 * The files are read and decoded while the database starts; inserts go one table at a time.
 * Separate from municipality.ts (which fetches over HTTP, decodes in a worker and keeps one load
 * per municipality) so tests run this very code on files on disk and a Node database.
 */
import type { Table } from 'apache-arrow';
import type { RowRange } from '../core/output-contract.ts';
import { TABLE_FILES } from '../core/output-contract.ts';
import { DataFileError } from '../data/data-error.ts';
import { readParquetRows, type ParquetFile } from './parquet-rows.ts';
import { TABLE_NAMES, copyFromStageSql, createTableSql, dropStageSql, stageName, type TableName } from './schema.ts';

/**
 * What loading needs of a database: DDL written by schema.ts, and a table's rows (as the reader
 * gives them: an Arrow table, or the browser's Arrow IPC bytes) inserted as a new table.
 */
export interface LoadTarget<R> {
	exec(sql: string): Promise<void>;
	insert(name: string, rows: R): Promise<void>;
}

/** A table's rows of the municipality, read and decoded. */
export type ReadTable<R> = (table: TableName) => Promise<R>;

/** Reads the rows in this thread from the files (Node's tests; the browser when its worker cannot). */
export function readFromFiles(files: Record<TableName, ParquetFile>, ranges: Record<TableName, readonly RowRange[]>): ReadTable<Table> {
	return (table) =>
		readParquetRows(files[table], table, ranges[table]).catch((cause: unknown) => {
			throw asDataFileError(table, cause);
		});
}

/** A read's failure as the page reports it: a DataFileError as it is, else the file is not what the pipeline writes. */
export function asDataFileError(table: TableName, cause: unknown): DataFileError {
	return cause instanceof DataFileError ? cause : new DataFileError(TABLE_FILES[table].parquet, 'corrupt', { cause });
}

export async function loadMunicipality<R, D extends LoadTarget<R>>(database: Promise<D>, read: ReadTable<R>): Promise<D> {
	const [db, ...tables] = await Promise.all([database, ...TABLE_NAMES.map(read)]);
	for (const [i, table] of TABLE_NAMES.entries()) {
		try {
			await db.exec(createTableSql(table));
			await db.exec(dropStageSql(table));
			await db.insert(stageName(table), tables[i]!);
			await db.exec(copyFromStageSql(table));
		} catch (cause) {
			throw new DataFileError(TABLE_FILES[table].parquet, 'corrupt', { cause });
		} finally {
			await db.exec(dropStageSql(table)).catch(() => undefined);
		}
	}
	return db;
}
