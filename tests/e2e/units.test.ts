/**
 * Whole units and Denmark on one map (issue 10) in real Chromium on the demo data as the pipeline
 * writes it. Expected figures are worked out by hand from data/sample (see
 * tests/unit/organisation-parts.test.ts for the sums): Boligforeningen Fjordlys (2102) has nine
 * departments in Aarhus (0751) and three in Vejle (0630); its vacancy in 2024 is 5 of 732
 * dwellings in all (6,8 ‰), 5 of 513 in Aarhus (9,7 ‰) and 0 of 219 in Vejle (0,0 ‰).
 */
import { describe, expect, it } from 'vitest';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { readIndex } from './support/data.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const e2e = e2eSite({ timeout: 900_000 });

const permille = (text: string) => `${text}${NBSP}‰`;

describe('links without ?kommune open in the unit’s own municipality', () => {
	const cases: [string, string, string][] = [
		['/organisation/2102', '0751', 'Aarhus'],
		['/organisation/2103', '0461', 'Odense'],
		['/omraade/0630-O02', '0630', 'Vejle'],
		['/afdeling/2102-009', '0630', 'Vejle']
	];
	for (const [path, kode, navn] of cases) {
		it(`${path} says ${navn} in the URL, the header and the breadcrumbs`, async () => {
			const { page, errors } = await e2e.page();
			await page.goto(e2e.site.url + path);
			await page.waitForURL((url) => url.searchParams.get('kommune') === kode, { timeout: 30_000 });
			await page.waitForSelector('[data-unit-name]');
			expect(await page.locator('[data-control="municipality"]').inputValue()).toBe(kode);
			expect(await page.locator('nav.crumbs').first().innerText()).toContain(`${navn} Kommune`);
			expect(errors).toEqual([]);
			await page.close();
		});
	}

	it('/dagsorden/2102 opens the agenda in Aarhus, where Fjordlys has most departments', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(e2e.site.url + '/dagsorden/2102');
		await page.waitForURL((url) => url.searchParams.get('kommune') === '0751', { timeout: 30_000 });
		await page.waitForSelector('h1');
		await page.waitForFunction(() => !document.querySelector('main')?.textContent?.includes('Henter'), null, { timeout: 60_000 });
		const text = await page.locator('main').innerText();
		expect(text).toContain('Boligforeningen Fjordlys');
		expect(text).not.toContain('har ingen afdelinger i');
		expect(await page.locator('[data-control="municipality"]').inputValue()).toBe('0751');
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('an organisation in two municipalities', () => {
	it('shows the whole organisation beside Aarhus’s and Vejle’s parts, and all twelve departments', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(e2e.site.url + '/organisation/2102?ind=ledighed&aar=2024');
		const parts = page.locator('[data-section="organisation-parts"]');
		await parts.waitFor({ timeout: 60_000 });
		const headers = await parts.locator('thead th').allInnerTexts();
		expect(headers).toEqual(['Nøgletal', 'Hele organisationen', 'Aarhus Kommunes del', 'Vejle Kommunes del']);
		const vacancy = parts.locator('tr[data-indicator="ledighed"]');
		expect(await vacancy.locator('[data-part="hele"]').innerText()).toBe(permille('6,8'));
		expect(await vacancy.locator('[data-part="0751"]').innerText()).toBe(permille('9,7'));
		expect(await vacancy.locator('[data-part="0630"]').innerText()).toBe(permille('0,0'));
		// 2102-007 has 3 residents aged 18-64: Aarhus's part of that figure is withheld, not summed over the rest.
		const outside = parts.locator('tr[data-indicator="uden_for_arbejdsmarked"] [data-part="0751"] [data-value-state]');
		expect(await outside.getAttribute('data-value-state')).toBe('suppressed');
		const rows = page.locator('[data-list="departments"] tbody tr');
		await page.waitForFunction(() => document.querySelectorAll('[data-list="departments"] tbody tr').length === 12, null, {
			timeout: 30_000
		});
		expect(await rows.count()).toBe(12);
		expect(await page.locator('[data-list="departments"]').innerText()).toContain('Vejle');
		await detailReady(page);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('an organisation in two municipalities: its agenda', () => {
	it('in Aarhus has the whole organisation’s figures and Aarhus’s and Vejle’s parts, labelled', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(e2e.site.url + '/dagsorden/2102?kommune=0751&aar=2024');
		const table = page.locator('table', { has: page.locator('caption', { hasText: 'Hele organisationen og hver kommunes del 2024' }) });
		await table.waitFor({ timeout: 90_000 });
		const headers = (await table.locator('thead th').allInnerTexts()).map((h) => h.trim());
		expect(headers).toEqual(['Nøgletal', 'Enhed', 'Hele organisationen', 'Aarhus Kommunes del', 'Vejle Kommunes del']);
		// Ledighed 2024: 5 of 732 dwellings in all (6,8 ‰), 5 of 513 in Aarhus (9,7 ‰), 0 of 219 in Vejle.
		const vacancy = (await table.locator('tbody tr', { hasText: 'Ledighed' }).first().locator('td').allInnerTexts()).map((c) => c.trim());
		expect(vacancy.slice(-3)).toEqual(['6,8', '9,7', '0,0']);
		const text = await page.locator('main').innerText();
		expect(text).toContain('Nøgletal for Boligforeningen Fjordlys (hele organisationen)');
		expect(text).toContain('Boligforeningen Fjordlys har afdelinger i Aarhus Kommune og Vejle Kommune');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);
});

describe('benchmarks under a unit’s cards', () => {
	it('a youth department in Aarhus: the country and Midtjylland (LBF, October 2024) and youth housing in the country', async () => {
		const { page, errors } = await e2e.page();
		// 2102-003 Solsikkeparken Kollegiet is youth housing in Aarhus (data/sample/afdelinger.csv).
		await page.goto(e2e.site.url + '/afdeling/2102-003?kommune=0751&ind=ledighed&aar=2024');
		// The card as it stays, once the database's rows have replaced the early trend's.
		await detailReady(page);
		const lines = page.locator('section[data-indicator="ledighed"] [data-card-benchmarks] li');
		const texts = (await lines.allInnerTexts()).map((l) => l.trim());
		// data/reference/landstal-lbf.csv: DK 3.884 of 596.952 (6,5 ‰); 1082 1.620 of 124.282 (13,0 ‰); DK youth 710 of 44.207 (16,1 ‰).
		expect(texts).toEqual([
			`Hele landet ${permille('6,5')}, LBF oktober 2024`,
			`Region Midtjylland ${permille('13,0')}, LBF oktober 2024`,
			`Hele landet, ungdomsboliger ${permille('16,1')}, LBF oktober 2024`
		]);
		// Family housing's 6,1 ‰ is another type's figure: never on a youth department's card.
		expect(texts.join(' ')).not.toContain('familieboliger');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);
});

describe('/land', () => {
	it('draws Denmark with the three demo municipalities coloured and the rest "ingen data", ranked, with an honest benchmark', async () => {
		const index = readIndex(e2e.data);
		const { page, errors, outside } = await e2e.page();
		await page.goto(e2e.site.url + '/land?ind=ledighed&aar=2024');
		await chartsReady(page, 1);
		const count = page.locator('[data-municipalities-with-data]');
		expect(await count.getAttribute('data-municipalities-with-data')).toBe('3');
		expect(await count.getAttribute('data-municipalities-loaded')).toBe(String(index.kommuner.length));
		expect(await count.innerText()).toBe('3 af 98 kommuner har data');
		// One shape per boundary feature of the 98 municipalities (islands are separate features).
		const shapes = page.locator('[data-chart="national"] svg [data-mark="geo"] path');
		expect(await shapes.count()).toBeGreaterThanOrEqual(98);
		const titles = await page.locator('[data-chart="national"] svg [data-mark="geo"] path title').allTextContents();
		expect(titles).toContain(`Aarhus Kommune: ${permille('16,5')}`); // 23 of 1.396 dwellings
		expect(titles).toContain('Gentofte Kommune: ingen data');
		const ranked = await page.locator('[data-list="municipalities"] tbody tr').allInnerTexts();
		expect(ranked.map((r) => r.split('\t').map((c) => c.trim()))).toEqual([
			['1', 'Aarhus Kommune', permille('16,5')],
			['2', 'Odense Kommune', permille('5,4')], // 6 of 1.115
			['3', 'Vejle Kommune', permille('4,2')] // 3 of 721
		]);
		// The label rule: LBF's published figures for 2024 with their source, then the sum over the
		// three loaded municipalities under its own name, never as the country.
		const benchmark = await page.locator('[data-benchmark]').allInnerTexts();
		const item = (label: string) => benchmark.find((b) => b.split('\n')[0]!.trim() === label) ?? '';
		expect(benchmark[0]!.split('\n')[0]!.trim()).toBe('Hele landet, LBF oktober 2024');
		expect(item('Hele landet, LBF oktober 2024')).toContain(permille('6,5')); // 3.884 of 596.952 (LBF)
		expect(item('Region Syddanmark, LBF oktober 2024')).toContain(permille('8,3')); // 1.008 of 121.728 (LBF)
		expect(item('De indlæste kommuner (3 af 98)')).toContain(permille('9,9')); // 32 of 3.232
		expect(benchmark.filter((b) => b.includes(permille('9,9')))).toHaveLength(1);
		expect(benchmark.some((b) => b.split('\n')[0]!.trim() === 'Hele landet')).toBe(false);
		expect(await page.locator('nav.site-nav a[href^="/land"]').getAttribute('aria-current')).toBe('page');
		expect(errors).toEqual([]);
		expect(outside).toEqual([]);
		await page.close();
	});

	it('downloads the map as PNG and the ranking as CSV', async () => {
		const { page } = await e2e.page();
		await page.goto(e2e.site.url + '/land?ind=ledighed&aar=2024');
		await chartsReady(page, 1);
		const mapSection = page.locator('section.map');
		const [png] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			mapSection.getByRole('button', { name: /PNG/ }).click()
		]);
		expect(png.suggestedFilename()).toMatch(/\.png$/);
		const [csv] = await Promise.all([
			page.waitForEvent('download', { timeout: 60_000 }),
			mapSection.getByRole('button', { name: /CSV/ }).click()
		]);
		const text = (await import('node:fs')).readFileSync(await csv.path(), 'utf8');
		expect(text).toContain('Aarhus');
		expect(text).toContain('16,5');
		await page.close();
	});

	it('speaks English', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(e2e.site.url + '/land?ind=ledighed&aar=2024&lang=en');
		await chartsReady(page, 1);
		expect(await page.locator('h1').innerText()).toBe('The municipalities on one map');
		expect(await page.locator('[data-municipalities-with-data]').innerText()).toBe('3 of 98 municipalities have data');
		expect((await page.locator('[data-benchmark]').allInnerTexts()).join(' ')).toContain('Loaded municipalities (3 of 98)');
		expect(errors).toEqual([]);
		await page.close();
	});
});
