/**
 * A name of one long word (150 characters without a space; the read step allows 200) breaks inside
 * its table cell instead of widening the table: at 1280 px the overview's and the organisation
 * page's department tables fit their cards (before, the figure columns moved into the table's
 * sideways scroll), and the name still reads whole (the break opportunities add no text). The
 * department's page, whose chart legends, facts and peer chart carry both names, is no wider than
 * a 1280-px or a 375-px screen (it was 2,016 px wide at 1280).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unitPath } from '../../src/lib/data/unit-path.ts';
import { demoInputWith } from './support/demo-input.ts';
import { ingest, startSite, watchedPage } from './support/site.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

// Deterministic and not one letter repeated, so a cut name would show.
const LONG = Array.from({ length: 150 }, (_, i) => 'abcdefghijklmnopqrstuvwxyzæøå'[(i * 7) % 29]).join('');
const e2e = e2eSite({ data: null });
let input: string;
let department: { id: string; kode: string; organisation: string };

beforeAll(() => {
	// The demo input with one department and its organisation renamed to the long word.
	input = demoInputWith('long-names-input', (rows) => {
		const row = rows.find((r) => r['afdeling_id'] === '2101-001')!;
		department = { id: row['afdeling_id']!, kode: row['kommune_kode']!, organisation: row['boligorganisation_id']! };
		row['afdeling_navn'] = LONG;
		for (const r of rows)
			if (r['boligorganisation_id'] === department.organisation) r['boligorganisation_navn'] = `${LONG.slice(0, 40)} ${LONG}`;
	});
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
