/**
 * Rounds of hiding for the tests of what the audit carries from one round to the next (the attack
 * world, the pieces): seeded random rounds of hidden cells and withheld groups, and the audit's
 * own repair rounds, each calling back after the world's update.
 */
import type { Highs } from 'highs';
import { membersOf } from '../../pipelines/build/audit-attack-world.ts';
import { cellsByYear } from '../../pipelines/build/year-cells.ts';
import { auditYear, type YearAudit } from '../../pipelines/build/audit.ts';
import type { ImpliedRows } from '../../pipelines/build/audit-implied-rows.ts';
import { repair } from '../../pipelines/build/audit-repair.ts';
import { trackWorld, updateWorld, type TrackedWorld } from '../../pipelines/build/audit-world-update.ts';
import type { PrivacyInput } from '../../pipelines/build/privacy.ts';
import { deptArbitrary, ruleOnDepts, type Dept } from './privacy-random-world.ts';

export const SCALE = 100;

export const deptArb = deptArbitrary({ area: 4, org: 4, muni: 2, d: 60, areaFreq: 4 });

export function yearMembers(input: PrivacyInput, year: number) {
	return membersOf(input, cellsByYear(input).get(year)!);
}

/** A year's suppression as a round leaves it. */
export interface Round {
	input: PrivacyInput;
	members: Map<number, number[]>;
	suppressed: Uint8Array;
	hidden: Set<number>;
	tracked: TrackedWorld;
}

/**
 * Hides the picked cells (index modulo the cells) and withholds the picked groups (modulo the
 * groups) round by round from the rule's suppression of 2024, the tracked world updated; `each`
 * gets the first world (before any round) and every round's.
 */
export function hideRandomly(
	input: PrivacyInput,
	suppressed: Uint8Array,
	cellRounds: readonly number[][],
	groupRounds: readonly number[][],
	each: (round: Round) => void
): void {
	const members = yearMembers(input, 2024);
	const hidden = new Set<number>();
	let tracked = trackWorld(input, 2024, members, suppressed, hidden, SCALE);
	each({ input, members, suppressed, hidden, tracked });
	cellRounds.forEach((picks, round) => {
		const cells = picks.map((p) => p % input.department.length).filter((c) => !suppressed[c]);
		const groups = (groupRounds[round] ?? []).map((p) => p % input.groups.length).filter((g) => !hidden.has(g));
		for (const c of cells) suppressed[c] = 1;
		for (const g of groups) hidden.add(g);
		tracked = updateWorld(input, tracked, members, suppressed, hidden, SCALE, cells, groups);
		each({ input, members, suppressed, hidden, tracked });
	});
}

/** One round's attack: auditYear on the round's world, with the targets known protected and the last round's rows. */
export type RoundAttack = (round: Round, safe: Set<string>, implied: ImpliedRows | undefined) => YearAudit;

/**
 * The audit's own rounds (`attack`, by default auditYear, then repair) on the departments' world
 * in 2024, as the year job runs them, the world updated and the implied rows carried; `each` gets
 * every round after the update, with the attack that led to it. Returns how many rounds there were.
 */
export function repairRounds(
	highs: Highs,
	depts: readonly Dept[],
	each: (round: Round, audit: YearAudit) => void,
	attack: RoundAttack = (r, safe, implied) =>
		auditYear(highs, r.input, 2024, r.members, r.suppressed, r.hidden, SCALE, safe, r.tracked.world, implied)
): number {
	const { w, s } = ruleOnDepts(
		depts,
		depts.map((_, i) => `x${i}`)
	);
	const input = w.input;
	const suppressed = s.cells.get('uden_for_arbejdsmarked')!;
	const members = yearMembers(input, 2024);
	const hidden = new Set(s.aggregates.map((a) => w.group(`${a.niveau}:${a.enhed_id}`)));
	const safe = new Set<string>();
	const attempts = new Map<string, number>();
	let tracked = trackWorld(input, 2024, members, suppressed, hidden, SCALE);
	let implied: ImpliedRows | undefined;
	let rounds = 0;
	for (let round = 0; round < 30; round++) {
		const audit = attack({ input, members, suppressed, hidden, tracked }, safe, implied);
		implied = audit.implied;
		if (audit.findings.length === 0) break;
		const more = repair(input, audit.world, audit.findings, members, suppressed, hidden, attempts);
		if (more.cells.size === 0 && more.groups.size === 0) break;
		for (const c of more.cells) suppressed[c] = 1;
		for (const g of more.groups) hidden.add(g);
		tracked = updateWorld(input, tracked, members, suppressed, hidden, SCALE, more.cells, more.groups);
		each({ input, members, suppressed, hidden, tracked }, audit);
		rounds++;
	}
	return rounds;
}
