/**
 * A phone's screen (375 px, an iPhone's CSS width) in real Chromium on the demo data: no page is
 * wider than the screen, in Danish and in English. Wide tables scroll in their own box; a page
 * that scrolls sideways hides its right-hand columns and controls (the overview's lists and map,
 * the focus list's rule editor and tables, the targets' table were 394-714 px wide).
 */
import { describe, expect, it } from 'vitest';
import { unitPath } from '../../src/lib/data/unit-path.ts';
import { readIndex, readOverview } from './support/data.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const WIDTH = 375;
const e2e = e2eSite();

describe(`a ${WIDTH} px screen`, () => {
	it('holds every page without scrolling sideways', async () => {
		const index = readIndex(e2e.data);
		const kode = index.default_kommune;
		const department = readOverview(e2e.data, kode).afdelinger[0]!;
		const routes = [
			{ path: '/', ready: '[data-map-ready="true"]', charts: 1 },
			{ path: '/land', ready: '[data-list=municipalities]', charts: 1 },
			{ path: `${unitPath('boligorganisation', department.organisation_id)}?kommune=${kode}`, ready: 'h1', charts: 2, detail: true },
			{ path: `${unitPath('afdeling', department.id)}?kommune=${kode}`, ready: 'h1', charts: 2, detail: true },
			{ path: `/fokus?kommune=${kode}`, ready: '[data-rule-editor]', charts: 0 },
			{ path: `/aftaler?kommune=${kode}`, ready: '[data-form=draft-target]', charts: 0 },
			{ path: `/dagsorden?kommune=${kode}`, ready: '[data-agenda]', charts: 0 },
			{ path: `/dagsorden/${encodeURIComponent(department.organisation_id)}?kommune=${kode}`, ready: '[data-agenda]', charts: 1 }
		];
		const wider: Record<string, number> = {};
		for (const lang of ['da', 'en']) {
			for (const route of routes) {
				const path = lang === 'en' ? `${route.path}${route.path.includes('?') ? '&' : '?'}lang=en` : route.path;
				const { page } = await e2e.page();
				await page.setViewportSize({ width: WIDTH, height: 800 });
				await page.goto(e2e.site.url + path);
				await page.waitForSelector(route.ready, { timeout: 60_000 });
				if (route.charts) await chartsReady(page, route.charts);
				if (route.detail) await detailReady(page);
				const width = await page.evaluate(() => document.documentElement.scrollWidth);
				if (width > WIDTH) wider[path] = width;
				await page.close();
			}
		}
		expect(wider).toEqual({});
	}, 600_000);
});
