/**
 * The demo's own indicators (data/sample/indikatorer.csv, issue 15) in real Chromium: chosen in
 * the indicator list, kept in the URL (a reload, back and forward), drawn as card, trend, ranking
 * among peers and map (with national-quintile classes said in the legend) like the seven, in
 * English too, listed in the rule editor and the official presets, in the agenda's Word export,
 * downloaded as CSV, XLSX, SVG and PNG with the figures the page shows, and a person-based one
 * shown as withheld where the pipeline withheld it. The figures are read from the pipeline's own
 * files (their arithmetic is checked by hand in tests/unit/declared-indicators.test.ts,
 * map-quantiles.test.ts and municipality-report.test.ts).
 */
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { readIndex, readOverview } from './support/data.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const INCOME = 'indkomstniveau';
const SCHOOLING = 'kun_grundskole';
const CONVICTIONS = 'domme_pr_1000';
let index: WebIndex;
let overview: WebOverview;

const e2e = e2eSite();

beforeAll(() => {
	index = readIndex(e2e.data);
	overview = readOverview(e2e.data, index.default_kommune);
});

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string; bytes: Uint8Array }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
	const bytes = new Uint8Array(readFileSync(await file.path()));
	return { name: file.suggestedFilename(), text: new TextDecoder().decode(bytes), bytes };
}

const csvRows = (text: string) => Papa.parse<string[]>(text.replace(/^\ufeff/, ''), { delimiter: ';', skipEmptyLines: true }).data;

/** The text of a Word document's or workbook's XML parts, tags removed. */
function xmlText(bytes: Uint8Array, part: RegExp): string {
	const files = unzipSync(bytes);
	return Object.keys(files)
		.filter((n) => part.test(n))
		.map((n) => strFromU8(files[n]!).replace(/<[^>]+>/g, ' '))
		.join(' ')
		.replaceAll('&amp;', '&');
}

describe('declared indicators in the browser', () => {
	it('are published by the pipeline with their declarations', () => {
		expect(index.indicators).toEqual(expect.arrayContaining([INCOME, SCHOOLING, 'domme_pr_1000']));
		expect(index.indikatorer?.map((d) => d.indikator)).toEqual(['domme_pr_1000', SCHOOLING, INCOME]);
	});

	it('is chosen in the indicator list, kept in the URL, and drawn as card, trend and map', async () => {
		const kode = index.default_kommune;
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${kode}`);
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
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${index.default_kommune}?ind=${SCHOOLING}&lang=en`);
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="${SCHOOLING}:"][data-chart-ready="true"]`);
		expect(await page.locator('#trend-title').textContent()).toContain('Basic schooling only');
		// On an area's page, the declared English description (data/sample/indikatorer.csv's beskrivelse_en).
		const area = overview.omraader[0]!;
		await page.goto(`${e2e.site.url}/omraade/${encodeURIComponent(area.id)}?kommune=${index.default_kommune}&ind=${SCHOOLING}&lang=en`);
		await detailReady(page);
		expect(await page.locator(`[data-indicator="${SCHOOLING}"] .definition`).textContent()).toBe(
			'Share of residents aged 30-59 whose highest completed education is basic school.'
		);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('downloads the trend of a declared indicator on an area page as CSV with its name and unit', async () => {
		const area = overview.omraader.find((o) => (o.values[INCOME] ?? []).some((p) => p.vaerdi !== null))!;
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/omraade/${encodeURIComponent(area.id)}?kommune=${index.default_kommune}&ind=${INCOME}`);
		await detailReady(page);
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
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/afdeling/2101-008?kommune=0751&ind=${SCHOOLING}&aar=2025`);
		await detailReady(page);
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
	it('ranks the departments among their peers by a declared figure, downloaded as CSV and XLSX with the input’s arithmetic', async () => {
		// 2101-001's income relative to the region in the latest year, from the input file itself.
		const year = Math.max(...index.years);
		const input = csvRows(readFileSync('data/sample/noegletal_egne.csv', 'utf8'));
		const [header, ...lines] = input;
		const col = (name: string) => header!.indexOf(name);
		const line = lines.find((l) => l[0] === '2101-001' && l[1] === String(year))!;
		const expected = Math.round((100 * Number(line[col('Indkomst (kr.)')])) / Number(line[col('Regionens indkomst (kr.)')]));

		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/afdeling/2101-001?kommune=0751&ind=${INCOME}&aar=${year}`);
		await detailReady(page);
		const rows = await page.locator('section.peers details table tbody tr').count();
		expect(rows).toBe(index.kommuner.find((k) => k.kode === '0751')!.afdelinger);

		const csv = csvRows((await download(page, () => page.locator('section.peers [data-export="csv"]').click())).text);
		expect(csv[0]!.join(';')).toContain('Indkomst i forhold til regionen');
		const own = csv.find((r) => r.some((c) => c.startsWith('Engparken Øst, blok 1')))!;
		expect(own).toContain(String(expected));

		const xlsx = await download(page, () => page.locator('section.peers [data-export="xlsx"]').click());
		expect(xlsx.name.endsWith('.xlsx')).toBe(true);
		expect(xmlText(xlsx.bytes, /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/)).toContain('Indkomst i forhold til regionen');

		// The trend chart of another declared figure as SVG (its title inside) and PNG (twice its size).
		const trend = page.locator(`[data-indicator="${CONVICTIONS}"]`);
		const svg = await download(page, () => trend.locator('[data-export="svg"]').click());
		expect(svg.text).toContain('Domme pr. 1.000 beboere');
		const [, w] = /<svg [^>]*width="(\d+)"/.exec(svg.text)!;
		const png = PNG.sync.read(Buffer.from((await download(page, () => trend.locator('[data-export="png"]').click())).bytes));
		expect(png.width).toBe(2 * Number(w));
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	it('keeps a declared indicator in the URL through back and forward', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/0751?ind=${CONVICTIONS}`);
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="${CONVICTIONS}:"][data-chart-ready="true"]`);
		expect(await page.inputValue('[data-control="indicator"]')).toBe(CONVICTIONS);
		await page.selectOption('[data-control="indicator"]', 'ledighed');
		await page.waitForURL(/ind=ledighed/);
		await page.goBack();
		await page.waitForURL(new RegExp(`ind=${CONVICTIONS}`));
		await page.waitForSelector(`[data-chart="trend"][data-chart-key^="${CONVICTIONS}:"][data-chart-ready="true"]`);
		expect(await page.inputValue('[data-control="indicator"]')).toBe(CONVICTIONS);
		await page.goForward();
		await page.waitForURL(/ind=ledighed/);
		expect(await page.inputValue('[data-control="indicator"]')).toBe('ledighed');
		expect(errors).toEqual([]);
		await page.close();
	});

	it('colours the map by the area quintiles the pipeline published, said so (of the loaded municipalities, 3 of 98) in the legend, and exports it', async () => {
		const quantiles = index.kvantiler?.[CONVICTIONS];
		expect(quantiles?.graenser.length).toBe(4);
		const { page, errors } = await e2e.page();
		const year = Math.max(...index.years);
		await page.goto(`${e2e.site.url}/kommune/0751?ind=${CONVICTIONS}&aar=${year}`);
		await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
		const legend = page.locator('section.map .legend').first();
		expect(await legend.getAttribute('data-breaks')).toBe(['-Infinity', ...quantiles!.graenser, 'Infinity'].join(';'));
		expect(await legend.textContent()).toContain('de indlæste kommuner (3 af 98), ikke landets fordeling');
		expect(await legend.textContent()).not.toContain('hele landet');
		const png = await download(page, () => page.locator('section.map [data-export="png"]').click());
		expect(png.name).toBe(`Kort - Domme pr. 1.000 beboere ${year} - Aarhus Kommune.png`);
		await page.screenshot({ path: 'tests/.tmp/declared-map.png', fullPage: false });

		await page.goto(`${e2e.site.url}/kommune/0751?ind=${CONVICTIONS}&aar=${year}&lang=en`);
		await page.waitForSelector('[data-map-ready="true"]', { timeout: 60_000 });
		expect(await page.locator('section.map .legend').first().textContent()).toContain('loaded municipalities (3 of 98)');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);

	it('is in the rule editor’s lists, and the official presets evaluate all four criteria with it', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/fokus?kommune=0751`);
		await page.locator('[data-rule-editor]').waitFor({ timeout: 60_000 });
		const presets = await page.locator('[data-control="preset"] option').evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
		expect(presets).toEqual(['tidlig-indsats', 'udsat-2018', 'forebyggelse-2021', 'koebenhavn-40-50']);
		const options = await page
			.locator('[data-rule-editor] [data-field="indikator"]')
			.first()
			.locator('option')
			.evaluateAll((o) => o.map((e) => (e as HTMLOptionElement).value));
		expect(options).toEqual(expect.arrayContaining([CONVICTIONS, SCHOOLING, INCOME]));

		await page.selectOption('[data-control="preset"]', 'udsat-2018');
		await page.waitForURL(/regler=udsat-2018/);
		const notes = await page.locator('[data-rule-editor] .notes').textContent();
		expect(notes).toContain('Alle fire kriterier har nøgletal i data');
		expect(notes).toContain('referencetal.csv');
		const summary = (await page.locator('[data-rule-editor] .summary').textContent())!;
		for (const name of ['Uden for arbejdsmarkedet', 'Domme pr. 1.000 beboere', 'Kun grundskole', 'Indkomst i forhold til regionen'])
			expect(summary).toContain(name);
		// Chosen rules are unsaved work and the page asks before it is left: the link opens in a fresh page.
		const link = page.url();
		expect(errors).toEqual([]);
		await page.close();

		const again = await e2e.page();
		await again.page.goto(link);
		await again.page.locator('[data-rule-editor]').waitFor({ timeout: 60_000 });
		expect(await again.page.inputValue('[data-control="preset"]')).toBe('udsat-2018');
		expect(again.errors).toEqual([]);
		await again.page.close();

		const english = await e2e.page();
		await english.page.goto(`${e2e.site.url}/fokus?kommune=0751&lang=en`);
		await english.page.locator('[data-rule-editor]').waitFor({ timeout: 60_000 });
		const names = await english.page.locator('[data-rule-editor] [data-field="indikator"]').first().locator('option').allTextContents();
		expect(names).toEqual(expect.arrayContaining(['Convictions per 1,000 residents', 'Income relative to the region']));
		expect(english.errors).toEqual([]);
		await english.page.close();
	}, 120_000);

	it('is in the governance meeting’s key-figure table, in the Word export too', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/dagsorden/2101?kommune=0751`);
		await page.locator('[data-agenda=styringsdialog]').waitFor({ timeout: 60_000 });
		const shown = await page.locator('[data-agenda=styringsdialog]').textContent();
		expect(shown).toContain('Domme pr. 1.000 beboere (‰)');
		const docx = await download(page, () => page.locator('[data-action=export-docx]').click());
		const text = xmlText(docx.bytes, /^word\/document\.xml$/);
		expect(text).toContain('Domme pr. 1.000 beboere (‰)');
		expect(text).toContain('Indkomst i forhold til regionen (%)');
		expect(errors).toEqual([]);
		await page.close();
	}, 120_000);
});
