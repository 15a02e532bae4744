/**
 * The overview map in real Chromium on the demo data: the view is fitted to every department of
 * each municipality, every map uses the same class bounds for an indicator whatever the
 * municipality or year, the departments take their figures, and the department table carries
 * the figure it is about, one row per department.
 *
 * E2E_DATA=<an ingested output folder> runs the same checks on other data, e.g. the generator's
 * `national` scale (README, "The national scale"); with more than six municipalities the fitting
 * check takes six spread over the list, the largest and smallest by departments among them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { readIndex, readOverview } from './support/data.ts';
import { demoData } from './support/site.ts';
import { e2eSite } from './support/suite.ts';

let index: WebIndex;

const e2e = e2eSite({ data: () => process.env.E2E_DATA ?? demoData() });

beforeAll(() => {
	index = readIndex(e2e.data);
});

async function openMap(path: string, width = 1280, departments = true): Promise<{ page: Page; errors: string[] }> {
	const watched = await e2e.page();
	await watched.page.setViewportSize({ width, height: 900 });
	await watched.page.goto(e2e.site.url + path);
	await watched.page.waitForSelector(departments ? '[data-map-ready="true"][data-map-departments="true"]' : '[data-map-ready="true"]', {
		timeout: 60_000
	});
	return watched;
}

/** Every municipality, or six of them on a large input: the largest and smallest, and four spread over the codes. */
function sample(codes: string[]): string[] {
	if (codes.length <= 6) return codes;
	const size = (kode: string) => readOverview(e2e.data, kode).afdelinger.length;
	const bySize = [...codes].sort((a, b) => size(a) - size(b));
	const spread = [0, 1, 2, 3].map((i) => codes[Math.floor((i * (codes.length - 1)) / 3)]!);
	return [...new Set([bySize[0]!, bySize.at(-1)!, ...spread])];
}

describe('the overview map', () => {
	it('fits the view to every department of each municipality, at 1280 and 768 px', async () => {
		for (const width of [1280, 768]) {
			for (const kode of sample(index.kommuner.map((k) => k.kode))) {
				const overview: WebOverview = readOverview(e2e.data, kode);
				const placed = overview.afdelinger.filter((d) => d.lat != null && d.lon != null);
				expect(placed.length, kode).toBeGreaterThan(0);
				const { page, errors } = await openMap(`/kommune/${kode}`, width);
				const bounds = (await page.locator('.area-map').getAttribute('data-map-bounds'))!.split(',').map(Number);
				expect(bounds, kode).toHaveLength(4);
				const [west, south, east, north] = bounds as [number, number, number, number];
				for (const d of placed) {
					expect(d.lon! >= west && d.lon! <= east && d.lat! >= south && d.lat! <= north, `${kode} ${d.id} at ${width}px`).toBe(true);
				}
				// Fitted, not just "somewhere in Denmark": the departments span a good part of the view.
				const lons = placed.map((d) => d.lon!);
				const lats = placed.map((d) => d.lat!);
				const spanShare = Math.max(
					(Math.max(...lons) - Math.min(...lons)) / (east - west),
					(Math.max(...lats) - Math.min(...lats)) / (north - south)
				);
				if (placed.length > 1) expect(spanShare, kode).toBeGreaterThan(0.4);
				expect(errors, kode).toEqual([]);
				await page.close();
			}
		}
	}, 300_000);

	it('uses one set of class bounds for an indicator in every municipality and year, stated with its basis', async () => {
		expect(index.kommuner.length).toBeGreaterThanOrEqual(2);
		const [first, second] = index.kommuner;
		const years = [index.years[0]!, index.years.at(-1)!];
		for (const ind of ['ledighed', 'fraflytning', 'henlaeggelser']) {
			const seen = new Set<string>();
			for (const [kode, aar] of [
				[first!.kode, years[0]],
				[second!.kode, years[1]],
				[first!.kode, years[1]]
			] as const) {
				const { page } = await openMap(`/kommune/${kode}?ind=${ind}&aar=${aar}`, 1280, false);
				const legend = page.locator('.area-map .legend');
				const breaks = await legend.getAttribute('data-breaks');
				expect(breaks, `${ind} ${kode} ${aar}`).toBeTruthy();
				seen.add(breaks!);
				// The legend says what the bounds mean (a source or the basis of the numbers).
				// Provisions have no official bound: the municipalities' quintiles, said as such, never a "landstal".
				const note = await legend.locator('.note').innerText();
				if (ind === 'henlaeggelser') {
					expect(note).toContain('kvintilerne af kommunernes tal');
					expect(note).not.toContain('landstal');
				} else {
					expect(note).toMatch(/Landsbyggefonden|landstal/);
				}
				await page.close();
			}
			expect([...seen], ind).toHaveLength(1);
		}
	}, 300_000);

	it('shows every department in the table with its dwellings and the figure chosen', async () => {
		const kode = index.default_kommune;
		const overview = readOverview(e2e.data, kode);
		const { page } = await openMap(`/kommune/${kode}?ind=ledighed`);
		const table = page.locator('[data-list="departments"]');
		await expect.poll(() => table.locator('tbody tr').count()).toBe(overview.afdelinger.length);
		const headers = await table.locator('thead th').allInnerTexts();
		expect(headers.join('|')).toContain('Boliger');
		expect(headers.join('|')).toContain('Ledighed');
		// Every row has a number of dwellings (the demo registers every department's dwellings).
		const dwellings = await table.locator('tbody tr td:nth-child(4)').allInnerTexts();
		expect(
			dwellings.every((text) => /^\d{1,3}(\.\d{3})*$/.test(text.trim())),
			dwellings.join(',')
		).toBe(true);
		// The last row is fully inside its scroll box once scrolled to the end: nothing is cut.
		const box = page.locator('[data-list="departments"]').locator('..');
		await box.evaluate((el) => el.scrollTo(0, el.scrollHeight));
		const last = await table.locator('tbody tr').last().boundingBox();
		const outer = await box.boundingBox();
		expect(last!.y + last!.height).toBeLessThanOrEqual(outer!.y + outer!.height + 0.5);
		await page.close();
	});
});
