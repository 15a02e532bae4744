/**
 * sharedQueries: a query asked while the same SQL with the same parameters is running shares its
 * answer; once answered (or failed), or once the tables change, the same query runs again.
 */
import { describe, expect, it } from 'vitest';
import type { Row, SqlParam } from '../../src/lib/db/runner.ts';
import { sharedQueries } from '../../src/lib/db/shared-queries.ts';

/** A stand-in database: records each query it runs and answers when told to. */
function database() {
	const ran: [string, readonly SqlParam[]][] = [];
	const waiting: { resolve: (rows: Row[]) => void; reject: (cause: Error) => void }[] = [];
	const query = (sql: string, params: readonly SqlParam[]) => {
		ran.push([sql, params]);
		return new Promise<Row[]>((resolve, reject) => waiting.push({ resolve, reject }));
	};
	return { ran, waiting, query };
}

describe('sharedQueries', () => {
	it('runs a query asked twice at once one time, and both get its rows', async () => {
		const db = database();
		const shared = sharedQueries(db.query);
		const a = shared.run('SELECT $1', ['0101']);
		const b = shared.run('SELECT $1', ['0101']);
		expect(db.ran).toEqual([['SELECT $1', ['0101']]]);
		db.waiting[0]!.resolve([{ x: 1 }]);
		expect(await a).toEqual([{ x: 1 }]);
		expect(await b).toEqual([{ x: 1 }]);
	});

	it('runs other parameters or other SQL on their own', () => {
		const db = database();
		const shared = sharedQueries(db.query);
		void shared.run('SELECT $1', ['0101']);
		void shared.run('SELECT $1', ['0147']);
		void shared.run('SELECT $1', [101]);
		void shared.run('SELECT $1 ', ['0101']);
		expect(db.ran.length).toBe(4);
	});

	it('runs a query again once it has been answered', async () => {
		const db = database();
		const shared = sharedQueries(db.query);
		const first = shared.run('SELECT 1', []);
		db.waiting[0]!.resolve([{ x: 1 }]);
		await first;
		const second = shared.run('SELECT 1', []);
		expect(db.ran.length).toBe(2);
		db.waiting[1]!.resolve([{ x: 2 }]);
		expect(await second).toEqual([{ x: 2 }]);
	});

	it('runs a query again after it failed, and both callers of the failed one see the failure', async () => {
		const db = database();
		const shared = sharedQueries(db.query);
		const a = shared.run('SELECT 1', []);
		const b = shared.run('SELECT 1', []);
		db.waiting[0]!.reject(new Error('no table'));
		await expect(a).rejects.toThrow('no table');
		await expect(b).rejects.toThrow('no table');
		void shared.run('SELECT 1', []);
		expect(db.ran.length).toBe(2);
	});

	it('runs a query asked after the tables changed anew, though the one before still runs', async () => {
		const db = database();
		const shared = sharedQueries(db.query);
		const before = shared.run('SELECT 1', []);
		shared.changed();
		const after = shared.run('SELECT 1', []);
		const alsoAfter = shared.run('SELECT 1', []);
		expect(db.ran.length).toBe(2);
		db.waiting[0]!.resolve([{ x: 'before' }]);
		db.waiting[1]!.resolve([{ x: 'after' }]);
		expect(await before).toEqual([{ x: 'before' }]);
		expect(await after).toEqual([{ x: 'after' }]);
		expect(await alsoAfter).toEqual([{ x: 'after' }]);
		// The older answer settling late does not drop the newer one's entry.
		void shared.run('SELECT 1', []);
		expect(db.ran.length).toBe(3);
	});
});
