/**
 * What the browser derives from the published files must reveal no more than they do (DOMAIN.md,
 * "Privacy"; issue 9). The audit and the independent attacker check the files; this checks what the
 * dashboard itself shows and writes from them, in real Chromium, on a hand-made world with
 * withheld figures (support/withheld-world.ts): every page in Danish and English (the whole DOM
 * with its attributes: aria-label, title, data-*, the charts' SVG), every CSV, XLSX and SVG
 * download on them, the documentation packages (their CSV, DOCX, PDF, SVG and text), the agenda
 * and the agreement document (Word and Markdown) and aftaler.csv; the tooltips, which are in the
 * DOM only while hovered (every mark of every chart, every point and area of the map); and every
 * file of the served data folder (JSON, GeoJSON, and the Parquet files' rows as text).
 *
 * What is looked for: each withheld department's true share, and the share of every set of
 * departments holding a withheld one that the pipeline does not publish as a unit (a sum over
 * departments the browser might make, an area less a department, a municipality's part of the
 * organisation): from any of them, and the published figures and the residents an attacker knows,
 * a withheld count follows. Each at one and two decimals (as shown, or as a longer number begins),
 * with a decimal comma or point. The world's counts put every such share at least 0,6 points from
 * every published figure (checked below), so a hit is never a published figure by chance.
 *
 * PNG images (every chart's and the map's PNG button, and the PNGs in the packages): what each is
 * drawn from, the framed SVG the browser rasterises (images/chart-png.ts; the map's frame holds its
 * legend and the WebGL canvas as an embedded image, images/map-frame.ts), caught as it is handed to
 * URL.createObjectURL; and every text chunk in the PNG file itself (tEXt, zTXt, iTXt). Pixels are
 * not read: a raster carries text only as drawn glyphs, and every glyph comes from that SVG.
 *
 * A drafted target is also put in the browser's storage as an older dashboard kept it: a base typed
 * for the withheld figure of 2101-001 (27,3 %, 3 of 11 persons). Before targets/draft-base.ts the
 * draft list, aftaler.csv, the agenda and the agreement document printed it.
 */
import { strFromU8, unzipSync, unzlibSync } from 'fflate';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { pdfText } from '../support/pdf-text.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { ingest, tempDir } from './support/site.ts';
import { e2eSite } from './support/suite.ts';
import { TYPED_DRAFT, WORLD, WORLD_YEARS, writeWithheldWorld, type WorldDepartment } from './support/withheld-world.ts';

const e2e = e2eSite({
	data: () => {
		const input = tempDir('withheld-input');
		writeWithheldWorld(input);
		return ingest(input);
	}
});

/** A published figure of the world: its departments, year and value. */
interface Published {
	members: readonly string[];
	aar: number;
	vaerdi: number;
}

/** Every published share outside the labour market, with the departments it covers. */
async function publishedFigures(out: string): Promise<{ figures: Published[]; withheld: Set<string> }> {
	const read = async (name: string) =>
		(await parquetReadObjects({ file: await asyncBufferFromFile(join(out, `${name}.parquet`)) })) as Record<string, unknown>[];
	const figures: Published[] = [];
	const withheld = new Set<string>();
	for (const r of await read('noegletal')) {
		if (r.vaerdi === null) withheld.add(`${r.afdeling_id as string}:${r.aar as number}`);
		else figures.push({ members: [r.afdeling_id as string], aar: r.aar as number, vaerdi: r.vaerdi as number });
	}
	const membersOf: Record<string, (d: WorldDepartment, id: string) => boolean> = {
		land: () => true,
		boligorganisation: (d, id) => d.organisation === id,
		kommune: (d, id) => d.kommune === id,
		omraade: (d, id) => d.omraade === id
	};
	for (const r of await read('aggregater')) {
		if (r.vaerdi === null) continue;
		const members = WORLD.filter((d) => membersOf[r.niveau as string]!(d, r.enhed_id as string)).map((d) => d.id);
		figures.push({ members, aar: r.aar as number, vaerdi: r.vaerdi as number });
	}
	return { figures, withheld };
}

/** The share of every set of departments holding a withheld one, in a year, unless it is published as a unit. */
function telling(figures: Published[], withheld: Set<string>): { set: string; aar: number; vaerdi: number }[] {
	const result: { set: string; aar: number; vaerdi: number }[] = [];
	for (const aar of WORLD_YEARS) {
		const units = new Set(figures.filter((f) => f.aar === aar).map((f) => [...f.members].sort().join('+')));
		for (let mask = 1; mask < 1 << WORLD.length; mask++) {
			const set = WORLD.filter((_, i) => mask & (1 << i));
			if (!set.some((d) => withheld.has(`${d.id}:${aar}`))) continue;
			const key = set.map((d) => d.id).join('+');
			if (units.has(key)) continue;
			const outside = set.reduce((s, d) => s + d.years[aar]!.outside, 0);
			const residents = set.reduce((s, d) => s + d.years[aar]!.residents, 0);
			result.push({ set: key, aar, vaerdi: (100 * outside) / residents });
		}
	}
	return result;
}

/** The strings a telling share shows as: rounded to 1 and 2 decimals, and its first 2 decimals (a longer number). */
function patterns(vaerdi: number): RegExp[] {
	const forms = new Set<string>();
	const truncated = (Math.trunc(vaerdi * 100) / 100).toFixed(2);
	for (const text of [vaerdi.toFixed(1), vaerdi.toFixed(2)]) forms.add(`${text}(?!\\d)`);
	forms.add(truncated);
	return [...forms].flatMap((f) => [f, f.replace('.', ',')]).map((f) => new RegExp(`(?<![\\w.,])${f.replace(/\.(?=\d)/, '\\.')}`));
}

let tellingShares: { set: string; aar: number; vaerdi: number; patterns: RegExp[] }[] = [];
/** Every text looked through, by where it came from, for the summary check. */
const scanned: string[] = [];
/** The map's and the charts' tooltips seen, for the check that they were read at all. */
const mapTooltips: string[] = [];
const chartTooltips: string[] = [];

/**
 * Drawing geometry: SVG coordinates ("translate(48,190)", "M0,0L-6,0") are pairs written with a
 * comma, which a scan for "48,19" would take for a share; they are positions, not figures.
 */
const GEOMETRY = /\s(d|transform|points|viewBox|x|y|x1|x2|y1|y2|cx|cy|r|dx|dy|width|height|stroke-dasharray)="[^"]*"/g;

/** A file's time stamp (a DOCX's dcterms:created, "2026-12-01T01:08:51.009Z"): its "51.00" is a clock, not a share. */
const TIME_STAMP = /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z?/g;

function leaks(where: string, raw: string): string[] {
	scanned.push(where);
	const text = raw.replace(GEOMETRY, ' ').replace(TIME_STAMP, ' ');
	const found: string[] = [];
	for (const t of tellingShares) {
		for (const p of t.patterns) {
			const m = p.exec(text);
			if (m) found.push(`${where}: ${t.set} ${t.aar} (${t.vaerdi.toFixed(3)}) as "${text.slice(Math.max(0, m.index - 40), m.index + 20)}"`);
		}
	}
	return found;
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);

/** Every text chunk of a PNG (tEXt, zTXt, iTXt: keyword and text), one a line; '' when it has none. */
function pngText(bytes: Uint8Array): string {
	const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
	const texts: string[] = [];
	for (let at = 8; at + 8 <= bytes.length;) {
		const length = view.getUint32(at);
		const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
		const data = bytes.subarray(at + 8, at + 8 + length);
		const zero = data.indexOf(0);
		if (type === 'tEXt') texts.push(strFromU8(data, true).replace('\0', ': '));
		else if (type === 'zTXt')
			texts.push(`${strFromU8(data.subarray(0, zero), true)}: ${strFromU8(unzlibSync(data.subarray(zero + 2)), true)}`);
		else if (type === 'iTXt') {
			// keyword \0 flag method language \0 translated keyword \0 text
			const compressed = data[zero + 1] === 1;
			let rest = data.subarray(zero + 3);
			rest = rest.subarray(rest.indexOf(0) + 1);
			rest = rest.subarray(rest.indexOf(0) + 1);
			texts.push(`${strFromU8(data.subarray(0, zero))}: ${strFromU8(compressed ? unzlibSync(rest) : rest)}`);
		}
		at += 12 + length;
	}
	return texts.join('\n');
}

/**
 * The SVG documents the page handed to URL.createObjectURL since the last call (the PNG exports'
 * sources, and the SVG downloads), embedded raster data taken out (base64 has no decimal marks, but
 * a long one is no text to scan).
 */
async function rasterSources(page: Page): Promise<string[]> {
	const sources = await page.evaluate(async () => {
		const held = (window as unknown as { __svgBlobs?: Blob[] }).__svgBlobs ?? [];
		return Promise.all(held.splice(0).map((b) => b.text()));
	});
	return sources.map((svg) => svg.replace(/data:image\/[a-z]+;base64,[A-Za-z0-9+/=]+/g, 'data:'));
}

/** The text of a downloaded file: Office files and zips unpacked, PDFs read with pdf.js, images left out. */
async function fileText(name: string, bytes: Uint8Array): Promise<{ name: string; text: string }[]> {
	const lower = name.toLowerCase();
	if (lower.endsWith('.png')) return [{ name, text: pngText(bytes) }];
	if (lower.endsWith('.pdf')) return [{ name, text: (await pdfText(bytes)).pages.join('\n') }];
	if (lower.endsWith('.docx') || lower.endsWith('.xlsx')) {
		const parts = unzipSync(bytes);
		return [
			{
				name,
				text: Object.keys(parts)
					.filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))
					.map((p) => strFromU8(parts[p]!))
					.join('\n')
			}
		];
	}
	if (lower.endsWith('.zip')) {
		const parts = unzipSync(bytes);
		const texts = await Promise.all(Object.entries(parts).map(([inner, b]) => fileText(`${name}/${inner}`, b)));
		return texts.flat();
	}
	return [{ name, text: utf8(bytes) }];
}

/**
 * The file a click downloads. A click whose download has not begun within 30 s is made once more:
 * in full runs on a loaded machine, one table's XLSX on /organisation sometimes never reached
 * Playwright (the same button downloads at once when the file runs alone; cause not found, see
 * bench/HISTORY.md, 1 December). A second miss fails the test, naming the page's export message.
 */
async function download(page: Page, click: () => Promise<void>, timeout = 60_000): Promise<{ name: string; bytes: Uint8Array }> {
	const once = async (ms: number) => (await Promise.all([page.waitForEvent('download', { timeout: ms }), click()]))[0];
	let file;
	try {
		file = await once(Math.min(timeout, 30_000));
	} catch (error) {
		if (timeout <= 30_000) throw error;
		const shown = await page.locator('[data-export-error], [role="alert"]').allInnerTexts();
		console.warn(`privacy-scan: no download after 30 s, clicking again (messages on the page: ${JSON.stringify(shown)})`);
		file = await once(timeout);
	}
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync((await file.path())!)) };
}

/** The page as the reader's browser holds it: the DOM with every attribute and the charts' SVG, without scripts. */
async function pageText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const root = document.documentElement.cloneNode(true) as HTMLElement;
		for (const el of root.querySelectorAll('script, style')) el.remove();
		// Form fields hold their value in a property, not the markup.
		const values = [...document.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value);
		return [document.title, root.outerHTML, ...values].join('\n');
	});
}

/** Every download a page offers as a button: the tables' and charts' files, the package, the documents. */
async function pageDownloads(page: Page, where: string): Promise<string[]> {
	const found: string[] = [];
	const take = async (file: { name: string; bytes: Uint8Array }) => {
		for (const part of await fileText(file.name, file.bytes)) found.push(...leaks(`${where} → ${part.name}`, part.text));
	};
	const buttons = page.locator('[data-export]:not([disabled])');
	for (let i = 0; i < (await buttons.count()); i++) await take(await download(page, () => buttons.nth(i).click()));
	const packageButton = page.locator('[data-package] button').first();
	if (await packageButton.count()) await take(await download(page, () => packageButton.click(), 240_000));
	// What the PNGs above (the buttons' and the package's) were drawn from.
	for (const svg of await rasterSources(page)) found.push(...leaks(`${where} → PNG source.rastersvg`, svg));
	for (const action of ['export-docx', 'export-md', 'download-targets']) {
		const button = page.locator(`[data-action="${action}"]:not([disabled])`);
		if (await button.count()) await take(await download(page, () => button.first().click()));
	}
	return found;
}

/** Each route and what shows it is drawn; detail pages wait for the database's rows. */
const PAGES: { path: string; ready: (page: Page) => Promise<void> }[] = [
	{ path: '/', ready: (p) => chartsReady(p) },
	{ path: '/kommune/0751', ready: (p) => chartsReady(p) },
	{ path: '/kommune/0461', ready: (p) => chartsReady(p) },
	{ path: '/land', ready: async (p) => void (await p.locator('[data-list=municipalities]').waitFor({ timeout: 60_000 })) },
	{ path: '/organisation/2101', ready: (p) => detailReady(p) },
	{ path: '/omraade/0751-O01', ready: (p) => detailReady(p) },
	...WORLD.map((d) => ({ path: `/afdeling/${d.id}`, ready: (p: Page) => detailReady(p) })),
	{ path: '/fokus', ready: async (p) => void (await p.locator('[data-section=clear]').waitFor({ timeout: 60_000 })) },
	{ path: '/aftaler', ready: async (p) => void (await p.locator('[data-form=draft-target]').waitFor({ timeout: 60_000 })) },
	{ path: '/dagsorden', ready: (p) => agendaReady(p) },
	{ path: '/dagsorden/2101', ready: (p) => agendaReady(p) },
	{ path: '/dagsorden/2101?dok=aftale', ready: (p) => agendaReady(p) }
];

async function agendaReady(page: Page): Promise<void> {
	await page.locator('[data-agenda] [data-agenda-section]').first().waitFor({ timeout: 60_000 });
	await page.waitForFunction(() =>
		[...document.querySelectorAll('[data-chart-ready]')].every((c) => c.getAttribute('data-chart-ready') === 'true')
	);
}

/**
 * The text of every tooltip the page's charts show: a pointer move over the centre of each drawn
 * mark (dot, bar) of each Plot chart, which Plot answers at once with the nearest datum's tip
 * (pointer.js renders in the event when the chart has no facets), read before the next move; and
 * the browser's own tooltips, a mark's <title> (the country map on /land). In one evaluate, so
 * hundreds of marks take no time.
 */
async function chartTips(page: Page): Promise<{ hovered: number; tips: string[] }> {
	return page.evaluate(() => {
		const tips = new Set<string>();
		let hovered = 0;
		for (const svg of document.querySelectorAll<SVGSVGElement>('figure[data-chart] svg')) {
			if (svg.ownerSVGElement) continue; // a legend's swatch inside the chart, not the chart
			const marks = [...svg.querySelectorAll<SVGGraphicsElement>('g circle, g rect')].filter(
				(m) => !m.closest('[data-mark=tip], [aria-label=tip]')
			);
			for (const mark of marks) {
				const box = mark.getBoundingClientRect();
				if (box.width === 0 && box.height === 0) continue;
				const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2, bubbles: true, pointerType: 'mouse' };
				mark.dispatchEvent(new PointerEvent('pointermove', at));
				hovered++;
				const tip = svg.querySelector('[data-mark=tip], [aria-label=tip]')?.textContent?.trim();
				if (tip) tips.add(tip);
			}
			svg.dispatchEvent(new PointerEvent('pointerleave', { bubbles: true, pointerType: 'mouse' }));
			for (const title of svg.querySelectorAll('title')) {
				hovered++;
				if (title.textContent?.trim()) tips.add(title.textContent.trim());
			}
		}
		return { hovered, tips: [...tips] };
	});
}

/**
 * The text of every tooltip the map shows: synthetic mouse moves over its canvas on a 4-pixel grid
 * (as hostile.test.ts finds a point), each tooltip's whole text kept. Empty without a map.
 */
async function mapTips(page: Page): Promise<string[]> {
	return page.evaluate(() => {
		const seen = new Set<string>();
		const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas');
		const tooltip = document.querySelector<HTMLElement>('.area-map-tooltip');
		if (!canvas || !tooltip) return [];
		const box = canvas.getBoundingClientRect();
		const step = 4;
		for (let y = box.top + step; y < box.bottom - step; y += step) {
			for (let x = box.left + step; x < box.right - step; x += step) {
				canvas.dispatchEvent(new MouseEvent('mousemove', { clientX: x, clientY: y, bubbles: true }));
				if (!tooltip.hidden) seen.add([...tooltip.children].map((line) => line.textContent).join('\n'));
			}
		}
		canvas.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
		return [...seen];
	});
}

/** Every file under a folder, with its path relative to it. */
function filesUnder(root: string, dir = root): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
		e.isDirectory() ? filesUnder(root, join(dir, e.name)) : [relative(root, join(dir, e.name))]
	);
}

beforeAll(async () => {
	const { figures, withheld } = await publishedFigures(e2e.data);
	// The world is as its comment says: the two small departments withheld in both years.
	expect([...withheld].sort()).toEqual(['2101-001:2023', '2101-001:2024', '2101-002:2023', '2101-002:2024']);
	tellingShares = telling(figures, withheld).map((t) => ({ ...t, patterns: patterns(t.vaerdi) }));
	// Of the 31 sets of the five departments 24 hold 2101-001 or 2101-002; the area, the municipality
	// 0751, organisation 2101 and the country are published: 20 telling sets a year.
	expect(tellingShares.length).toBe(2 * 20);
	// No telling share is within 0,6 points of a published figure: a hit is never a published figure.
	for (const t of tellingShares) for (const f of figures) expect(Math.abs(t.vaerdi - f.vaerdi)).toBeGreaterThan(0.6);
	// The typed draft base is a telling share itself (2101-001 in 2023, 3 of 11 = 27,27 %).
	expect(tellingShares.some((t) => t.patterns.some((p) => p.test(String(TYPED_DRAFT.basisvaerdi))))).toBe(true);
});

describe('what the dashboard shows and writes from a world with withheld figures', () => {
	let page: Page;
	beforeAll(async () => {
		page = (await e2e.page()).page;
		// A draft an older dashboard kept with a typed base for the withheld figure, under each data
		// year the pages are opened in (drafts are kept per municipality and year).
		await page.addInitScript(
			({ draft, years }) => {
				for (const year of years) localStorage.setItem(`boligbarometer:maaludkast:0751:${year}`, JSON.stringify([draft]));
				// Every SVG document handed to URL.createObjectURL, kept for the scan (rasterSources).
				const held: Blob[] = [];
				(window as unknown as { __svgBlobs: Blob[] }).__svgBlobs = held;
				const create = URL.createObjectURL.bind(URL);
				URL.createObjectURL = (object: Blob | MediaSource) => {
					if (object instanceof Blob && object.type.startsWith('image/svg')) held.push(object);
					return create(object);
				};
			},
			{ draft: TYPED_DRAFT, years: [...WORLD_YEARS] }
		);
	});
	afterAll(async () => {
		await page?.close();
	});

	for (const lang of ['da', 'en'] as const) {
		for (const { path, ready } of PAGES) {
			it(`${path} (${lang}) and its downloads name no withheld group`, async () => {
				const sep = path.includes('?') ? '&' : '?';
				const query = `kommune=0751&ind=uden_for_arbejdsmarked&aar=${lang === 'da' ? 2023 : 2024}${lang === 'en' ? '&lang=en' : ''}`;
				await page.goto(`${e2e.site.url}${path}${sep}${query}`);
				await ready(page);
				const found = [...leaks(`${path} ${lang}`, await pageText(page)), ...(await pageDownloads(page, `${path} ${lang}`))];
				expect(found).toEqual([]);
			}, 300_000);
		}
	}

	it('drafts a target on a figure about residents with the published base or none, never a typed one', async () => {
		await page.goto(`${e2e.site.url}/aftaler?kommune=0751`);
		const form = page.locator('[data-form=draft-target]');
		await form.waitFor({ timeout: 60_000 });
		await form.locator('[data-field=enhed]').selectOption('2101-001');
		await form.locator('[data-field=indikator]').selectOption('uden_for_arbejdsmarked');
		await form.locator('input[data-field=basisaar]').fill('2023');
		await form.locator('input[data-field=basisaar]').blur();
		// No field to type a base in: the withheld figure gives none.
		expect(await form.locator('input[data-field=basisvaerdi]').count()).toBe(0);
		expect((await form.locator('[data-field=basisvaerdi]').innerText()).trim()).toBe('–');
		// 2101-003's published 79,6 % (2023) is the base, whatever was typed.
		await form.locator('[data-field=enhed]').selectOption('2101-003');
		await form.locator('[data-field=indikator]').selectOption('uden_for_arbejdsmarked');
		expect((await form.locator('[data-field=basisvaerdi]').innerText()).replaceAll('\u00a0', ' ').trim()).toBe('79,6 %');
	});

	for (const lang of ['da', 'en'] as const) {
		for (const { path, ready } of PAGES.filter((p) => !/^\/(fokus|aftaler|dagsorden)/.test(p.path))) {
			it(`${path} (${lang}): the tooltips of its charts and its map name no withheld group`, async () => {
				const query = `kommune=0751&ind=uden_for_arbejdsmarked&aar=${lang === 'da' ? 2023 : 2024}${lang === 'en' ? '&lang=en' : ''}`;
				await page.goto(`${e2e.site.url}${path}?${query}`);
				await ready(page);
				const found: string[] = [];
				const charts = await chartTips(page);
				for (const tip of charts.tips) found.push(...leaks(`${path} ${lang} chart tooltip`, tip));
				chartTooltips.push(...charts.tips);
				// Every page here draws a chart with marks, and each mark shows a tip.
				expect(charts.hovered, `${path}: no chart marks`).toBeGreaterThan(0);
				expect(charts.tips.length, `${path}: no chart tooltip`).toBeGreaterThan(0);
				if (await page.locator('[data-map-ready]').count()) {
					// Drawn with the departments' figures: before them a point's tooltip says "henter tal".
					await page.waitForSelector('[data-map-ready="true"][data-map-departments="true"]', { timeout: 60_000 });
					const tips = await mapTips(page);
					for (const tip of tips) found.push(...leaks(`${path} ${lang} map tooltip`, tip));
					mapTooltips.push(...tips);
				}
				expect(found).toEqual([]);
			}, 300_000);
		}
	}

	it("hovered the map's points and its area, the withheld departments among them", () => {
		const names = new Set(mapTooltips.map((t) => t.split('\n')[1]));
		// Every department of 0751 (Toften 1-3 and 5) and the area Toftegården were hovered.
		for (const name of ['Toften 1', 'Toften 2', 'Toften 3', 'Toften 5', 'Toftegården']) expect([...names], name).toContain(name);
		// The tooltips read are the figures' own: 2101-003's published 79,6 % (2023) in both kinds.
		expect(
			mapTooltips.some((t) => t.includes('Toften 3') && t.includes('79,6')),
			mapTooltips.join(' | ')
		).toBe(true);
		expect(mapTooltips.filter((t) => /henter tal|loading figures/.test(t))).toEqual([]);
		expect(chartTooltips.some((t) => t.includes('79,6'))).toBe(true);
	});

	it('every file of the served data folder names no withheld group', async () => {
		const found: string[] = [];
		const files = filesUnder(e2e.data);
		for (const file of files) {
			const path = join(e2e.data, file);
			if (file.endsWith('.parquet')) {
				// Numbers as JavaScript writes them: a share at full precision shows its first decimals.
				const rows = await parquetReadObjects({ file: await asyncBufferFromFile(path) });
				found.push(
					...leaks(
						`data/${file}`,
						JSON.stringify(rows, (_, v) => (typeof v === 'bigint' ? Number(v) : v))
					)
				);
			} else found.push(...leaks(`data/${file}`, readFileSync(path, 'utf8')));
		}
		expect(found).toEqual([]);
		// What the folder holds: the overviews, the index, the reference figures, the Parquet files.
		for (const file of [
			'web/index.json',
			'web/land.json',
			'web/0751/overblik.json',
			'web/0461/overblik.json',
			'referencetal.json',
			'aftaler.json',
			'noegletal.parquet',
			'aggregater.parquet',
			'omraader.geojson'
		])
			expect(files).toContain(file);
	});

	it('read nothing but the files the audit and the attacker check (data/README.md, threat model)', () => {
		// The server logs the path after its data mount took off the /data prefix.
		const paths = new Set(e2e.site.requests.map((r) => r.path.split('?')[0]!.replace(/^\/data\//, '/')));
		// /_app/ is the built code; /geo/ the site's own municipality boundaries (static/geo), no figures.
		const data = [...paths].filter((p) => !p.startsWith('/_app/') && !p.startsWith('/geo/') && /\.(json|parquet|geojson|csv)$/.test(p));
		const attacked =
			/^\/((afdelinger|noegletal|aggregater)\.parquet|web\/(index|land)\.json|web\/\d{4}\/overblik\.json|(aftaler|indsatser|referencetal)\.json|(omraader|kommuner)\.geojson)$/;
		expect(data.filter((p) => !attacked.test(p))).toEqual([]);
		// The index, both overviews, land.json, the three Parquet files and the supervisor's files.
		expect(data.length, data.join(' ')).toBeGreaterThanOrEqual(9);
	});

	it('looked through every page and every kind of file', () => {
		const kinds = new Set(scanned.map((w) => /\.(\w+)$/.exec(w)?.[1] ?? 'page'));
		for (const kind of ['page', 'csv', 'xlsx', 'svg', 'png', 'rastersvg', 'docx', 'pdf', 'md', 'txt', 'json', 'parquet', 'geojson'])
			expect(kinds, [...kinds].join(' ')).toContain(kind);
		expect(scanned.some((w) => w.includes('chart tooltip'))).toBe(true);
		expect(scanned.some((w) => w.includes('map tooltip'))).toBe(true);
	});
});
