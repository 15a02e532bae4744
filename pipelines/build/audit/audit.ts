/**
 * The privacy audit (issue 9): attacks one year of one person-based indicator with everything
 * published, and lists what it exposes.
 *
 * Exposed are: a hidden department count or hidden aggregate count the attacker narrows to a
 * range under 5 persons wide that is not the whole 0..residents (attack-ranges.ts), and a
 * published aggregate whose hidden members' sum, read off directly, fails the primary test
 * (the secondary rule's own check, kept because suppressing more can break it again).
 */
import type { Highs } from 'highs';
import type { PrivacyInput } from '../privacy.ts';
import { attackRanges, type Exposure } from './attack-ranges.ts';
import { attackWorld, type AttackTarget, type AttackWorld } from './attack-world.ts';
import { components } from './components.ts';
import { isProtected } from './protection.ts';

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
	/** Pieces attacked before with nothing exposed (by components.ts `key`), with their parts' ranges: not attacked again. */
	clean: Map<string, Exposure[]> = new Map()
): YearAudit {
	const world = attackWorld(input, year, members, suppressed, hiddenGroups, scale);
	const findings: Finding[] = world.failingResiduals.map((group) => ({ kind: 'residual', group }));
	let solves = 0;
	let largestPiece = 0;
	const pieces = components(world, (row) => input.groups[row.group]!.level);
	// Hidden aggregates spread over several pieces: the sum of their parts' exact ranges.
	const parts = new Map<number, { lo: number; hi: number; piece: number }>();
	for (const [p, piece] of pieces.entries()) {
		const known = clean.get(piece.key);
		const result = known ? { exposed: [], partRanges: known, solves: 0 } : attackRanges(highs, piece);
		if (!known) largestPiece = Math.max(largestPiece, piece.vars.length);
		solves += result.solves;
		for (const part of result.partRanges) {
			const t = piece.targetIndex[part.target]!;
			const sum = parts.get(t) ?? { lo: 0, hi: 0, piece: p };
			sum.lo += part.lo;
			sum.hi += part.hi;
			parts.set(t, sum);
		}
		if (result.exposed.length === 0) clean.set(piece.key, result.partRanges);
		for (const e of result.exposed) {
			const target = world.targets[piece.targetIndex[e.target]!]!;
			findings.push({ kind: target.kind, target, lo: e.lo, hi: e.hi, piece: p });
		}
	}
	for (const [t, sum] of parts) {
		const target = world.targets[t]!;
		const lo = target.known + sum.lo;
		const hi = target.known + sum.hi;
		if (!isProtected(lo, hi, target.total)) findings.push({ kind: 'aggregate', target, lo, hi, piece: sum.piece });
	}
	return { world, findings, solves, pieces: pieces.length, largestPiece };
}
