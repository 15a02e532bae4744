/**
 * Accessibility in real Chromium on the demo data: axe-core (pinned in package.json; its source is
 * evaluated in the page, so nothing is fetched) finds no serious or critical violation on the
 * pages a politician, a supervisor and a staff member use. The units are read from the data.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import { unitPath } from '../../src/lib/data/unit-path.ts';
import { readIndex, readOverview } from './support/data.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let index: WebIndex;
let overview: WebOverview;

const e2e = e2eSite();

beforeAll(() => {
	index = readIndex(e2e.data);
	overview = readOverview(e2e.data, index.default_kommune);
});

interface Violation {
	id: string;
	impact: string | null;
	help: string;
	nodes: { target: string[] }[];
}

/** axe-core's serious and critical violations on the page as it stands. */
async function seriousViolations(page: Page): Promise<string[]> {
	await page.evaluate(AXE_SOURCE);
	const violations = (await page.evaluate(async () => {
		const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: unknown[] }> } }).axe;
		const result = await axe.run(document, { resultTypes: ['violations'] });
		return result.violations;
	})) as Violation[];
	return violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id} (${v.impact}, ${v.nodes.length}×): ${v.help}; e.g. ${v.nodes[0]?.target.join(' ')}`);
}

describe('accessibility (axe-core)', () => {
	const pages = () => {
		const kode = index.default_kommune;
		const department = overview.afdelinger[0]!;
		return [
			{ path: '/', ready: '[data-map-ready="true"]', charts: 1 },
			{ path: `/kommune/${kode}?lang=en`, ready: '[data-map-ready="true"]', charts: 1 },
			// A detail page as it stays: its early trends are drawn before the database's peers and tables.
			{ path: `${unitPath('boligorganisation', department.organisation_id)}?kommune=${kode}`, ready: 'h1', charts: 2, detail: true },
			{ path: `${unitPath('afdeling', department.id)}?kommune=${kode}`, ready: 'h1', charts: 2, detail: true },
			{ path: `/fokus?kommune=${kode}`, ready: '[data-rule-editor]', charts: 0 },
			{ path: `/aftaler?kommune=${kode}`, ready: '[data-form=draft-target]', charts: 0 },
			{ path: `/dagsorden/${encodeURIComponent(department.organisation_id)}?kommune=${kode}`, ready: '[data-agenda]', charts: 1 }
		];
	};

	it('finds no serious or critical violation on any page', async () => {
		const found: Record<string, string[]> = {};
		for (const route of pages()) {
			const { page } = await e2e.page();
			await page.goto(e2e.site.url + route.path);
			await page.waitForSelector(route.ready, { timeout: 60_000 });
			if (route.charts) await chartsReady(page, route.charts);
			if (route.detail) await detailReady(page);
			const violations = await seriousViolations(page);
			if (violations.length) found[route.path] = violations;
			await page.close();
		}
		expect(found).toEqual({});
	}, 600_000);
});
