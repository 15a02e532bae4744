/**
 * The downloads in real Chromium, on the demo data with an organisation's names made hostile
 * (quotes, `;`, a line break, æøå, and `=`, `+`, `-`, `@` at the start). Each kind of download is
 * clicked on a page and the file checked: the PNG decodes to twice the framed chart's size, the SVG
 * parses and holds the title, the CSV and XLSX read back to the figures the page shows (suppressed
 * ones stay suppressed), the map exports with its legend, and the documentation package holds the
 * listed files with a .docx and a PDF that open. The heavy writers load only when used.
 *
 * Organisation 2104 of the demo data has two departments whose "outside the labour market" figure
 * is suppressed in 2025 (2104-003 and 2104-006), so its ranking table holds suppressed values.
 */
import { strFromU8, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { PNG } from 'pngjs';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { readIndex } from './support/data.ts';
import { demoInputWith } from './support/demo-input.ts';
import { pdfText } from '../support/pdf-text.ts';
import { ROOT, ingest, type Watched } from './support/site.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const KODE = '0461';
const ORG = '2104';
const YEAR = 2025;
const ORG_NAME = 'Bolig "Nord"; Å/S';
/** New names for some of the organisation's departments. */
const RENAMED: Record<string, string> = {
	'2104-001': '=HYPERLINK("http://x";"Æble")',
	'2104-002': '+Østergården "A"',
	'2104-003': '"Citat" på Ærø',
	'2104-004': '-Åbo;Syd',
	'2104-005': '@Lærke\nBlok 2'
};
const SCREENS = join(ROOT, 'tests/.tmp/screens-export');

let heavyChunks: { docx: string[]; pdf: string[]; xlsx: string[] };
/** The indicators the data has: the built-in seven and the demo's own (indikatorer.csv). */
let indicatorCount: number;

/** The demo input with the names above. */
function hostileInput(): string {
	return demoInputWith('export-input', (rows) => {
		for (const row of rows) {
			if (row['boligorganisation_id'] === ORG) row['boligorganisation_navn'] = ORG_NAME;
			const name = RENAMED[row['afdeling_id']!];
			if (name) row['afdeling_navn'] = name;
		}
	});
}

/** Chunks of the built site that hold a writer, found by a string only that writer has. */
function chunksWith(marker: string): string[] {
	const dir = join(ROOT, 'build/_app/immutable/chunks');
	return readdirSync(dir).filter((f) => readFileSync(join(dir, f), 'utf8').includes(marker));
}

const e2e = e2eSite({ data: () => ingest(hostileInput()) });

beforeAll(() => {
	heavyChunks = {
		docx: chunksWith('wordprocessingml.document.main+xml'),
		pdf: chunksWith('jsPDF'),
		xlsx: chunksWith('sharedStrings.xml')
	};
	indicatorCount = readIndex(e2e.data).indicators.length;
	mkdirSync(SCREENS, { recursive: true });
});

async function download(page: Page, click: () => Promise<void>, timeout = 30_000): Promise<{ name: string; bytes: Uint8Array }> {
	const [file] = await Promise.all([page.waitForEvent('download', { timeout }), click()]);
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const neutralised = (text: string) => (/^[=+\-@\t\r]/.test(text) ? `'${text}` : text);

function csvRows(bytes: Uint8Array): string[][] {
	const text = utf8(bytes);
	expect(text.charCodeAt(0)).toBe(0xfeff);
	expect(text).toContain('\r\n');
	return Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}

/** The ranking table as the page shows it: department name and the value's text ('–' for none). */
async function screenRanking(page: Page): Promise<{ name: string; value: string; state: string }[]> {
	return page.locator('section.peers details table tbody tr').evaluateAll((rows) =>
		rows.map((tr) => {
			const cells = tr.querySelectorAll('td');
			const value = cells[2]!.querySelector('.value, .no-value')!;
			return {
				name: cells[1]!.querySelector('a')!.textContent!,
				value: value.classList.contains('value') ? value.textContent! : value.firstChild!.textContent!,
				state: value.getAttribute('data-value-state') ?? 'value'
			};
		})
	);
}

/**
 * Console errors, after checking that no request failed: the pipeline always writes the optional
 * supervisor files (aftaler.json, indsatser.json), so a 404 is a defect here too.
 */
function realErrors(errors: string[]): string[] {
	const missing = e2e.site.requests.filter((r) => r.status === 404).map((r) => r.path);
	expect(missing).toEqual([]);
	return errors;
}

/** The number part of a shown value: "27,1 %" → "27,1". */
const numberPart = (shown: string) => shown.split('\u00a0')[0]!;

/** The font and colour inlined on a framed SVG's chart (Plot's root <svg>, inside the frame). */
function chartRootStyle(svg: string): (string | null)[] {
	const root = /<svg[^>]*class="plot[^>]*>/.exec(svg)?.[0] ?? '';
	return ['font-family', 'font-size', 'fill'].map((name) => new RegExp(` ${name}="([^"]*)"`).exec(root)?.[1] ?? null);
}

describe('downloads on the organisation page', () => {
	let watched: Watched;
	let page: Page;

	beforeAll(async () => {
		watched = await e2e.page();
		page = watched.page;
		await page.goto(`${e2e.site.url}/organisation/${ORG}?kommune=${KODE}&ind=uden_for_arbejdsmarked&aar=${YEAR}`);
		// Every trend and the peers chart, with the departments table, as the database draws them.
		await detailReady(page);
		await chartsReady(page, indicatorCount + 1);
	});

	afterAll(async () => {
		await page?.close();
	});

	it('offers PNG, SVG, CSV and XLSX as real buttons under every chart and table', async () => {
		const groups = page.locator('[data-export-group]');
		// A trend chart per indicator (the demo's own three too), the ranking and the departments table.
		expect(indicatorCount).toBe(10);
		expect(await groups.count()).toBe(indicatorCount + 2);
		const trend = page.locator('[data-indicator="ledighed"] [data-export-group]');
		expect(await trend.locator('button').allTextContents()).toEqual(['PNG', 'SVG', 'CSV', 'XLSX']);
		const departments = page.locator('section:has(table[data-list="departments"]) [data-export-group]');
		expect(await departments.locator('button').allTextContents()).toEqual(['CSV', 'XLSX']);
		expect(await page.locator('[data-export]').evaluateAll((b) => b.every((e) => e.tagName === 'BUTTON' && e.tabIndex >= 0))).toBe(true);
		// The writers are not loaded until a file is asked for (each writer was found in the build).
		expect(heavyChunks.docx.length * heavyChunks.pdf.length * heavyChunks.xlsx.length).toBeGreaterThan(0);
		const fetched = e2e.site.requests.map((r) => r.path);
		for (const chunk of [...heavyChunks.docx, ...heavyChunks.pdf, ...heavyChunks.xlsx]) {
			expect(fetched.some((p) => p.endsWith(chunk))).toBe(false);
		}
	});

	it('downloads a trend chart as SVG that parses and holds the title, and as PNG at twice its size', async () => {
		const section = page.locator('[data-indicator="ledighed"]');
		const svgFile = await download(page, () => section.locator('[data-export="svg"]').click());
		expect(svgFile.name).toBe('Ledighed - Bolig -Nord-; Å-S - udvikling.svg');
		const svgText = utf8(svgFile.bytes);
		const parsed = await page.evaluate((text) => {
			const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
			const root = doc.documentElement;
			return {
				error: doc.querySelector('parsererror')?.textContent ?? null,
				root: root.localName,
				ns: root.namespaceURI,
				title: doc.querySelector('title')?.textContent,
				texts: [...doc.querySelectorAll('text')].map((t) => t.textContent),
				width: Number(root.getAttribute('width')),
				height: Number(root.getAttribute('height'))
			};
		}, svgText);
		expect(parsed.error).toBeNull();
		expect([parsed.root, parsed.ns]).toEqual(['svg', 'http://www.w3.org/2000/svg']);
		expect(parsed.title).toBe(`Ledighed – ${ORG_NAME}`);
		expect(parsed.texts).toContain('Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer');
		expect(parsed.texts).toContain('Demodata: tallene er syntetiske');
		expect(parsed.texts.some((t) => t?.includes('Enhed: ‰') && t.includes('Periode: 2010–2025'))).toBe(true);
		// The frame is the chart's width (at least 360) plus 16 px each side.
		const chartWidth = Number(await section.locator('figure svg[class^="plot"]').getAttribute('width'));
		expect(parsed.width).toBe(Math.max(chartWidth, 360) + 32);

		writeFileSync(join(SCREENS, 'trend-export.svg'), svgFile.bytes);
		const pngFile = await download(page, () => section.locator('[data-export="png"]').click());
		writeFileSync(join(SCREENS, 'trend-export.png'), pngFile.bytes);
		expect(pngFile.name).toBe('Ledighed - Bolig -Nord-; Å-S - udvikling.png');
		const png = PNG.sync.read(Buffer.from(pngFile.bytes));
		expect([png.width, png.height]).toEqual([2 * parsed.width, 2 * parsed.height]);
		// White background: the top-left corner is opaque white.
		expect([...png.data.subarray(0, 4)]).toEqual([255, 255, 255, 255]);
	});

	it('downloads the ranking as CSV with the figures and names as shown, suppressed values as –', async () => {
		const screen = await screenRanking(page);
		expect(screen.filter((r) => r.state === 'suppressed').length).toBeGreaterThanOrEqual(2);
		const file = await download(page, () => page.locator('section.peers [data-export="csv"]').click());
		expect(file.name).toBe(`Uden for arbejdsmarkedet - Bolig -Nord-; Å-S - placering ${YEAR}.csv`);
		const rows = csvRows(file.bytes);
		expect(rows[0]).toEqual(['Nr.', 'Afdelingsnr.', 'Afdeling', `Uden for arbejdsmarkedet ${YEAR} (%)`, 'Markeret']);
		const body = rows.slice(1);
		expect(body.map((r) => r[2])).toEqual(screen.map((r) => neutralised(r.name)));
		expect(body.map((r) => r[3])).toEqual(screen.map((r) => (r.state === 'value' ? numberPart(r.value) : '–')));
		for (const [id, name] of Object.entries(RENAMED)) {
			expect(body.find((r) => r[1] === id)?.[2]).toBe(neutralised(name));
		}
		// In data/sample's noegletal_beboere.csv for 2025, 2104-006 has 4 residents aged 18-64 and
		// 2104-010 has 3,86 of 7 outside the labour market: groups of 1-4 persons, never shown.
		expect(body.find((r) => r[1] === '2104-006')?.[3]).toBe('–');
		expect(body.find((r) => r[1] === '2104-010')?.[3]).toBe('–');
	});

	it('downloads the ranking as XLSX with numbers as numbers and names as text', async () => {
		const screen = await screenRanking(page);
		expect(screen.length).toBeGreaterThan(0);
		const file = await download(page, () => page.locator('section.peers [data-export="xlsx"]').click());
		expect(file.name.endsWith('.xlsx')).toBe(true);
		const [sheet] = await readXlsxFile(Buffer.from(file.bytes));
		const data = sheet!.data;
		expect(data[0]![3]).toBe(`Uden for arbejdsmarkedet ${YEAR} (%)`);
		expect(data.slice(1).map((r) => r[2])).toEqual(screen.map((r) => r.name));
		expect(data.slice(1).map((r) => r[3])).toEqual(
			screen.map((r) => (r.state === 'value' ? Number(numberPart(r.value).replace('.', '').replace(',', '.')) : '–'))
		);
	});

	it('starts a download from the keyboard', async () => {
		const button = page.locator('[data-indicator="husleje"] [data-export="csv"]');
		await button.focus();
		const file = await download(page, () => page.keyboard.press('Enter'));
		const rows = csvRows(file.bytes);
		expect(rows[0]![0]).toBe('År');
		expect(rows[0]![1]).toBe(`Husleje, ${ORG_NAME} (kr./m²)`);
		// The latest year first, as in the table on the page.
		expect(rows[1]![0]).toBe(String(YEAR));
	});

	it('builds the documentation package: the listed files, a report that opens as .docx and PDF', async () => {
		const before = e2e.site.requests.length;
		const file = await download(page, () => page.getByRole('button', { name: /Dokumentationspakke/ }).click(), 180_000);
		expect(file.name).toBe(`Dokumentationspakke ${YEAR} - Bolig -Nord-; Å-S.zip`);
		writeFileSync(join(SCREENS, 'package.zip'), file.bytes);
		const files = unzipSync(file.bytes);
		const names = Object.keys(files);
		const charts = names.filter((n) => n.startsWith('diagrammer/'));
		expect(charts).toHaveLength(indicatorCount * 2 * 2);
		// The demo's own indicators are in the package like the seven.
		expect(charts.some((n) => n.endsWith('Indkomst i forhold til regionen - udvikling.png'))).toBe(true);
		expect(names).toEqual(
			expect.arrayContaining([
				'LÆSMIG.txt',
				`Rapport ${YEAR} - Bolig -Nord-; Å-S.docx`,
				`Rapport ${YEAR} - Bolig -Nord-; Å-S.pdf`,
				`data/Nøgletal ${YEAR}.csv`,
				`data/Afdelinger ${YEAR}.csv`,
				`data/Data ${YEAR} - Bolig -Nord-; Å-S.xlsx`,
				'diagrammer/01 Ledighed - udvikling.png',
				'diagrammer/01 Ledighed - udvikling.svg',
				`diagrammer/06 Uden for arbejdsmarkedet - placering ${YEAR}.png`
			])
		);
		const readme = utf8(files['LÆSMIG.txt']!);
		for (const name of names.filter((n) => n !== 'LÆSMIG.txt')) expect(readme).toContain(`    ${name}\r\n`);

		// A chart's PNG is twice its SVG's size.
		const svg = utf8(files['diagrammer/01 Ledighed - udvikling.svg']!);
		// Drawn outside the document, the package's chart carries the font and colour the page's own
		// chart export (drawn in the document) inlines.
		const onPage = utf8((await download(page, () => page.locator('[data-indicator="ledighed"] [data-export="svg"]').click())).bytes);
		expect(chartRootStyle(svg)).toEqual(chartRootStyle(onPage));
		expect(chartRootStyle(svg)).not.toContain(null);
		const [, w, h] = /<svg [^>]*width="(\d+)" height="(\d+)"/.exec(svg)!;
		const png = PNG.sync.read(Buffer.from(files['diagrammer/01 Ledighed - udvikling.png']!));
		expect([png.width, png.height]).toEqual([2 * Number(w), 2 * Number(h)]);

		const docx = unzipSync(files[`Rapport ${YEAR} - Bolig -Nord-; Å-S.docx`]!);
		const xml = strFromU8(docx['word/document.xml']!);
		expect(xml).toMatch(new RegExp(`<w:pStyle w:val="Heading1"/>.*?<w:t[^>]*>Nøgletal ${YEAR}</w:t>`));
		expect(xml).toMatch(/<w:pStyle w:val="Heading2"\/>.*?<w:t[^>]*>Uden for arbejdsmarkedet \(%\)<\/w:t>/);
		expect(Object.keys(docx).filter((f) => f.startsWith('word/media/'))).toHaveLength(indicatorCount * 2);

		const pdf = await pdfText(files[`Rapport ${YEAR} - Bolig -Nord-; Å-S.pdf`]!);
		const text = pdf.pages.join('\n').replaceAll('\u00a0', ' ');
		expect(pdf.outline).toContain(`Nøgletal ${YEAR}`);
		expect(text).toContain('Østergården');
		expect(text).toContain('Ærø');

		// The key figures in the package are the ones on the page's trend tables.
		const rows = csvRows(files[`data/Nøgletal ${YEAR}.csv`]!);
		const shown = await page
			.locator('[data-indicator="ledighed"] details table tbody tr', { hasText: String(YEAR) })
			.first()
			.locator('td')
			.first()
			.textContent();
		expect(rows.find((r) => r[0] === 'Ledighed')?.[3]).toBe(numberPart(shown!.trim()));

		// Now, and only now, the writers were fetched.
		const fetched = e2e.site.requests.slice(before).map((r) => r.path);
		expect(heavyChunks.docx.some((c) => fetched.some((p) => p.endsWith(c)))).toBe(true);
		expect(heavyChunks.pdf.some((c) => fetched.some((p) => p.endsWith(c)))).toBe(true);
	}, 240_000);

	it('makes no console error and no request outside the site', () => {
		expect(realErrors(watched.errors)).toEqual([]);
		expect(watched.outside).toEqual([]);
	});

	it('prints without controls, charts within the page width (screenshots to look at)', async () => {
		await page.screenshot({ path: join(SCREENS, 'organisation.png'), fullPage: true });
		await page.emulateMedia({ media: 'print' });
		const counts = await page.evaluate(() => ({
			exports: document.querySelectorAll('[data-export-group], [data-package]').length,
			controls: document.querySelectorAll('select').length,
			charts: document.querySelectorAll('[data-chart] svg[class^="plot"]').length
		}));
		// Each check below must look at something, or `every` is trivially true.
		expect(Math.min(counts.exports, counts.controls, counts.charts)).toBeGreaterThan(0);
		const hidden = await page.evaluate(() => ({
			exports: [...document.querySelectorAll('[data-export-group], [data-package]')].every((e) => getComputedStyle(e).display === 'none'),
			controls: [...document.querySelectorAll('select')].every((e) => getComputedStyle(e.closest('form') ?? e).display === 'none'),
			charts: [...document.querySelectorAll('[data-chart] svg[class^="plot"]')].every(
				(s) => s.getBoundingClientRect().width <= document.documentElement.clientWidth
			)
		}));
		expect(hidden).toEqual({ exports: true, controls: true, charts: true });
		await page.setViewportSize({ width: 794, height: 1123 });
		await page.screenshot({ path: join(SCREENS, 'organisation-print.png'), fullPage: true });
		await page.emulateMedia({ media: 'screen' });
		await page.setViewportSize({ width: 1280, height: 900 });
	});
});

describe('downloads on the municipality page', () => {
	it('exports the map as PNG with its legend, and every organisation in one package', async () => {
		const { page, errors, outside } = await e2e.page();
		await page.goto(`${e2e.site.url}/kommune/${KODE}?ind=ledighed&aar=${YEAR}`);
		await chartsReady(page, 1);
		await page.waitForSelector('[data-map-ready="true"]');
		await page.waitForSelector('section.map [data-export="png"]');

		const mapWidth = await page.locator('.area-map .canvas').evaluate((e) => e.clientWidth);
		const file = await download(page, () => page.locator('section.map [data-export="png"]').click());
		expect(file.name).toBe(`Kort - Ledighed ${YEAR} - Odense Kommune.png`);
		const png = PNG.sync.read(Buffer.from(file.bytes));
		expect(png.width).toBe(2 * (Math.max(mapWidth, 360) + 32));
		// The captured map is in the image: its sea (#e8eef2) and land (#f7f7f4) colours cover many pixels.
		let mapPixels = 0;
		for (let i = 0; i < png.data.length; i += 4) {
			const [r, g, b] = [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!];
			if ((r === 0xe8 && g === 0xee && b === 0xf2) || (r === 0xf7 && g === 0xf7 && b === 0xf4)) mapPixels++;
		}
		expect(mapPixels).toBeGreaterThan(10_000);
		writeFileSync(join(SCREENS, 'map-export.png'), file.bytes);

		const areas = await download(page, () => page.locator('section.map [data-export="csv"]').click());
		const rows = csvRows(areas.bytes);
		expect(rows[0]).toEqual(['Boligområde', 'Afdelinger', `Ledighed ${YEAR} (‰)`]);
		const shownAreas = await page
			.locator('table[data-list="areas"] tbody tr')
			.evaluateAll((trs) =>
				trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td.querySelector('.value') ?? td).textContent!.trim()))
			);
		expect(shownAreas.length).toBeGreaterThan(0);
		expect(rows.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual(
			shownAreas.map(([n, c, v]) => [n, c, v!.startsWith('–') ? '–' : numberPart(v!)])
		);

		const pkg = await download(page, () => page.getByRole('button', { name: /Dokumentationspakke/ }).click(), 300_000);
		expect(pkg.name).toBe(`Dokumentationspakke ${YEAR} - Odense Kommune.zip`);
		const names = Object.keys(unzipSync(pkg.bytes));
		expect(names[0]).toBe('LÆSMIG.txt');
		const folders = new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]));
		expect(folders).toEqual(new Set(['Bolig -Nord-; Å-S', 'Den almene boligforening Kastanjegården']));
		for (const folder of folders) {
			expect(names).toContain(`${folder}/LÆSMIG.txt`);
			expect(names).toContain(`${folder}/Rapport ${YEAR} - ${folder}.pdf`);
		}

		await page.screenshot({ path: join(SCREENS, 'overview.png'), fullPage: true });
		await page.emulateMedia({ media: 'print' });
		await page.setViewportSize({ width: 794, height: 1123 });
		await page.screenshot({ path: join(SCREENS, 'overview-print.png'), fullPage: true });
		expect(realErrors(errors)).toEqual([]);
		expect(outside).toEqual([]);
		await page.close();
	}, 360_000);
});
