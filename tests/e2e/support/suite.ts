/**
 * One end-to-end test file's site and browser, set up once for the file: `const e2e = e2eSite()`
 * registers the beforeAll that builds the site when the sources are newer (ensureBuild), ingests
 * the data (the demo as the pipeline writes it, unless `data` says otherwise), serves it and
 * launches a fresh headless Chromium with its own user-data-dir; and the afterAll that closes them
 * and removes the file's temp folders. The fields are there once beforeAll has run; a file's own
 * beforeAll, registered after e2eSite(), can read them.
 */
import { afterAll, beforeAll } from 'vitest';
import {
	demoData,
	ensureBuild,
	launchBrowser,
	removeTempDirs,
	startSite,
	watchedPage,
	type Browser,
	type Site,
	type Watched
} from './site.ts';

export interface E2eOptions {
	/** The output folder to serve (runs in beforeAll); default the demo's. null: no site, the file starts its own. */
	data?: (() => string) | null;
	/** Launch a browser (default true); false: the file launches its own (launchBrowser()). */
	browser?: boolean;
	/**
	 * beforeAll's time-out in ms (default 600 000): it may build the site and ingest, which take
	 * minutes on a loaded machine; a larger ingest asks for more.
	 */
	timeout?: number;
}

export interface E2e {
	/** The served output folder. */
	readonly data: string;
	readonly site: Site;
	readonly browser: Browser;
	/** A new page in the file's browser, recording what must not happen (watchedPage). */
	page(): Promise<Watched>;
}

export function e2eSite(options: E2eOptions = {}): E2e {
	const { data: dataOf = demoData, browser: withBrowser = true, timeout = 600_000 } = options;
	let data: string | undefined;
	let site: Site | undefined;
	let browser: Browser | undefined;
	const set = <T>(value: T | undefined, name: string): T => {
		if (value === undefined) throw new Error(`e2eSite(): ${name} is not there (not asked for, or used before beforeAll)`);
		return value;
	};
	beforeAll(async () => {
		ensureBuild();
		if (dataOf) {
			data = dataOf();
			site = await startSite(data);
		}
		if (withBrowser) browser = await launchBrowser();
	}, timeout);
	afterAll(async () => {
		await browser?.close();
		await site?.close();
		removeTempDirs();
	});
	return {
		get data() {
			return set(data, 'data');
		},
		get site() {
			return set(site, 'site');
		},
		get browser() {
			return set(browser, 'browser');
		},
		page: () => watchedPage(set(browser, 'browser'), set(site, 'site'))
	};
}
