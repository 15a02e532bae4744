/**
 * `npm run bench:first-view`: where the overview's cold first chart spends its time, on the
 * `national` output that `npm run bench:browser` ingests (BENCH_WORK, as there). A measuring tool,
 * not a test: it prints figures and asserts nothing.
 *
 * Per run, in a fresh incognito context with the cache disabled, alternating with the benchmark's
 * floor page (a bare Observable Plot line chart from inline JSON) so both see the same load:
 * - the first chart's time (navigation start → the first `data-chart-ready="true"`, noted in the
 *   page by a MutationObserver, so no Playwright round trip is counted);
 * - every request before it (Resource Timing: start, end, bytes), in order: the module waterfall;
 * - the main thread's time until then, from Chromium's performance trace, as self time by kind
 *   (script evaluation and compiling per file, other JavaScript, style and layout, paint, HTML)
 *   and the time it sat idle, waiting for the network;
 * - the main thread's CPU time until the first chart (the thread time of its top-level tasks), for
 *   the page and the floor alike: the figure that holds when the machine is shared, where wall
 *   clocks move by 2-5× with the load (branch `ovmain`).
 *
 * BENCH_RUNS (default 5), BENCH_PATH (default `/`; the benchmark's page is `/kommune/<default>`),
 * BENCH_BUILD=0 measures the build/ already there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { serve } from '../../pipelines/serve.ts';
import { WEB_FILES, type WebIndex, type WebOverview } from '../../src/lib/core/output-contract.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';
import { MARK_CHART } from './chart-mark.ts';
import { floorPage } from './floor-page.ts';
import { median } from './median.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = process.env.BENCH_WORK ?? join(ROOT, 'bench/work');
const OUT = join(WORK, 'out-national');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PATH = process.env.BENCH_PATH ?? '/';


interface Resource {
	name: string;
	startTime: number;
	responseEnd: number;
	encodedBodySize: number;
	decodedBodySize: number;
}

interface TraceEvent {
	name: string;
	ph: string;
	ts: number;
	dur?: number;
	/** The thread's own CPU time inside the event (µs), where the trace has it. */
	tdur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: { url?: string; frame?: string } };
}

/** The kind a trace event's self time counts as. */
function kindOf(name: string): string {
	if (['EvaluateScript', 'v8.evaluateModule', 'v8.run', 'v8.produceModuleCache'].includes(name)) return 'script evaluation';
	if (name.startsWith('v8.compile') || name === 'CompileScript' || name === 'v8.parseOnBackground') return 'compile';
	if (['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'V8.GCScavenger', 'MajorGC', 'MinorGC'].includes(name) || name.startsWith('V8.'))
		return 'JavaScript (callbacks, microtasks, GC)';
	if (['Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'UpdateLayerTree', 'ParseAuthorStyleSheet', 'IntersectionObserverController::computeIntersections'].includes(name)) return 'style and layout';
	if (['Paint', 'PaintImage', 'CompositeLayers', 'Layerize', 'PrePaint', 'Commit'].includes(name)) return 'paint';
	if (name === 'ParseHTML') return 'HTML';
	return 'other';
}

/**
 * Self time by kind on the renderer's main thread between navigation start and `until` (ms), and
 * script evaluation + compile time by file.
 */
function mainThread(events: TraceEvent[], navigationTs: number, until: number): { byKind: Map<string, number>; byFile: Map<string, number>; busy: number } {
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'v8.evaluateModule'));
	const own = events
		.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null && e.ts >= navigationTs && (e.ts - navigationTs) / 1000 <= until)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const byKind = new Map<string, number>();
	const byFile = new Map<string, number>();
	let busy = 0;
	// A stack of open events: an event's self time is its duration less its children's.
	const stack: { e: TraceEvent; child: number; file: string | undefined }[] = [];
	const close = (upTo: number) => {
		while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= upTo) {
			const top = stack.pop()!;
			const self = (top.e.dur! - top.child) / 1000;
			const kind = kindOf(top.e.name);
			byKind.set(kind, (byKind.get(kind) ?? 0) + self);
			if (top.file && (kind === 'script evaluation' || kind === 'compile')) byFile.set(top.file, (byFile.get(top.file) ?? 0) + self);
			if (stack.length) stack.at(-1)!.child += top.e.dur!;
			else busy += top.e.dur! / 1000;
		}
	};
	for (const e of own) {
		close(e.ts);
		const file = e.args?.data?.url?.split('/').pop() || stack.at(-1)?.file;
		stack.push({ e, child: 0, file });
	}
	close(Infinity);
	byKind.delete('other');
	return { byKind, byFile, busy };
}

/**
 * The renderer main thread's CPU time (ms) from navigation start until `until` ms after it: the
 * thread time of its top-level tasks, on the thread that marked the navigation's start.
 */
function mainThreadCpu(events: TraceEvent[], navigation: TraceEvent, until: number): number {
	const end = navigation.ts + until * 1000;
	const own = events
		.filter((e) => e.pid === navigation.pid && e.tid === navigation.tid && e.ph === 'X' && e.dur != null && e.ts >= navigation.ts && e.ts <= end)
		.sort((a, b) => a.ts - b.ts);
	let cpu = 0;
	let open = 0;
	for (const e of own) {
		if (e.ts < open) continue; // inside a task already counted
		open = e.ts + e.dur!;
		cpu += (e.tdur ?? e.dur!) / 1000;
	}
	return cpu;
}

/**
 * The critical path of one run (BENCH_TIMELINE=1): the main thread's top-level tasks of at least
 * 3 ms until the first chart, each with its start (ms after navigation), its length (and the main
 * thread's CPU time inside it, less than the length when the thread waited for a core) and the
 * longest work inside it (the script evaluated, the function called, layout, ...), and when each
 * response finished, so the waits on the network show between them.
 */
function timeline(events: TraceEvent[], navigationTs: number, until: number): string[] {
	const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && events.some((x) => x.pid === e.pid && x.name === 'v8.evaluateModule'));
	if (!main) return [];
	const at = (e: TraceEvent) => (e.ts - navigationTs) / 1000;
	const own = events
		.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null && at(e) >= 0 && at(e) <= until)
		.sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
	const lines: { t: number; text: string }[] = [];
	let i = 0;
	while (i < own.length) {
		const top = own[i++]!;
		const end = top.ts + top.dur!;
		const inside: TraceEvent[] = [];
		while (i < own.length && own[i]!.ts < end) inside.push(own[i++]!);
		if (top.dur! < 3000) continue;
		// The longest named work inside the task, by kind.
		const parts = new Map<string, number>();
		for (const e of inside) {
			const what =
				e.name === 'v8.evaluateModule' || e.name === 'EvaluateScript'
					? `evaluate ${e.args?.data?.url?.split('/').pop() ?? ''}`
					: e.name === 'FunctionCall'
						? `call ${(e.args?.data as { functionName?: string; url?: string } | undefined)?.url?.split('/').pop() ?? ''}`
						: ['Layout', 'UpdateLayoutTree', 'ParseAuthorStyleSheet'].includes(e.name) || e.name.startsWith('v8.') || ['TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'EventDispatch', 'ResizeObserver', 'ParseHTML'].includes(e.name)
							? e.name
							: null;
			if (what) parts.set(what, Math.max(parts.get(what) ?? 0, e.dur! / 1000));
		}
		const top3 = [...parts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${Math.round(v)}`);
		lines.push({ t: at(top), text: `task ${Math.round(top.dur! / 1000).toString().padStart(4)} ms (CPU ${Math.round((top.tdur ?? top.dur!) / 1000).toString().padStart(3)})  ${top3.join(', ')}` });
	}
	for (const e of events) {
		if (e.name !== 'ResourceFinish' && e.name !== 'ResourceReceiveResponse') continue;
		const t = at(e);
		if (t < 0 || t > until) continue;
		const data = e.args?.data as { requestId?: string } | undefined;
		const send = events.find((x) => x.name === 'ResourceSendRequest' && (x.args?.data as { requestId?: string } | undefined)?.requestId === data?.requestId);
		const url = (send?.args?.data as { url?: string } | undefined)?.url ?? '';
		if (e.name === 'ResourceFinish') lines.push({ t, text: `         in: ${url.replace(/^https?:\/\/[^/]+/, '')}` });
	}
	return lines.sort((a, b) => a.t - b.t).map((l) => `  ${Math.round(l.t).toString().padStart(5)}  ${l.text}`);
}

async function main(): Promise<void> {
	if (process.env.BENCH_BUILD !== '0') execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
	const index = JSON.parse(readFileSync(join(OUT, 'web/index.json'), 'utf8')) as WebIndex;
	const overview = JSON.parse(readFileSync(join(OUT, WEB_FILES.overview(index.default_kommune)), 'utf8')) as WebOverview;
	// The same floor page as the benchmark's (tests/bench/floor-page.ts).
	const floorDir = floorPage(overview);
	const served = await serve({ root: join(ROOT, 'build'), dataDir: OUT, mounts: { '/floor': floorDir } });
	const browser: Browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--headless', ...CHROMIUM_ARGS] });
	const floors: number[] = [];
	const charts: number[] = [];
	const kinds = new Map<string, number[]>();
	const files = new Map<string, number[]>();
	const idle: number[] = [];
	const cpuUntil = { floor: [] as number[], page: [] as number[] };
	// Sampled JavaScript self time, summed over the runs (divided by RUNS when printed).
	const sampled = new Map<string, number>();
	const functions = new Map<string, number>();
	const requests = new Map<string, { start: number[]; end: number[]; kb: number; raw: number }>();
	const cpu0 = process.cpuUsage();
	try {
		for (let r = 0; r < RUNS; r++) {
			for (const which of ['floor', 'page'] as const) {
				const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
				const page = await context.newPage();
				const cdp = await context.newCDPSession(page);
				await cdp.send('Network.enable');
				await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
				await page.addInitScript(MARK_CHART);
				const tracing = which === 'page';
				// A sampling profile of the page's JavaScript: where the callbacks' time goes, by file and function.
				// (The floor is traced too, for its CPU time; only the page is profiled.)
				if (tracing) {
					await cdp.send('Profiler.enable');
					await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
					await cdp.send('Profiler.start');
				}
				await browser.startTracing(page, { categories: ['devtools.timeline', 'v8', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
				await page.goto(`${served.url}${which === 'floor' ? '/floor/index.html' : PATH}`);
				// waitForFunction would need eval, which the app's CSP forbids.
				await page.waitForSelector('[data-chart-ready="true"]', { timeout: 60_000 });
				const at = (await page.evaluate('window.__chartAt')) as number;
				(which === 'floor' ? floors : charts).push(at);
				if (!tracing) {
					const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
					const navStart = trace.traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data && 'isLoadingMainFrame' in (e.args.data as object));
					if (navStart) cpuUntil.floor.push(mainThreadCpu(trace.traceEvents, navStart, at));
				} else {
					const [resources, origin] = (await page.evaluate(
						`[performance.getEntriesByType('resource').map((e) => ({ name: e.name, startTime: e.startTime, responseEnd: e.responseEnd, encodedBodySize: e.encodedBodySize, decodedBodySize: e.decodedBodySize })), performance.timeOrigin]`
					)) as [Resource[], number];
					void origin;
					const nav = (await page.evaluate(`(() => { const n = performance.getEntriesByType('navigation')[0]; return { start: n.requestStart, end: n.responseEnd, size: n.decodedBodySize }; })()`)) as { start: number; end: number; size: number };
					const { profile } = await cdp.send('Profiler.stop');
					const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
					const navStart = trace.traceEvents.find((e) => e.name === 'navigationStart' && e.args?.data && 'isLoadingMainFrame' in (e.args.data as object));
					const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
					const dt = profile.timeDeltas ?? [];
					// Only the samples before the first chart (the profile and the trace share one clock).
					let t = profile.startTime;
					const chartTs = (navStart?.ts ?? 0) + at * 1000;
					(profile.samples ?? []).forEach((id, i) => {
						t += dt[i] ?? 0;
						if (t > chartTs) return;
						const node = byNode.get(id)!;
						const cf = node.callFrame;
						if (['(idle)', '(program)', '(root)'].includes(cf.functionName)) return;
						const file = cf.url.split('/').pop() || cf.functionName;
						const ms = (dt[i + 1] ?? 0) / 1000;
						sampled.set(file, (sampled.get(file) ?? 0) + ms);
						const fn = `${cf.functionName || '(anonymous)'} ${file}:${cf.lineNumber}`;
						functions.set(fn, (functions.get(fn) ?? 0) + ms);
					});
					const { byKind, byFile, busy } = mainThread(trace.traceEvents, navStart?.ts ?? 0, at);
					if (navStart) cpuUntil.page.push(mainThreadCpu(trace.traceEvents, navStart, at));
					if (process.env.BENCH_TIMELINE === '1') {
						console.log(`\nRun ${r + 1}, ${PATH}: first chart at ${Math.round(at)} ms; main-thread tasks of 3 ms or more and responses in:`);
						for (const line of timeline(trace.traceEvents, navStart?.ts ?? 0, at)) console.log(line);
					}
					for (const [k, v] of byKind) kinds.set(k, [...(kinds.get(k) ?? []), v]);
					for (const [k, v] of byFile) files.set(k, [...(files.get(k) ?? []), v]);
					idle.push(at - busy);
					const html = requests.get('(HTML)') ?? { start: [], end: [], kb: nav.size / 1024, raw: nav.size / 1024 };
					html.start.push(nav.start);
					html.end.push(nav.end);
					requests.set('(HTML)', html);
					for (const e of resources.filter((x) => x.startTime <= at)) {
						const key = new URL(e.name).pathname.replace(/\/_app\/immutable\//, '').replace(/-[A-Za-z0-9_-]{8}\.(js|css)$/, '.$1');
						const entry = requests.get(key) ?? { start: [], end: [], kb: e.encodedBodySize / 1024, raw: e.decodedBodySize / 1024 };
						entry.start.push(e.startTime);
						entry.end.push(e.responseEnd);
						requests.set(key, entry);
					}
				}
				await context.close();
			}
		}
	} finally {
		await browser.close();
		await served.close();
		rmSync(floorDir, { recursive: true, force: true });
	}
	const cpu = process.cpuUsage(cpu0);
	const f = (x: number) => Math.round(x);
	console.log(`\n${PATH}: first chart ${f(median(charts))} ms (runs ${charts.map(f).join(', ')}), floor ${f(median(floors))} ms (${floors.map(f).join(', ')}), ratio ${(median(charts) / median(floors)).toFixed(2)}`);
	const cpuPage = median(cpuUntil.page);
	const cpuFloor = median(cpuUntil.floor);
	console.log(
		`Main thread's CPU until the first chart (thread time of its tasks): ${f(cpuPage)} ms (runs ${cpuUntil.page.map(f).join(', ')}), floor ${f(cpuFloor)} ms (${cpuUntil.floor.map(f).join(', ')}), ratio ${(cpuPage / cpuFloor).toFixed(2)}`
	);
	console.log(`\nRequests before the first chart (median start → end, ms; size as sent, KB):`);
	const rows = [...requests.entries()].sort((a, b) => median(a[1].start) - median(b[1].start));
	for (const [name, e] of rows) console.log(`  ${f(median(e.start)).toString().padStart(5)} → ${f(median(e.end)).toString().padStart(5)}  ${e.kb.toFixed(1).padStart(7)} KB  ${name}${e.start.length < charts.length ? ` (in ${e.start.length} of ${charts.length} runs)` : ''}`);
	console.log(`\nMain thread until the first chart (median self time, ms):`);
	for (const [k, v] of [...kinds.entries()].sort((a, b) => median(b[1]) - median(a[1]))) console.log(`  ${f(median(v)).toString().padStart(5)}  ${k}`);
	console.log(`  ${f(median(idle)).toString().padStart(5)}  idle (waiting for the network or a timer)`);
	console.log(`\nScript evaluation by file (median ms, top 8):`);
	for (const [k, v] of [...files.entries()].sort((a, b) => median(b[1]) - median(a[1])).slice(0, 8)) console.log(`  ${f(median(v)).toString().padStart(5)}  ${k}`);
	console.log(`\nSampled JavaScript self time by file, whole run until the chart (mean ms, top 10):`);
	for (const [k, v] of [...sampled.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${f(v / RUNS).toString().padStart(5)}  ${k}`);
	console.log(`\nBy function (mean ms, top 25):`);
	for (const [k, v] of [...functions.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`  ${f(v / RUNS).toString().padStart(5)}  ${k}`);
	console.log(`\nNode CPU ${(cpu.user / 1e6 + cpu.system / 1e6).toFixed(1)} s (the server; the browser's CPU is in the trace above)`);
}

if (!existsSync(join(OUT, 'manifest.json'))) throw new Error(`no national output in ${OUT}: run npm run bench:browser once, or set BENCH_WORK`);
await main();
