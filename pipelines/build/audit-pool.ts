/**
 * The audit's worker threads (issue 9): runs the audit's jobs (audit-year-job.ts, one per year
 * of each person-based indicator) side by side, a job at a time per worker, and hands each
 * job's result to the caller in job order, whatever order they finish in, so what the caller
 * builds from them is the same as from a serial run.
 *
 * Cheap to hand over: the inputs' typed arrays are in SharedArrayBuffers that every worker reads
 * (no copy per worker; shared-arrays.ts), the groups and memberships are cloned once per
 * worker, a job is its indicator, year and withheld groups, and a result comes back as two
 * typed arrays moved, not copied (transfer list). Each worker loads HiGHS once, from the
 * WebAssembly module the main thread compiled (so its compiled code is not made again per worker).
 *
 * The workers run plain JavaScript: audit-worker.ts and everything it imports (HiGHS's glue
 * included) bundled once per process by esbuild (npm `esbuild`, the version tsx and Vite use;
 * README says why) and handed to each worker as a data: URL. Until issue 8's memory work each
 * worker registered tsx's loader and compiled the TypeScript itself, which cost every worker a
 * loader thread of its own (Node 20 runs a registered loader on a separate isolate), an esbuild
 * service process and the transformed sources in its heap, for the whole audit. The bundle
 * works the same under tsx and under Vitest, whose own transform does not reach worker threads.
 *
 * Errors: a job that cannot pass comes back as its PrivacyAuditFailed message and is thrown
 * again here with that message unchanged, but only once every earlier job has come back whole,
 * so the refusal is the one the serial run would give (the first failing job in job order).
 * Anything else a worker throws, or a worker dying, is thrown as an internal error. Either way
 * every worker is stopped before this returns or throws.
 */
import { build, stop } from 'esbuild';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { IndicatorId } from '../../src/lib/core/indicators.ts';
import type { PrivacyInput } from './privacy.ts';
import { PrivacyAuditFailed } from './audit-failed.ts';
import type { YearJobResult } from './audit-year-job.ts';

/** What every worker is started with (its workerData). */
export interface PoolSetup {
	indicators: {
		id: IndicatorId;
		scale: number;
		/** Its typed arrays backed by SharedArrayBuffers. */
		input: PrivacyInput;
		/** The suppression before the audit (shared, read only): each worker copies it. */
		cells: Uint8Array;
	}[];
	departmentIds: readonly string[];
	maxRounds: number;
	/** HiGHS compiled once on the main thread (audit-lp-solver.ts), shared by the workers. */
	solver: WebAssembly.Module;
}

/** One job: a year of one indicator (index into PoolSetup.indicators) and its withheld groups. */
export interface PoolJob {
	indicator: number;
	year: number;
	hidden: Int32Array;
}

export type PoolReply =
	| { index: number; ok: true; result: YearJobResult }
	| { index: number; ok: false; refused: boolean; message: string; stack?: string };

/**
 * Each worker's young generation, in MB (V8's default on 64 bits: up to 48). A job allocates
 * briskly and keeps little of it: a smaller young generation is collected more often and holds
 * less resident per worker. National's audit with two workers (`audit-run.ts`, alternating, load
 * 14-22): process peak 395 MB against 430-458 by default, CPU 21.7 s against 18.1-22.6 (8 MB: 396-404
 * MB, 19.6-23.0 s); bench/HISTORY.md, `ingestmem2`. Only the young generation: a cap on the old one
 * would end a large audit with an out-of-memory error instead of letting it grow.
 */
const WORKER_YOUNG_GENERATION_MB = 16;

let bundled: URL | null = null;
let bundling: Promise<URL> | null = null;

/**
 * audit-worker.ts as one ES module of plain JavaScript, as a data: URL, built once per process
 * (about 0.25 s of CPU). esbuild's service process is stopped once it is built: its synchronous
 * API would keep a worker thread and the service for the rest of the ingest. Nothing else in the
 * ingest's process builds with esbuild while this runs (`npm start` runs Vite's build in a process
 * of its own), and a later call of esbuild's API simply starts a new service. A module from a data:
 * URL has no file of its own, so `import.meta.url` (which HiGHS's glue hands to createRequire) is
 * set to audit-worker.ts's.
 */
function workerEntry(): Promise<URL> {
	bundling ??= (async () => {
		const source = new URL('./audit-worker.ts', import.meta.url);
		try {
			const { outputFiles } = await build({
				entryPoints: [fileURLToPath(source)],
				bundle: true,
				format: 'esm',
				platform: 'node',
				target: 'node20',
				write: false,
				logLevel: 'silent',
				define: { 'import.meta.url': JSON.stringify(source.href) }
			});
			bundled = new URL(`data:text/javascript;base64,${Buffer.from(outputFiles[0]!.contents).toString('base64')}`);
			return bundled;
		} catch (error) {
			bundling = null;
			throw error;
		} finally {
			await stop();
		}
	})();
	return bundling;
}

/** A worker's stack without the bundle's data: URL (hundreds of kilobytes) in every line. */
function readable(stack: string | undefined): string | undefined {
	return bundled ? stack?.replaceAll(bundled.href, 'audit-worker.ts (bundled)') : stack;
}

export async function runInPool(
	size: number,
	setup: PoolSetup,
	jobs: readonly PoolJob[],
	onResult: (index: number, result: YearJobResult) => void
): Promise<void> {
	const entry = await workerEntry();
	const workers: Worker[] = [];
	const replies = new Array<PoolReply | undefined>(jobs.length);
	let next = 0; // the next job to hand out
	let applied = 0; // jobs before this one have been handed to onResult
	let firstRefusal = jobs.length; // no job after a refused one need run
	try {
		await new Promise<void>((resolve, reject) => {
			const give = (worker: Worker) => {
				if (next >= jobs.length || next > firstRefusal) return;
				const index = next++;
				const job = jobs[index]!;
				worker.postMessage({ index, ...job });
			};
			const settle = () => {
				while (applied < jobs.length && replies[applied]) {
					const reply = replies[applied]!;
					if (!reply.ok) {
						if (reply.refused) reject(new PrivacyAuditFailed(reply.message));
						else reject(Object.assign(new Error(`Revisionens tråd fejlede / an audit worker failed: ${reply.message}`), { stack: readable(reply.stack) }));
						return;
					}
					onResult(applied, reply.result);
					replies[applied] = undefined; // let its arrays go
					applied++;
				}
				if (applied === jobs.length) resolve();
			};
			for (let w = 0; w < Math.min(size, jobs.length); w++) {
				const worker = new Worker(entry, { execArgv: [], workerData: setup, resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB } });
				workers.push(worker);
				worker.on('message', (reply: PoolReply) => {
					replies[reply.index] = reply;
					if (!reply.ok) firstRefusal = Math.min(firstRefusal, reply.index);
					try {
						settle();
					} catch (error) {
						reject(error);
						return;
					}
					give(worker);
				});
				worker.on('error', (error) => reject(Object.assign(error, { stack: readable(error.stack) })));
				worker.on('exit', (code) => {
					if (applied < jobs.length) reject(new Error(`Revisionens tråd sluttede med kode ${code} / an audit worker exited with code ${code}`));
				});
				give(worker);
			}
		});
	} finally {
		await Promise.all(workers.map((w) => w.terminate()));
	}
}
