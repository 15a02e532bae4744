/**
 * Loading a municipality's tables into the browser database: its three Arrow IPC files, fetched
 * from our own /data folder, staged and copied into the shared tables (see schema.ts). Each
 * municipality loads once per page life; loads run one after another so two pages' loads never
 * share a staging table.
 */
import { TABLE_FILES } from '../core/output-contract.ts';
import { DataFileError } from '../data/data-error.ts';
import { fetchBytes } from '../data/web-files.ts';
import { getDatabase, type BrowserDatabase } from './duckdb.ts';
import { TABLE_NAMES, copyFromStageSql, createTableSql, dropStageSql, stageName } from './schema.ts';

const loaded = new Map<string, Promise<BrowserDatabase>>();
let queue: Promise<unknown> = Promise.resolve();

/** The database with the municipality's tables loaded. */
export function municipalityDatabase(kode: string): Promise<BrowserDatabase> {
	let promise = loaded.get(kode);
	if (!promise) {
		promise = queue.then(() => load(kode));
		queue = promise.catch(() => undefined);
		promise.catch(() => loaded.delete(kode));
		loaded.set(kode, promise);
	}
	return promise;
}

async function load(kode: string): Promise<BrowserDatabase> {
	// Fetch while the database starts: both take a while on a cold cache.
	const [db, ...files] = await Promise.all([getDatabase(), ...TABLE_NAMES.map((table) => fetchBytes(TABLE_FILES[table].web(kode)))]);
	for (const [i, table] of TABLE_NAMES.entries()) {
		const file = TABLE_FILES[table].web(kode);
		try {
			await db.exec(createTableSql(table));
			await db.exec(dropStageSql(table));
			await db.insertArrow(stageName(table), files[i]!);
			await db.exec(copyFromStageSql(table));
		} catch (cause) {
			// Not an Arrow stream, or missing a contract column: the file is not what the pipeline writes.
			throw new DataFileError(file, 'corrupt', { cause });
		} finally {
			await db.exec(dropStageSql(table)).catch(() => undefined);
		}
	}
	return db;
}
