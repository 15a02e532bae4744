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
		// DuckDB's allocator (jemalloc) gives freed pages back to the system only as it allocates
		// again, unless a background thread of its own does it (within about 10 s). Without it,
		// what the departments step's sorts freed stayed resident for the whole privacy audit,
		// where DuckDB sits idle: 120-140 MB of national10's peak (bench/HISTORY.md, `ingestmem2`).
		// The setting is the process's, so it holds for the read step's database too.
		allocator_background_threads: 'true',
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
