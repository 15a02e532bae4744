/**
 * The one door to DuckDB-WASM. The instance is created on first need (a dynamic import, so the
 * server build and the first view never load it) and only once: every caller shares one promise.
 *
 * Bundles are the package's own files, served from our origin through Vite's `?url`: the EH build
 * where the browser has wasm exceptions, MVP otherwise; never the threaded build, which needs
 * COOP/COEP headers. Nothing is fetched from a CDN, and the Parquet extension is never loaded
 * (the npm builds would fetch it from the internet): the Parquet files are decoded in JavaScript
 * and the rows handed over as Arrow IPC (parquet-rows.ts, worker-rows.ts).
 */
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { AsyncDuckDBConnection, AsyncPreparedStatement } from '@duckdb/duckdb-wasm';
import { rowsOf } from './arrow-rows.ts';
import { sharedQueries } from './shared-queries.ts';
import type { QueryRunner, Row, SqlParam } from './runner.ts';

/**
 * The DuckDB-WASM version this code is written and tested against. package.json pins the same
 * exact version (npm's `latest` tag has pointed at development builds); start-up checks the two agree.
 */
export const DUCKDB_WASM_VERSION = '1.32.0';

export interface BrowserDatabase {
	/** Run a query with bound parameters; statements are prepared once per SQL text. */
	run: QueryRunner;
	/** Run a statement without parameters (DDL written by schema.ts only). */
	exec(sql: string): Promise<void>;
	/** Insert an Arrow IPC stream (a table's rows, decoded in worker-rows.ts) as a new table. */
	insert(name: string, ipc: Uint8Array): Promise<void>;
}

let instance: Promise<BrowserDatabase> | null = null;

export function getDatabase(): Promise<BrowserDatabase> {
	instance ??= create();
	// If start-up failed, let a later call try again rather than keep a rejected promise forever.
	instance.catch(() => (instance = null));
	return instance;
}

async function create(): Promise<BrowserDatabase> {
	const duckdb = await import('@duckdb/duckdb-wasm');
	if (duckdb.PACKAGE_VERSION !== DUCKDB_WASM_VERSION) {
		throw new Error(`DuckDB-WASM ${duckdb.PACKAGE_VERSION} installed, ${DUCKDB_WASM_VERSION} expected`);
	}
	const bundle = await duckdb.selectBundle({
		mvp: { mainModule: new URL(mvpWasm, location.href).href, mainWorker: new URL(mvpWorker, location.href).href },
		eh: { mainModule: new URL(ehWasm, location.href).href, mainWorker: new URL(ehWorker, location.href).href }
	});
	// Same-origin worker file: allowed by the CSP's worker-src 'self'.
	const worker = new Worker(bundle.mainWorker!);
	const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
	await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
	// No extension autoloading: an offline page must never reach for extensions.duckdb.org.
	await db.open({ query: { castBigIntToDouble: true } });
	const connection = await db.connect();
	await connection.query('SET autoinstall_known_extensions = false; SET autoload_known_extensions = false');
	return wrap(connection);
}

function wrap(connection: AsyncDuckDBConnection): BrowserDatabase {
	const prepared = new Map<string, Promise<AsyncPreparedStatement>>();
	// The same query asked twice at once (a page and its package) runs once (shared-queries.ts).
	const queries = sharedQueries(async (sql: string, params: readonly SqlParam[]): Promise<Row[]> => {
		let statement = prepared.get(sql);
		if (!statement) {
			statement = connection.prepare(sql);
			prepared.set(sql, statement);
		}
		return rowsOf(await (await statement).query(...params));
	});
	return {
		run: queries.run,
		async exec(sql: string): Promise<void> {
			queries.changed();
			await connection.query(sql);
		},
		async insert(name: string, ipc: Uint8Array): Promise<void> {
			queries.changed();
			await connection.insertArrowFromIPCStream(ipc, { name, create: true });
		}
	};
}
