/**
 * A municipality's own files in shapes the demo does not have, ingested from a cut of data/sample:
 * Odense (0461) alone with three departments, none in an area, no coordinates and no GeoJSON, one year (2024), an organisation whose name ends in
 * Arabic, and an aftaler.csv with a turnover target whose base the input left empty. Each check
 * failed before its fix (bench/HISTORY.md, "shapes").
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ingest, tempDir } from './support/site.ts';
import { chartsReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const KEEP = ['2103-001', '2103-002', '2103-008'];
const ORG = 'Boligselskabet Kastanje مرحبا';

/** The lines of a demo file (Windows-1252 or UTF-8 with BOM) whose first cell is kept, header first. */
function cut(file: string, row: (cells: string[]) => string[] | null): string {
	const bytes = readFileSync(join(ROOT, 'data/sample', file));
	const text = bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])) ? bytes.toString('utf8').slice(1) : bytes.toString('latin1');
	const [header, ...lines] = text.split(/\r?\n/).filter((l) => l !== '');
	const kept = lines.map((l) => row(l.split(';'))).filter((c): c is string[] => c !== null);
	return [header, ...kept.map((c) => c.join(';'))].join('\r\n') + '\r\n';
}

function shapedInput(): string {
	const input = tempDir('shapes-input');
	// afdelinger: no lat/lon, no department in an area, the organisation's name ending in Arabic.
	const register = cut('afdelinger.csv', (c) =>
		KEEP.includes(c[0]!) ? [...c.slice(0, 3), ORG, c[4]!, '', ...c.slice(6, 8), '', ''] : null
	);
	writeFileSync(join(input, 'afdelinger.csv'), register, 'utf8');
	for (const file of ['noegletal_lbf.csv', 'noegletal_beboere.csv', 'noegletal_regnskab_2018-2025.csv']) {
		writeFileSync(
			join(input, file),
			cut(file, (c) => (KEEP.includes(c[0]!) && c[1] === '2024' ? c : null)),
			'utf8'
		);
	}
	writeFileSync(
		join(input, 'aftaler.csv'),
		'maal_id;niveau;enhed_id;indikator;basisaar;basisvaerdi;maalaar;maalvaerdi;retning;aftaledokument;aftaleaar;boligorganisation_id;beskrivelse\r\n' +
			`NY-1;afdeling;2103-001;fraflytning;2024;;2027;5;ned;Aftaledokument 2024;2024;2103;Mål uden basisværdi\r\n`,
		'utf8'
	);
	return input;
}

const e2e = e2eSite({ data: () => ingest(shapedInput()) });

describe('a municipality without areas, coordinates or outlines', () => {
	it('says why the map is empty and that no department lies in an area, in Danish and English', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/0461`);
		await chartsReady(page);
		await expect.poll(() => page.locator('[data-map-note]').textContent()).toContain('Kortet har intet at vise');
		expect(await page.locator('table[data-list="areas"]').count()).toBe(0);
		expect(await page.locator('p[data-list="areas"]').textContent()).toContain('Ingen af kommunens afdelinger ligger i et boligområde');
		await page.goto(`${e2e.site.url}/kommune/0461?lang=en`);
		await chartsReady(page);
		await expect.poll(() => page.locator('[data-map-note]').textContent()).toContain('The map has nothing to show');
		expect(errors).toEqual([]);
	});

	it('keeps a count after a right-to-left name in left-to-right order (the name is isolated)', async () => {
		const { page } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/0461`);
		await chartsReady(page);
		const item = page.locator('[data-list="organisations"] li').first();
		await item.waitFor();
		// In an LTR line the count "(3)" must stand to the right of the name: without isolation the
		// digits after an Arabic letter become Arabic numbers and are drawn to its left.
		const [name, count] = await Promise.all([item.locator('a').boundingBox(), item.locator('.count').boundingBox()]);
		expect(await item.locator('a bdi').count()).toBe(1);
		expect(name && count && count.x >= name.x + name.width - 1).toBe(true);
	});

	it('calls a turnover target’s empty base missing, not suppressed', async () => {
		const { page } = await e2e.page();
		await page.goto(`${e2e.site.url}/aftaler?kommune=0461`);
		const row = page.locator('tr[data-target="NY-1"]');
		await row.waitFor({ timeout: 60_000 });
		await expect.poll(() => row.locator('td').nth(2).textContent()).toBe('– (2024)');
		const why = page.locator('tr[data-target="NY-1"] + tr .why');
		await expect.poll(() => why.textContent()).toContain('målet har ingen basisværdi i aftaler.csv');
		expect(await why.textContent()).not.toContain('diskretioneret');
	});
});
