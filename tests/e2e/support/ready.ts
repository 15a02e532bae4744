/**
 * Waiting until a page shows what a test checks. Every chart sets data-chart-ready="true" once
 * drawn; a detail page also draws its trends from the Parquet before DuckDB-WASM is ready, so
 * charts being ready there says nothing of the database. detailReady() waits for the page's own
 * mark that the database has given its rows (data-database-drawn, UnitData.databaseDrawn).
 */
import type { Page } from 'playwright-core';

/** Whatever the page's main shows, so a failed wait explains itself. */
async function shown(page: Page): Promise<string> {
	const text = await page
		.locator('main')
		.innerText()
		.catch(() => '(no main)');
	return text.slice(0, 500);
}

/**
 * Waits until every chart on the page is drawn (and at least `min` of them). On a detail page
 * the early trends satisfy this before the database has drawn: use detailReady() there.
 */
export async function chartsReady(page: Page, min = 1): Promise<void> {
	try {
		await page.waitForFunction(
			(n) => {
				const charts = [...document.querySelectorAll('[data-chart-ready]')];
				return charts.length >= n && charts.every((c) => c.getAttribute('data-chart-ready') === 'true');
			},
			min,
			{ timeout: 30_000 }
		);
	} catch (error) {
		throw new Error(`charts not ready on ${page.url()}: ${await shown(page)}`, { cause: error });
	}
}

/**
 * Waits until a detail page is as it stays: the database has given every row its sections share
 * (the trends replacing the early ones, the register, the peers) and every chart is drawn from
 * them. The database loads the municipality's rows first, so this may take a while under load.
 */
export async function detailReady(page: Page, timeout = 120_000): Promise<void> {
	try {
		await page.waitForFunction(
			() =>
				document.querySelector('[data-database-drawn="true"]') !== null &&
				[...document.querySelectorAll('[data-chart-ready]')].every((c) => c.getAttribute('data-chart-ready') === 'true'),
			null,
			{ timeout }
		);
	} catch (error) {
		throw new Error(`detail page not drawn from the database on ${page.url()}: ${await shown(page)}`, { cause: error });
	}
}
