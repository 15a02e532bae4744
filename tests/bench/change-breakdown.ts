/**
 * `npm run bench:change`: where a change of indicator or year on the overview spends its time, on
 * the `national` output that `npm run bench:browser` ingests (BENCH_WORK, as there). A measuring
 * tool, not a test: it prints figures and asserts nothing.
 *
 * Per run, a fresh profile opens the default municipality's overview, waits until the map and the
 * departments are drawn and the network is quiet, and then makes BENCH_CHANGES changes (default
 * 30), alternating indicator and year, exactly as `bench:browser` does. Each change is timed
 * inside the page (a MutationObserver, as there): when the trend chart carries the new view, when
 * the map does, when both do. With BENCH_TRACE=1 (the default) Chromium's trace and a sampled
 * JavaScript profile are taken over the changes, and each change's window (from the change event
 * to its last key, marked with performance.mark) is split into the main thread's self time by
 * kind (JavaScript by chunk, garbage collection, style and layout, paint) and idle time. The
 * slowest changes (the p95 tail) are printed beside the median ones. BENCH_TRACE=0 times only
 * (the tracing itself costs time). BENCH_BUILD=0 measures the build/ already there.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { SourceMapConsumer } from 'source-map-js';
import { serve } from '../../pipelines/serve.ts';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import type { WebIndex } from '../../src/lib/core/output-contract.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const WORK = process.env.BENCH_WORK ?? join(ROOT, 'bench/work');
const OUT = join(WORK, 'out-national');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const CHANGES = Number(process.env.BENCH_CHANGES ?? 30);
const TRACE = process.env.BENCH_TRACE !== '0';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * In-page: change one select, resolve with the times (ms after the change event) at which the
 * chart and the map first carried the new view, and performance.now() at the start and the end.
 * A string, so tsx's keepNames helper does not reach the page (as in browser.ts).
 */
const TIME_CHANGE = `([select, value, view, i]) => new Promise((resolve, reject) => {
	const chartOk = () => {
		const charts = [...document.querySelectorAll('[data-chart-ready]')];
		return charts.length > 0 && charts.every((c) => c.getAttribute('data-chart-ready') === 'true' && (c.getAttribute('data-chart-key') ?? '').startsWith(view + ':'));
	};
	const mapOk = () => {
		const map = document.querySelector('[data-map-ready]');
		return !map || map.getAttribute('data-map-key') === view;
	};
	const element = document.querySelector('select[name="' + select + '"]');
	if (!element) return reject(new Error('no select ' + select));
	let chart = null, map = null;
	performance.mark('change-start-' + i);
	const t0 = performance.now();
	const observer = new MutationObserver(() => {
		const now = performance.now() - t0;
		if (chart === null && chartOk()) chart = now;
		if (map === null && mapOk()) map = now;
		if (chart === null || map === null) return;
		observer.disconnect();
		performance.mark('change-end-' + i);
		resolve({ total: Math.max(chart, map), chart, map, start: t0 });
	});
	observer.observe(document.body, { attributes: true, childList: true, subtree: true });
	setTimeout(() => reject(new Error('view ' + view + ' not drawn within 30 s')), 30000);
	element.value = value;
	element.dispatchEvent(new Event('change', { bubbles: true }));
})`;

interface Timing {
	total: number;
	chart: number;
	map: number;
	start: number;
}

interface TraceEvent {
	name: string;
	cat?: string;
	ph: string;
	ts: number;
	dur?: number;
	pid: number;
	tid: number;
	args?: { name?: string; data?: Record<string, unknown> };
}

interface Change extends Timing {
	kind: 'indicator' | 'year';
	/** Main thread self time by kind inside the change's window (ms). */
	kinds: Map<string, number>;
	/** Sampled JavaScript self time by chunk inside the window (ms). */
	chunks: Map<string, number>;
	/** Sampled JavaScript self time by function (name, chunk and line) inside the window (ms). */
	functions: Map<string, number>;
	/** Number of main-thread tasks in the window and the longest one (ms). */
	tasks: number;
	longestTask: number;
}

function percentile(xs: number[], p: number): number {
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

function kindOf(name: string): string {
	if (/GC|Scavenge|Sweep|Mark/i.test(name) && !name.includes('Marker')) return 'garbage collection';
	if (['Layout', 'UpdateLayoutTree', 'RecalculateStyles', 'UpdateLayerTree', 'ParseAuthorStyleSheet', 'IntersectionObserverController::computeIntersections', 'HitTest'].includes(name))
		return 'style and layout';
	if (['Paint', 'PaintImage', 'CompositeLayers', 'Layerize', 'PrePaint', 'Commit', 'RasterTask', 'DecodeImage'].includes(name)) return 'paint';
	if (name.startsWith('WebGL') || name.includes('GLES') || name.startsWith('gpu')) return 'WebGL';
	if (['FunctionCall', 'TimerFire', 'FireAnimationFrame', 'EventDispatch', 'RunMicrotasks', 'v8.callFunction', 'V8.Execute', 'ProfileCall'].includes(name) || name.startsWith('V8.') || name.startsWith('v8.'))
		return 'JavaScript';
	return 'other';
}

/** The chunk a script URL belongs to, by the build's manifest name (e.g. `plot`, `maplibre-gl`). */
function chunkNames(): Map<string, string> {
	const manifest = join(ROOT, '.svelte-kit/output/client/.vite/manifest.json');
	const names = new Map<string, string>();
	if (!existsSync(manifest)) return names;
	const entries = JSON.parse(readFileSync(manifest, 'utf8')) as Record<string, { file: string; name?: string; src?: string }>;
	for (const [key, e] of Object.entries(entries)) {
		const from = e.src ?? key;
		const name = from.includes('node_modules/') ? from.split('node_modules/')[1]!.split('/').slice(0, from.includes('/@') ? 2 : 1).join('/') : (e.name ?? key);
		names.set(e.file.split('/').pop()!, name);
	}
	return names;
}

/**
 * A minified position as its source file, line and function, when the build has source maps
 * (`npx vite build --sourcemap`, for a look at the profile only); else null.
 */
function sourcePositions(): (file: string, line: number, column: number) => string | null {
	const consumers = new Map<string, SourceMapConsumer | null>();
	return (file, line, column) => {
		if (!consumers.has(file)) {
			const map = join(ROOT, 'build/_app/immutable/chunks', `${file}.map`);
			consumers.set(file, existsSync(map) ? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8'))) : null);
		}
		const consumer = consumers.get(file);
		if (!consumer || line < 0) return null;
		const p = consumer.originalPositionFor({ line: line + 1, column: Math.max(0, column) });
		if (!p.source) return null;
		return `${p.name ?? '?'} ${p.source.replace(/^.*node_modules\//, '').replace(/^(\.\.\/)+/, '')}:${p.line}`;
	};
}

async function main(): Promise<void> {
	if (process.env.BENCH_BUILD !== '0') execFileSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
	const index = JSON.parse(readFileSync(join(OUT, 'web/index.json'), 'utf8')) as WebIndex;
	const names = chunkNames();
	const original = sourcePositions();
	const served = await serve({ root: join(ROOT, 'build'), dataDir: OUT });
	const browser: Browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });
	const changes: Change[] = [];
	try {
		for (let r = 0; r < RUNS; r++) {
			const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
			const page = await context.newPage();
			const cdp = await context.newCDPSession(page);
			await page.goto(`${served.url}/kommune/${index.default_kommune}`);
			await page.waitForSelector('[data-map-ready="true"][data-map-departments="true"]', { timeout: 120_000 });
			await page.waitForLoadState('networkidle');
			if (TRACE) {
				await cdp.send('Profiler.enable');
				await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
				await cdp.send('Profiler.start');
				await browser.startTracing(page, {
					categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.gc', 'blink.user_timing', 'disabled-by-default-v8.gc']
				});
			}
			// BENCH_ALLOC=1: a sampling heap profile over the changes (objects later collected included):
			// which functions allocate what the scavenges then have to clear.
			const alloc = process.env.BENCH_ALLOC === '1';
			if (alloc) {
				await cdp.send('HeapProfiler.enable');
				await cdp.send('HeapProfiler.collectGarbage');
				await cdp.send('HeapProfiler.startSampling', { samplingInterval: 4096, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true });
			}
			const timings: (Timing & { kind: Change['kind'] })[] = [];
			let ind = await page.inputValue('select[name="ind"]');
			let year = Number(await page.inputValue('select[name="aar"]'));
			const years = index.years;
			for (let i = 0; i < CHANGES; i++) {
				const isInd = i % 2 === 0;
				if (isInd) ind = INDICATOR_IDS[(INDICATOR_IDS.indexOf(ind as never) + 1) % INDICATOR_IDS.length]!;
				else year = years[(years.indexOf(year) + years.length - 1) % years.length]!;
				const args = isInd ? ['ind', ind, `${ind}:${year}`, i] : ['aar', String(year), `${ind}:${year}`, i];
				const t = (await page.evaluate(`(${TIME_CHANGE})(${JSON.stringify(args)})`)) as Timing;
				timings.push({ ...t, kind: isInd ? 'indicator' : 'year' });
			}
			if (alloc) {
				const { profile: heap } = await cdp.send('HeapProfiler.stopSampling');
				const bySelf = new Map<string, number>();
				const walk = (node: typeof heap.head, path: string[]) => {
					const cf = node.callFrame;
					const file = cf.url.split('/').pop() ?? '';
					const name = `${cf.functionName || '(anonymous)'} ${names.get(file) ?? file}:${cf.lineNumber}:${cf.columnNumber}${original(file, cf.lineNumber, cf.columnNumber) ? ` = ${original(file, cf.lineNumber, cf.columnNumber)}` : ''}`;
					bySelf.set(name, (bySelf.get(name) ?? 0) + node.selfSize);
					for (const child of node.children) walk(child, [...path, name]);
				};
				walk(heap.head, []);
				const total = [...bySelf.values()].reduce((a, b) => a + b, 0);
				console.log(`\nrun ${r + 1}: ${(total / CHANGES / 1024).toFixed(0)} KB allocated per change (sampled); by function (KB per change, top 30):`);
				for (const [k, v] of [...bySelf].sort((a, b) => b[1] - a[1]).slice(0, 30)) console.log(`  ${(v / CHANGES / 1024).toFixed(0).padStart(6)}  ${k}`);
				// By chunk, with each function's bytes counted against its chunk.
				const byChunk = new Map<string, number>();
				for (const [k, v] of bySelf) {
					const chunk = k.split(' ').slice(1).join(' ').split(':')[0]!;
					byChunk.set(chunk, (byChunk.get(chunk) ?? 0) + v);
				}
				console.log('  by chunk (KB per change):');
				for (const [k, v] of [...byChunk].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${(v / CHANGES / 1024).toFixed(0).padStart(6)}  ${k}`);
			}
			if (!TRACE) {
				for (const t of timings) changes.push({ ...t, kinds: new Map(), chunks: new Map(), functions: new Map(), tasks: 0, longestTask: 0 });
				await context.close();
				continue;
			}
			const { profile } = await cdp.send('Profiler.stop');
			const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as { traceEvents: TraceEvent[] };
			const events = trace.traceEvents;
			const marks = new Map(events.filter((e) => e.name.startsWith('change-')).map((e) => [e.name, e]));
			const start0 = marks.get('change-start-0');
			const main = start0 ? { pid: start0.pid, tid: start0.tid } : null;
			const own = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur != null).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
			const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
			const samples: { ts: number; chunk: string; fn: string; dt: number }[] = [];
			let ts = profile.startTime;
			const dt = profile.timeDeltas ?? [];
			(profile.samples ?? []).forEach((id, i) => {
				ts += dt[i] ?? 0;
				const cf = byNode.get(id)!.callFrame;
				if (['(idle)', '(program)', '(root)'].includes(cf.functionName)) return;
				const file = cf.url.split('/').pop() ?? '';
				const chunk = cf.functionName === '(garbage collector)' ? '(garbage collector)' : (names.get(file) ?? (file || cf.functionName));
				samples.push({ ts, chunk, fn: original(file, cf.lineNumber, cf.columnNumber) ?? `${cf.functionName || '(anonymous)'} ${chunk}:${cf.lineNumber}:${cf.columnNumber}`, dt: (dt[i + 1] ?? 0) / 1000 });
			});
			timings.forEach((t, i) => {
				const from = marks.get(`change-start-${i}`)?.ts ?? 0;
				const to = marks.get(`change-end-${i}`)?.ts ?? from;
				const kinds = new Map<string, number>();
				let tasks = 0;
				let longestTask = 0;
				// Self time: an event's duration less its children's, clipped to the window.
				const stack: { e: TraceEvent; child: number }[] = [];
				const clip = (e: TraceEvent) => Math.max(0, Math.min(e.ts + e.dur!, to) - Math.max(e.ts, from));
				const close = (upTo: number) => {
					while (stack.length && stack.at(-1)!.e.ts + stack.at(-1)!.e.dur! <= upTo) {
						const top = stack.pop()!;
						const self = (clip(top.e) - top.child) / 1000;
						kinds.set(kindOf(top.e.name), (kinds.get(kindOf(top.e.name)) ?? 0) + self);
						if (stack.length) stack.at(-1)!.child += clip(top.e);
					}
				};
				for (const e of own) {
					if (e.ts + e.dur! < from || e.ts > to) continue;
					close(e.ts);
					if (e.name === 'RunTask' && !stack.length) {
						tasks++;
						longestTask = Math.max(longestTask, e.dur! / 1000);
					}
					stack.push({ e, child: 0 });
				}
				close(Infinity);
				if (process.env.BENCH_GC_LOG === '1')
					for (const e of own)
						if (e.ts >= from && e.ts <= to && /GC|Scavenge/.test(e.name) && e.dur! > 2000)
							console.log(`change ${i} (${t.kind}, ${Math.round(t.total)} ms): ${e.name} ${Math.round(e.dur! / 1000)} ms ${JSON.stringify(e.args?.data ?? e.args ?? {}).slice(0, 200)}`);
				const busy = [...kinds.values()].reduce((a, b) => a + b, 0);
				kinds.set('idle (no task)', (to - from) / 1000 - busy);
				const chunks = new Map<string, number>();
				const functions = new Map<string, number>();
				for (const s of samples) {
					if (s.ts < from || s.ts > to) continue;
					chunks.set(s.chunk, (chunks.get(s.chunk) ?? 0) + s.dt);
					functions.set(s.fn, (functions.get(s.fn) ?? 0) + s.dt);
				}
				changes.push({ ...t, kinds, chunks, functions, tasks, longestTask });
			});
			await context.close();
		}
	} finally {
		await browser.close();
		await served.close();
	}
	const f = (x: number) => Math.round(x).toString().padStart(5);
	const totals = changes.map((c) => c.total);
	console.log(`\n${changes.length} changes (${RUNS} runs of ${CHANGES}): total p50 ${f(percentile(totals, 50))} ms, p95 ${f(percentile(totals, 95))} ms`);
	for (const kind of ['indicator', 'year'] as const) {
		const of = changes.filter((c) => c.kind === kind);
		console.log(
			`  ${kind.padEnd(9)} total p50 ${f(percentile(of.map((c) => c.total), 50))} p95 ${f(percentile(of.map((c) => c.total), 95))} | chart p50 ${f(percentile(of.map((c) => c.chart), 50))} p95 ${f(percentile(of.map((c) => c.chart), 95))} | map p50 ${f(percentile(of.map((c) => c.map), 50))} p95 ${f(percentile(of.map((c) => c.map), 95))}`
		);
	}
	if (!TRACE) return;
	const sorted = [...changes].sort((a, b) => a.total - b.total);
	const tail = sorted.slice(Math.floor(sorted.length * 0.9));
	const middle = sorted.slice(Math.floor(sorted.length * 0.4), Math.ceil(sorted.length * 0.6));
	const mean = (cs: Change[], pick: (c: Change) => Map<string, number>) => {
		const sum = new Map<string, number>();
		for (const c of cs) for (const [k, v] of pick(c)) sum.set(k, (sum.get(k) ?? 0) + v / cs.length);
		return sum;
	};
	for (const [label, group] of [
		['the middle fifth (around p50)', middle],
		['the slowest tenth (the p95 tail)', tail]
	] as const) {
		console.log(`\n${label}: ${group.length} changes, mean total ${f(group.reduce((a, c) => a + c.total, 0) / group.length)} ms; ${group.filter((c) => c.kind === 'year').length} of them year changes`);
		console.log(`  mean tasks in the window ${(group.reduce((a, c) => a + c.tasks, 0) / group.length).toFixed(1)}, longest task ${f(group.reduce((a, c) => a + c.longestTask, 0) / group.length)} ms`);
		console.log('  main thread by kind (mean ms):');
		for (const [k, v] of [...mean(group, (c) => c.kinds)].sort((a, b) => b[1] - a[1])) console.log(`    ${f(v)}  ${k}`);
		console.log('  sampled JavaScript by chunk (mean ms, top 10):');
		for (const [k, v] of [...mean(group, (c) => c.chunks)].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`    ${f(v)}  ${k}`);
		console.log('  by function (mean ms, top 20):');
		for (const [k, v] of [...mean(group, (c) => c.functions)].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`    ${f(v)}  ${k}`);
	}
	console.log('\nEvery change, slowest first (ms): total, chart, map, kind, top kinds');
	for (const c of [...changes].sort((a, b) => b.total - a.total).slice(0, 12)) {
		const top = [...c.kinds].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
		console.log(`  ${f(c.total)} ${f(c.chart)} ${f(c.map)}  ${c.kind.padEnd(9)} ${top}`);
	}
}

if (!existsSync(join(OUT, 'manifest.json'))) throw new Error(`no national output in ${OUT}: run npm run bench:browser once, or set BENCH_WORK`);
await main();
