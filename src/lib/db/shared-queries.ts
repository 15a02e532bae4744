/**
 * A query asked while the same one (the same SQL and parameters) is still running shares its
 * answer instead of running again. A detail page and a documentation package pressed on it ask
 * several of the same queries at the same moment, as the database comes in: the unit's trend and
 * its departments, and (for a unit in one municipality) the page's peers and its departments'
 * values are one query. The browser database has one connection, so each ran twice, one after
 * another, with its rows decoded twice on the main thread, and the queries behind them (the
 * municipality's figures, which the package's report waits for) waited for both.
 *
 * Only while it runs: an answer is not kept (memory does not grow with what a page has asked), and
 * once the tables change (`changed()`, a municipality's load) a query asked is run anew. The rows
 * are shared between the callers, so they must only read them (every query module maps them to
 * its own objects).
 */
import type { QueryRunner, Row } from './runner.ts';

export interface SharedQueries {
	run: QueryRunner;
	/** The tables are about to change: queries asked from now on run again. */
	changed(): void;
}

export function sharedQueries(query: QueryRunner): SharedQueries {
	const running = new Map<string, Promise<Row[]>>();
	return {
		run(sql, params) {
			const key = JSON.stringify([sql, params]);
			let answer = running.get(key);
			if (!answer) {
				const own = query(sql, params);
				answer = own;
				running.set(key, own);
				const settled = () => {
					if (running.get(key) === own) running.delete(key);
				};
				own.then(settled, settled);
			}
			return answer;
		},
		changed() {
			running.clear();
		}
	};
}
