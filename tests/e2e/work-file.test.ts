/**
 * Issue 14 in real Chromium on the demo data: a supervisor writes the meeting's date and a focus
 * point in the draft agreement document and drafts a target, sees the page say the work is not in
 * a file, is asked before reloading, saves the work file, and in a fresh browser profile (another
 * machine) opens it and finds the text and the draft target again, on the page and in the Word
 * agreement. Bad files are refused with their message and change nothing on screen; a file opened
 * over unsaved changes asks first. Texts with quotes, a script, emoji and æøå stay text.
 */
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readIndex, readOverview } from './support/data.ts';
import { launchBrowser, tempDir, watchedPage, type Browser, type Watched } from './support/site.ts';
import { e2eSite } from './support/suite.ts';

/** Department and organisation ids of the demo are stable; the figures are not, so none is used here. */
const KODE = '0751';
const ORGANISATION = '2101';
const AREA = '0751-O01';
const FOCUS_POINT = 'Fokus på "Engparken" <script>alert("x")</script> & ledigheden 👩‍👩‍👧 – æøå ÆØÅ';
const DATE = '14. oktober 2025 <b>kl. 10</b>';
const DESCRIPTION = 'Færre fraflytninger; også i "blok 2" 🏘️ <img src=x onerror=alert(1)>';

let year: number;
let areaName: string;
const browsers: Browser[] = [];
/** The work file saved in the first browser. */
let saved: { name: string; path: string; json: Record<string, unknown> };

// Each test starts browsers of its own (freshBrowser): a fresh profile is another machine.
const e2e = e2eSite({ browser: false });

beforeAll(() => {
	year = Math.max(...readIndex(e2e.data).years);
	areaName = readOverview(e2e.data, KODE).omraader.find((a) => a.id === AREA)!.navn;
});

afterAll(async () => {
	for (const b of browsers) await b.close();
});

async function freshBrowser(): Promise<Browser> {
	const b = await launchBrowser();
	browsers.push(b);
	return b;
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Uint8Array }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), click()]);
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(await file.path())) };
}

/** The text of a .docx: its runs joined, the XML entities read back, so a phrase split over runs still matches. */
function docxText(bytes: Uint8Array): string {
	const xml = strFromU8(unzipSync(bytes)['word/document.xml']!);
	const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
	return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
		.map((m) => m[1]!)
		.join('')
		.replace(/&(lt|gt|amp|quot|apos);/g, (_, e: string) => entities[e]!);
}

const agreementUrl = (lang = '') => `${e2e.site.url}/dagsorden/${ORGANISATION}?kommune=${KODE}&dok=aftale${lang}`;

async function openAgreement(w: Watched, lang = ''): Promise<void> {
	await w.page.goto(agreementUrl(lang));
	await w.page.locator('[data-agenda=aftaledokument]').waitFor({ timeout: 60_000 });
}

const fileState = (page: Page) => page.locator('[data-work-bar] [data-file-state]').getAttribute('data-file-state');

/** Picks a file in "Åbn arbejde" once the page's data is there to check it against. */
async function openWork(page: Page, path: string): Promise<void> {
	await page.locator('[data-action=open-work]:not([disabled])').waitFor({ state: 'attached', timeout: 60_000 });
	await page.setInputFiles('[data-action=open-work]', path);
}

function variant(change: (o: Record<string, unknown>) => void, name: string): string {
	const o = structuredClone(saved.json);
	change(o);
	const path = join(tempDir('work'), name);
	writeFileSync(path, JSON.stringify(o, null, 2));
	return path;
}

describe('the work file', () => {
	it('is written after typing and drafting, and the page asks before a reload loses track of it', async () => {
		const browser = await freshBrowser();
		const w = await watchedPage(browser, e2e.site);
		const { page } = w;
		await openAgreement(w);
		expect(await fileState(page)).toBe('empty');

		await page.locator('[data-form=meeting] [data-field=dato]').fill(DATE);
		await page.locator('[data-agenda-text=fokuspunkter]').fill(FOCUS_POINT);
		expect(await fileState(page)).toBe('unsaved');
		expect(await page.locator('[data-work-bar] [data-browser-state]').innerText()).toMatch(/^Gemt i browseren \d\d[.:]\d\d$/);

		// In-app navigation to the targets keeps the work and does not ask.
		await page.locator('nav.site-nav a[href^="/aftaler"]').click();
		const form = page.locator('[data-form=draft-target]');
		await form.waitFor({ timeout: 60_000 });
		expect(await fileState(page)).toBe('unsaved');
		await form.locator('[data-field=niveau]').selectOption('omraade');
		await form.locator('[data-field=enhed]').selectOption(AREA);
		await form.locator('[data-field=indikator]').selectOption('fraflytning');
		await form.locator('[data-field=maalvaerdi]').fill('15');
		await form.locator('[data-field=beskrivelse]').fill(DESCRIPTION);
		await form.locator('[data-action=add-target]').click();
		await page.locator('[data-table=drafts] tr[data-draft]').waitFor();

		await page.locator('nav.site-nav a[href^="/dagsorden"]').click();
		await page.locator(`[data-section=organisations] [data-organisation="${ORGANISATION}"] a`).click();
		await page.locator('[data-tab=aftale]').click();
		await page.locator('[data-agenda=aftaledokument]').waitFor({ timeout: 60_000 });
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(FOCUS_POINT);
		expect(w.dialogs).toEqual([]);

		// A reload with work not in a file: the browser asks (the watched page answers "stay").
		const asked = page.waitForEvent('dialog');
		void page.evaluate(() => location.reload()).catch(() => undefined);
		expect((await asked).type()).toBe('beforeunload');
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(FOCUS_POINT);

		const file = await download(page, () => page.locator('[data-action=save-work]').click());
		expect(file.name).toBe(`styringsdialog-${KODE}-${year}.json`);
		expect(await fileState(page)).toBe('saved');
		expect(await page.locator('[data-work-bar] [data-file-state]').innerText()).toMatch(/^Alt er gemt i en fil \(\d\d[.:]\d\d\)$/);
		const path = join(tempDir('work'), file.name);
		writeFileSync(path, file.bytes);
		const json = JSON.parse(new TextDecoder().decode(file.bytes)) as Record<string, unknown>;
		saved = { name: file.name, path, json };
		expect(json).toMatchObject({ format: 'boligbarometer-styringsdialog', version: 1, kommune_kode: KODE, aar: year });
		const organisations = json.boligorganisationer as Record<
			string,
			{ aftaledokument: Record<string, string>; moede: Record<string, string> }
		>;
		expect(organisations[ORGANISATION]!.aftaledokument.fokuspunkter).toBe(FOCUS_POINT);
		expect(organisations[ORGANISATION]!.moede.dato).toBe(DATE);
		const targets = json.maaludkast as Record<string, unknown>[];
		expect(targets).toHaveLength(1);
		expect(targets[0]).toMatchObject({
			niveau: 'omraade',
			enhed_id: AREA,
			indikator: 'fraflytning',
			maalvaerdi: 15,
			beskrivelse: DESCRIPTION
		});
		// Words and choices only: no key-figure series or counts about residents.
		expect(Object.keys(json).sort()).toEqual(
			['aar', 'boligorganisationer', 'faellesmoede', 'fokusregler', 'format', 'gemt', 'kommune_kode', 'maaludkast', 'version'].sort()
		);

		// Saved: a reload does not ask, and the browser still has the work.
		const before = w.dialogs.length;
		await page.reload();
		await page.locator('[data-agenda=aftaledokument]').waitFor({ timeout: 60_000 });
		expect(w.dialogs.length).toBe(before);
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(FOCUS_POINT);
		expect(await fileState(page)).toBe('saved');
		expect(w.errors).toEqual([]);
		expect(w.outside).toEqual([]);
		await page.close();
	});

	it('opens in a fresh browser profile with the text and the draft target, on the page and in the Word agreement', async () => {
		expect(saved).toBeDefined();
		const browser = await freshBrowser();
		const w = await watchedPage(browser, e2e.site);
		const { page } = w;
		await openAgreement(w);
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe('');
		await openWork(page, saved.path);
		await page.locator('[data-open-done]').waitFor();
		expect(await page.locator('[data-open-done]').innerText()).toContain(`Åbnede ${saved.name}.`);
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(FOCUS_POINT);
		expect(await page.locator('[data-form=meeting] [data-field=dato]').inputValue()).toBe(DATE);
		expect(await fileState(page)).toBe('saved');
		// Shown as text on the page: no element made from it, no dialog.
		expect(await page.locator('[data-agenda-section=aftaler]').innerText()).toContain(DESCRIPTION);
		expect(await page.locator('[data-agenda-section] script, [data-agenda-section] img[src=x]').count()).toBe(0);

		const word = await download(page, () => page.locator('[data-action=export-docx]').click());
		const text = docxText(word.bytes);
		expect(text).toContain(`Styringsdialogmødet blev holdt ${DATE}, [sted].`);
		expect(text).toContain(FOCUS_POINT);
		expect(text).toContain('Nye mål');
		expect(text).toContain(areaName);
		expect(text).toContain(DESCRIPTION);

		// The draft is on the targets page too (in-app, nothing to ask).
		await page.locator('nav.site-nav a[href^="/aftaler"]').click();
		const draft = page.locator('[data-table=drafts] tr[data-draft]');
		await draft.waitFor({ timeout: 60_000 });
		expect(await draft.innerText()).toContain(areaName);
		expect(w.dialogs).toEqual([]);
		expect(w.errors).toEqual([]);
		expect(w.outside).toEqual([]);
		await page.close();
	});

	it('refuses bad files with their message, and a file over unsaved changes asks first', async () => {
		expect(saved).toBeDefined();
		const browser = await freshBrowser();
		const w = await watchedPage(browser, e2e.site);
		const { page } = w;
		await openAgreement(w);
		const mine = 'Min egen tekst, ikke gemt i en fil';
		await page.locator('[data-agenda-text=fokuspunkter]').fill(mine);
		const refused = async (path: string) => {
			await openWork(page, path);
			const errors = page.locator('[data-open-errors]');
			await errors.waitFor();
			const message = await errors.innerText();
			expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(mine);
			expect(await fileState(page)).toBe('unsaved');
			await errors.locator('button').click();
			return message;
		};
		expect(await refused(variant((o) => (o.aar = year - 1), 'forkert-aar.json'))).toContain(
			`Filen er til året ${year - 1}, men siden viser ${year}.`
		);
		expect(await refused(variant((o) => (o.kommune_kode = '0461'), 'forkert-kommune.json'))).toContain(
			'Filen er til Odense Kommune (kommunekode 0461), men siden viser Aarhus Kommune (0751).'
		);
		expect(await refused(variant((o) => (o.version = 2), 'nyere.json'))).toContain('nyere udgave af Boligbarometer (formatversion 2)');
		expect(await refused(variant((o) => delete o.format, 'fremmed.json'))).toContain('Filen er ikke en arbejdsfil fra Boligbarometer');
		const notJson = join(tempDir('work'), 'noter.json');
		writeFileSync(notJson, 'Kære kollega <script>alert(1)</script>');
		expect(await refused(notJson)).toContain('Filen er ikke gyldig JSON');
		const big = join(tempDir('work'), 'stor.json');
		writeFileSync(big, ' '.repeat(6 * 1024 * 1024));
		expect(await refused(big)).toContain('Filen fylder 6 MB; en arbejdsfil fylder højst 5 MB.');
		expect(
			await refused(variant((o) => ((o.maaludkast as Record<string, unknown>[])[0]!.indikator = 'ukendt_tal'), 'ukendt-tal.json'))
		).toContain('maaludkast[0]');

		// A good file over unsaved changes: asked first; "Fortryd" keeps them.
		await openWork(page, saved.path);
		await page.locator('[data-open-confirm]').waitFor();
		await page.locator('[data-action=cancel-open]').click();
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(mine);
		await openWork(page, saved.path);
		await page.locator('[data-action=replace-work]').click();
		await page.locator('[data-open-done]').waitFor();
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(FOCUS_POINT);
		expect(w.errors).toEqual([]);
		await page.close();
	});

	it('keeps the text of an organisation the data no longer has, and says so, in English too', async () => {
		expect(saved).toBeDefined();
		const gone = variant((o) => {
			const organisations = o.boligorganisationer as Record<string, unknown>;
			organisations['9999'] = { dagsorden: { eventuelt: 'Om en organisation, der er lagt sammen' } };
		}, 'nedlagt.json');
		const browser = await freshBrowser();
		const w = await watchedPage(browser, e2e.site);
		const { page } = w;
		await openAgreement(w, '&lang=en');
		await openWork(page, gone);
		const done = page.locator('[data-open-done]');
		await done.waitFor();
		expect(await done.innerText()).toContain('Housing organisation "9999" is no longer in the municipality\'s data; its texts are kept');
		expect(await page.locator('[data-agenda-text=fokuspunkter]').inputValue()).toBe(FOCUS_POINT);
		// Saving again keeps it.
		const again = await download(page, () => page.locator('[data-action=save-work]').click());
		const json = JSON.parse(new TextDecoder().decode(again.bytes)) as {
			boligorganisationer: Record<string, { dagsorden: Record<string, string> }>;
		};
		expect(json.boligorganisationer['9999']!.dagsorden.eventuelt).toBe('Om en organisation, der er lagt sammen');
		expect(w.errors).toEqual([]);
		await page.close();
	});
});
