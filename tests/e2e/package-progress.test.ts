/**
 * The documentation package in a real browser (headless Chromium) on the demo data: while it is
 * built a progress bar says "n af m" ("n of m" in English) with role=progressbar and its value and
 * maximum, and "Annullér" stops it without a download; built to the end, the municipality's
 * package holds its own report with the page's map. Screenshots of the progress and of the
 * report's PDF pages are saved in tests/.tmp/screens-package to be looked at.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { PNG } from 'pngjs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText } from '../support/pdf-text.ts';
import { renderPdfPages } from '../support/pdf-render.ts';
import { ROOT } from './support/site.ts';
import { chartsReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const KODE = '0751';
const YEAR = 2025;
const SCREENS = join(ROOT, 'tests/.tmp/screens-package');

const e2e = e2eSite();

beforeAll(() => {
	mkdirSync(SCREENS, { recursive: true });
});

/** The progress bar as assistive technology reads it and as the eye sees it, read at one moment. */
async function progressNow(page: Page) {
	return page.evaluate(() => {
		const bar = document.querySelector('[data-package] [role="progressbar"]');
		if (!bar) return null;
		return {
			name: bar.getAttribute('aria-label'),
			now: Number(bar.getAttribute('aria-valuenow')),
			max: Number(bar.getAttribute('aria-valuemax')),
			text: bar.getAttribute('aria-valuetext'),
			shown: bar.parentElement!.querySelector('.count')!.textContent,
			fill: (bar.firstElementChild as HTMLElement).style.width
		};
	});
}

/** Waits until the package has made `n` steps (and the bar is still there). */
async function stepsDone(page: Page, n: number): Promise<void> {
	await page.waitForFunction(
		(min) => Number(document.querySelector('[data-package] [role="progressbar"]')?.getAttribute('aria-valuenow')) >= min,
		n,
		{ timeout: 120_000 }
	);
}

describe('the municipality package', () => {
	let page: Page;
	const downloads: string[] = [];
	let errors: string[];

	beforeAll(async () => {
		const watched = await e2e.page();
		page = watched.page;
		errors = watched.errors;
		page.on('download', (d) => downloads.push(d.suggestedFilename()));
		await page.goto(`${e2e.site.url}/kommune/${KODE}?ind=ledighed&aar=${YEAR}`);
		await chartsReady(page, 1);
		await page.waitForSelector('[data-map-ready="true"]');
	}, 120_000);

	afterAll(() => page?.close());

	it('shows its progress as "n af m" and stops, with no download, when cancelled', async () => {
		await page.getByRole('button', { name: /Dokumentationspakke/ }).click();
		await stepsDone(page, 1);
		const seen = (await progressNow(page))!;
		expect(seen.name).toBe('Dokumentationspakken bygges');
		expect(seen.now).toBeGreaterThanOrEqual(1);
		// Aarhus's 2 organisations × (data + 10 key figures × 2 charts + report) + its own data and
		// report + the zip. The demo has the 7 built-in key figures and 3 of its own (indikatorer.csv).
		expect(seen.max).toBe(2 * (1 + 10 * 2 + 1) + 3);
		expect(seen.text).toBe(`${seen.now} af ${seen.max}`);
		expect(seen.shown).toBe(`${seen.now} af ${seen.max}`);
		expect(Number.parseFloat(seen.fill)).toBeCloseTo((100 * seen.now) / seen.max, 5);
		await page.locator('[data-package]').screenshot({ path: join(SCREENS, 'package-progress.png') });
		await page.screenshot({ path: join(SCREENS, 'package-progress-page.png'), clip: { x: 0, y: 0, width: 1280, height: 520 } });

		await page.getByRole('button', { name: 'Annullér' }).click();
		await page.getByRole('status').filter({ hasText: 'Annulleret – intet er hentet.' }).waitFor({ timeout: 60_000 });
		expect(await progressNow(page)).toBeNull();
		expect(downloads).toEqual([]);
		await expect(page.getByRole('button', { name: /Dokumentationspakke/ }).isEnabled()).resolves.toBe(true);
		await page.locator('[data-package]').screenshot({ path: join(SCREENS, 'package-cancelled.png') });
	}, 180_000);

	it('built to the end, holds the municipality’s report with the page’s map', async () => {
		const [file] = await Promise.all([
			page.waitForEvent('download', { timeout: 300_000 }),
			page.getByRole('button', { name: /Dokumentationspakke/ }).click()
		]);
		expect(file.suggestedFilename()).toBe(`Dokumentationspakke ${YEAR} - Aarhus Kommune.zip`);
		const files = unzipSync(new Uint8Array(readFileSync(await file.path())));
		const report = `Kommunerapport ${YEAR} - Aarhus Kommune`;
		expect(Object.keys(files).filter((n) => !n.includes('/'))).toEqual([
			'LÆSMIG.txt',
			`${report}.docx`,
			`${report}.pdf`,
			`Kort ${YEAR} - Aarhus Kommune.png`
		]);
		// The captured map is in the image: its sea (#e8eef2) and land (#f7f7f4) cover many pixels.
		const map = PNG.sync.read(Buffer.from(files[`Kort ${YEAR} - Aarhus Kommune.png`]!));
		let mapPixels = 0;
		for (let i = 0; i < map.data.length; i += 4) {
			const [r, g, b] = [map.data[i]!, map.data[i + 1]!, map.data[i + 2]!];
			if ((r === 0xe8 && g === 0xee && b === 0xf2) || (r === 0xf7 && g === 0xf7 && b === 0xf4)) mapPixels++;
		}
		expect(mapPixels).toBeGreaterThan(10_000);
		// The same image in the Word report, and the report's sections in its PDF.
		const docx = unzipSync(files[`${report}.docx`]!);
		const media = Object.keys(docx).filter((n) => n.startsWith('word/media/'));
		expect(media).toHaveLength(1);
		expect(docx[media[0]!]).toEqual(files[`Kort ${YEAR} - Aarhus Kommune.png`]);
		expect(strFromU8(docx['word/document.xml']!)).toContain('Ledighed');
		const pdf = await pdfText(files[`${report}.pdf`]!);
		expect(pdf.outline.slice(0, 4)).toEqual([
			`Kommunerapport ${YEAR}: Aarhus Kommune`,
			'Kort',
			`Nøgletal ${YEAR}`,
			'Boligområder og boligorganisationer'
		]);
		// Whole units: Fjordlys (2102) has 9 departments in Aarhus and 3 in Vejle (data/sample/afdelinger.csv);
		// its folder in Aarhus's package is the whole organisation's, with Vejle's departments and part.
		const fjordlys = Object.keys(files).find((n) => n.startsWith('Boligforeningen Fjordlys/') && n.endsWith('.pdf'))!;
		expect(fjordlys).toBeDefined();
		const whole = (await pdfText(files[fjordlys]!)).pages.join(' ').replace(/\s+/g, ' ');
		expect(whole).toContain('har afdelinger i Aarhus Kommune og Vejle Kommune');
		expect(whole).toContain('2102-012');
		const pages = await renderPdfPages(files[`${report}.pdf`]!, SCREENS, 'kommunerapport');
		expect(pages.length).toBeGreaterThanOrEqual(2);
		expect(errors).toEqual([]);
	}, 360_000);
});

describe('an organisation package in English', () => {
	it('says "n of m" and "Cancel"', async () => {
		const { page, errors } = await e2e.page();
		const downloads: string[] = [];
		page.on('download', (d) => downloads.push(d.suggestedFilename()));
		await page.goto(`${e2e.site.url}/organisation/2102?kommune=${KODE}&aar=${YEAR}&lang=en`);
		await chartsReady(page, 1);
		await page.getByRole('button', { name: /Documentation package/ }).click();
		await stepsDone(page, 1);
		const seen = (await progressNow(page))!;
		expect(seen.name).toBe('Building the documentation package');
		// Its data, 10 key figures (7 built in, 3 of the demo's own) × 2 charts, its report and the zip.
		expect(seen.max).toBe(1 + 10 * 2 + 1 + 1);
		expect(seen.text).toBe(`${seen.now} of 23`);
		expect(seen.shown).toBe(`${seen.now} of 23`);
		await page.getByRole('button', { name: 'Cancel' }).click();
		await page.getByRole('status').filter({ hasText: 'Cancelled – nothing was downloaded.' }).waitFor({ timeout: 60_000 });
		expect(downloads).toEqual([]);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);
});
