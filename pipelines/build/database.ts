/**
 * One in-memory DuckDB per build: created, used by every step, closed at the end. Nothing is
 * written to disk but the files the steps COPY out.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Database {
	connection: DuckDBConnection;
	close(): void;
}

export async function openDatabase(): Promise<Database> {
	const instance = await DuckDBInstance.create(':memory:', {
		// The build relies on scans keeping row order (key-figures.ts); this is DuckDB's default,
		// stated here so a changed default cannot silently unsort the Parquet files.
		preserve_insertion_order: 'true',
		// No spilling to a '.tmp' folder in the working directory.
		temp_directory: ''
	});
	const connection = await instance.connect();
	return {
		connection,
		close() {
			connection.closeSync();
			instance.closeSync();
		}
	};
}
