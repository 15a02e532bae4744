/**
 * `npm run bench:package`: one organisation's documentation package (the default municipality's
 * first department's organisation, on its cold page), from two or more builds, alternating round
 * by round so every build sees the same load, with the benchmark's floor page in each round.
 * A measuring tool for before/after on a busy machine, not a test: it asserts nothing.
 *
 * Two timings per build and round, each from its own cold page:
 * - `at once`: the button pressed as soon as the first chart is drawn (what `npm run bench:browser`
 *   times as package_organisation_s);
 * - `loaded`: the button pressed once the page says its database has drawn (data-database-drawn).
 * Each also gives when the package's first step (its data gathered) and its last chart were done,
 * read from its progress bar in the page, and the page's first chart.
 *
 * With each, Chromium's CPU seconds from the press to the download by thread (chromium-cpu.ts)
 * and the load average: the work the package took, which a busy machine's wall time hides.
 *
 * BENCH_SITES as in detail-alternate.ts; BENCH_RUNS (default 5) rounds; BENCH_LOADED=skip leaves
 * the `loaded` timing out.
 */
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { unzipSync } from 'fflate';
import { serve } from '../../pipelines/serve.ts';
import { WEB_FILES, type WebIndex, type WebOverview } from '../../src/lib/core/output-contract.ts';
import { chromiumCpu, cpuBetween, cpuText, type CpuSplit } from './chromium-cpu.ts';
import { coldPage } from './cold-page.ts';
import { floorPage } from './floor-page.ts';
import { median } from './median.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = process.env.BENCH_WORK ?? join(ROOT, 'bench/work');
const OUT = join(WORK, 'out-national');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const LOADED = process.env.BENCH_LOADED !== 'skip';
const SITES = (process.env.BENCH_SITES ?? join(ROOT, 'build')).split(',').map((s) => {
	const [build, data = OUT] = s.split('=');
	return { build: resolve(build!), data: resolve(data) };
});

/** One package: page times in ms from navigation start. */
interface Timing {
	firstChart: number;
	pressed: number;
	/** The package's progress bar at 1 (the data gathered) and at its last chart; null if not seen. */
	data: number | null;
	charts: number | null;
	done: number;
	files: number;
	/** Chromium's CPU seconds from the press to the download (chromium-cpu.ts). */
	cpu: CpuSplit;
}

/** Records every change of the package's progress bar, in the page's clock. */
const WATCH_PROGRESS = `(() => {
	window.__steps = [];
	new MutationObserver(() => {
		const bar = document.querySelector('[data-package] [role="progressbar"]');
		if (!bar) return;
		const now = Number(bar.getAttribute('aria-valuenow')), total = Number(bar.getAttribute('aria-valuemax'));
		const last = window.__steps.at(-1);
		if (!last || last[1] !== now) window.__steps.push([performance.now(), now, total]);
	}).observe(document.body, { attributes: true, childList: true, subtree: true });
})()`;

function timePackage(url: string, waitForDatabase: boolean): Promise<Timing> {
	return coldPage(async (page) => {
		await page.goto(url);
		await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
		const firstChart = (await page.evaluate('performance.now()')) as number;
		if (waitForDatabase) await page.waitForSelector('[data-database-drawn="true"]', { timeout: 120_000 });
		await page.evaluate(WATCH_PROGRESS);
		const button = page.getByRole('button', { name: /Dokumentationspakke/ }).first();
		const pressed = (await page.evaluate('performance.now()')) as number;
		const before = chromiumCpu();
		const [download] = await Promise.all([page.waitForEvent('download', { timeout: 300_000 }), button.click()]);
		const done = (await page.evaluate('performance.now()')) as number;
		const cpu = cpuBetween(before, chromiumCpu());
		const steps = (await page.evaluate('window.__steps')) as [number, number, number][];
		const total = steps.at(-1)?.[2] ?? 0;
		const at = (n: number) => steps.find((s) => s[1] >= n)?.[0] ?? null;
		const files = Object.keys(unzipSync(new Uint8Array(readFileSync(await download.path())))).length;
		// Two steps per key figure's chart after the data's one: the last chart is total - 2.
		return { firstChart, pressed, data: at(1), charts: total ? at(total - 2) : null, done, files, cpu };
	});
}

/** The machine's 1-minute load average, as `uptime` gives it. */
function loadAverage(): string {
	try {
		return readFileSync('/proc/loadavg', 'utf8').split(' ')[0]!;
	} catch {
		return '?';
	}
}

/** Each part's median over the runs. */
function medianCpu(xs: readonly CpuSplit[]): CpuSplit {
	const of = (k: keyof CpuSplit) => median(xs.map((x) => x[k]));
	return { total: of('total'), main: of('main'), pool: of('pool'), workers: of('workers'), other: of('other') };
}

async function floor(url: string): Promise<number> {
	return coldPage(async (page) => {
		await page.goto(url);
		await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
		return (await page.evaluate('performance.now()')) as number;
	});
}

async function main(): Promise<void> {
	const index = JSON.parse(readFileSync(join(SITES[0]!.data, WEB_FILES.index), 'utf8')) as WebIndex;
	const kode = index.default_kommune;
	const overview = JSON.parse(readFileSync(join(SITES[0]!.data, WEB_FILES.overview(kode)), 'utf8')) as WebOverview;
	const path = `/organisation/${encodeURIComponent(overview.afdelinger[0]!.organisation_id)}?kommune=${kode}`;
	const floorDir = floorPage(overview);
	const served = await Promise.all(SITES.map((s) => serve({ root: s.build, dataDir: s.data, mounts: { '/floor': floorDir } })));
	const floors: number[] = [];
	const modes = LOADED ? ([false, true] as const) : ([false] as const);
	const times = SITES.map(() => modes.map((): Timing[] => []));
	const ms = (x: number | null) => (x == null ? '–' : Math.round(x).toLocaleString('en'));
	try {
		for (let r = 0; r < RUNS; r++) {
			floors.push(await floor(`${served[0]!.url}/floor/index.html`));
			for (const [m, waitForDatabase] of modes.entries()) {
				for (const [s, site] of served.entries()) {
					const t = await timePackage(site.url + path, waitForDatabase);
					times[s]![m]!.push(t);
					console.log(
						`round ${r + 1} ${SITES[s]!.build} ${waitForDatabase ? 'loaded ' : 'at once'}: chart ${ms(t.firstChart)}, pressed ${ms(t.pressed)}, data +${ms(t.data && t.data - t.pressed)}, charts +${ms(t.charts && t.charts - t.pressed)}, zip +${ms(t.done - t.pressed)} ms (${t.files} files); ${cpuText(t.cpu)}, load ${loadAverage()}`
					);
				}
			}
		}
	} finally {
		for (const site of served) await site.close();
		rmSync(floorDir, { recursive: true, force: true });
	}
	const f = median(floors);
	console.log(`\nfloor: ${ms(f)} ms (runs ${floors.map(ms).join(', ')})`);
	for (const [s, site] of SITES.entries()) {
		console.log(`\n${site.build} (data ${site.data}) ${path}`);
		for (const [m, waitForDatabase] of modes.entries()) {
			const xs = times[s]![m]!;
			const med = (f: (t: Timing) => number | null) => median(xs.map(f).filter((x): x is number => x != null));
			const pkg = xs.map((t) => t.done - t.pressed);
			console.log(
				`  ${waitForDatabase ? 'pressed once the database has drawn' : 'pressed at the first chart'}: package ${(median(pkg) / 1000).toFixed(2)} s (runs ${pkg.map((x) => (x / 1000).toFixed(2)).join(', ')}); ` +
					`its data in +${ms(med((t) => t.data && t.data - t.pressed))}, charts +${ms(med((t) => t.charts && t.charts - t.pressed))} ms; ` +
					`first chart ${ms(med((t) => t.firstChart))} ms (${(med((t) => t.firstChart) / f).toFixed(2)}× the floor); ` +
					`median ${cpuText(medianCpu(xs.map((t) => t.cpu)))}`
			);
		}
	}
}

await main();
