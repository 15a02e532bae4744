/**
 * `npm run bench:ingest`: how long the ingest takes on the synthetic national inputs, against
 * DuckDB's own CSV-to-Parquet conversion of the same key-figure files, in the same run.
 *
 * For `national` and `national10` (seed 1, generated into bench/work/ when missing, or into
 * BENCH_WORK) it alternates RUNS runs of our ingest and of the baseline, each in a child process
 * (bench/ingest-run.ts) so peak memory is measured per run, and reports medians, the ratio, and
 * the median seconds of each of our steps. Writes bench/results/ingest.json.
 * Goal (issue 8): national and national10 within 2x of the baseline and under 1 GB peak memory.
 *
 * Besides the whole run it reports the run without the privacy audit's step (issue 9, timed on its
 * own), against the same baseline. BENCH_AUDIT=skip leaves the audit out of our runs altogether
 * (BuildOptions.benchmarkWithoutAudit), for scales where it would take hours; the report then says
 * so in every line, since such a run is not the ingest a user gets. CPU seconds (user + system,
 * DuckDB's threads included) are reported beside the wall clock: on a shared machine they move
 * much less with the load.
 */
import { DuckDBInstance } from '@duckdb/node-api';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from './generate/generate.ts';
import { AUDIT_STEP } from './build/audit-cost-line.ts';
import { MALLOC_SETTINGS } from './malloc-settings.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORK = process.env.BENCH_WORK ?? join(ROOT, 'bench', 'work');
const RESULTS = join(ROOT, 'bench', 'results', 'ingest.json');
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SCALES = (process.env.BENCH_SCALES ?? 'national,national10').split(',') as ('national' | 'national10')[];
const SKIP_AUDIT = process.env.BENCH_AUDIT === 'skip';
const AUDIT_LABEL = SKIP_AUDIT ? ' [UDEN REVISION: BENCH_AUDIT=skip, not the full ingest]' : '';

interface Run {
	seconds: number;
	cpu_seconds: number;
	peak_rss_mb: number;
	/** Our run only: seconds per step (step-timer.ts). */
	steps: Record<string, number>;
	/** Our run only: CPU seconds per step. */
	steps_cpu: Record<string, number>;
	/** Our run only: the process's peak RSS (MB) when each step ended. */
	steps_peak_rss_mb: Record<string, number>;
}

export interface IngestBenchmark {
	scale: string;
	/** Key-figure rows: one per department and year. */
	rows: number;
	median_s: number;
	baseline_median_s: number;
	ratio_to_baseline: number;
	/** Highest peak RSS over our runs. */
	peak_rss_mb: number;
	baseline_peak_rss_mb: number;
	runs: number;
	/** Whether our runs left out the privacy audit (BENCH_AUDIT=skip). */
	audit_skipped: boolean;
	/** Median over our runs of the seconds outside the audit's step, and its ratio to the baseline. */
	without_audit_median_s: number;
	without_audit_ratio_to_baseline: number;
	/** Median CPU seconds (user + system) of our runs and of the baseline's. */
	cpu_median_s: number;
	baseline_cpu_median_s: number;
	/** Median seconds per step of our runs, in the order the steps run. */
	steps_median_s: Record<string, number>;
	/** Median CPU seconds per step. */
	steps_cpu_median_s: Record<string, number>;
	/**
	 * Highest over our runs of the peak RSS (MB) when each step ended: the first step at the
	 * run's peak is where the memory is held.
	 */
	steps_peak_rss_mb: Record<string, number>;
}

function child(mode: 'ours' | 'baseline', input: string, out: string): Run {
	// Bundled as `npm run ingest` runs the CLI (run-bundled.mjs), so the peak memory is that of the
	// process a user runs, without tsx's loader thread and its esbuild service.
	const launcher = join(ROOT, 'pipelines', 'run-bundled.mjs');
	const run = spawnSync(process.execPath, [launcher, join(ROOT, 'pipelines', 'bench', 'ingest-run.ts'), mode, input, out], {
		cwd: ROOT,
		// Our ingest with its malloc settings, as `npm run ingest` sets them (malloc-settings.ts).
		env: { ...process.env, ...(mode === 'ours' ? MALLOC_SETTINGS : {}), BENCH_AUDIT: SKIP_AUDIT ? 'skip' : '' },
		encoding: 'utf8',
		maxBuffer: 16 * 1024 * 1024
	});
	if (run.status !== 0) throw new Error(`${mode} run failed (${run.status}):\n${run.stderr}`);
	return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Run;
}

const median = (xs: number[]) => {
	const s = [...xs].sort((a, b) => a - b);
	const m = s.length >> 1;
	return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

async function departmentYears(out: string): Promise<number> {
	const instance = await DuckDBInstance.create(':memory:');
	const connection = await instance.connect();
	const path = join(out, 'noegletal.parquet').replaceAll("'", "''");
	const rows = (
		await connection.runAndReadAll(`SELECT count(*)::INTEGER FROM (SELECT DISTINCT afdeling_id, aar FROM '${path}')`)
	).getRows();
	connection.closeSync();
	instance.closeSync();
	return Number(rows[0]?.[0] ?? 0);
}

async function main(): Promise<void> {
	mkdirSync(WORK, { recursive: true });
	const results: IngestBenchmark[] = [];
	for (const scale of SCALES) {
		const input = join(WORK, scale);
		if (!existsSync(join(input, 'afdelinger.csv'))) {
			console.log(`Genererer ${scale} (seed 1) i ${input} …`);
			await generate({ scale, seed: 1, out: input });
		}
		const ours: Run[] = [];
		const baseline: Run[] = [];
		for (let i = 0; i < RUNS; i++) {
			ours.push(child('ours', input, join(WORK, `out-${scale}`)));
			baseline.push(child('baseline', input, join(WORK, `baseline-${scale}`)));
			console.log(
				`${scale} run ${i + 1}/${RUNS}: ingest ${ours.at(-1)!.seconds.toFixed(2)} s (${Math.round(ours.at(-1)!.peak_rss_mb)} MB)${AUDIT_LABEL}, ` +
					`baseline ${baseline.at(-1)!.seconds.toFixed(2)} s (${Math.round(baseline.at(-1)!.peak_rss_mb)} MB)`
			);
		}
		const m = median(ours.map((r) => r.seconds));
		const b = median(baseline.map((r) => r.seconds));
		const withoutAudit = median(ours.map((r) => r.seconds - (r.steps[AUDIT_STEP] ?? 0)));
		const stepMedians = (of: (r: Run) => Record<string, number>) =>
			Object.fromEntries(Object.keys(of(ours[0]!)).map((step) => [step, round(median(ours.map((r) => of(r)[step] ?? 0)), 3)]));
		results.push({
			scale,
			rows: await departmentYears(join(WORK, `out-${scale}`)),
			median_s: round(m, 3),
			baseline_median_s: round(b, 3),
			ratio_to_baseline: round(m / b, 2),
			peak_rss_mb: Math.round(Math.max(...ours.map((r) => r.peak_rss_mb))),
			baseline_peak_rss_mb: Math.round(Math.max(...baseline.map((r) => r.peak_rss_mb))),
			runs: RUNS,
			audit_skipped: SKIP_AUDIT,
			without_audit_median_s: round(withoutAudit, 3),
			without_audit_ratio_to_baseline: round(withoutAudit / b, 2),
			cpu_median_s: round(median(ours.map((r) => r.cpu_seconds)), 3),
			baseline_cpu_median_s: round(median(baseline.map((r) => r.cpu_seconds)), 3),
			steps_median_s: stepMedians((r) => r.steps),
			steps_cpu_median_s: stepMedians((r) => r.steps_cpu),
			steps_peak_rss_mb: Object.fromEntries(
				Object.keys(ours[0]!.steps).map((step) => [step, Math.max(...ours.map((r) => r.steps_peak_rss_mb[step] ?? 0))])
			)
		});
		rmSync(join(WORK, `baseline-${scale}`), { recursive: true, force: true });
	}

	if (SKIP_AUDIT) console.log('\nUDEN REVISION (BENCH_AUDIT=skip): our runs left out the privacy audit; not the full ingest.');
	console.log(
		'\n| scale | rows | median_s | baseline_median_s | ratio | without audit (s) | ratio | CPU s | baseline CPU s | peak RSS (MB) | baseline peak RSS (MB) |'
	);
	console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
	for (const r of results) {
		console.log(
			`| ${r.scale} | ${r.rows} | ${r.median_s} | ${r.baseline_median_s} | ${r.ratio_to_baseline} | ${r.without_audit_median_s} | ${r.without_audit_ratio_to_baseline} | ` +
				`${r.cpu_median_s} | ${r.baseline_cpu_median_s} | ${r.peak_rss_mb} | ${r.baseline_peak_rss_mb} |`
		);
	}
	for (const r of results) {
		console.log(
			`\n${r.scale}${AUDIT_LABEL}: ${r.median_s} s = ${r.ratio_to_baseline}x the baseline (${r.baseline_median_s} s); median per step (wall, CPU; peak RSS at its end):`
		);
		for (const [step, s] of Object.entries(r.steps_median_s)) {
			const cpu = r.steps_cpu_median_s[step] ?? 0;
			console.log(
				`  ${step.padEnd(30)} ${s.toFixed(2).padStart(6)} s  ${((100 * s) / r.median_s).toFixed(0).padStart(3)} %  ${cpu.toFixed(2).padStart(6)} s CPU` +
					`  ${String(r.steps_peak_rss_mb[step] ?? '').padStart(5)} MB`
			);
		}
	}
	mkdirSync(join(ROOT, 'bench', 'results'), { recursive: true });
	const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version };
	writeFileSync(RESULTS, JSON.stringify({ machine, results }, null, '\t') + '\n');
	console.log(`\nSkrev ${RESULTS}`);
}

await main();
