/**
 * The demo's own indicators (data/sample/indikatorer.csv, issue 15) in real Chromium: chosen in
 * the indicator list, kept in the URL, drawn as card, trend and map like the seven, in English too,
 * downloaded as CSV with the figures the page shows, and a person-based one shown as withheld
 * where the pipeline withheld it. The figures are read from the pipeline's own overview file.
 */
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { readIndex, readOverview } from './support/data.ts';
import {
	chartsReady,
	demoData,
	ensureBuild,
	launchBrowser,
	removeTempDirs,
	startSite,
	watchedPage,
	type Browser,
	type Site
} from './support/site.ts';

const INCOME = 'indkomstniveau';
const SCHOOLING = 'kun_grundskole';
let site: Site;
let browser: Browser;
let index: WebIndex;
let overview: WebOverview;
let data: string;

beforeAll(async () => {
	ensureBuild();
	data = demoData();
	index = readIndex(data);
	overview = readOverview(data, index.default_kommune);
	site = await startSite(data);
	browser = await launchBrowser();
}, 300_000);

afterAll(async () => {
	await browser?.close();
	await site?.close();
	removeTempDirs();
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), click()]);
	return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
}

describe('declared indicators in the browser', () => {
	it('are published by the pipeline with their declarations', () => {
		expect(index.indicators).toEqual(expect.arrayContaining([INCOME, SCHOOLING, 'domme_pr_1000']));
		expect(index.indikatorer?.map((d) => d.indikator)).toEqual(['domme_pr_1000', SCHOOLING, INCOME]);
	});

	it('is chosen in the indicator list, kept in the URL, and drawn as card, trend and map', async () => {
		const kode = index.default_kommune;
		const { page, errors } = await watchedPage(browser, site);
		await page.goto(`${site.url}/kommune/${kode}`);
		await chartsReady(page);
		const options = await page
			.locator('[data-control="indicator"] option')
			.evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
		expect(options).toEqual(expect.arrayContaining([INCOME, SCHOOLING, 'domme_pr_1000', 'ledighed']));

		await page.selectOption('[data-control="indicator"]', INCOME);
		await page.waitForURL(new RegExp(`ind=${INCOME}`));
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="${INCOME}:"][data-chart-ready="true"]`);
		await page.waitForSelector('[data-map-ready="true"]', { timeout: 30_000 });
		expect(await page.locator('#trend-title').textContent()).toContain('Indkomst i forhold til regionen');
		const card = page.locator(`[data-headline="${INCOME}"]`);
		expect(await card.getAttribute('aria-pressed')).toBe('true');
		// The card shows the municipality's latest figure from the pipeline's overview, with 0 decimals.
		const latest = overview.series[INCOME]!.kommune.at(-1)!;
		expect(latest.vaerdi).not.toBeNull();
		expect((await card.textContent())!.replaceAll('\u00a0', ' ')).toContain(`${Math.round(latest.vaerdi!)} %`);
		await page.screenshot({ path: 'tests/.tmp/declared-overview.png', fullPage: true });

		await page.reload();
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="${INCOME}:"][data-chart-ready="true"]`);
		expect(await page.inputValue('[data-control="indicator"]')).toBe(INCOME);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('speaks English with the declared English name', async () => {
		const { page, errors } = await watchedPage(browser, site);
		await page.goto(`${site.url}/kommune/${index.default_kommune}?ind=${SCHOOLING}&lang=en`);
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="${SCHOOLING}:"][data-chart-ready="true"]`);
		expect(await page.locator('#trend-title').textContent()).toContain('Basic schooling only');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('downloads the trend of a declared indicator on an area page as CSV with its name and unit', async () => {
		const area = overview.omraader.find((o) => (o.values[INCOME] ?? []).some((p) => p.vaerdi !== null))!;
		const { page, errors } = await watchedPage(browser, site);
		await page.goto(`${site.url}/omraade/${encodeURIComponent(area.id)}?kommune=${index.default_kommune}&ind=${INCOME}`);
		await chartsReady(page, index.indicators.length + 1);
		const button = page.locator(`[data-indicator="${INCOME}"] [data-export="csv"]`);
		const file = await download(page, () => button.click());
		const rows = Papa.parse<string[]>(file.text.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;
		expect(rows[0]![0]).toBe('År');
		expect(rows[0]!.join(';')).toContain('Indkomst i forhold til regionen');
		expect(rows[0]!.join(';')).toContain('(%)');
		// The area's latest value from the overview, rounded to the declared 0 decimals.
		const latest = area.values[INCOME]!.filter((p) => p.vaerdi !== null).at(-1)!;
		const row = rows.find((r) => r[0] === String(latest.aar))!;
		expect(row[1]).toBe(String(Math.round(latest.vaerdi!)));
		expect(errors).toEqual([]);
		await page.close();
	});
	it('shows a person-based declared figure as withheld where the pipeline withheld it, like the built-in one', async () => {
		// The small department of story H3: its basic-schooling figure, like its labour-market
		// figure, is withheld in 2025 (noegletal.parquet says so; the data are the pipeline's).
		const { page, errors } = await watchedPage(browser, site);
		await page.goto(`${site.url}/afdeling/2101-008?kommune=0751&ind=${SCHOOLING}&aar=2025`);
		await chartsReady(page, index.indicators.length + 1);
		const state = (id: string) =>
			page
				.locator(`[data-indicator="${id}"] details table tbody tr`, { hasText: '2025' })
				.first()
				.locator('td')
				.first()
				.locator('[data-value-state]')
				.getAttribute('data-value-state');
		expect(await state('uden_for_arbejdsmarked')).toBe('suppressed');
		expect(await state(SCHOOLING)).toBe('suppressed');
		expect(errors).toEqual([]);
		await page.close();
	});
});
