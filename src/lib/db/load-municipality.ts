/**
 * A municipality's rows into the database: from each published Parquet file the row ranges the
 * index gives for it (parquet-rows.ts), staged and copied into the shared tables (schema.ts).
 * The files are read and decoded while the database starts; inserts go one table at a time.
 * Separate from municipality.ts (which fetches over HTTP and keeps one load per municipality)
 * so tests run this very code on files on disk and a Node database.
 */
import type { Table } from 'apache-arrow';
import type { RowRange } from '../core/output-contract.ts';
import { TABLE_FILES } from '../core/output-contract.ts';
import { DataFileError } from '../data/data-error.ts';
import { readParquetRows, type ParquetFile } from './parquet-rows.ts';
import { TABLE_NAMES, copyFromStageSql, createTableSql, dropStageSql, stageName, type TableName } from './schema.ts';

/** What loading needs of a database: DDL written by schema.ts, and an Arrow table inserted as a new table. */
export interface LoadTarget {
	exec(sql: string): Promise<void>;
	insertArrowTable(name: string, table: Table): Promise<void>;
}

export async function loadMunicipality<D extends LoadTarget>(
	database: Promise<D>,
	files: Record<TableName, ParquetFile>,
	ranges: Record<TableName, readonly RowRange[]>
): Promise<D> {
	const read = (table: TableName) =>
		readParquetRows(files[table], table, ranges[table]).catch((cause: unknown) => {
			if (cause instanceof DataFileError) throw cause;
			// Not Parquet, or missing a contract column: the file is not what the pipeline writes.
			throw new DataFileError(TABLE_FILES[table].parquet, 'corrupt', { cause });
		});
	const [db, ...tables] = await Promise.all([database, ...TABLE_NAMES.map(read)]);
	for (const [i, table] of TABLE_NAMES.entries()) {
		try {
			await db.exec(createTableSql(table));
			await db.exec(dropStageSql(table));
			await db.insertArrowTable(stageName(table), tables[i]!);
			await db.exec(copyFromStageSql(table));
		} catch (cause) {
			throw new DataFileError(TABLE_FILES[table].parquet, 'corrupt', { cause });
		} finally {
			await db.exec(dropStageSql(table)).catch(() => undefined);
		}
	}
	return db;
}
