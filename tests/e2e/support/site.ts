/**
 * What every end-to-end test needs: data ingested into a temp folder, the site built once (only
 * when build/ is older than the sources), served on 127.0.0.1 with pipelines/serve.ts, and a
 * fresh headless Chromium that records console errors, dialogs and any request that leaves
 * localhost.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { serve, type Served } from '../../../pipelines/serve.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium.ts';

export const ROOT = resolve(import.meta.dirname, '../../..');
const BUILD = join(ROOT, 'build');

/** Newest modification time under a path (files only). */
function newest(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let latest = 0;
	for (const entry of readdirSync(path)) latest = Math.max(latest, newest(join(path, entry)));
	return latest;
}

/** Builds the site unless build/ is newer than everything it is built from. */
export function ensureBuild(): void {
	const built = existsSync(join(BUILD, '200.html')) ? statSync(join(BUILD, '200.html')).mtimeMs : 0;
	const sources = Math.max(
		newest(join(ROOT, 'src')),
		newest(join(ROOT, 'static')),
		newest(join(ROOT, 'svelte.config.js')),
		newest(join(ROOT, 'vite.config.ts')),
		newest(join(ROOT, 'package.json'))
	);
	if (built > sources) return;
	execFileSync('npx', ['vite', 'build', '--logLevel', 'error'], { cwd: ROOT, stdio: 'inherit' });
}

const made: string[] = [];

/** A new folder under tests/.tmp (git-ignored), removed by removeTempDirs(). */
export function tempDir(prefix: string): string {
	const base = join(ROOT, 'tests/.tmp');
	mkdirSync(base, { recursive: true });
	const dir = mkdtempSync(join(base, `${prefix}-`));
	made.push(dir);
	return dir;
}

export function removeTempDirs(): void {
	for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
	snapshot = null;
}

/** Runs the real ingest on an input folder; returns the output folder. */
export function ingest(input: string, out = tempDir('out')): string {
	execFileSync('npx', ['tsx', 'pipelines/ingest-cli.ts', '--input', input, '--out', out], {
		cwd: ROOT,
		stdio: ['ignore', 'ignore', 'inherit']
	});
	return out;
}

/** The demo data as the pipeline writes it: a pipeline that fails makes the tests fail, not skip. */
export function demoData(): string {
	return ingest(join(ROOT, 'data/sample'));
}

export interface Site {
	url: string;
	/** Every request path the server answered, with its status. */
	requests: { path: string; status: number }[];
	close(): Promise<void>;
}

let snapshot: string | null = null;

/**
 * A hard-linked copy of build/, taken once per test file: another build in the same tree (other
 * work, or a developer) replaces build/ wholesale, and must not pull the files from under a test.
 */
function siteSnapshot(): string {
	if (!snapshot) {
		snapshot = join(tempDir('site'), 'build');
		execFileSync('cp', ['-al', BUILD, snapshot]);
	}
	return snapshot;
}

export async function startSite(dataDir: string): Promise<Site> {
	const requests: Site['requests'] = [];
	const served: Served = await serve({
		root: siteSnapshot(),
		dataDir,
		port: 0,
		onRequest: (path, status) => requests.push({ path, status })
	});
	return { url: served.url, requests, close: () => served.close() };
}

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

export async function launchBrowser(): Promise<Browser> {
	const userDataDir = mkdtempSync(join(tmpdir(), 'boligbarometer-chromium-'));
	const context = await chromium.launchPersistentContext(userDataDir, {
		executablePath: CHROMIUM_PATH,
		headless: true,
		args: [...CHROMIUM_ARGS],
		viewport: { width: 1280, height: 900 },
		locale: 'da-DK',
		timezoneId: 'Europe/Copenhagen'
	});
	return {
		context,
		async close() {
			await context.close();
			rmSync(userDataDir, { recursive: true, force: true });
		}
	};
}

export interface Watched {
	page: Page;
	/** Console errors and uncaught exceptions. */
	errors: string[];
	/** Requests to anywhere but the test server. */
	outside: string[];
	/** alert(), confirm() or prompt() calls: there must be none. */
	dialogs: string[];
}

/** A new page that records what must not happen. */
export async function watchedPage(browser: Browser, site: Site): Promise<Watched> {
	const page = await browser.context.newPage();
	const watched: Watched = { page, errors: [], outside: [], dialogs: [] };
	const origin = new URL(site.url).origin;
	page.on('console', (message) => {
		if (message.type() === 'error') watched.errors.push(message.text());
	});
	page.on('pageerror', (error) => watched.errors.push(String(error)));
	page.on('dialog', (dialog) => {
		watched.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
		void dialog.dismiss();
	});
	page.on('request', (request) => {
		const url = request.url();
		if (url.startsWith('data:') || url.startsWith('blob:')) return;
		if (new URL(url).origin !== origin) watched.outside.push(url);
	});
	await holdDatabase(page);
	return watched;
}

/**
 * E2E_HOLD_DATABASE_MS=N holds DuckDB-WASM's wasm back N ms on every page, so the database draws
 * well after the early trends of a detail page: a wait that the early trends satisfy then fails
 * every time instead of now and then (run the suite so to find such waits; README, Commands).
 */
async function holdDatabase(page: Page): Promise<void> {
	const ms = Number(process.env.E2E_HOLD_DATABASE_MS ?? 0);
	if (!(ms > 0)) return;
	await page.route(
		(url) => url.pathname.endsWith('.wasm'),
		async (route) => {
			await new Promise((resolve) => setTimeout(resolve, ms));
			await route.continue();
		}
	);
}

// Kept here too for tests that import it from site.ts (it lives in ready.ts).
export { chartsReady } from './ready.ts';
