/**
 * `npm run bench:detail`: cold detail pages (an organisation and a department of the default
 * municipality) from two or more builds, alternating page by page so every build sees the same
 * load, with the benchmark's floor page (tests/bench/floor-page.ts) in each round. Each load is
 * in a fresh browser profile with the cache disabled, as in `npm run bench:browser`. A measuring
 * tool for before/after on a busy machine, not a test: it prints medians and ratios, asserts nothing.
 * Each first chart is timed twice: as Playwright sees it, and as the benchmark's own observer in
 * the page does (chart-observed.ts: the first frame after a chart with drawn marks appears).
 *
 * BENCH_SITES: comma-separated `build-folder` or `build-folder=data-folder` (default: build/ with
 * BENCH_WORK's out-national); BENCH_RUNS (default 5) rounds.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '../../pipelines/serve.ts';
import { WEB_FILES, type WebIndex, type WebOverview } from '../../src/lib/core/output-contract.ts';
import { CHART_OBSERVED_AT, OBSERVE_CHART } from './chart-observed.ts';
import { coldPage } from './cold-page.ts';
import { floorPage } from './floor-page.ts';
import { median } from './median.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = process.env.BENCH_WORK ?? join(ROOT, 'bench/work');
const OUT = join(WORK, 'out-national');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const SITES = (process.env.BENCH_SITES ?? join(ROOT, 'build')).split(',').map((s) => {
	const [build, data = OUT] = s.split('=');
	return { build: resolve(build!), data: resolve(data) };
});

/** A first chart's two times (ms after navigation start): as Playwright sees it, and as the page's observer does. */
interface FirstChart {
	seen: number;
	observed: number;
}

/**
 * Navigation start → the first chart drawn, in a fresh profile with the cache disabled: as
 * Playwright sees it, and at the first frame after a chart with marks appeared (chart-observed.ts).
 */
function cold(url: string): Promise<FirstChart> {
	return coldPage(async (page) => {
		await page.addInitScript(OBSERVE_CHART);
		await page.goto(url);
		await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
		const seen = await page.evaluate(() => performance.now());
		return { seen, observed: (await page.evaluate(CHART_OBSERVED_AT)) as number };
	});
}

async function main(): Promise<void> {
	const index = JSON.parse(readFileSync(join(SITES[0]!.data, WEB_FILES.index), 'utf8')) as WebIndex;
	const kode = index.default_kommune;
	const overview = JSON.parse(readFileSync(join(SITES[0]!.data, WEB_FILES.overview(kode)), 'utf8')) as WebOverview;
	const department = overview.afdelinger[0]!;
	const pages = [
		`/organisation/${encodeURIComponent(department.organisation_id)}?kommune=${kode}`,
		`/afdeling/${encodeURIComponent(department.id)}?kommune=${kode}`
	];
	const floorDir = floorPage(overview);
	const served = await Promise.all(SITES.map((s) => serve({ root: s.build, dataDir: s.data, mounts: { '/floor': floorDir } })));
	const floor: FirstChart[] = [];
	const times = SITES.map(() => pages.map((): FirstChart[] => []));
	try {
		for (let r = 0; r < RUNS; r++) {
			floor.push(await cold(`${served[0]!.url}/floor/index.html`));
			for (const [p, path] of pages.entries()) {
				for (const [s, site] of served.entries()) times[s]![p]!.push(await cold(site.url + path));
			}
		}
	} finally {
		for (const site of served) await site.close();
		rmSync(floorDir, { recursive: true, force: true });
	}
	const ms = (x: number) => Math.round(x).toLocaleString('en');
	for (const how of ['seen', 'observed'] as const) {
		const f = median(floor.map((x) => x[how]));
		console.log(`\n== ${how === 'seen' ? 'as Playwright sees it' : 'observed in the page (first frame with marks)'}`);
		console.log(`floor: ${ms(f)} ms (runs ${floor.map((x) => ms(x[how])).join(', ')})`);
		for (const [s, site] of SITES.entries()) {
			console.log(`${site.build} (data ${site.data})`);
			for (const [p, path] of pages.entries()) {
				const xs = times[s]![p]!.map((x) => x[how]);
				console.log(`  ${path}: ${ms(median(xs))} ms, ${(median(xs) / f).toFixed(2)}× the floor (runs ${xs.map(ms).join(', ')})`);
			}
			const all = times[s]!.flat().map((x) => x[how]);
			console.log(`  detail pages: ${ms(median(all))} ms, ${(median(all) / f).toFixed(2)}× the floor`);
		}
	}
}

await main();
