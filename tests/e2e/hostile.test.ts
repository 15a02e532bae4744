/**
 * Names are text everywhere: a department called `<img src=x onerror=alert(1)>` is ingested from
 * a copy of data/sample and shows as those characters (link, heading, legends, the chart's and the
 * map's tooltips), with no element made and no dialog. And
 * broken data files give a message on the page, not a blank screen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readIndex } from './support/data.ts';
import { demoInputWith } from './support/demo-input.ts';
import { ROOT, ingest, startSite, watchedPage } from './support/site.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
let input: string;
let department: { id: string; kode: string };

// Each test serves data of its own: the file's browser only.
const e2e = e2eSite({ data: null });

beforeAll(() => {
	// The demo input, with one department renamed: Rosehusene (2102-011) in Aarhus, whose point on
	// the map stands alone, so its tooltip can be hovered (the points of Engparken Øst's departments
	// lie on top of one another).
	input = demoInputWith('hostile-input', (rows) => {
		const row = rows.find((r) => r['afdeling_id'] === '2102-011')!;
		row['afdeling_navn'] = HOSTILE;
		department = { id: row['afdeling_id']!, kode: row['kommune_kode']! };
	});
});

/**
 * Finds a point on the map whose tooltip names `name`: synthetic mouse moves over the canvas on a
 * fixed grid (the same map draws the same way every run, so the scan is deterministic), in one
 * evaluate so it stays fast. The map class exposes no projection, and adding a test hook to it for
 * this would be the only one. Returns the point in page coordinates, or the names seen instead.
 */
async function mapPointNaming(page: Page, name: string): Promise<{ x: number; y: number } | string[]> {
	return page.evaluate((wanted) => {
		const seen = new Set<string>();
		const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
		const tooltip = document.querySelector<HTMLElement>('.area-map-tooltip');
		if (!canvas || !tooltip) return ['(no map)'];
		const box = canvas.getBoundingClientRect();
		const step = 6;
		for (let y = box.top + step; y < box.bottom - step; y += step) {
			for (let x = box.left + step; x < box.right - step; x += step) {
				canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
				const shown = tooltip.hidden ? null : tooltip.querySelector('.name')?.textContent;
				if (shown === wanted) return { x, y };
				if (shown) seen.add(shown);
			}
		}
		// Not found: the names that were, so a failure explains itself.
		return [...seen];
	}, name);
}

describe('a hostile department name', () => {
	it('shows as text on the overview, the detail page and in the chart table, and runs nothing', async () => {
		const site = await startSite(ingest(input));
		try {
			const { page, errors, dialogs } = await watchedPage(e2e.browser, site);
			await page.goto(`${site.url}/kommune/${department.kode}`);
			await chartsReady(page);
			await page.waitForSelector('[data-map-ready="true"]');
			// The map's tooltip names the department as text.
			const tooltip = page.locator('.area-map-tooltip');
			const point = await mapPointNaming(page, HOSTILE);
			if (Array.isArray(point)) throw new Error(`no map tooltip names the department; seen: ${point.join(' | ')}`);
			await page.mouse.move(0, 0);
			await page.mouse.move(point.x, point.y);
			await tooltip.locator('.name', { hasText: HOSTILE }).waitFor();
			expect(await tooltip.locator('.kind').textContent()).toBe('Afdeling');
			expect(await tooltip.locator('.name').textContent()).toBe(HOSTILE);
			expect(await page.evaluate(() => document.querySelectorAll('img, [onload], [onerror]').length)).toBe(0);
			expect(dialogs).toEqual([]);

			const link = page.locator(`a[data-unit="afdeling"][href^="/afdeling/${department.id}?"]`);
			expect(await link.textContent()).toBe(HOSTILE);

			await link.click();
			// The trends are drawn before the database is ready (issue 12); the peers chart and its
			// table come from the database.
			await detailReady(page);
			expect(await page.locator('h1').textContent()).toBe(HOSTILE);
			// The legend of every trend chart names the unit; the peers table lists it.
			expect(await page.locator('figure.trend li', { hasText: HOSTILE }).count()).toBeGreaterThanOrEqual(7);
			await page.locator('figure.peers + details').first().locator('summary').click();
			expect(await page.getByRole('link', { name: HOSTILE }).count()).toBeGreaterThanOrEqual(1);
			// Hover the unit's dot on its bar (only the unit has one) so the Plot tip draws its name.
			const peers = page.locator('figure.peers svg').first();
			await peers.locator('g[data-mark=dot] circle').first().hover();
			const tip = peers.locator('g[data-mark=tip]');
			await tip.locator('text', { hasText: HOSTILE }).waitFor();
			expect(await tip.textContent()).toContain(HOSTILE);

			expect(await page.locator('img[src="x"]').count()).toBe(0);
			expect(await page.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
			expect(dialogs).toEqual([]);
			expect(errors).toEqual([]);
			await page.close();
		} finally {
			await site.close();
		}
	}, 180_000);
});

describe('broken data files', () => {
	it('says which file is missing or damaged instead of showing a blank page', async () => {
		const data = ingest(join(ROOT, 'data/sample'));
		const kode = readIndex(data).default_kommune;
		truncateSync(join(data, `web/${kode}/overblik.json`), 40);
		const other = readIndex(data).kommuner.find((k) => k.kode !== kode)!.kode;
		// noegletal.parquet overwritten with zeros, size kept: the footer the dashboard reads is not Parquet.
		writeFileSync(join(data, 'noegletal.parquet'), new Uint8Array(statSync(join(data, 'noegletal.parquet')).size));
		const site = await startSite(data);
		try {
			const { page } = await watchedPage(e2e.browser, site);
			await page.goto(`${site.url}/kommune/${kode}`);
			await page.waitForSelector('[data-data-error]');
			expect(await page.locator('[data-data-error]').textContent()).toContain(`data/web/${kode}/overblik.json`);

			const overview = JSON.parse(readFileSync(join(data, `web/${other}/overblik.json`), 'utf8'));
			await page.goto(`${site.url}/afdeling/${overview.afdelinger[0].id}?kommune=${other}`);
			await page.waitForSelector('[data-data-error]');
			expect(await page.locator('[data-data-error]').textContent()).toContain('data/noegletal.parquet');
			// The name still shows: the page says what it can.
			expect(await page.locator('h1').textContent()).toBe(overview.afdelinger[0].navn);
			await page.close();
		} finally {
			await site.close();
		}
	});
});
