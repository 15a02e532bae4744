/**
 * A worker thread of the audit (audit-pool.ts): loads HiGHS once, then runs the jobs it is
 * given (audit-year-job.ts) one at a time and answers each with what the job hid, or with why
 * it failed. Its own copy of the suppression before the audit takes each job's changes: a job
 * touches only its own year's cells, so the jobs a worker runs do not see each other's.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { membersOf } from './audit-attack-world.ts';
import { cellsByYear } from './year-cells.ts';
import { PrivacyAuditFailed } from './audit-failed.ts';
import { lpSolver } from './audit-lp-solver.ts';
import type { PoolJob, PoolReply, PoolSetup } from './audit-pool.ts';
import { auditYearJob } from './audit-year-job.ts';

const setup = workerData as PoolSetup;
const highs = await lpSolver(setup.solver);
const local = setup.indicators.map(() => ({ cells: null as Uint8Array | null, byYear: null as Map<number, Int32Array> | null }));

parentPort!.on('message', ({ index, indicator, year, hidden }: PoolJob & { index: number }) => {
	let reply: PoolReply;
	try {
		const { id, scale, input } = setup.indicators[indicator]!;
		const state = local[indicator]!;
		state.cells ??= Uint8Array.from(setup.indicators[indicator]!.cells);
		state.byYear ??= cellsByYear(input);
		const members = membersOf(input, state.byYear.get(year)!);
		const result = auditYearJob(highs, {
			id,
			input,
			scale,
			year,
			members,
			cells: state.cells,
			hidden: new Set(hidden),
			departmentIds: setup.departmentIds,
			maxRounds: setup.maxRounds
		});
		reply = { index, ok: true, result };
	} catch (error) {
		const e = error instanceof Error ? error : new Error(String(error));
		reply = { index, ok: false, refused: error instanceof PrivacyAuditFailed, message: e.message, stack: e.stack };
	}
	parentPort!.postMessage(reply, reply.ok ? [reply.result.cells.buffer as ArrayBuffer, reply.result.groups.buffer as ArrayBuffer] : []);
});
