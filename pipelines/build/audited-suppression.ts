/**
 * Suppression that passes the audit (issue 9): after the primary and secondary rules
 * (privacy.ts), each year of each person-based indicator is attacked (audit.ts); while anything
 * is exposed, more is hidden (audit-repair.ts) and that year is attacked again. Only years that
 * changed are attacked again: a year's figures say nothing about another's counts in this
 * threat model (see data/README.md for what is out of scope).
 *
 * Each year of each indicator is one job (audit-year-job.ts). On a large input the jobs run side
 * by side in worker threads (audit-pool.ts), each returning the cells and groups it hid, which
 * are applied here in job order (indicator, then year), the order of a serial run: the result is
 * the same byte for byte whatever the number of workers and whichever job finishes first.
 *
 * If the audit cannot pass (nothing left to hide that would help, the rounds run out, or the
 * solver fails) PrivacyAuditFailed is thrown and nothing is published: the first failing job's,
 * in job order, as a serial run would throw it.
 *
 * The suppression is changed in place (cells set, aggregate rows added), and the cost by rule is
 * returned for the ingest to print and the manifest to record.
 */
import { availableParallelism } from 'node:os';
import { indicator, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { SuppressionCost, SuppressionCount } from '../../src/lib/core/output-contract.ts';
import { failsPrimary, withheldLevel, type PrivacyInput } from './privacy.ts';
import type { Suppression } from './suppression.ts';
import { membersOf } from './audit-attack-world.ts';
import { cellsByYear } from './year-cells.ts';
import { PrivacyAuditFailed } from './audit-failed.ts';
import { lpSolver, solverModule } from './audit-lp-solver.ts';
import { runInPool, type PoolJob, type PoolSetup } from './audit-pool.ts';
import { sharedCopies } from './shared-arrays.ts';
import { auditYearJob, type YearJobResult } from './audit-year-job.ts';

export { PrivacyAuditFailed };

/** Rounds of hide-and-attack-again per year before the ingest gives up. */
export const MAX_ROUNDS = 200;

/** Sets the number of the audit's worker threads (1: no workers, everything on the main thread). */
export const WORKERS_ENV = 'AUDIT_WORKERS';

/**
 * Below this many cells to audit (department-years of all person-based indicators) the audit
 * runs on the main thread unless told otherwise: starting the workers (tsx and HiGHS in each)
 * costs about a second, more than the whole audit of an input this small takes.
 */
export const MIN_CELLS_FOR_WORKERS = 50_000;

export interface AuditReport {
	cost: SuppressionCost;
	/** LP and MIP solves, attack pieces and the largest piece's hidden counts, for the benchmark. */
	solves: number;
	pieces: number;
	largestPiece: number;
	/** Findings of the first attack, before anything more was hidden. */
	firstFindings: number;
	/** Worker threads the audit ran in (1: on the main thread). */
	workers: number;
	/**
	 * Reference rows (indices into the rows referenceKnowledge was given) not to republish: they
	 * hold a count the reference rows alone expose (audit-publisher-ranges.ts; unpublishedRows).
	 */
	referenceRows: Set<number>;
}

export interface AuditOptions {
	maxRounds?: number;
	/**
	 * Worker threads to run the years in; 1 runs everything on the main thread. Unset: the
	 * AUDIT_WORKERS environment variable, else the machine's parallelism when the input is large
	 * enough (MIN_CELLS_FOR_WORKERS). The result is the same whatever the number.
	 */
	workers?: number;
}

export async function auditedSuppression(
	inputs: ReadonlyMap<IndicatorId, PrivacyInput>,
	suppression: Suppression,
	departmentIds: readonly string[],
	{ maxRounds = MAX_ROUNDS, workers }: AuditOptions = {}
): Promise<AuditReport> {
	const zero = (): SuppressionCount => ({ departments: 0, aggregates: 0 });
	const cost: SuppressionCost = { primary: zero(), secondary: zero(), audit: zero() };
	const report: AuditReport = { cost, solves: 0, pieces: 0, largestPiece: 0, firstFindings: 0, workers: 1, referenceRows: new Set() };

	// The jobs, a year of an indicator each, in the order the results are applied; the cost of
	// the rules before the audit is counted on the way.
	const jobs: { id: IndicatorId; input: PrivacyInput; year: number; yearCells: Int32Array; hidden: Set<number> }[] = [];
	let cellCount = 0;
	for (const [id, input] of inputs) {
		const cells = suppression.cells.get(id)!;
		const groupIndex = new Map(input.groups.map((g, i) => [`${g.level}\u0000${g.id}`, i]));
		const hiddenByYear = new Map<number, Set<number>>();
		for (const a of suppression.aggregates) {
			if (a.indikator !== id) continue;
			let set = hiddenByYear.get(a.aar);
			if (!set) hiddenByYear.set(a.aar, (set = new Set()));
			set.add(groupIndex.get(`${a.niveau}\u0000${a.enhed_id}`)!);
		}
		for (const [year, yearCells] of cellsByYear(input)) {
			const hidden = hiddenByYear.get(year) ?? new Set<number>();
			cellCount += yearCells.length;
			for (const c of yearCells) {
				if (!cells[c]) continue;
				if (failsPrimary(input.numerator[c]!, input.denominator[c]!)) cost.primary.departments++;
				else cost.secondary.departments++;
			}
			const sums = hiddenGroupSums(input, yearCells, hidden);
			for (const g of hidden) {
				if (failsPrimary(sums.numerator.get(g) ?? 0, sums.denominator.get(g) ?? 0)) cost.primary.aggregates++;
				else cost.secondary.aggregates++;
			}
			jobs.push({ id, input, year, yearCells, hidden });
		}
	}

	const apply = (index: number, result: YearJobResult) => {
		const { id, input, year } = jobs[index]!;
		const cells = suppression.cells.get(id)!;
		for (const c of result.cells) cells[c] = 1;
		for (const g of result.groups) {
			const group = input.groups[g]!;
			suppression.aggregates.push({ niveau: withheldLevel(group), enhed_id: group.id, aar: year, indikator: id });
		}
		cost.audit.departments += result.cells.length;
		cost.audit.aggregates += result.groups.length;
		report.solves += result.solves;
		report.pieces += result.pieces;
		report.largestPiece = Math.max(report.largestPiece, result.largestPiece);
		report.firstFindings += result.firstFindings;
		for (const k of result.referenceRows) report.referenceRows.add(k);
	};

	const size = Math.min(jobs.length, workerCount(workers, cellCount));
	if (size <= 1) {
		const highs = await lpSolver();
		for (const [index, { id, input, year, yearCells, hidden }] of jobs.entries()) {
			const result = auditYearJob(highs, {
				id,
				input,
				year,
				members: membersOf(input, yearCells),
				hidden,
				scale: indicator(id).scale,
				cells: suppression.cells.get(id)!,
				departmentIds,
				maxRounds
			});
			apply(index, result);
		}
		return report;
	}

	const shared = sharedCopies();
	const ids = [...inputs.keys()];
	const setup: PoolSetup = {
		indicators: ids.map((id) => {
			const input = inputs.get(id)!;
			return {
				id,
				scale: indicator(id).scale,
				input: {
					...input,
					department: shared(input.department),
					year: shared(input.year),
					numerator: shared(input.numerator),
					denominator: shared(input.denominator),
					rank: shared(input.rank)
				},
				cells: shared(suppression.cells.get(id)!)
			};
		}),
		departmentIds,
		maxRounds,
		solver: await solverModule()
	};
	const poolJobs: PoolJob[] = jobs.map((job) => ({ indicator: ids.indexOf(job.id), year: job.year, hidden: Int32Array.from(job.hidden) }));
	report.workers = size;
	await runInPool(size, setup, poolJobs, apply);
	return report;
}

/**
 * The numerator and denominator of each withheld group of a year, summed over its cells in
 * `yearCells` order (as the sums of membersOf's lists were). Only the withheld groups are summed:
 * membersOf made a list for every group of every year before the workers started, about 100 MB
 * of national10's main thread that stayed (as garbage) until V8 next collected, well into the
 * audit (bench/HISTORY.md, `n10peak`).
 */
function hiddenGroupSums(input: PrivacyInput, yearCells: Int32Array, hidden: ReadonlySet<number>) {
	const numerator = new Map<number, number>();
	const denominator = new Map<number, number>();
	if (hidden.size === 0) return { numerator, denominator };
	for (const c of yearCells) {
		for (const g of input.memberships[input.department[c]!]!) {
			if (!hidden.has(g)) continue;
			numerator.set(g, (numerator.get(g) ?? 0) + input.numerator[c]!);
			denominator.set(g, (denominator.get(g) ?? 0) + input.denominator[c]!);
		}
	}
	return { numerator, denominator };
}

/** How many worker threads (see AuditOptions.workers). */
function workerCount(workers: number | undefined, cellCount: number): number {
	if (workers !== undefined) return Math.max(1, Math.floor(workers));
	const fromEnv = process.env[WORKERS_ENV];
	if (fromEnv !== undefined && fromEnv !== '') {
		const n = Number(fromEnv);
		if (!Number.isInteger(n) || n < 1) throw new Error(`${WORKERS_ENV}="${fromEnv}": forventede et helt tal fra 1 / expected a whole number from 1`);
		return n;
	}
	return cellCount < MIN_CELLS_FOR_WORKERS ? 1 : Math.max(1, availableParallelism());
}
