/**
 * Loading a municipality's tables into the browser database: its rows of the published Parquet
 * files, read with HTTP range requests from our own /data folder and decoded in a worker
 * (load-municipality.ts, worker-rows.ts). Each
 * municipality loads once per page life; loads run one after another so two pages' loads never
 * share a staging table.
 */
import { WEB_FILES } from '../core/output-contract.ts';
import { DataFileError } from '../data/data-error.ts';
import { loadIndex } from '../data/web-files.ts';
import { getDatabase, type BrowserDatabase } from './duckdb.ts';
import { loadMunicipality } from './load-municipality.ts';
import { parquetSources } from './parquet-sources.ts';
import { readInWorker } from './worker-rows.ts';

const loaded = new Map<string, Promise<BrowserDatabase>>();
/** The municipalities whose rows are in the database (their loads have finished). */
const ready = new Set<string>();
let queue: Promise<unknown> = Promise.resolve();

/** The database with the municipality's tables loaded. */
export function municipalityDatabase(kode: string): Promise<BrowserDatabase> {
	let promise = loaded.get(kode);
	if (!promise) {
		// The database starts (and the files are read) while the previous load finishes.
		const database = getDatabase();
		promise = queue.then(() => load(kode, database));
		queue = promise.catch(() => undefined);
		promise.then(
			() => ready.add(kode),
			() => loaded.delete(kode)
		);
		loaded.set(kode, promise);
	}
	return promise;
}

/** Whether the database already holds the municipality's rows (a page need not draw without it). */
export function isMunicipalityReady(kode: string): boolean {
	return ready.has(kode);
}

async function load(kode: string, database: Promise<BrowserDatabase>): Promise<BrowserDatabase> {
	const [index, sources] = await Promise.all([loadIndex(), parquetSources()]);
	const ranges = index.raekker[kode];
	if (!ranges) throw new DataFileError(WEB_FILES.index, 'missing');
	return loadMunicipality(database, readInWorker(sources, ranges));
}
