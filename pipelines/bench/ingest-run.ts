/**
 * One timed run for bench-ingest.ts, in its own process so its peak memory is its own:
 *   node pipelines/run-bundled.mjs pipelines/bench/ingest-run.ts ours INPUT OUT      our ingest (read, validate, build, swap)
 *   node pipelines/run-bundled.mjs pipelines/bench/ingest-run.ts baseline INPUT OUT  DuckDB's CSV-to-Parquet of noegletal*.csv
 * With BENCH_AUDIT=skip, `ours` leaves out the privacy audit (BuildOptions.benchmarkWithoutAudit):
 * every other step as the ingest runs it, labelled as such in bench-ingest.ts's report.
 * Prints one line of JSON: { seconds, cpu_seconds, peak_rss_mb, steps, steps_cpu }. Time runs from
 * just before the work to just after it (module loading excluded for both), cpu_seconds is the
 * process's user + system time over the same span (DuckDB's threads included), peak memory is the
 * process's maximum RSS, and `steps`/`steps_cpu` give our run's seconds per step (step-timer.ts), `steps_peak_rss_mb`
 * the peak RSS when each step ended.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../ingest.ts';
import { stepTimer } from './step-timer.ts';

const [mode, input, out] = process.argv.slice(2);
if (!input || !out || (mode !== 'ours' && mode !== 'baseline')) {
	console.error('usage: ingest-run.ts ours|baseline INPUT OUT');
	process.exit(2);
}

const start = performance.now();
const cpuStart = process.cpuUsage();
const timer = stepTimer();
if (mode === 'ours') {
	const result = await ingest({ input, out, reporter: timer.reporter, benchmarkWithoutAudit: process.env.BENCH_AUDIT === 'skip' });
	if (!result.ok) {
		console.error(JSON.stringify(result.issues.slice(0, 5)));
		process.exit(1);
	}
} else {
	await baseline(input, out);
}
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const times = mode === 'ours' ? timer.finish() : { seconds: {}, cpu: {}, peakRssMb: {} };
console.log(
	JSON.stringify({
		seconds,
		cpu_seconds: (cpu.user + cpu.system) / 1e6,
		peak_rss_mb: process.resourceUsage().maxRSS / 1024,
		steps: times.seconds,
		steps_cpu: times.cpu,
		steps_peak_rss_mb: times.peakRssMb
	})
);

/**
 * The reference: what DuckDB itself takes to turn the same key-figure CSV files into Parquet,
 * each file read with its own delimiter, decimal mark and encoding, written zstd-compressed.
 */
async function baseline(dir: string, target: string): Promise<void> {
	rmSync(target, { recursive: true, force: true });
	mkdirSync(target, { recursive: true });
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const files = readdirSync(dir).filter((f) => /^n(oe|ø)gletal.*\.csv$/i.test(f)).sort();
	for (const [i, file] of files.entries()) {
		const path = join(dir, file);
		const { delimiter, decimal, encoding } = sniff(path);
		const quote = (s: string) => `'${s.replaceAll("'", "''")}'`;
		await connection.run(
			`COPY (SELECT * FROM read_csv(${quote(path)}, delim = ${quote(delimiter)}, decimal_separator = ${quote(decimal)},
				encoding = ${quote(encoding)}, header = true))
			TO ${quote(join(target, `noegletal-${i}.parquet`))} (FORMAT parquet, COMPRESSION zstd)`
		);
	}
	connection.closeSync();
	instance.closeSync();
}

/** The header line tells the delimiter; ';' goes with a decimal comma as Danish Excel writes it. */
function sniff(path: string): { delimiter: string; decimal: string; encoding: string } {
	const head = readFileSync(path).subarray(0, 64 * 1024);
	let encoding = 'utf-8';
	try {
		new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, head.lastIndexOf(10) + 1));
	} catch {
		encoding = 'latin-1';
	}
	const header = head.toString('latin1').split(/\r?\n/)[0] ?? '';
	const delimiter = [';', '\t', ','].find((d) => header.includes(d)) ?? ',';
	return { delimiter, decimal: delimiter === ';' ? ',' : '.', encoding };
}
