/**
 * One job of the audit (issue 9): one year of one person-based indicator, attacked (audit.ts)
 * and, while anything is exposed, given more to hide (audit-repair.ts) and attacked again,
 * until nothing is exposed.
 *
 * A job reads and changes only its own year's cells and aggregates: the attack world, the
 * repair and the hidden groups are all of that year, and the cells of different years are
 * disjoint. So jobs can run in any order, side by side in worker threads (audit-pool.ts), and
 * what each returns (the cells and groups it hid, in the order it hid them) is the same as in
 * one serial run; audited-suppression.ts applies the returns in a fixed order.
 *
 * Throws PrivacyAuditFailed, naming the indicator and year, when the year cannot pass.
 */
import type { Highs } from 'highs';
import type { IndicatorId } from '../../src/lib/core/indicators.ts';
import type { PrivacyInput } from './privacy.ts';
import { auditYear, targetKey, type Finding } from './audit.ts';
import { auditFailure, PrivacyAuditFailed } from './audit-failed.ts';
import { Certificates } from './audit-certificates.ts';
import type { ImpliedRows } from './audit-implied-rows.ts';
import { SolverFailed } from './audit-lp-solver.ts';
import { repair } from './audit-repair.ts';
import { hideRevealingGroups } from './audit-reference-groups.ts';
import { PublisherRanges } from './audit-publisher-ranges.ts';
import { trackWorld, updateWorld, type TrackedWorld } from './audit-world-update.ts';

export interface YearJob {
	id: IndicatorId;
	input: PrivacyInput;
	/** The indicator's published precision (Indicator.scale), passed in: a worker has no catalogue. */
	scale: number;
	year: number;
	/** Each group's cells of the year (membersOf). */
	members: Map<number, number[]>;
	/** Per cell, 1 when suppressed: the job sets its year's cells as it hides them. */
	cells: Uint8Array;
	/** The year's withheld aggregates (group indices): the job adds the ones it withholds. */
	hidden: Set<number>;
	departmentIds: readonly string[];
	maxRounds: number;
}

export interface YearJobResult {
	/** Cells the job hid, and groups it withheld, each in the order it hid them. */
	cells: Int32Array;
	groups: Int32Array;
	/** LP and MIP solves and attack pieces over the rounds, and the largest piece's hidden counts. */
	solves: number;
	pieces: number;
	largestPiece: number;
	/** Findings of the first attack, before anything more was hidden. */
	firstFindings: number;
	/** Reference rows (ReferenceConstraint.row) not to republish: they hold a count the reference rows alone expose (audit-publisher-ranges.ts). */
	referenceRows: Int32Array;
}

export function auditYearJob(highs: Highs, job: YearJob): YearJobResult {
	const { id, input, year, members, cells, hidden, maxRounds } = job;
	const addedCells: number[] = [];
	const addedGroups: number[] = [];
	const result = { solves: 0, pieces: 0, largestPiece: 0, firstFindings: 0 };
	const safe = new Set<string>();
	const attempts = new Map<string, number>();
	// Reference figures that reveal 1-4 persons on their own: their groups hidden first, and what
	// is inside them judged by the reference alone (audit-reference-groups.ts).
	const revealing = hideRevealingGroups(input, members, cells, hidden);
	addedCells.push(...revealing.cells);
	addedGroups.push(...revealing.groups);
	// The year's attack world, built once and then updated with what each round hid: only the
	// groups the round touched are summed again (audit-world-update.ts).
	let tracked: TrackedWorld = trackWorld(input, year, members, cells, hidden, job.scale);
	// Its rows without the implied ones, likewise carried from round to round (audit-implied-rows.ts).
	let implied: ImpliedRows | undefined;
	// The duals of its exposures, which most often are exposed again the next round (audit-certificates.ts).
	const certificates = new Certificates();
	// What the reference figures alone give, asked of the exposed counts as they come.
	const publishers = new PublisherRanges(input, members);
	for (let round = 0; ; round++) {
		let audit;
		try {
			audit = auditYear(highs, input, year, members, cells, hidden, job.scale, safe, tracked.world, implied, certificates, publishers.given);
			// Exposures the reference figures alone already give are their publisher's: attacked
			// again with those ranges, where ours must add nothing (audit-publisher-ranges.ts).
			const exposed = audit.findings.flatMap((f) => (f.kind === 'residual' ? [] : [f.target]));
			if (publishers.learn(highs, audit.world, exposed, exposed.map(targetKey))) {
				audit = auditYear(highs, input, year, members, cells, hidden, job.scale, safe, tracked.world, audit.implied, certificates, publishers.given);
			}
		} catch (error) {
			if (error instanceof SolverFailed) throw new PrivacyAuditFailed(auditFailure(id, year, error.message));
			throw error;
		}
		implied = audit.implied;
		result.solves += audit.solves;
		result.pieces += audit.pieces;
		result.largestPiece = Math.max(result.largestPiece, audit.largestPiece);
		if (round === 0) result.firstFindings = audit.findings.length;
		if (audit.findings.length === 0) break;
		const what = describe(audit.findings[0]!, input, job.departmentIds);
		if (round >= maxRounds) {
			throw new PrivacyAuditFailed(
				auditFailure(id, year, `stadig afsløret efter ${maxRounds} runder / still exposed after ${maxRounds} rounds: ${what}`)
			);
		}
		const more = repair(input, audit.world, audit.findings, members, cells, hidden, attempts);
		if (more.cells.size === 0 && more.groups.size === 0) {
			throw new PrivacyAuditFailed(auditFailure(id, year, `intet tilbage at skjule, der hjælper / nothing left to hide that helps: ${what}`));
		}
		for (const c of more.cells) {
			cells[c] = 1;
			addedCells.push(c);
		}
		for (const g of more.groups) {
			hidden.add(g);
			addedGroups.push(g);
		}
		tracked = updateWorld(input, tracked, members, cells, hidden, job.scale, more.cells, more.groups);
	}
	return { cells: Int32Array.from(addedCells), groups: Int32Array.from(addedGroups), ...result, referenceRows: Int32Array.from(publishers.rows).sort() };
}

function describe(f: Finding, input: PrivacyInput, departmentIds: readonly string[]): string {
	if (f.kind === 'residual') {
		const g = input.groups[f.group]!;
		return `${g.level} ${g.id}: summen af de skjulte afdelinger afslører under 5 personer / the sum of its hidden departments reveals under 5 persons`;
	}
	const name =
		f.kind === 'department'
			? `afdeling ${departmentIds[input.department[f.target.ref]!] ?? f.target.ref}`
			: `${input.groups[f.target.ref]!.level} ${input.groups[f.target.ref]!.id}`;
	return `${name} kan indsnævres til ${f.lo}-${f.hi} af ${f.target.total} beboere / can be narrowed to ${f.lo}-${f.hi} of ${f.target.total} residents`;
}
