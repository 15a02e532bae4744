/**
 * A detail page draws its key figures before DuckDB-WASM is ready (issue 12): the trend rows come
 * straight from the Parquet files (src/lib/db/queries/parquet-trend.ts), and when the database is in, its
 * rows show the very same figures. Real Chromium on the demo data as the pipeline writes it, with
 * the database's wasm held back until the first figures have been read off the page.
 *
 * Worked by hand from data/sample (noegletal_lbf.csv, afdelinger.csv, noegletal_egne.csv), 2024:
 * - Strandhaverne (2102-001, Aarhus, area 0751-O02, Boligforeningen Fjordlys 2102): 0 vacant of
 *   91 dwellings, 0,0 ‰;
 * - its area 0751-O02, Solsikkeparken (2101-006, 2101-007, 2102-001, 2102-002, 2102-003): 1 of 383, 2,6 ‰;
 * - Fjordlys, all twelve departments in Aarhus and Vejle: 5 of 732, 6,8 ‰;
 * - Aarhus (0751): 23 of 1,396, 16,5 ‰; every loaded department: 32 of 3,232, 9,9 ‰;
 * - convictions (domme_pr_1000, a declared figure): 3 of 168 residents, a group of 1-4 persons,
 *   so suppressed in both paths.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { readIndex } from './support/data.ts';
import { TABLE_NAMES } from '../../src/lib/db/schema.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';
import { holdWasm } from '../support/hold-wasm.ts';

const e2e = e2eSite({ timeout: 900_000 });

const permille = (text: string) => `2024: ${text}${NBSP}‰`;
/** Each legend line's label part and the value it shows for 2024. */
const EXPECTED_VACANCY: [string, string][] = [
	['Strandhaverne', permille('0,0')],
	['Boligområde: Solsikkeparken', permille('2,6')],
	['Boligforeningen Fjordlys', permille('6,8')],
	['Aarhus Kommune', permille('16,5')]
];

/** The legend lines of a key figure's card. */
async function legend(page: Page, indicator: string): Promise<string[]> {
	return page.locator(`section[data-indicator="${indicator}"] figure .legend li`).allInnerTexts();
}

/** The wasm refused and every overblik.json held back until `release()`: what is drawn then came from the Parquet alone. */
async function withoutOverview(page: Page): Promise<() => void> {
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	await page.route(
		(url) => url.pathname.endsWith('.wasm'),
		(route) => route.abort()
	);
	await page.route(
		(url) => url.pathname.endsWith('/overblik.json'),
		async (route) => {
			await held;
			await route.continue().catch(() => undefined);
		}
	);
	return release;
}

async function expectFigures(page: Page): Promise<void> {
	const vacancy = await legend(page, 'ledighed');
	for (const [label, value] of EXPECTED_VACANCY) {
		const line = vacancy.find((l) => l.includes(label));
		expect(line, `${label} in ${JSON.stringify(vacancy)}`).toBeDefined();
		expect(line!.replace(/\s+/g, ' ')).toContain(value.replace(/\s+/g, ' '));
	}
	// The sum over every loaded department (named by the label rule, not "the country" with 3 of 98).
	expect(vacancy.some((l) => l.replace(/\s+/g, ' ').includes(permille('9,9').replace(/\s+/g, ' ')))).toBe(true);
	const unitLine = page.locator('section[data-indicator="domme_pr_1000"] figure .legend li').first();
	expect(await unitLine.innerText()).toContain('Strandhaverne');
	expect(await unitLine.locator('[data-value-state]').getAttribute('data-value-state')).toBe('suppressed');
}

const drawnMark = (page: Page) => page.locator('[data-database-drawn]').getAttribute('data-database-drawn');

describe('a detail page before and after its database', () => {
	it('draws the department’s key figures from the Parquet while the database’s wasm is held back, and the same once it is in', async () => {
		const { page } = await e2e.page();
		const gate = await holdWasm(page);
		await page.goto(`${e2e.site.url}/afdeling/2102-001?kommune=0751&ind=ledighed&aar=2024`);
		await page.waitForSelector('section[data-indicator="ledighed"] [data-chart-ready="true"]', { timeout: 60_000 });
		// Whatever is drawn now was drawn without the database: its wasm is held (often not yet asked for).
		expect(await page.locator('[data-chart="peers"]').count()).toBe(0);
		expect(await drawnMark(page)).toBe('false');
		await expectFigures(page);
		await page.screenshot({ path: 'tests/.tmp/detail-early-before-db.png', fullPage: false });

		gate.release();
		// The page's mark: every row it shares is the database's, and every chart is drawn from them.
		await detailReady(page);
		// The held request was the database's: it came through the gate.
		expect(gate.asked()).toBeGreaterThan(0);
		expect(await page.locator('[data-chart="peers"][data-chart-ready="true"]').count()).toBe(1);
		await expectFigures(page);
		await page.screenshot({ path: 'tests/.tmp/detail-early-after-db.png', fullPage: false });
		await page.close();
	}, 180_000);

	// DuckDB-WASM starts once the first chart is painted (UnitData.drawn), so its 34 MB wasm is not
	// fetched and compiled beside the first chart. Checked in the page: each Worker the page creates
	// (the engine's, the rows') notes whether a chart was drawn by then.
	it('starts DuckDB-WASM and the rows’ worker only once its first chart is drawn', async () => {
		const { page } = await e2e.page();
		await page.addInitScript(`(() => {
			const Base = window.Worker;
			window.__workers = [];
			window.Worker = class extends Base {
				constructor(url, options) {
					super(url, options);
					window.__workers.push({ url: String(url), afterChart: !!document.querySelector('[data-chart-ready="true"]') });
				}
			};
		})();`);
		await page.goto(`${e2e.site.url}/afdeling/2102-001?kommune=0751&ind=ledighed&aar=2024`);
		await detailReady(page);
		const workers = (await page.evaluate('window.__workers')) as { url: string; afterChart: boolean }[];
		expect(workers.some((w) => /duckdb/.test(w.url))).toBe(true);
		expect(workers.filter((w) => !w.afterChart)).toEqual([]);
		await expectFigures(page);
		await page.close();
	}, 180_000);

	// The wait the end-to-end tests made before (every chart ready, at least a few) is met by the
	// early trends alone; detailReady() waits for the database (tests/e2e/support/ready.ts).
	it('is not called drawn while only its early trends stand: every chart is ready, but not the database’s sections', async () => {
		const { page } = await e2e.page();
		const gate = await holdWasm(page);
		await page.goto(`${e2e.site.url}/organisation/2102?kommune=0751&aar=2025`);
		await chartsReady(page, 3);
		const early = await page.locator('[data-chart-ready="true"]').count();
		expect(early).toBe(await page.locator('section[data-indicator]').count());
		expect(await drawnMark(page)).toBe('false');
		for (const section of ['[data-chart="peers"]', '[data-section="organisation-parts"]', '[data-list="departments"]'])
			expect(await page.locator(section).count(), section).toBe(0);
		// Held, the database never draws: detailReady() must not be met.
		await expect(detailReady(page, 5_000)).rejects.toThrow(/not drawn from the database/);

		gate.release();
		await detailReady(page);
		expect(await drawnMark(page)).toBe('true');
		for (const section of ['[data-chart="peers"]', '[data-section="organisation-parts"]', '[data-list="departments"]'])
			expect(await page.locator(section).count(), section).toBeGreaterThan(0);
		await page.close();
	}, 180_000);

	// Fjordlys has departments in Aarhus and Vejle: its line is the whole organisation's on either
	// page, the municipality's line the page's own (Vejle 2024: 3 of 721 dwellings, 4,2 ‰, its eleven departments).
	for (const [kode, kommune, value] of [
		['0751', 'Aarhus Kommune', '16,5'],
		['0630', 'Vejle Kommune', '4,2']
	] as const) {
		it(`draws an organisation’s own line (the whole organisation) and ${kommune}'s before the database`, async () => {
			const { page } = await e2e.page();
			await page.route(
				(url) => url.pathname.endsWith('.wasm'),
				(route) => route.abort()
			);
			await page.goto(`${e2e.site.url}/organisation/2102?kommune=${kode}&ind=ledighed&aar=2024`);
			await page.waitForSelector('section[data-indicator="ledighed"] [data-chart-ready="true"]', { timeout: 60_000 });
			const vacancy = (await legend(page, 'ledighed')).map((l) => l.replace(/\s+/g, ' '));
			expect(vacancy.find((l) => l.includes('Boligforeningen Fjordlys'))).toContain(permille('6,8').replace(/\s+/g, ' '));
			expect(vacancy.find((l) => l.includes(kommune))).toContain(permille(value).replace(/\s+/g, ' '));
			await page.close();
		}, 120_000);
	}

	it('finds a department’s municipality and names its lines from the Parquet while overblik.json is held back, each footer asked for once', async () => {
		const { page, errors } = await e2e.page();
		const release = await withoutOverview(page);
		const ranges: string[] = [];
		page.on('request', (request) => {
			const range = request.headers()['range'];
			if (range) ranges.push(`${new URL(request.url()).pathname} ${range}`);
		});
		await page.goto(`${e2e.site.url}/afdeling/2102-001?kommune=0751&ind=ledighed&aar=2024`);
		await page.waitForSelector('section[data-indicator="ledighed"] [data-chart-ready="true"]', { timeout: 60_000 });
		await expectFigures(page);
		// app.html's inline script asked for each file's last 64 KiB once the index gave its size, and
		// the page's first read of the footer took that response: no file's footer was asked for twice.
		const bytes = readIndex(e2e.data).parquet_bytes;
		for (const table of TABLE_NAMES) {
			const footer = `/data/${table}.parquet bytes=${Math.max(0, bytes[table] - 65536)}-${bytes[table] - 1}`;
			expect(
				ranges.filter((r) => r === footer),
				`${footer} in ${JSON.stringify(ranges)}`
			).toHaveLength(1);
		}
		release();
		// The inline script ran under the page's CSP (its hash, svelte.config.js).
		expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
		await page.close();
	}, 120_000);

	it('finds a department’s municipality without ?kommune=, and says an unknown one is not in the data, from the Parquet alone', async () => {
		const { page } = await e2e.page();
		const release = await withoutOverview(page);
		await page.goto(`${e2e.site.url}/afdeling/2102-001?ind=ledighed&aar=2024`);
		await page.waitForSelector('section[data-indicator="ledighed"] [data-chart-ready="true"]', { timeout: 60_000 });
		await expectFigures(page);
		await page.goto(`${e2e.site.url}/omraade/${encodeURIComponent('0751-O02" <script>')}?kommune=0751`);
		await page.locator('main').getByText('findes ikke i data').first().waitFor({ timeout: 60_000 });
		expect(await page.locator('main').innerText()).toContain('0751-O02" <script>');
		release();
		// A way on: the overview, which shows the data's own municipality.
		await page.locator('main [data-back]').click();
		await page.waitForURL((url) => url.pathname === '/', { timeout: 60_000 });
		await page.waitForSelector('[data-headline]', { timeout: 60_000 });
		await page.close();
	}, 120_000);
});
