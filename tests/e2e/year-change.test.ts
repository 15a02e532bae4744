/**
 * A change of year on the overview, in real Chromium on the demo: the trend chart is not drawn
 * again (Observable Plot's SVG stays the same element), but its year marker moves to the new
 * year, exactly where Plot draws it on a page opened at that year; the legend, the headline card
 * and the map show the new year; a key figure shown before gets its chart back, the marker at the
 * year now chosen. The municipality's vacancy is worked out by hand from the
 * input's own cells (sum of vacant dwellings over sum of dwellings, ‰), and the marker's place
 * from the chart's width and margins (48 px left, 16 px right, src/lib/charts/trend.ts).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WebIndex } from '../../src/lib/core/output-contract.ts';
import { readIndex } from './support/data.ts';
import { ROOT } from './support/site.ts';
import { chartsReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const SAMPLE = join(ROOT, 'data/sample');

const e2e = e2eSite();
let index: WebIndex;
/** The default municipality's vacancy per year from the input's cells: 1000 × sum(ledige_boliger) / sum(boliger). */
const vacancy = new Map<number, number>();

/** Sums the demo input's vacancy cells over the departments of municipality `kode`, per year. */
function vacancyByHand(kode: string): void {
	// The demo's register is Windows-1252.
	const register = readFileSync(join(SAMPLE, 'afdelinger.csv'), 'latin1').split(/\r?\n/);
	const ids = new Set(
		register
			.slice(1)
			.filter((line) => line.split(';')[4] === kode)
			.map((line) => line.split(';')[0])
	);
	const rows = readFileSync(join(SAMPLE, 'noegletal_lbf.csv'), 'utf8').split(/\r?\n/);
	const header = rows[0]!.replace(/^\uFEFF/, '').split(';');
	const [iYear, iDwellings, iVacant] = ['aar', 'boliger', 'ledige_boliger'].map((c) => header.indexOf(c));
	const sums = new Map<number, [number, number]>();
	for (const row of rows.slice(1)) {
		const cells = row.split(';');
		if (!ids.has(cells[0]) || cells.length < header.length || cells[iDwellings!] === '' || cells[iVacant!] === '') continue;
		const year = Number(cells[iYear!]);
		const [v, d] = sums.get(year) ?? [0, 0];
		sums.set(year, [v + Number(cells[iVacant!]), d + Number(cells[iDwellings!])]);
	}
	for (const [year, [v, d]] of sums) vacancy.set(year, (1000 * v) / d);
}

/** "5,4 ‰": a per mille value as the dashboard writes it in Danish. */
const perMille = (value: number) => `${value.toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ‰`;

beforeAll(() => {
	index = readIndex(e2e.data);
	vacancyByHand(index.default_kommune);
});

/** The trend chart's SVG: its width, and the year marker's x (x1 and x2) and how many markers there are. */
async function marker(page: Page): Promise<{ width: number; x1: number; x2: number; count: number }> {
	return page
		.locator('figure[data-chart=trend] .plot svg')
		.first()
		.evaluate((svg) => {
			const lines = svg.querySelectorAll('g.year-marker line');
			return {
				width: Number(svg.getAttribute('width')),
				x1: Number(lines[0]?.getAttribute('x1')),
				x2: Number(lines[0]?.getAttribute('x2')),
				count: lines.length
			};
		});
}

/** The marker's x by hand: the frame runs from 48 px to width − 16 px over the first to the last year. */
function markerAt(year: number, width: number): number {
	const [first, last] = [Math.min(...index.years), Math.max(...index.years)];
	return 48 + ((year - first) / (last - first)) * (width - 48 - 16);
}

describe('a change of year on the overview', () => {
	it('moves the year marker without drawing the chart again, and the legend, the card and the map follow', async () => {
		const kode = index.default_kommune;
		const latest = Math.max(...index.years);
		// The earliest year with a figure, so the marker travels across the whole chart.
		const earlier = Math.min(...index.years.filter((y) => vacancy.has(y) && y !== latest));
		expect(vacancy.has(latest) && Number.isFinite(earlier)).toBe(true);
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${kode}?ind=ledighed`);
		await chartsReady(page, 1);
		await page.waitForSelector(`[data-map-ready="true"][data-map-key="ledighed:${latest}"]`, { timeout: 60_000 });
		const before = await marker(page);
		expect(before.count).toBe(1);
		expect(before.x1).toBeCloseTo(markerAt(latest, before.width), 6);
		// Marks the drawn SVG, so a redraw (a new element) would show.
		await page
			.locator('figure[data-chart=trend] .plot svg')
			.first()
			.evaluate((svg) => svg.setAttribute('data-test-drawn', 'first'));

		await page.selectOption('[data-control="year"]', String(earlier));
		await page.waitForSelector(`figure[data-chart=trend][data-chart-key^="ledighed:${earlier}:"][data-chart-ready="true"]`);
		await page.waitForSelector(`[data-map-ready="true"][data-map-key="ledighed:${earlier}"]`, { timeout: 60_000 });
		const after = await marker(page);
		expect(await page.locator('figure[data-chart=trend] .plot svg[data-test-drawn="first"]').count()).toBe(1);
		expect(after.count).toBe(1);
		expect(after.width).toBe(before.width);
		expect(after.x1).toBeCloseTo(markerAt(earlier, after.width), 6);
		expect(after.x2).toBe(after.x1);

		// The figures of the new year, by hand.
		const own = page.locator('figure[data-chart=trend] .legend li').first();
		expect((await own.locator('.at').innerText()).replace(/\s+/g, ' ').trim()).toBe(`${earlier}: ${perMille(vacancy.get(earlier)!)}`);
		expect(await page.locator('#headline-title').innerText()).toBe(`Nøgletal ${earlier}`);
		expect((await page.locator('[data-headline=ledighed] .big').innerText()).replace(/\s+/g, ' ').trim()).toBe(
			perMille(vacancy.get(earlier)!)
		);

		// The same year drawn from scratch puts the marker where the moved one stands.
		const fresh = (await e2e.page()).page;
		await fresh.setViewportSize(page.viewportSize() ?? { width: 1280, height: 720 });
		await fresh.goto(`${e2e.site.url}/kommune/${kode}?ind=ledighed&aar=${earlier}`);
		await chartsReady(fresh, 1);
		const drawn = await marker(fresh);
		expect(drawn.width).toBe(after.width);
		expect(drawn.x1).toBe(after.x1);

		// Another key figure draws the chart anew, with the marker still at the chosen year.
		await page.selectOption('[data-control="indicator"]', 'fraflytning');
		await page.waitForSelector(`figure[data-chart=trend][data-chart-key^="fraflytning:${earlier}:"][data-chart-ready="true"]`);
		expect(await page.locator('figure[data-chart=trend] .plot svg[data-test-drawn]').count()).toBe(0);
		const other = await marker(page);
		expect(other.x1).toBeCloseTo(markerAt(earlier, other.width), 6);

		// Back to the latest year, then to vacancy again: its chart drawn before is put back (the
		// same element), its marker moved to the year now chosen, and the legend says that year.
		await page.selectOption('[data-control="year"]', String(latest));
		await page.waitForSelector(`figure[data-chart=trend][data-chart-key^="fraflytning:${latest}:"][data-chart-ready="true"]`);
		await page.selectOption('[data-control="indicator"]', 'ledighed');
		await page.waitForSelector(`figure[data-chart=trend][data-chart-key^="ledighed:${latest}:"][data-chart-ready="true"]`);
		await page.waitForSelector(`[data-map-ready="true"][data-map-key="ledighed:${latest}"]`, { timeout: 60_000 });
		expect(await page.locator('figure[data-chart=trend] .plot svg[data-test-drawn="first"]').count()).toBe(1);
		expect(await page.locator('figure[data-chart=trend] .plot svg').count()).toBe(1);
		const back = await marker(page);
		expect(back.count).toBe(1);
		expect(back.x1).toBeCloseTo(markerAt(latest, back.width), 6);
		expect((await own.locator('.at').innerText()).replace(/\s+/g, ' ').trim()).toBe(`${latest}: ${perMille(vacancy.get(latest)!)}`);
		expect(errors).toEqual([]);
	});
});
