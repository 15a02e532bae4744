/**
 * The dashboard in real Chromium on the demo data as the pipeline writes it: every route renders
 * with the demo notice, no console errors and no request leaving 127.0.0.1; the view survives a
 * reload and the back button; the area list works from the keyboard.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { readIndex, readOverview } from './support/data.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

let index: WebIndex;
let overview: WebOverview;

const e2e = e2eSite();

beforeAll(() => {
	index = readIndex(e2e.data);
	overview = readOverview(e2e.data, index.default_kommune);
});

describe('every route', () => {
	const routes = () => {
		const kode = index.default_kommune;
		const area = overview.omraader[0]!;
		const department = overview.afdelinger.find((d) => d.omraade_id === area.id)!;
		// `title`: the unit's name from the data, which the page's heading must carry. `detail`: a
		// detail page, checked once the database has drawn (its early trends are drawn before).
		return [
			{ path: '/', charts: 1, map: true, title: overview.navn },
			{ path: `/kommune/${kode}?ind=fraflytning&aar=${index.years[0]}&lang=en`, charts: 1, map: true, title: overview.navn },
			{
				path: `/omraade/${encodeURIComponent(area.id)}?kommune=${kode}`,
				charts: index.indicators.length + 1,
				title: area.navn,
				detail: true
			},
			{
				path: `/organisation/${encodeURIComponent(department.organisation_id)}?kommune=${kode}`,
				charts: index.indicators.length + 1,
				title: department.organisation_navn,
				detail: true
			},
			{
				path: `/afdeling/${encodeURIComponent(department.id)}?kommune=${kode}`,
				charts: index.indicators.length + 1,
				title: department.navn,
				detail: true
			},
			// A copied link without ?kommune=: the page finds the municipality itself.
			{ path: `/afdeling/${encodeURIComponent(department.id)}`, charts: index.indicators.length + 1, title: department.navn, detail: true }
		];
	};

	it('renders with the demo notice, no console errors, nothing fetched from elsewhere', async () => {
		for (const route of routes()) {
			const before = e2e.site.requests.length;
			const { page, errors, outside, dialogs } = await e2e.page();
			await page.goto(e2e.site.url + route.path);
			if (route.detail) await detailReady(page);
			await chartsReady(page, route.charts);
			if (route.map) await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
			expect(await page.locator('[data-demo-banner]').isVisible(), route.path).toBe(true);
			expect(await page.locator('h1').textContent(), route.path).toContain(route.title);
			expect(await page.locator('[data-data-error]').count(), route.path).toBe(0);
			expect(errors, route.path).toEqual([]);
			expect(outside, route.path).toEqual([]);
			expect(dialogs, route.path).toEqual([]);
			const failed = e2e.site.requests.slice(before).filter((r) => r.status >= 400);
			expect(failed, route.path).toEqual([]);
			await page.close();
		}
	}, 300_000);

	it('says so when a unit does not exist', async () => {
		const { page } = await e2e.page();
		await page.goto(`${e2e.site.url}/afdeling/findes-ikke?kommune=${index.default_kommune}`);
		await page.waitForSelector('[data-data-error]');
		expect(await page.locator('[data-data-error]').textContent()).toContain('findes-ikke');
		await page.close();
	});
});

describe('the view lives in the URL', () => {
	it('keeps a chosen indicator and year through a reload, and the back button undoes them', async () => {
		const kode = index.default_kommune;
		const first = index.years[0]!;
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${kode}`);
		await chartsReady(page);

		await page.selectOption('[data-control="indicator"]', 'fraflytning');
		await page.waitForURL(/ind=fraflytning/);
		await page.waitForSelector('[data-chart="trend"][data-chart-key^="fraflytning:"][data-chart-ready="true"]');
		await page.selectOption('[data-control="year"]', String(first));
		await page.waitForURL(new RegExp(`aar=${first}`));
		expect(new URL(page.url()).search).toBe(`?ind=fraflytning&aar=${first}`);
		// The lists below the map follow the choice once it is in the URL (state/view-state.svelte.ts).
		await page.waitForSelector(`[data-list="departments"] a[data-unit="afdeling"][href*="?ind=fraflytning&aar=${first}&"]`);
		expect(await page.locator('[data-list="areas"] thead th').last().textContent()).toContain(`Fraflytning ${first}`);

		await page.reload();
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="fraflytning:${first}"][data-chart-ready="true"]`);
		expect(await page.inputValue('[data-control="indicator"]')).toBe('fraflytning');
		expect(await page.inputValue('[data-control="year"]')).toBe(String(first));
		expect(await page.locator('#trend-title').textContent()).toContain('Fraflytning');
		expect(await page.locator('[data-headline="fraflytning"]').getAttribute('aria-pressed')).toBe('true');

		await page.goBack();
		await page.waitForURL((url) => !url.search.includes(`aar=${first}`));
		// Wait for the chart of the year we went back to, not any fraflytning chart (the old one matches).
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="fraflytning:${Math.max(...index.years)}"][data-chart-ready="true"]`);
		expect(await page.inputValue('[data-control="year"]')).toBe(String(Math.max(...index.years)));
		await page.goBack();
		await page.waitForURL((url) => !url.search.includes('ind=fraflytning'));
		await page.waitForSelector('[data-chart="trend"][data-chart-key^="ledighed:"][data-chart-ready="true"]');
		expect(await page.inputValue('[data-control="indicator"]')).toBe('ledighed');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('takes two choices made before the next frame as one, in the URL and the history', async () => {
		const kode = index.default_kommune;
		const first = index.years[0]!;
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${kode}`);
		await chartsReady(page);
		await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
		// Both in one task: the second is made before the first has reached the URL.
		await page.evaluate((year) => {
			for (const [name, value] of [
				['ind', 'fraflytning'],
				['aar', year]
			] as const) {
				const select = document.querySelector<HTMLSelectElement>(`select[name="${name}"]`)!;
				select.value = value;
				select.dispatchEvent(new Event('change', { bubbles: true }));
			}
		}, String(first));
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="fraflytning:${first}:"][data-chart-ready="true"]`);
		await page.waitForSelector(`[data-map-key="fraflytning:${first}"][data-map-ready="true"]`);
		await page.waitForFunction((search) => location.search === search, `?ind=fraflytning&aar=${first}`);
		await page.goBack();
		await page.waitForFunction(() => location.search === '');
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="ledighed:${Math.max(...index.years)}:"][data-chart-ready="true"]`);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('switches language and keeps the rest of the view', async () => {
		const { page } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${index.default_kommune}?ind=husleje`);
		await chartsReady(page);
		await page.click('[data-control="lang"]');
		await page.waitForURL(/lang=en/);
		expect(new URL(page.url()).searchParams.get('ind')).toBe('husleje');
		await page.waitForFunction(() => document.documentElement.lang === 'en');
		expect(await page.locator('#trend-title').textContent()).toContain('Rent');
		await page.close();
	});

	it('shows a municipality the data does not hold as such in the chooser, not the first one it holds', async () => {
		const { page, errors } = await e2e.page();
		// 0101 (København) is not in the demo; a select whose value matches no option would show its first.
		expect(index.kommuner.map((k) => k.kode)).not.toContain('0101');
		await page.goto(`${e2e.site.url}/kommune/0101`);
		await page.locator('main').getByText('ingen data for kommunekode 0101').waitFor({ timeout: 30_000 });
		const chooser = page.locator('[data-control="municipality"]');
		expect(await chooser.inputValue()).toBe('0101');
		expect(await chooser.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe('0101 (ingen data)');
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('keyboard', () => {
	it('reaches the area list with Tab and opens an area with Enter', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${index.default_kommune}`);
		await chartsReady(page);
		let inList = false;
		for (let i = 0; i < 200 && !inList; i++) {
			await page.keyboard.press('Tab');
			inList = await page.evaluate(() => document.activeElement?.closest('#omraader') != null);
		}
		expect(inList).toBe(true);
		const name = await page.evaluate(() => document.activeElement?.textContent);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/omraade\//);
		await detailReady(page);
		await chartsReady(page, index.indicators.length + 1);
		expect(await page.locator('h1').textContent()).toBe(name);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);
});
