/**
 * The overview's first view in real Chromium, cold (cache off), on the demo data as the pipeline
 * writes it: app.html's inline script asks for the index and the right municipality's overblik.json
 * before the app's JavaScript is in, and the app takes those responses over, so each file is
 * fetched exactly once, the script passes the page's CSP (no console error), and a path or hint the
 * index does not know fetches no overview at all. The lists below the chart follow the chart.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { readIndex, readOverview } from './support/data.ts';
import { chartsReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

let index: WebIndex;
let overview: WebOverview;
/** A municipality other than the default one. */
let other: string;

const e2e = e2eSite();

beforeAll(() => {
	index = readIndex(e2e.data);
	overview = readOverview(e2e.data, index.default_kommune);
	other = index.kommuner.find((k) => k.kode !== index.default_kommune)!.kode;
});

/** Opens `path` cold and returns the data files the server was asked for, in order, and the page. */
async function coldLoad(path: string, ready: (page: import('playwright-core').Page) => Promise<void>) {
	const watched = await e2e.page();
	const cdp = await e2e.browser.context.newCDPSession(watched.page);
	await cdp.send('Network.enable');
	await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
	const before = e2e.site.requests.length;
	await watched.page.goto(e2e.site.url + path);
	await ready(watched.page);
	// The map and the database start in idle time after the first view; wait for the page to settle
	// so a late second fetch of a first-view file would be counted too.
	await watched.page.waitForLoadState('networkidle');
	const data = e2e.site.requests
		.slice(before)
		.map((r) => r.path)
		.filter((p) => p.endsWith('.json'));
	return { ...watched, data };
}

const overviewFile = (kode: string) => `/web/${kode}/overblik.json`;
const count = (list: string[], file: string) => list.filter((p) => p === file).length;

describe('the first view of an overview, cold', () => {
	it('/ fetches the index and the default municipality’s overview once each, and draws the chart', async () => {
		const { page, data, errors } = await coldLoad('/', (p) => chartsReady(p, 1));
		expect(count(data, '/web/index.json')).toBe(1);
		expect(count(data, overviewFile(index.default_kommune))).toBe(1);
		expect(data.filter((p) => p.endsWith('/overblik.json'))).toEqual([overviewFile(index.default_kommune)]);
		expect(await page.locator('h1').innerText()).toContain(overview.navn);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('/?kommune= of a known municipality fetches that one’s overview, not the default’s', async () => {
		const { page, data, errors } = await coldLoad(`/?kommune=${other}`, (p) => chartsReady(p, 1));
		expect(data.filter((p) => p.endsWith('/overblik.json'))).toEqual([overviewFile(other)]);
		expect(count(data, '/web/index.json')).toBe(1);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('/kommune/<kode> fetches its overview once', async () => {
		const { page, data, errors } = await coldLoad(`/kommune/${other}`, (p) => chartsReady(p, 1));
		expect(data.filter((p) => p.endsWith('/overblik.json'))).toEqual([overviewFile(other)]);
		expect(count(data, '/web/index.json')).toBe(1);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('/kommune/<kode> asks for each of its modules and stylesheets once, and draws its chart with them applied', async () => {
		const watched = await e2e.page();
		const cdp = await e2e.browser.context.newCDPSession(watched.page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		// The width of the chart as it is first marked drawn: were the styles not yet applied, the
		// chart would be drawn at another width and then again.
		await watched.page.addInitScript(`new MutationObserver((_, o) => {
			const svg = document.querySelector('[data-chart-ready="true"] .plot svg');
			if (!svg) return;
			window.__firstChartWidth = svg.getAttribute('width');
			o.disconnect();
		}).observe(document, { attributes: true, childList: true, subtree: true });`);
		const before = e2e.site.requests.length;
		await watched.page.goto(`${e2e.site.url}/kommune/${other}`);
		await chartsReady(watched.page, 1);
		// The map's stylesheets come once the first view is drawn and the browser idle: wait for the
		// map itself, not for a quiet network, which can come between the chart and the map's start.
		await watched.page.locator('[data-map-ready="true"]').waitFor();
		await watched.page.waitForLoadState('networkidle');
		const files = e2e.site.requests
			.slice(before)
			.map((r) => r.path)
			.filter((p) => p.startsWith('/_app/'));
		expect(files.filter((f) => f.endsWith('.css')).length).toBeGreaterThan(2);
		expect(files.filter((f, i) => files.indexOf(f) !== i)).toEqual([]);
		const widths = (await watched.page.evaluate(
			`[window.__firstChartWidth, document.querySelector('[data-chart-ready="true"] .plot svg').getAttribute('width')]`
		)) as [string, string];
		expect(widths[0]).toBe(widths[1]);
		expect(watched.errors).toEqual([]);
		await watched.page.close();
	});

	it('a municipality the index does not know fetches no overview and says so', async () => {
		const unknown = '9999';
		expect(index.kommuner.some((m) => m.kode === unknown)).toBe(false);
		const { page, data } = await coldLoad(`/kommune/${unknown}`, (p) => p.locator('main').getByText(unknown).first().waitFor());
		expect(data.filter((p) => p.endsWith('/overblik.json'))).toEqual([]);
		expect(count(data, '/web/index.json')).toBe(1);
		await page.close();
	});

	it('an unknown ?kommune= on / falls back to the default municipality', async () => {
		const { page, data } = await coldLoad('/?kommune=9999', (p) => chartsReady(p, 1));
		expect(data.filter((p) => p.endsWith('/overblik.json'))).toEqual([overviewFile(index.default_kommune)]);
		await page.close();
	});

	it('the lists of areas and departments follow the chart, complete', async () => {
		const { page } = await coldLoad('/', (p) => chartsReady(p, 1));
		await page.locator('table[data-list="areas"]').waitFor();
		expect(await page.locator('table[data-list="areas"] tbody tr').count()).toBe(overview.omraader.length);
		expect(await page.locator('table[data-list="departments"] tbody tr').count()).toBe(overview.afdelinger.length);
		await page.close();
	});
});

describe('the first view of the front page, its modules', () => {
	it('names every module it loads before the first chart in its own HTML, so none waits for the app to ask', async () => {
		const { page, errors } = await e2e.page();
		// The first chart's time, noted in the page as the benchmark notes it.
		await page.addInitScript(`new MutationObserver((_, o) => {
			if (!document.querySelector('[data-chart-ready="true"]')) return;
			window.__chartAt = performance.now();
			o.disconnect();
		}).observe(document, { attributes: true, childList: true, subtree: true });`);
		const cdp = await e2e.browser.context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		await page.goto(e2e.site.url + '/');
		await chartsReady(page, 1);
		const modules = (await page.evaluate(
			`performance.getEntriesByType('resource').filter((e) => e.name.endsWith('.js') && e.startTime <= window.__chartAt).map((e) => new URL(e.name).pathname)`
		)) as string[];
		// SvelteKit's two entries, the root layout's, the page's and the error page's nodes (small
		// facades) and the one first-view chunk with everything they import, Observable Plot among
		// them (pipelines/first-view-chunk.ts): Rollup's own split gave about 40.
		expect(modules.length).toBeGreaterThanOrEqual(4);
		expect(modules.length).toBeLessThanOrEqual(8);
		const html = await (await fetch(e2e.site.url + '/')).text();
		const preloaded = new Set([...html.matchAll(/<link href="\.([^"]+\.js)" rel="modulepreload">/g)].map((m) => m[1]));
		expect(modules.filter((file) => !preloaded.has(file))).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('the trend chart’s table of values', () => {
	it('follows the first chart, complete, and is there when opened', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(e2e.site.url + '/');
		await chartsReady(page, 1);
		const table = page.locator('section.trend details table');
		await table.waitFor({ state: 'attached' });
		// A row per year of the index, a column per line of the chart (its legend), after the year.
		expect(await table.locator('tbody tr').count()).toBe(index.years.length);
		const lines = await page.locator('section.trend .legend li').count();
		expect(await table.locator('thead th').count()).toBe(lines + 1);
		await page.locator('section.trend details summary').click();
		await expect.poll(() => table.isVisible()).toBe(true);
		expect(errors).toEqual([]);
		await page.close();
	});
});
