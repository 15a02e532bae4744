/**
 * A name of one long word (150 characters without a space; the read step allows 200) breaks inside
 * its table cell instead of widening the table: at 1280 px the overview's and the organisation
 * page's department tables fit their cards (before, the figure columns moved into the table's
 * sideways scroll), and the name still reads whole (the break opportunities add no text). The
 * department's page, whose chart legends, facts and peer chart carry both names, is no wider than
 * a 1280-px or a 375-px screen (it was 2,016 px wide at 1280).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { unitPath } from '../../src/lib/data/unit-path.ts';
import { ROOT, ingest, startSite, tempDir, watchedPage } from './support/site.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

// Deterministic and not one letter repeated, so a cut name would show.
const LONG = Array.from({ length: 150 }, (_, i) => 'abcdefghijklmnopqrstuvwxyzæøå'[(i * 7) % 29]).join('');
const e2e = e2eSite({ data: null });
let input: string;
let department: { id: string; kode: string; organisation: string };

beforeAll(() => {
	// The demo input with one department and its organisation renamed to the long word (the file is
	// Windows-1252, as Excel writes it).
	input = tempDir('long-names-input');
	cpSync(join(ROOT, 'data/sample'), input, { recursive: true });
	const file = join(input, 'afdelinger.csv');
	const lines = readFileSync(file, 'latin1').split('\r\n');
	const header = lines[0]!.split(';');
	const col = (name: string) => header.indexOf(name);
	const row = lines.findIndex((l) => l.startsWith('2101-001;'));
	const cells = lines[row]!.split(';');
	department = { id: cells[col('afdeling_id')]!, kode: cells[col('kommune_kode')]!, organisation: cells[col('boligorganisation_id')]! };
	cells[col('afdeling_navn')] = LONG;
	lines[row] = cells.join(';');
	for (let i = 1; i < lines.length; i++) {
		const c = lines[i]!.split(';');
		if (c[col('boligorganisation_id')] === department.organisation) {
			c[col('boligorganisation_navn')] = `${LONG.slice(0, 40)} ${LONG}`;
			lines[i] = c.join(';');
		}
	}
	writeFileSync(file, lines.join('\r\n'), 'latin1');
});

/** The departments table's width beyond its card's (0 when it fits), and the long name's link text. */
async function overflowAndText(page: Page): Promise<{ overflow: number; text: string | null }> {
	return page.evaluate((id) => {
		const table = document.querySelector<HTMLElement>('table[data-list=departments]')!;
		const box = table.parentElement!;
		const link = [...table.querySelectorAll('a')].find((a) => a.getAttribute('href')?.includes(id));
		return { overflow: Math.max(0, table.scrollWidth - box.clientWidth), text: link?.textContent ?? null };
	}, department.id);
}

describe('a name of one 150-character word', () => {
	it('breaks inside the departments tables instead of widening them, and reads whole', async () => {
		const site = await startSite(ingest(input));
		try {
			const { page, errors } = await watchedPage(e2e.browser, site);
			await page.setViewportSize({ width: 1280, height: 900 });
			await page.goto(`${site.url}/kommune/${department.kode}`);
			await chartsReady(page);
			await page.waitForSelector('table[data-list=departments] td.num');
			expect(await overflowAndText(page)).toEqual({ overflow: 0, text: LONG });

			await page.goto(`${site.url}${unitPath('boligorganisation', department.organisation)}?kommune=${department.kode}`);
			await detailReady(page);
			await page.waitForSelector('table[data-list=departments]');
			expect(await overflowAndText(page)).toEqual({ overflow: 0, text: LONG });

			for (const width of [1280, 375]) {
				await page.setViewportSize({ width, height: 900 });
				await page.goto(`${site.url}${unitPath('afdeling', department.id)}?kommune=${department.kode}`);
				await detailReady(page);
				await chartsReady(page, 2);
				expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
			}
			expect(errors).toEqual([]);
			await page.close();
		} finally {
			await site.close();
		}
	}, 300_000);
});
