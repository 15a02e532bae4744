/**
 * The privacy audit (issue 9): attacks one year of one person-based indicator with everything
 * published, and lists what it exposes.
 *
 * Exposed are: a hidden department count or hidden aggregate count the attacker narrows to a
 * range under 5 persons wide that is not the whole 0..residents (audit-attack-ranges.ts), and a
 * published aggregate whose hidden members' sum, read off directly, fails the primary test
 * (the secondary rule's own check, kept because suppressing more can break it again).
 */
import type { Highs } from 'highs';
import type { PrivacyInput } from './privacy.ts';
import { attackRanges } from './audit-attack-ranges.ts';
import { attackWorld, type AttackTarget, type AttackWorld } from './audit-attack-world.ts';
import { components } from './audit-components.ts';

export type Finding =
	| { kind: 'department' | 'aggregate'; target: AttackTarget; lo: number; hi: number; piece: number }
	| { kind: 'residual'; group: number };

export interface YearAudit {
	world: AttackWorld;
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
	/** Keys of pieces attacked before with nothing found; skipped (audit-components.ts `key`). */
	clean: Set<string> = new Set()
): YearAudit {
	const world = attackWorld(input, year, members, suppressed, hiddenGroups, scale);
	const findings: Finding[] = world.failingResiduals.map((group) => ({ kind: 'residual', group }));
	let solves = 0;
	let largestPiece = 0;
	const pieces = components(world, (row) => input.groups[row.group]!.level);
	for (const [p, piece] of pieces.entries()) {
		if (clean.has(piece.key)) continue;
		largestPiece = Math.max(largestPiece, piece.vars.length);
		const result = attackRanges(highs, piece);
		solves += result.solves;
		if (result.exposed.length === 0) clean.add(piece.key);
		for (const e of result.exposed) {
			const target = world.targets[piece.targetIndex[e.target]!]!;
			findings.push({ kind: target.kind, target, lo: e.lo, hi: e.hi, piece: p });
		}
	}
	return { world, findings, solves, pieces: pieces.length, largestPiece };
}
