/**
 * Screenshots of every route at desktop (1280 px) and tablet (768 px) width, for looking at the
 * dashboard, not for asserting on pixels:
 *
 *   npx vite build && npx tsx tests/e2e/support/screenshots.ts [data-dir] [out-dir]
 *
 * Writes <out-dir>/<name>-<width>.png, and -top.png for the first screen (default tests/.tmp/screens).
 * SCREENS_ONLY=<regexp> takes only the pages whose name matches (e.g. `kommune|land`).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebIndex, WebOverview } from '../../../src/lib/core/output-contract.ts';
import { chartsReady } from './ready.ts';
import { ROOT, launchBrowser, removeTempDirs, startSite, watchedPage } from './site.ts';

const dataDir = process.argv[2] ?? join(ROOT, 'tests/fixtures/output-mini');
const outDir = process.argv[3] ?? join(ROOT, 'tests/.tmp/screens');
mkdirSync(outDir, { recursive: true });

const index = JSON.parse(readFileSync(join(dataDir, 'web/index.json'), 'utf8')) as WebIndex;
const kode = index.default_kommune;
const overview = JSON.parse(readFileSync(join(dataDir, `web/${kode}/overblik.json`), 'utf8')) as WebOverview;
const area = overview.omraader[0]!;
const department = overview.afdelinger.find((d) => d.omraade_id === area.id) ?? overview.afdelinger[0]!;
const organisation = department.organisation_id;
const q = `kommune=${kode}`;
/** Every page, in Danish and in English: each municipality the data has, and the supervisor's pages. */
const danish: [string, string][] = [
	['front', '/'],
	...index.kommuner.map((k): [string, string] => [`kommune-${k.kode}`, `/kommune/${k.kode}`]),
	['area', `/omraade/${encodeURIComponent(area.id)}?${q}`],
	['organisation', `/organisation/${encodeURIComponent(organisation)}?${q}`],
	['department', `/afdeling/${encodeURIComponent(department.id)}?${q}`],
	['fokus', `/fokus?${q}`],
	['aftaler', `/aftaler?${q}`],
	['dagsorden', `/dagsorden?${q}`],
	['dagsorden-organisation', `/dagsorden/${encodeURIComponent(organisation)}?${q}`],
	['land', '/land']
];
const only = process.env.SCREENS_ONLY ? new RegExp(process.env.SCREENS_ONLY) : null;
const routes: [string, string][] = [
	...danish,
	...danish.map(([name, path]): [string, string] => [`${name}-en`, `${path}${path.includes('?') ? '&' : '?'}lang=en`])
].filter(([name]) => !only || only.test(name));

const site = await startSite(dataDir);
const browser = await launchBrowser();
try {
	for (const width of [1280, 768]) {
		for (const [name, path] of routes) {
			const watched = await watchedPage(browser, site);
			await watched.page.setViewportSize({ width, height: 900 });
			await watched.page.goto(site.url + path);
			// Pages without charts (the focus list, the agendas) wait for their main content instead.
			await chartsReady(watched.page, 1).catch(() => watched.page.waitForSelector('main h1', { timeout: 30_000 }));
			await watched.page.waitForLoadState('networkidle').catch(() => undefined);
			await watched.page.waitForSelector('[data-map-ready="true"]', { timeout: 10_000 }).catch(() => undefined);
			const file = join(outDir, `${name}-${width}.png`);
			await watched.page.screenshot({ path: file, fullPage: true });
			await watched.page.screenshot({ path: file.replace('.png', '-top.png') });
			console.log(file, watched.errors.length ? `errors: ${watched.errors.join(' | ')}` : '', watched.outside.join(' '));
			await watched.page.close();
		}
	}
} finally {
	await browser.close();
	await site.close();
	removeTempDirs();
}
