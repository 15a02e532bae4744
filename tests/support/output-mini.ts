/**
 * The hand-made output tests/fixtures/output-mini (one municipality, Aarhus 0751; every figure is
 * worked out by hand in its README from tests/fixtures/make-output-mini.ts), and Aarhus's rows of
 * it in the browser's tables on @duckdb/node-api (node-db.ts), for the unit tests of the queries.
 */
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { openNodeDb, type NodeDb } from './node-db.ts';

export const OUTPUT_MINI = join(import.meta.dirname, '../fixtures/output-mini');

/**
 * Registers the beforeAll that opens a database with Aarhus's rows of output-mini, and the
 * afterAll that closes it. The returned NodeDb answers once beforeAll has run (call it at the top
 * of a test file, not inside a test).
 */
export function outputMiniDb(): NodeDb {
	let db: NodeDb | undefined;
	const open = (): NodeDb => {
		if (!db) throw new Error('outputMiniDb(): used before its beforeAll has run');
		return db;
	};
	beforeAll(async () => {
		db = await openNodeDb();
		await db.load(OUTPUT_MINI, '0751');
	});
	afterAll(() => db?.close());
	return {
		run: (sql, params) => open().run(sql, params),
		get connection() {
			return open().connection;
		},
		load: (outDir, kode) => open().load(outDir, kode),
		close: () => open().close()
	};
}
