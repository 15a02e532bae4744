/**
 * `npm run bench:browser`: the dashboard's speed on the `national` synthetic data, in headless
 * Chromium with a cold cache. A benchmark, not a test: it prints figures and writes
 * bench/results/browser.json; it asserts nothing.
 *
 * Measured per run (fresh browser profile each time, so nothing is cached):
 * - first chart: navigation start → the first chart carries data-chart-ready="true"
 * - map ready: navigation start → the map carries data-map-ready="true"
 * - change: selecting another indicator or year → every chart and the map show the new view
 *   (data-chart-key and data-map-key show the new `indicator:year`), p50 and p95 over ≥ 30 changes
 * - JavaScript shipped for the first page (gzip, without the DuckDB wasm) and bytes transferred.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { serve } from '../../pipelines/serve.ts';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = join(ROOT, 'bench/work');
const INPUT = join(WORK, 'national');
const OUT = join(WORK, 'out-national');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 30);

export const CHROMIUM_ARGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];

function run(cmd: string, args: string[]): void {
	execFileSync(cmd, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, TZ: 'Europe/Copenhagen' } });
}

function median(xs: number[]): number {
	const s = [...xs].sort((a, b) => a - b);
	const m = Math.floor(s.length / 2);
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/**
 * In-page code that changes one select and resolves with the milliseconds until every chart and
 * the map show `view` (`indicator:year`). Timed inside the page with a MutationObserver, so neither
 * Playwright's round trips nor a polling interval are counted. Kept as a string because tsx's
 * keepNames would otherwise inject a `__name` helper the page does not have.
 */
const TIME_CHANGE = `([select, value, view]) => new Promise((resolve, reject) => {
	const done = () => {
		const charts = [...document.querySelectorAll('[data-chart-ready]')];
		const map = document.querySelector('[data-map-ready]');
		return charts.length > 0 &&
			charts.every((c) => c.getAttribute('data-chart-ready') === 'true' &&
				(c.getAttribute('data-chart-key') ?? '').startsWith(view + ':')) &&
			(!map || map.getAttribute('data-map-key') === view);
	};
	const element = document.querySelector('select[name="' + select + '"]');
	if (!element) return reject(new Error('no select ' + select));
	const t0 = performance.now();
	const observer = new MutationObserver(() => {
		if (!done()) return;
		observer.disconnect();
		resolve(performance.now() - t0);
	});
	observer.observe(document.body, { attributes: true, childList: true, subtree: true });
	setTimeout(() => reject(new Error('view ' + view + ' not drawn within 30 s')), 30000);
	element.value = value;
	element.dispatchEvent(new Event('change', { bubbles: true }));
})`;

function timeChange(page: Page, select: string, value: string, view: string): Promise<number> {
	return page.evaluate(`(${TIME_CHANGE})(${JSON.stringify([select, value, view])})`) as Promise<number>;
}

async function main(): Promise<void> {
	mkdirSync(WORK, { recursive: true });
	if (!existsSync(join(INPUT, 'afdelinger.csv'))) {
		run('npx', ['tsx', 'pipelines/generate-cli.ts', '--scale', 'national', '--seed', '1', '--out', INPUT]);
	}
	if (!existsSync(join(OUT, 'manifest.json'))) {
		run('npx', ['tsx', 'pipelines/ingest-cli.ts', '--input', INPUT, '--out', OUT]);
	}
	run('npx', ['vite', 'build']);
	const index = (await import(join(OUT, 'web/index.json'), { with: { type: 'json' } })).default as {
		default_kommune: string;
		years: number[];
	};
	const kode = index.default_kommune;
	const years = index.years;

	const served = await serve({ root: join(ROOT, 'build'), dataDir: OUT });
	const firstChart: number[] = [];
	const mapReady: number[] = [];
	const changes: number[] = [];
	let jsGz = 0;
	let transferred = 0;
	try {
		for (let r = 0; r < RUNS; r++) {
			const profile = mkdtempSync(join(tmpdir(), 'bb-bench-'));
			const context = await chromium.launchPersistentContext(profile, {
				executablePath: '/usr/bin/chromium',
				args: CHROMIUM_ARGS,
				viewport: { width: 1280, height: 900 }
			});
			const page = context.pages()[0] ?? (await context.newPage());
			const cdp = await context.newCDPSession(page);
			await cdp.send('Network.enable');
			await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
			let bytes = 0;
			cdp.on('Network.loadingFinished', (e) => (bytes += e.encodedDataLength));
			const scripts: string[] = [];
			page.on('response', (res) => {
				const url = res.url();
				if (url.endsWith('.js') && !url.includes('duckdb')) scripts.push(url);
			});
			await page.goto(`${served.url}/kommune/${kode}`);
			await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
			firstChart.push(await page.evaluate(() => performance.now()));
			await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
			mapReady.push(await page.evaluate(() => performance.now()));
			if (r === 0) {
				// Size of the first page's JavaScript as a server would send it gzipped.
				for (const url of new Set(scripts)) {
					const body = Buffer.from(await (await fetch(url)).arrayBuffer());
					jsGz += gzipSync(body, { level: 9 }).length;
				}
				await page.waitForLoadState('networkidle');
				transferred = bytes;
				// The first view is measured cold; a user's later changes find the files cached.
				await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
				// Changes: alternate indicator and year, each waited for until charts and map agree.
				// Each change is one choice: even steps change the indicator, odd steps the year.
				let ind: string = await page.inputValue('select[name="ind"]');
				let year = Number(await page.inputValue('select[name="aar"]'));
				for (let i = 0; i < CHANGES; i++) {
					if (i % 2 === 0) ind = INDICATOR_IDS[(INDICATOR_IDS.indexOf(ind as never) + 1) % INDICATOR_IDS.length]!;
					else year = years[(years.indexOf(year) + years.length - 1) % years.length]!;
					const view = `${ind}:${year}`;
					changes.push(await (i % 2 === 0 ? timeChange(page, 'ind', ind, view) : timeChange(page, 'aar', String(year), view)));
				}
			}
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		}
	} finally {
		await served.close();
	}
	const result = {
		scale: 'national',
		runs: RUNS,
		changes: changes.length,
		first_chart_ms_median: Math.round(median(firstChart)),
		map_ready_ms_median: Math.round(median(mapReady)),
		change_ms_p50: Math.round(percentile(changes, 50)),
		change_ms_p95: Math.round(percentile(changes, 95)),
		js_initial_kb_gz: Math.round(jsGz / 1024),
		transferred_kb: Math.round(transferred / 1024)
	};
	mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
	writeFileSync(join(ROOT, 'bench/results/browser.json'), JSON.stringify(result, null, 2) + '\n');
	console.table(result);
}

await main();
