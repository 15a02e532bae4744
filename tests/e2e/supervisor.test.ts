/**
 * The supervisor's year in real Chromium on the demo data as the pipeline writes it: the focus
 * list flags the sliding area with its figures, the rules travel in the URL to a department's page,
 * the targets stand as HISTORIER.md says, a drafted target downloads as an aftaler.csv the pipeline
 * reads back, and the organisation's agenda and draft agreement document download as Word files
 * whose XML holds the expected headings, figures and charts.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { readDepartments } from '../../pipelines/read/read-departments.ts';
import { readTargets } from '../../pipelines/read/read-targets.ts';
import { registerUnits } from '../../pipelines/read/register-units.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { readIndex, readOverview } from './support/data.ts';
import { detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

/** The ingested demo output the site serves: expected figures are read from it, not from the page. */

const e2e = e2eSite();

async function download(page: Page, click: () => Promise<void>, timeout = 60_000): Promise<{ name: string; bytes: Uint8Array }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** The text of a .docx: its document.xml with the runs' text joined, so a phrase split over runs still matches. */
function docxText(bytes: Uint8Array): { xml: string; text: string; media: string[] } {
	const files = unzipSync(bytes);
	const xml = strFromU8(files['word/document.xml']!);
	const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
	return { xml, text, media: Object.keys(files).filter((f) => f.startsWith('word/media/')) };
}

/** A per-mille or percent figure as the dashboard prints it: one decimal, decimal comma. */
const oneDecimal = (value: number | null | undefined) => (value ?? NaN).toFixed(1).replace('.', ',');

/** The sliding area H1 (data/sample/HISTORIER.md), Engparken Øst, as the pipeline wrote it. */
function engparken() {
	const overview = readOverview(e2e.data, '0751');
	const area = overview.omraader.find((a) => a.id === '0751-O01')!;
	const year = Math.max(...readIndex(e2e.data).years);
	const at = (points: { aar: number; vaerdi: number | null }[], aar: number) => points.find((p) => p.aar === aar)?.vaerdi;
	return { overview, area, year, at };
}

/** "Gem arbejde": the work file downloads, and the page no longer asks before it is left. */
async function saveWork(page: Page): Promise<void> {
	const file = await download(page, () => page.locator('[data-action=save-work]').click());
	expect(file.name).toMatch(/^styringsdialog-0751-\d{4}\.json$/);
}

const failedRequests = (from: number) => e2e.site.requests.slice(from).filter((r) => r.status >= 400);

describe('the focus list', () => {
	it('flags the sliding area in Aarhus with reasons and figures, and lists departments without special focus', async () => {
		const before = e2e.site.requests.length;
		const { page, errors, outside } = await e2e.page();
		await page.goto(`${e2e.site.url}/fokus?kommune=0751`);
		const row = page.locator('[data-table=flagged] tr[data-unit="0751-O01"]');
		await row.waitFor({ timeout: 60_000 });
		const reason = (await row.locator('td').nth(3).innerText()).replaceAll(NBSP, ' ');
		// The figures of the latest year in the output: in the demo 29 / 464 = 62,5 ‰ for the area
		// against 35 / 1.396 = 25,1 ‰ for Aarhus in 2025 (62,5 ≥ 1,5 × 25,1 = 37,6).
		const { overview, area, year, at } = engparken();
		const own = oneDecimal(at(area.values.ledighed, year));
		const municipality = oneDecimal(at(overview.series.ledighed.kommune, year));
		expect(reason).toContain(`Ledighed ${own} ‰ ≥ 1,5 × kommunens ${municipality} ‰`);
		// "siden" names the first year of the unbroken run above 30 % that reaches the latest year
		// (2013 in the demo: 28,7 % in 2012, then 32,5 %, 32,9 %, 30,7 % ... 48,8 % in 2025).
		const share = [...area.values.uden_for_arbejdsmarked].sort((a, b) => a.aar - b.aar);
		let since = year;
		for (let i = share.length - 1; i >= 0 && (share[i]!.vaerdi ?? 0) > 30; i--) since = share[i]!.aar;
		expect(since).toBe(2013);
		expect(reason).toContain(`Uden for arbejdsmarkedet > 30 % siden ${since}`);
		expect(await page.locator('[data-section=clear] li[data-unit]').count()).toBeGreaterThan(0);
		// The small department (H3) cannot be judged on its suppressed labour-market figure.
		expect(await page.locator('[data-section=unknown] tr[data-unit="2101-008"]').innerText()).toContain('diskretioneret');
		expect(errors).toEqual([]);
		expect(outside).toEqual([]);
		expect(failedRequests(before)).toEqual([]);
		await page.close();
	});

	it('keeps a chosen preset in the URL, through a reload and on to a flagged department’s page', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/fokus?kommune=0751`);
		await page.locator('[data-table=flagged]').waitFor({ timeout: 60_000 });
		await page.selectOption('[data-control=preset]', 'koebenhavn-40-50');
		await page.waitForURL(/regler=koebenhavn-40-50/);
		// Chosen rules are the supervisor's work: saved to a file, the reload does not ask first
		// (tests/e2e/work-file.test.ts shows that it asks otherwise).
		await saveWork(page);
		await page.reload();
		const row = page.locator('[data-table=flagged] tr[data-unit="0751-O01"]');
		await row.waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-control=preset]').inputValue()).toBe('koebenhavn-40-50');
		expect(await row.innerText()).toContain('40+-område: Uden for arbejdsmarkedet');
		// A changed limit is a rule set of one's own, in the URL as x.<base64url>.
		await page.locator('[data-rule="1"] [data-field=graense]').fill('55');
		await page.waitForURL(/regler=x\./);
		await saveWork(page);

		await page.goto(`${e2e.site.url}/fokus?kommune=0751`);
		const department = page.locator('[data-table=flagged] tr[data-unit="2101-001"] a');
		await department.waitFor({ timeout: 60_000 });
		await department.click();
		await page.waitForURL(/\/afdeling\/2101-001/);
		const focus = page.locator('[data-section=focus]');
		await focus.waitFor({ timeout: 60_000 });
		expect(await focus.getAttribute('data-focus-status')).toBe('fokus');
		expect(await focus.locator('[data-list=flags]').innerText()).toContain('Tidlig opmærksomhed');
		await detailReady(page);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('shows on an organisation’s page which of its departments the default rules flag, linking to them', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/organisation/2101?kommune=0751`);
		const flag = page.locator('[data-section=organisation-focus] [data-flag="2101-001"]');
		await flag.waitFor({ timeout: 60_000 });
		expect(await flag.innerText()).toContain('Tidlig opmærksomhed');
		expect(await flag.locator('a').first().getAttribute('href')).toMatch(/\/afdeling\/2101-001/);
		expect(errors).toEqual([]);
		await page.close();
	});
});

describe('targets', () => {
	it('stand as off track, not met and without data in Aarhus, on track and met in Odense', async () => {
		const { page, errors } = await e2e.page();
		const statuses = async (kode: string) => {
			await page.goto(`${e2e.site.url}/aftaler?kommune=${kode}`);
			await page.locator('[data-section=targets] [data-status]').first().waitFor({ timeout: 60_000 });
			return page
				.locator('[data-section=targets] [data-target]')
				.evaluateAll((rows) =>
					rows.map((r) => `${r.getAttribute('data-target')}:${r.querySelector('[data-status]')?.getAttribute('data-status')}`)
				);
		};
		expect((await statuses('0751')).sort()).toEqual(['LR-2021-1:ikke_naaet', 'LR-2024-1:ikke_paa_vej', 'LR-2024-2:ingen_data']);
		expect((await statuses('0461')).sort()).toEqual(['KG-2022-1:naaet', 'KG-2024-1:paa_vej']);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('drafts a target and downloads an aftaler.csv the pipeline reads without issues', async () => {
		const { page } = await e2e.page();
		await page.goto(`${e2e.site.url}/aftaler?kommune=0751`);
		const form = page.locator('[data-form=draft-target]');
		await form.waitFor({ timeout: 60_000 });
		await form.locator('[data-field=niveau]').selectOption('omraade');
		await form.locator('[data-field=enhed]').selectOption('0751-O01');
		await form.locator('[data-field=indikator]').selectOption('fraflytning');
		await form.locator('[data-field=maalvaerdi]').fill('15');
		await form.locator('[data-field=beskrivelse]').fill('Færre fraflytninger; også i "blok 2"');
		await form.locator('[data-action=add-target]').click();
		await page.locator('[data-table=drafts] tr[data-draft]').waitFor();
		const file = await download(page, () => page.locator('[data-action=download-targets]').click());
		expect(file.name).toBe('aftaler.csv');
		const issues = new IssueCollector();
		const units = registerUnits(readDepartments('afdelinger.csv', readFileSync('data/sample/afdelinger.csv'), issues).departments);
		const read = readTargets('aftaler.csv', file.bytes, units, issues);
		expect(issues.list()).toEqual([]);
		// Every target of the input file, of every municipality (Odense's and Aarhus's), unchanged,
		// then the draft: the file replaces aftaler.csv without losing a line. One base value
		// comes back empty: LR-2024-2's 25 % of department 2101-008 in 2023, whose figure is
		// withheld (3 of 12 persons), is not published (issue 9, target-baselines.ts).
		const input = readTargets('aftaler.csv', readFileSync('data/sample/aftaler.csv'), units, new IssueCollector()).targets;
		expect(new Set(input.map((t) => t.kommune_kode))).toEqual(new Set(['0461', '0751']));
		expect(read.targets).toHaveLength(input.length + 1);
		const published = input.map((t) => (t.maal_id === 'LR-2024-2' ? { ...t, basisvaerdi: null } : t));
		expect(read.targets.slice(0, -1).sort(byId)).toEqual(published.sort(byId));
		// The first draft is numbered 1 for next year's agreement (the data year is 2025 in the demo):
		// the same drafts give the same file on every run.
		const year = Math.max(...readIndex(e2e.data).years);
		expect(read.targets.at(-1)).toMatchObject({
			maal_id: `UDKAST-${year + 1}-1`,
			niveau: 'omraade',
			enhed_id: '0751-O01',
			indikator: 'fraflytning',
			// The form's base year is the data year (the output's latest year; 2025 in the demo).
			basisaar: year,
			maalvaerdi: 15,
			boligorganisation_id: '2101',
			beskrivelse: 'Færre fraflytninger; også i "blok 2"'
		});
		await page.close();
	});
});

function byId(a: { maal_id: string }, b: { maal_id: string }): number {
	return a.maal_id < b.maal_id ? -1 : a.maal_id > b.maal_id ? 1 : 0;
}

describe('the agenda and the agreement document', () => {
	it('downloads the governance meeting’s agenda as a .docx with its headings, figures, the supervisor’s text and the charts', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/dagsorden/2101?kommune=0751`);
		await page.locator('[data-agenda=styringsdialog]').waitFor({ timeout: 60_000 });
		await page.waitForFunction(() => {
			const charts = [...document.querySelectorAll('[data-agenda-chart] [data-chart-ready]')];
			return charts.length > 0 && charts.every((c) => c.getAttribute('data-chart-ready') === 'true');
		});
		await page.locator('[data-agenda-text=beboerdemokrati]').fill('Afdelingsmøder holdt i alle afdelinger.');
		const file = await download(page, () => page.locator('[data-action=export-docx]').click());
		expect(file.name).toMatch(/^Dagsorden Boligselskabet Lærkereden 2025\.docx$/);
		const { xml, text, media } = docxText(file.bytes);
		for (const heading of [
			'1. Status for boligorganisationen siden sidst',
			'2. Status for afdelingerne siden sidst',
			'3. Beboerdemokratiet',
			'4. Status for boligsociale tiltag',
			'5. Administrationen',
			'6. Fremtidsvisioner og mål for selskabet og afdelingerne',
			'7. Eventuelt',
			'8. Næste møde'
		]) {
			expect(text).toContain(heading);
		}
		expect(xml).toContain('w:val="Heading1"');
		expect(text).toContain('Afdelingsmøder holdt i alle afdelinger.');
		// Last year's agreement and its off-track target, with the figures from the demo.
		expect(text).toContain('Aftaledokument 2024, Boligselskabet Lærkereden (2024): 1 af 2 mål ikke på vej; 1 ingen data.');
		// LR-2024-1's base in data/sample/aftaler.csv: Engparken Øst's vacancy in 2023, worked out
		// from data/sample: 23 vacant of 464 dwellings over its five departments = 49,6 ‰.
		const { area, at } = engparken();
		expect(oneDecimal(at(area.values.ledighed, 2023))).toBe('49,6');
		expect(text).toContain(`49,6${NBSP}‰ (2023)`);
		expect(text).toContain('Afdelinger uden behov for særlig fokus');
		expect(xml).toContain('<w:tbl>');
		expect(media.length).toBeGreaterThan(0);
		expect(errors).toEqual([]);

		const md = await download(page, () => page.locator('[data-action=export-md]').click());
		const markdown = new TextDecoder().decode(md.bytes);
		expect(markdown).toContain('## 1. Status for boligorganisationen siden sidst');
		expect(markdown).toContain('Afdelingsmøder holdt i alle afdelinger.');
		await page.close();
	});

	it('downloads the draft agreement document with the meeting’s date and the departments that need no special focus', async () => {
		const { page, errors } = await e2e.page();
		// The focus list names Lærkereden's departments without special focus, as "navn (id)"; the
		// agreement document must list the same ones.
		await page.goto(`${e2e.site.url}/fokus?kommune=0751`);
		const focusClear = page.locator('[data-section=clear] [data-clear-organisation="2101"] li[data-unit]');
		await page.locator('[data-table=flagged] tr[data-unit="0751-O01"]').waitFor({ timeout: 60_000 });
		const expected = (await focusClear.allInnerTexts()).map((t) => t.replaceAll(NBSP, ' ').trim()).sort();
		const expectedIds = await focusClear.evaluateAll((items) => items.map((li) => li.getAttribute('data-unit')));
		// Neither the sliding area's departments (H1) nor the suppressed small department (H3).
		expect(expectedIds.length).toBeGreaterThan(0);
		for (const id of ['2101-001', '2101-002', '2101-003', '2101-004', '2101-005', '2101-008']) expect(expectedIds).not.toContain(id);

		await page.goto(`${e2e.site.url}/dagsorden/2101?kommune=0751&dok=aftale`);
		await page.locator('[data-agenda=aftaledokument]').waitFor({ timeout: 60_000 });
		await page.locator('[data-form=meeting] [data-field=dato]').fill('14. oktober 2025');
		const items = page.locator('[data-agenda-section=uden-fokus] li');
		await expect.poll(() => items.count(), { timeout: 30_000 }).toBe(expected.length);
		const clear = await items.allInnerTexts();
		expect(clear.map((t) => t.replaceAll(NBSP, ' ').trim()).sort()).toEqual(expected);
		const file = await download(page, () => page.locator('[data-action=export-docx]').click());
		const { text } = docxText(file.bytes);
		expect(text).toContain('Styringsdialogmødet blev holdt 14. oktober 2025, [sted].');
		expect(text).toContain('4. Afdelinger uden behov for særlig fokus');
		for (const name of clear) expect(text).toContain(name);
		expect(errors).toEqual([]);
		await page.close();
	});

	it('shows the municipality’s joint meeting with the results across organisations', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/dagsorden?kommune=0751`);
		const agenda = page.locator('[data-agenda=faellesdialog]');
		await agenda.waitFor({ timeout: 60_000 });
		const results = await agenda.locator('[data-agenda-section=resultater] table').innerText();
		expect(results).toContain('Boligselskabet Lærkereden');
		expect(results).toContain('Boligforeningen Fjordlys');
		expect(await page.locator('[data-section=organisations] a').count()).toBe(2);
		expect(errors).toEqual([]);
		await page.close();
	});
});
