/**
 * /land with all 98 municipalities loaded, in real Chromium. The `national` generator scale (8.000
 * departments, about 124.000 key-figure rows) takes minutes to ingest with the privacy audit on
 * this machine, too slow for every test run; so the input is the smallest that covers the country:
 * one department in each of Denmark's 98 municipalities (src/lib/core/regions.ts), written here.
 *
 * Worked by hand: the department in the i-th municipality (codes sorted, i = 0..97) has 200
 * dwellings and i mod 7 of them empty, so its vacancy is 5 × (i mod 7) ‰. Each residue 0..6 comes
 * 14 times (98 = 14 × 7): the sum over all departments is 14 × 21 = 294 of 98 × 200 = 19.600
 * dwellings, 15,0 ‰, which is "Hele landet" because every municipality is loaded. 2023 has no
 * published figure (data/reference/landstal-lbf.csv), so the sum stands alone as the country.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DANISH_MUNICIPALITIES } from '../../src/lib/core/regions.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { MISSING_COLOR } from '../../src/lib/map/classes.ts';
import { ingest, tempDir } from './support/site.ts';
import { chartsReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

function allMunicipalities(): string {
	const dir = tempDir('in-98');
	mkdirSync(dir, { recursive: true });
	const register = [
		'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode;omraade_id;boligtype;opfoerelsesaar;lat;lon'
	];
	const figures = ['afdeling_id;aar;boliger;ledige_boliger'];
	DANISH_MUNICIPALITIES.forEach((kode, i) => {
		register.push(`${kode}-001;Afdeling ${kode};B${kode};Boligselskab ${kode};${kode};;familie;1970;;`);
		for (const aar of [2023, 2024]) figures.push(`${kode}-001;${aar};200;${i % 7}`);
	});
	writeFileSync(join(dir, 'afdelinger.csv'), register.join('\n') + '\n');
	writeFileSync(join(dir, 'noegletal_lbf.csv'), figures.join('\n') + '\n');
	return dir;
}

const e2e = e2eSite({ data: () => ingest(allMunicipalities()), timeout: 900_000 });

beforeAll(() => {
	expect(DANISH_MUNICIPALITIES).toHaveLength(98);
});

describe('/land with all 98 municipalities', () => {
	it('colours every municipality, ranks all 98, and calls the sum "Hele landet"', async () => {
		const { page, errors, outside } = await e2e.page();
		await page.goto(e2e.site.url + '/land?ind=ledighed&aar=2023');
		await chartsReady(page, 1);
		const count = page.locator('[data-municipalities-with-data]');
		expect(await count.getAttribute('data-municipalities-with-data')).toBe('98');
		expect(await count.innerText()).toBe('98 af 98 kommuner har data');
		const geo = page.locator('[data-chart="national"] svg [data-mark="geo"] path');
		expect(await geo.count()).toBeGreaterThanOrEqual(98);
		const titles = await geo.locator('title').allTextContents();
		expect(titles.filter((t) => t.endsWith('ingen data'))).toEqual([]);
		const fills = await geo.evaluateAll((paths) => paths.map((p) => (p.getAttribute('fill') ?? '').toLowerCase()));
		expect(fills.filter((f) => f === MISSING_COLOR)).toEqual([]);
		// The 0101 department is i = 0 (0 ‰); 0147 is i = 1 (5 ‰).
		expect(titles).toContain(`København Kommune: 0,0${NBSP}‰`);
		expect(titles).toContain(`Frederiksberg Kommune: 5,0${NBSP}‰`);
		expect(await page.locator('[data-list="municipalities"] tbody tr').count()).toBe(98);
		const benchmark = await page.locator('[data-benchmark]').allInnerTexts();
		expect(benchmark).toHaveLength(1);
		expect(benchmark[0]!.split('\n')[0]!.trim()).toBe('Hele landet');
		expect(benchmark[0]).toContain(`15,0${NBSP}‰`);
		expect(errors).toEqual([]);
		expect(outside).toEqual([]);
		await page.close();
	}, 180_000);
});
