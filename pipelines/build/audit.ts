/**
 * The privacy audit (issue 9): attacks one year of one person-based indicator with everything
 * published, and lists what it exposes.
 *
 * Exposed are: a hidden department count or hidden aggregate count the attacker narrows to a
 * range under 5 persons wide that is not the whole 0..residents (audit-attack-ranges.ts), and a
 * published aggregate whose hidden members' sum, read off directly, fails the primary test
 * (the secondary rule's own check, kept because suppressing more can break it again). A count
 * the reference figures alone already narrow too far is exposed only when ours narrow it further
 * (audit-publisher-ranges.ts).
 */
import type { Highs } from 'highs';
import type { PrivacyInput } from './privacy.ts';
import { ATTACK_LIMITS, attackPieces, type PieceAttack } from './audit-attack-ranges.ts';
import { Certificates } from './audit-certificates.ts';
import { attackWorld, type AttackTarget, type AttackWorld } from './audit-attack-world.ts';
import { someComponents } from './audit-components.ts';
import type { ImpliedRows } from './audit-implied-rows.ts';
import { judgedTargets } from './audit-reference-groups.ts';
import type { PersonRange } from './audit-protection.ts';

export type Finding =
	| { kind: 'department' | 'aggregate'; target: AttackTarget; lo: number; hi: number; piece: number }
	| { kind: 'residual'; group: number };

export interface YearAudit {
	world: AttackWorld;
	/** The world's rows without the implied ones, for the next round's attack (audit-implied-rows.ts). */
	implied: ImpliedRows;
	findings: Finding[];
	solves: number;
	pieces: number;
	largestPiece: number;
}

export function auditYear(
	highs: Highs,
	input: PrivacyInput,
	year: number,
	members: Map<number, number[]>,
	suppressed: Uint8Array,
	hiddenGroups: ReadonlySet<number>,
	scale: number,
	/**
	 * Targets (targetKey) shown protected by an earlier attack on this year, skipped; the ones this
	 * attack shows protected are added. Sound because hiding more only widens what the attacker
	 * can believe: every assignment he could not rule out before (each newly hidden count at its
	 * true value, each withheld aggregate's row dropped) still fits, so a range seen 5 wide, or
	 * whole, stays so.
	 */
	safe: Set<string> = new Set(),
	/** The world of this suppression when the caller has it already (audit-world-update.ts), else built here. */
	world: AttackWorld = attackWorld(input, year, members, suppressed, hiddenGroups, scale),
	/** The last round's implied rows of this year (its `implied`), when there was one: then only what can have changed is worked out again. */
	previous?: ImpliedRows,
	/** The duals of this year's earlier exposures (audit-certificates.ts): tried first, and this attack's added. */
	certificates: Certificates = new Certificates(),
	/**
	 * Per target (targetKey): the range the reference figures alone leave it, where that is too
	 * narrow already (audit-publisher-ranges.ts): protected when ours leave it all of that range.
	 */
	given: ReadonlyMap<string, PersonRange> = new Map()
): YearAudit {
	const findings: Finding[] = world.failingResiduals.map((group) => ({ kind: 'residual', group }));
	let solves = 0;
	let largestPiece = 0;
	// Inside a reference figure that reveals 1-4 persons on its own, the reference decides (audit-reference-groups.ts).
	let targets = judgedTargets(input, world, members);
	if (given.size > 0) targets = targets.map((t) => (given.has(targetKey(t)) ? { ...t, given: given.get(targetKey(t))! } : t));
	const judged = targets === world.targets ? world : { ...world, targets };
	// Only pieces holding a target not yet shown protected are built out and attacked.
	const keyOf = targetKeys(judged.targets, safe);
	const { pieces, count, implied } = someComponents(
		judged,
		(row) => {
			const group = input.groups[row.group]!;
			return group.reference?.family ?? group.level;
		},
		(targets) => targets.some((t) => !safe.has(keyOf[t]!)),
		previous
	);
	const attacked: { p: number; keys: string[] }[] = [];
	const attacks: PieceAttack[] = [];
	for (const [p, piece] of pieces.entries()) {
		const keys = piece.targetIndex.map((t) => keyOf[t]!);
		const settled = Uint8Array.from(keys, (k) => (safe.has(k) ? 1 : 0));
		largestPiece = Math.max(largestPiece, piece.vars.length);
		attacked.push({ p, keys });
		attacks.push({ piece, settled });
	}
	const results = attackPieces(highs, attacks, ATTACK_LIMITS, certificates);
	attacked.forEach(({ p, keys }, a) => {
		const piece = pieces[p]!;
		const result = results[a]!;
		solves += result.solves;
		const exposed = new Set<number>();
		for (const e of result.exposed) {
			exposed.add(e.target);
			const target = judged.targets[piece.targetIndex[e.target]!]!;
			findings.push({ kind: target.kind, target, lo: e.lo, hi: e.hi, piece: p });
		}
		keys.forEach((k, i) => {
			if (exposed.has(i)) return;
			safe.add(k);
			certificates.forget(piece.targets[i]!);
		});
	});
	return { world, implied, findings, solves, pieces: count, largestPiece };
}

/** Names a target across attacks of one year: its cell or its group. */
export function targetKey(target: AttackTarget): string {
	return `${target.kind === 'department' ? 'd' : 'a'}${target.ref}`;
}

/**
 * Per year's `safe` set, so per job and gone with it: the names made so far, of departments by
 * cell and of aggregates by group. Each round asks for every target's name; making the text (and
 * its hash) again each round was as much time as the implied rows.
 */
const namesMade = new WeakMap<Set<string>, [string[], string[]]>();

function targetKeys(targets: readonly AttackTarget[], safe: Set<string>): string[] {
	let made = namesMade.get(safe);
	if (!made) namesMade.set(safe, (made = [[], []]));
	const [departments, aggregates] = made;
	return targets.map((t) => ((t.kind === 'department' ? departments : aggregates)[t.ref] ??= targetKey(t)));
}
