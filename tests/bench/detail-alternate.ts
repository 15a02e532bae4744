/**
 * `npm run bench:detail`: cold detail pages (an organisation and a department of the default
 * municipality) from two or more builds, alternating page by page so every build sees the same
 * load, with the benchmark's floor page (tests/bench/floor-page.ts) in each round. Each load is
 * in a fresh browser profile with the cache disabled, as in `npm run bench:browser`. A measuring
 * tool for before/after on a busy machine, not a test: it prints medians and ratios, asserts nothing.
 *
 * BENCH_SITES: comma-separated `build-folder` or `build-folder=data-folder` (default: build/ with
 * BENCH_WORK's out-national); BENCH_RUNS (default 5) rounds.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serve } from '../../pipelines/serve.ts';
import { WEB_FILES, type WebIndex, type WebOverview } from '../../src/lib/core/output-contract.ts';
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

/** Navigation start → the first chart drawn, in a fresh profile with the cache disabled. */
function cold(url: string): Promise<number> {
	return coldPage(async (page) => {
		await page.goto(url);
		await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
		return await page.evaluate(() => performance.now());
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
	const floor: number[] = [];
	const times = SITES.map(() => pages.map((): number[] => []));
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
	const f = median(floor);
	const ms = (x: number) => Math.round(x).toLocaleString('en');
	console.log(`floor: ${ms(f)} ms (runs ${floor.map(ms).join(', ')})`);
	for (const [s, site] of SITES.entries()) {
		console.log(`\n${site.build} (data ${site.data})`);
		for (const [p, path] of pages.entries()) {
			const xs = times[s]![p]!;
			console.log(`  ${path}: ${ms(median(xs))} ms, ${(median(xs) / f).toFixed(2)}× the floor (runs ${xs.map(ms).join(', ')})`);
		}
		const all = times[s]!.flat();
		console.log(`  detail pages: ${ms(median(all))} ms, ${(median(all) / f).toFixed(2)}× the floor`);
	}
}

await main();
