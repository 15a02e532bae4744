/**
 * A country that is the country, in real Chromium: one municipality (Odense, 0461) ingested with
 * a reference file of its own. The vacancy card and the trend chart show Landsbyggefonden's 6,5 ‰
 * (3.884 of 596.952 dwellings, October 2024) as "Hele landet" with its source, and Region
 * Syddanmark's 8,3 ‰ (1.008 of 121.728); Odense's own figure (worked out below from the input's
 * own cells) appears as Odense's, never as the country's. Where no reference exists for the year
 * (2025), nothing is called the country at all.
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Manifest } from '../../src/lib/core/output-contract.ts';
import type { ReferenceFile } from '../../src/lib/core/reference.ts';
import { readOverview } from './support/data.ts';
import { ROOT, ingest, tempDir } from './support/site.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const KODE = '0461';
const SAMPLE = join(ROOT, 'data/sample');

/** Odense's vacancy per year from the input's own cells: sum(ledige_boliger) / sum(boliger) × 1000. */
const own = new Map<number, number>();

/** The demo's input cut to one municipality's departments, with the reference file beside it. */
function oneMunicipality(): string {
	const dir = join(tempDir('input'), 'odense');
	mkdirSync(dir, { recursive: true });
	// The demo's register is Windows-1252: cut it byte for byte, as latin1.
	const register = readFileSync(join(SAMPLE, 'afdelinger.csv'), 'latin1').split(/\r?\n/);
	const kept = register.filter((line, i) => i === 0 || line.split(';')[4] === KODE);
	writeFileSync(join(dir, 'afdelinger.csv'), kept.join('\r\n') + '\r\n', 'latin1');
	const ids = new Set(kept.slice(1).map((line) => line.split(';')[0]));
	for (const file of [
		'noegletal_lbf.csv',
		'noegletal_beboere.csv',
		'noegletal_regnskab_2010-2017.csv',
		'noegletal_regnskab_2018-2025.csv'
	]) {
		const lines = readFileSync(join(SAMPLE, file), 'utf8').split(/\r?\n/);
		const rows = lines.filter((line, i) => i === 0 || ids.has(line.split(';')[0]!));
		writeFileSync(join(dir, file), rows.join('\n') + '\n');
		if (file === 'noegletal_lbf.csv') {
			const header = rows[0]!.replace(/^\uFEFF/, '').split(';');
			const [iYear, iDwellings, iVacant] = ['aar', 'boliger', 'ledige_boliger'].map((c) => header.indexOf(c));
			const sums = new Map<number, [number, number]>();
			for (const row of rows.slice(1)) {
				const cells = row.split(';');
				if (cells[iDwellings!] === '' || cells[iVacant!] === '' || cells.length < header.length) continue;
				const year = Number(cells[iYear!]);
				const [v, d] = sums.get(year) ?? [0, 0];
				sums.set(year, [v + Number(cells[iVacant!]), d + Number(cells[iDwellings!])]);
			}
			for (const [year, [v, d]] of sums) own.set(year, (1000 * v) / d);
		}
	}
	copyFileSync(join(ROOT, 'data/reference/landstal-lbf.csv'), join(dir, 'referencetal.csv'));
	return dir;
}

/** "5,4 ‰": a per mille value as the dashboard writes it in Danish. */
const perMille = (value: number) => `${value.toLocaleString('da-DK', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} ‰`;

const e2e = e2eSite({ data: () => ingest(oneMunicipality()) });

/** The trend chart's legend: each series' label and its value in the chosen year. */
async function legend(page: Page, scope = 'body'): Promise<{ label: string; at: string }[]> {
	return page
		.locator(`${scope} figure[data-chart=trend]`)
		.first()
		.locator('.legend li')
		.evaluateAll((items) =>
			items.map((li) => ({
				label: li.querySelector('span')?.textContent?.trim() ?? '',
				at: (li.querySelector('.at')?.textContent ?? '').replace(/\s+/g, ' ').trim()
			}))
		);
}

describe('reference figures with one municipality loaded', () => {
	it('the manifest says the input covers 1 of 98 municipalities, and referencetal.json holds the input’s own file', () => {
		const manifest = JSON.parse(readFileSync(join(e2e.data, 'manifest.json'), 'utf8')) as Manifest;
		expect(manifest.daekning).toEqual({ kommuner: [KODE], antal: 1, i_alt: 98, hele_landet: false });
		expect(manifest.referencetal).toEqual({ kilde: 'inddata', fil: 'referencetal.csv', raekker: 27 });
		expect(Object.keys(manifest.files)).toContain('referencetal.json');
		const reference = JSON.parse(readFileSync(join(e2e.data, 'referencetal.json'), 'utf8')) as ReferenceFile;
		const country = reference.referencetal.find((r) => r.niveau === 'land' && r.indikator === 'ledighed' && r.aar === 2024 && !r.boligtype);
		expect(country).toMatchObject({ taeller: 3884, naevner: 596952, vaerdi: 6.5, periode: 'oktober 2024' });
	});

	it('the vacancy card in 2024 shows the reference as "Hele landet" with its source, and the region’s; Odense’s own figure as Odense’s', async () => {
		// By hand from the input: Odense 2024 is 6 vacant of 1.115 dwellings = 5,38 ‰, shown 5,4 ‰.
		expect(perMille(own.get(2024)!)).toBe('5,4 ‰');
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${KODE}?ind=ledighed&aar=2024`);
		const card = page.locator('[data-headline=ledighed]');
		await card.waitFor();
		const text = (await card.innerText()).replace(/\s+/g, ' ');
		expect(text).toContain('5,4 ‰');
		expect(text).toContain('Hele landet 6,5 ‰, LBF oktober 2024');
		expect(text).toContain('Region Syddanmark 8,3 ‰, LBF oktober 2024');
		// Nothing else is called the country: no sum over the loaded departments on the card.
		expect(await card.locator('[data-benchmark=loaded], [data-benchmark=country]').count()).toBe(0);
		expect(text).not.toMatch(/Hele landet:? 5,4/);
		expect(text).not.toContain('De indlæste kommuner');

		await chartsReady(page, 1);
		const items = await legend(page);
		expect(items.map((i) => i.label)).toEqual(['Odense Kommune', 'Region Syddanmark, LBF', 'Hele landet, LBF']);
		expect(items.find((i) => i.label === 'Hele landet, LBF')?.at).toBe('2024: 6,5 ‰');
		expect(items.find((i) => i.label === 'Region Syddanmark, LBF')?.at).toBe('2024: 8,3 ‰');
		expect(items.find((i) => i.label === 'Odense Kommune')?.at).toBe(`2024: ${perMille(own.get(2024)!)}`);
		expect(errors).toEqual([]);
	});

	it('the trend chart draws the reference only in the years published (2018, 2020, 2024): points, with gaps between', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${KODE}?ind=ledighed&aar=2024`);
		await chartsReady(page, 1);
		const table = page.locator('figure[data-chart=trend] + details table').first();
		const headers = (await table.locator('thead th').allTextContents()).map((h) => h.trim());
		const column = headers.indexOf('Hele landet, LBF');
		expect(column).toBeGreaterThan(0);
		const cells = await table
			.locator('tbody tr')
			.evaluateAll(
				(rows, i) =>
					rows.map((r): [string, string] => [
						r.querySelector('th')!.textContent!.trim(),
						r.children[i]!.textContent!.replace(/\s+/g, ' ').trim()
					]),
				column
			);
		const byYear = new Map(cells);
		// LBF: January 2018 0,26 % = 2,6 ‰; January 2020 0,31 % = 3,1 ‰; October 2024 6,5 ‰.
		expect(byYear.get('2018')).toBe('2,6 ‰');
		expect(byYear.get('2020')).toBe('3,1 ‰');
		expect(byYear.get('2024')).toBe('6,5 ‰');
		for (const year of ['2019', '2021', '2022', '2023', '2025']) expect(byYear.get(year)).not.toMatch(/\d/);
		// Each published year is a dot of the reference's colour (black) on the chart.
		// (With one municipality there is no other black series: the sum over it is left out.)
		const dots = page.locator('figure[data-chart=trend]').first().locator('g.trend-points[fill="#000000"] circle');
		expect(await dots.count()).toBe(3);
		expect(errors).toEqual([]);
	});

	it('in 2025, without a reference for the year, nothing is called the country', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${KODE}?ind=ledighed&aar=2025`);
		const card = page.locator('[data-headline=ledighed]');
		await card.waitFor();
		expect(await card.locator('[data-benchmark]').count()).toBe(0);
		expect(await card.innerText()).not.toContain('Hele landet');
		expect(errors).toEqual([]);
	});

	it('an area page’s vacancy chart shows the reference as the country, never the municipality’s own figure', async () => {
		const area = readOverview(e2e.data, KODE).omraader[0]!;
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/omraade/${encodeURIComponent(area.id)}?kommune=${KODE}&ind=ledighed&aar=2024`);
		await detailReady(page);
		const items = await legend(page, '[data-indicator=ledighed]');
		const labels = items.map((i) => i.label);
		expect(labels).toContain('Hele landet, LBF');
		expect(labels).not.toContain('Hele landet');
		expect(labels.some((l) => l.startsWith('De indlæste kommuner'))).toBe(false);
		expect(items.find((i) => i.label === 'Hele landet, LBF')?.at).toBe('2024: 6,5 ‰');
		expect(items.find((i) => i.label === 'Odense Kommune')?.at).toBe(`2024: ${perMille(own.get(2024)!)}`);
		expect(errors).toEqual([]);
	}, 180_000);
});
