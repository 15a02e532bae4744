/**
 * An in-memory DuckDB: one per build (build.ts), created, used by every step, closed at the end;
 * and one for the read step's CSV reader (read/read-database.ts). Nothing is written to disk but
 * the files the steps COPY out, and what spills to `spillDirectory`.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

export interface Database {
	connection: DuckDBConnection;
	close(): void;
}

export interface DatabaseOptions {
	/** DuckDB's memory_limit, e.g. '400MB'; past it, operators spill to `spillDirectory`. */
	memoryLimit?: string;
	/** Where DuckDB may spill; without one it keeps everything in memory. */
	spillDirectory?: string;
}

export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
	const instance = await DuckDBInstance.create(':memory:', {
		// The build relies on scans keeping row order (key-figures.ts); this is DuckDB's default,
		// stated here so a changed default cannot silently unsort the Parquet files.
		preserve_insertion_order: 'true',
		// Never a '.tmp' folder in the working directory, DuckDB's default for in-memory databases.
		temp_directory: options.spillDirectory ?? '',
		...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {})
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
