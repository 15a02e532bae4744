/**
 * Where an ingest's memory goes (issue 8): `npx tsx pipelines/bench/memory-run.ts INPUT OUT`
 * runs the whole ingest (the privacy audit included, as a user gets it) and prints, at the start
 * and end of every step, the process's resident set now and at its highest so far, V8's heap
 * (used and reserved) and the memory outside it (typed arrays and other external memory), and at
 * the end the peak. A sampler adds the highest resident set seen within each step (every 250 ms,
 * whenever the main thread is free, which it is while the audit's workers run).
 *
 * MEMORY_EVERY=N adds the same line every N seconds, to follow a long step such as the audit's
 * (the main thread is free then; V8's heap figures are the main thread's, not the workers').
 *
 * MEMORY_SNAPSHOT=STEP writes a V8 heap snapshot of the main thread into the working folder when
 * STEP starts (for example `Aggregater`), to see what is alive there. Run with `--trace-gc`
 * (NODE_OPTIONS) to see V8's collections between the lines.
 */
import { writeHeapSnapshot } from 'node:v8';
import { ingest } from '../ingest.ts';

const [input, out] = process.argv.slice(2);
if (!input || !out) {
	console.error('usage: memory-run.ts INPUT OUT');
	process.exit(2);
}

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
const origin = performance.now();
let stepPeak = 0;
const sample = () => {
	const { rss } = process.memoryUsage();
	stepPeak = Math.max(stepPeak, rss);
};
const sampler = setInterval(sample, 250);
const every = Number(process.env.MEMORY_EVERY ?? 0);
const ticker = every > 0 ? setInterval(() => line(`  ${current ?? ''}`.slice(0, 28)), every * 1000) : null;

function line(what: string): void {
	const m = process.memoryUsage();
	sample();
	console.log(
		`${((performance.now() - origin) / 1000).toFixed(1).padStart(7)} s  ${what.padEnd(28)} rss ${mb(m.rss)} MB (step's highest ${mb(stepPeak)}, ` +
			`process peak ${Math.round(process.resourceUsage().maxRSS / 1024)}) heap ${mb(m.heapUsed)}/${mb(m.heapTotal)} MB, ` +
			`external ${mb(m.external)} MB (array buffers ${mb(m.arrayBuffers)})`
	);
}

let current: string | null = null;
const result = await ingest({
	input,
	out,
	reporter: {
		start(step) {
			if (current) line(`end ${current}`);
			stepPeak = 0;
			current = step;
			line(`start ${step}`);
			if (process.env.MEMORY_SNAPSHOT === step) console.log(`heap snapshot: ${writeHeapSnapshot()}`);
		},
		progress() {},
		done() {
			if (current) line(`end ${current}`);
			current = null;
		},
		info(message) {
			console.log(`         ${message}`);
		}
	}
});
clearInterval(sampler);
if (ticker) clearInterval(ticker);
line(result.ok ? 'done' : 'FAILED');
if (!result.ok) console.error(JSON.stringify(result.issues.slice(0, 5)));
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB, CPU ${(process.cpuUsage().user / 1e6 + process.cpuUsage().system / 1e6).toFixed(1)} s`);
