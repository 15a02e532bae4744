import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { chartsReady, launchBrowser, startSite, watchedPage, removeTempDirs } from '/work/wt/finish/tests/e2e/support/site.ts';

const dataDir = process.argv[2]!;
const outDir = process.argv[3]!;
const kode = process.argv[4] ?? '0751';
const org = process.argv[5] ?? '2101';
mkdirSync(outDir, { recursive: true });
const routes: [string, string, string, number][] = [
	['fokus', `/fokus?kommune=${kode}`, '[data-rule-editor]', 0],
	['aftaler', `/aftaler?kommune=${kode}`, '[data-form=draft-target]', 0],
	['agenda', `/dagsorden/${org}?kommune=${kode}`, '[data-agenda]', 1],
	['organisation', `/organisation/${org}?kommune=${kode}`, '[data-section=organisation-focus]', 2],
	['overview', `/kommune/${kode}`, '[data-map-ready="true"]', 1]
];
const site = await startSite(dataDir);
const browser = await launchBrowser();
try {
	for (const lang of ['da', 'en']) {
		for (const width of [1280, 768]) {
			for (const [name, path, ready, charts] of routes) {
				if (process.argv[6] && !process.argv[6].split(',').includes(name)) continue;
				const w = await watchedPage(browser, site);
				await w.page.setViewportSize({ width, height: 900 });
				const t0 = Date.now();
				await w.page.goto(site.url + path + (lang === 'en' ? '&lang=en' : ''));
				await w.page.waitForSelector(ready, { timeout: 120_000 }).catch((e) => console.log('not ready', name, String(e).slice(0, 100)));
				if (charts) await chartsReady(w.page, charts).catch(() => console.log('charts not ready', name));
				const file = join(outDir, `${name}-${lang}-${width}.png`);
				await w.page.screenshot({ path: file, fullPage: true });
				console.log(file, Date.now() - t0, 'ms', w.errors.join(' | ').slice(0, 300));
				await w.page.close();
			}
		}
	}
} finally {
	await browser.close();
	await site.close();
	removeTempDirs();
}
