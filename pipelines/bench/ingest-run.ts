/**
 * One timed run for bench-ingest.ts, in its own process so its peak memory is its own:
 *   tsx pipelines/bench/ingest-run.ts ours INPUT OUT      our ingest (read, validate, build, swap)
 *   tsx pipelines/bench/ingest-run.ts baseline INPUT OUT  DuckDB's CSV-to-Parquet of noegletal*.csv
 * Prints one line of JSON: { seconds, peak_rss_mb }. Time runs from just before the work to just
 * after it (module loading excluded for both), peak memory is the process's maximum RSS.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ingest } from '../ingest.ts';
import { silentReporter } from '../read/model.ts';

const [mode, input, out] = process.argv.slice(2);
if (!input || !out || (mode !== 'ours' && mode !== 'baseline')) {
	console.error('usage: ingest-run.ts ours|baseline INPUT OUT');
	process.exit(2);
}

const start = performance.now();
if (mode === 'ours') {
	const result = await ingest({ input, out, reporter: silentReporter });
	if (!result.ok) {
		console.error(JSON.stringify(result.issues.slice(0, 5)));
		process.exit(1);
	}
} else {
	await baseline(input, out);
}
const seconds = (performance.now() - start) / 1000;
console.log(JSON.stringify({ seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }));

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
