/**
 * Targets and interventions on the trend charts in real Chromium, on the demo data: on every page
 * with one (an area's, a department's, an organisation's), each label sits where it covers no
 * point of any data line, on screen and in the exported SVG; an organisation's page draws the
 * interventions of its departments. The units are read from the data, not hard-coded.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { InterventionRow, TargetRow, WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { unitPath } from '../../src/lib/data/unit-path.ts';
import { readIndex, readOverview } from './support/data.ts';
import {
	chartsReady,
	demoData,
	ensureBuild,
	launchBrowser,
	removeTempDirs,
	startSite,
	watchedPage,
	type Browser,
	type Site
} from './support/site.ts';

let site: Site;
let browser: Browser;
let data: string;
let index: WebIndex;
let targets: TargetRow[];
let interventions: InterventionRow[];

beforeAll(async () => {
	ensureBuild();
	data = demoData();
	index = readIndex(data);
	targets = (JSON.parse(readFileSync(join(data, 'aftaler.json'), 'utf8')) as { aftaler: TargetRow[] }).aftaler;
	interventions = (JSON.parse(readFileSync(join(data, 'indsatser.json'), 'utf8')) as { indsatser: InterventionRow[] }).indsatser;
	site = await startSite(data);
	browser = await launchBrowser();
});

afterAll(async () => {
	await browser?.close();
	await site?.close();
	removeTempDirs();
});

interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Per chart: the annotation labels' boxes and the data points' boxes, in page pixels. */
async function chartBoxes(page: Page): Promise<{ labels: (Box & { text: string })[]; points: Box[] }[]> {
	return page.locator('[data-chart="trend"]').evaluateAll((charts) =>
		charts.map((chart) => {
			const box = (e: Element) => {
				const r = e.getBoundingClientRect();
				return { x: r.x, y: r.y, width: r.width, height: r.height };
			};
			return {
				labels: [...chart.querySelectorAll('text[data-annotation]')].map((t) => ({ ...box(t), text: t.textContent ?? '' })),
				points: [...chart.querySelectorAll('g.trend-points circle')].map(box)
			};
		})
	);
}

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function checkPage(path: string): Promise<number> {
	const { page, errors } = await watchedPage(browser, site);
	await page.setViewportSize({ width: 768, height: 900 });
	await page.goto(site.url + path);
	await chartsReady(page, 2);
	// The supervision files load beside the figures: wait until the labels are drawn.
	await page.waitForSelector('text[data-annotation]', { timeout: 30_000 });
	let labels = 0;
	for (const chart of await chartBoxes(page)) {
		for (const label of chart.labels) {
			labels++;
			for (const point of chart.points) expect(overlaps(label, point), `${path}: "${label.text}" covers a point`).toBe(false);
		}
	}
	expect(errors).toEqual([]);
	await page.close();
	return labels;
}

describe('annotations on trend charts', () => {
	it('never cover a data point, on the pages of units with targets and interventions', async () => {
		const paths = new Set<string>();
		for (const t of targets) {
			if (t.niveau === 'omraade' || t.niveau === 'afdeling' || t.niveau === 'boligorganisation')
				paths.add(`${unitPath(t.niveau, t.enhed_id)}?kommune=${t.kommune_kode}`);
		}
		for (const i of interventions) {
			for (const id of i.omraader) paths.add(`${unitPath('omraade', id)}?kommune=${i.kommune_koder[0]}`);
			for (const id of i.afdelinger) paths.add(`${unitPath('afdeling', id)}?kommune=${i.kommune_koder[0]}`);
		}
		expect(paths.size).toBeGreaterThan(0);
		let labels = 0;
		for (const path of paths) labels += await checkPage(path);
		expect(labels).toBeGreaterThan(0);
	}, 600_000);

	it('are drawn on an organisation page for the interventions of its departments', async () => {
		const covered = interventions.flatMap((i) =>
			i.kommune_koder.flatMap((kode) => {
				const overview: WebOverview = readOverview(data, kode);
				return overview.afdelinger
					.filter((d) => i.afdelinger.includes(d.id) || (d.omraade_id != null && i.omraader.includes(d.omraade_id)))
					.map((d) => ({ kode, organisation: d.organisation_id, name: i.indsats_navn }));
			})
		);
		expect(covered.length).toBeGreaterThan(0);
		const { kode, organisation, name } = covered[0]!;
		expect(index.kommuner.some((k) => k.kode === kode)).toBe(true);
		const path = `${unitPath('boligorganisation', organisation)}?kommune=${kode}`;
		expect(await checkPage(path)).toBeGreaterThan(0);
		const { page } = await watchedPage(browser, site);
		await page.goto(site.url + path);
		await chartsReady(page, 2);
		await page.waitForSelector('text[data-annotation="intervention"]', { timeout: 30_000 });
		const texts = await page.locator('text[data-annotation="intervention"]').allTextContents();
		expect(texts.some((t) => t.includes(name))).toBe(true);
		await page.close();
	}, 300_000);
});
