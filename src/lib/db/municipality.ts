/**
 * Loading a municipality's tables into the browser database: its rows of the published Parquet
 * files, read with HTTP range requests from our own /data folder (load-municipality.ts). Each
 * municipality loads once per page life; loads run one after another so two pages' loads never
 * share a staging table.
 */
import { TABLE_FILES, WEB_FILES } from '../core/output-contract.ts';
import { DataFileError } from '../data/data-error.ts';
import { loadIndex, rangeFile } from '../data/web-files.ts';
import { getDatabase, type BrowserDatabase } from './duckdb.ts';
import { loadMunicipality } from './load-municipality.ts';
import { parquetFile, type ParquetFile } from './parquet-rows.ts';
import { TABLE_NAMES, type TableName } from './schema.ts';

const loaded = new Map<string, Promise<BrowserDatabase>>();
let queue: Promise<unknown> = Promise.resolve();
let files: Promise<Record<TableName, ParquetFile>> | null = null;

/** The three Parquet files, each with its footer read once per page life. */
function parquetFiles(): Promise<Record<TableName, ParquetFile>> {
	files ??= loadIndex().then(
		(index) =>
			Object.fromEntries(
				TABLE_NAMES.map((table) => [table, parquetFile(rangeFile(TABLE_FILES[table].parquet, index.parquet_bytes[table]))])
			) as Record<TableName, ParquetFile>
	);
	files.catch(() => (files = null));
	return files;
}

/** The database with the municipality's tables loaded. */
export function municipalityDatabase(kode: string): Promise<BrowserDatabase> {
	let promise = loaded.get(kode);
	if (!promise) {
		// The database starts (and the files are read) while the previous load finishes.
		const database = getDatabase();
		promise = queue.then(() => load(kode, database));
		queue = promise.catch(() => undefined);
		promise.catch(() => loaded.delete(kode));
		loaded.set(kode, promise);
	}
	return promise;
}

/** Starts DuckDB-WASM (module, worker, wasm) without waiting for it, e.g. while a page's data arrives. */
export function startDatabase(): void {
	getDatabase().catch(() => undefined);
}

/**
 * Reads a municipality's rows ahead, so a later page finds them read (used in idle time: the
 * overview prefetches its municipality for the detail pages).
 */
export function prefetchMunicipality(kode: string): void {
	municipalityDatabase(kode).catch(() => undefined);
}

async function load(kode: string, database: Promise<BrowserDatabase>): Promise<BrowserDatabase> {
	const [index, sources] = await Promise.all([loadIndex(), parquetFiles()]);
	const ranges = index.raekker[kode];
	if (!ranges) throw new DataFileError(WEB_FILES.index, 'missing');
	return loadMunicipality(database, sources, ranges);
}
