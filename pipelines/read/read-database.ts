/**
 * The read step's own DuckDB, for DuckDB's CSV reader (read-key-figures-duckdb.ts): one file's
 * rows at a time, closed when the files are read. It may spill to a temporary folder of its own
 * (removed on close), never to the working directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { openDatabase } from '../duckdb/database.ts';

/**
 * The rows are streamed out a vector at a time (no table is made), so this bounds only the CSV
 * reader's buffers. DuckDB's allocator keeps what it had after the database is closed, and the
 * build's DuckDB comes on top, so this is kept low.
 */
const READ_MEMORY_LIMIT = '150MB';

export async function openReadDatabase(): Promise<{ connection: DuckDBConnection; close(): Promise<void> }> {
	const spill = mkdtempSync(join(tmpdir(), 'boligbarometer-read-'));
	const db = await openDatabase({ memoryLimit: READ_MEMORY_LIMIT, spillDirectory: spill });
	return {
		connection: db.connection,
		async close() {
			db.close();
			rmSync(spill, { recursive: true, force: true });
		}
	};
}
