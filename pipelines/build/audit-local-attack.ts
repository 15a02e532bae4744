/**
 * A quick look, during the audit's repair (audit-repair.ts), at whether one count is still
 * exposed once the cells chosen so far this round are hidden too, without building the year's
 * attack again: the count's hidden cells and, nearest first, the published rows holding them
 * and the hidden cells of those rows, while the cells stay under LOCAL_LIMIT; rows of more
 * hidden cells than that (a municipality's, the country's) are left out.
 *
 * Leaving rows out only lets the attacker believe more, so the range found here is at least as
 * wide as his real one: a count exposed here is exposed (and is repaired now rather than a round
 * later), while one protected here may still be exposed, which the year's next full attack
 * (audit.ts) finds. The audit's guarantee rests on that full attack alone; this only decides
 * what the repair hides this round.
 */
import type { Highs } from 'highs';
import type { PrivacyInput } from './privacy.ts';
import type { AttackRow, AttackTarget } from './audit-attack-world.ts';
import type { AttackComponent } from './audit-components.ts';
import { ATTACK_LIMITS, attackPieces, type PieceAttack } from './audit-attack-ranges.ts';
import { countHalfWidth } from './audit-published-precision.ts';

/** Hidden cells a local attack takes in at most. */
export const LOCAL_LIMIT = 60;

export interface LocalWorld {
	input: PrivacyInput;
	members: Map<number, number[]>;
	scale: number;
	/** Counts of whole persons (AttackWorld.whole, one flag for the whole year). */
	whole: boolean;
	/** Hidden now: suppressed before, or chosen this round. */
	hiddenCell: (c: number) => boolean;
	hiddenGroup: (g: number) => boolean;
}

/**
 * Per group, its count and residents, and its hidden cells as they stand, kept up to date by
 * `touch` as cells are hidden.
 */
export class LocalAttacker {
	private readonly totals = new Map<number, { count: number; residents: number }>();
	private readonly hiddenOf = new Map<number, number[]>();
	constructor(
		private readonly highs: Highs,
		private readonly world: LocalWorld
	) {}

	/** Cell c was just hidden: added to its groups' lists (their order is only the order they are hidden in). */
	touch(c: number): void {
		const { input } = this.world;
		for (const g of input.memberships[input.department[c]!]!) this.hiddenOf.get(g)?.push(c);
	}

	/**
	 * For each target, true when the attack near it still narrows it to under 5 persons (not the
	 * whole range). All are attacked side by side in batches (attackPieces), as the full attack's
	 * small pieces are: one HiGHS model per target would cost more than its solves.
	 */
	exposed(targets: readonly { kind: AttackTarget['kind']; ref: number }[]): boolean[] {
		const pieces = targets.map((t) => this.piece(t.kind, t.ref));
		const attacks: PieceAttack[] = [];
		for (const piece of pieces) if (piece) attacks.push({ piece, settled: new Uint8Array(1) });
		const results = attackPieces(this.highs, attacks, ATTACK_LIMITS, false);
		let k = 0;
		return pieces.map((piece) => piece === null || results[k++]!.exposed.length > 0);
	}

	private hidden(g: number): number[] {
		let list = this.hiddenOf.get(g);
		if (!list) this.hiddenOf.set(g, (list = this.world.members.get(g)!.filter(this.world.hiddenCell)));
		return list;
	}

	private total(g: number) {
		let t = this.totals.get(g);
		if (!t) {
			const { numerator, denominator } = this.world.input;
			t = { count: 0, residents: 0 };
			for (const c of this.world.members.get(g)!) {
				t.count += numerator[c]!;
				t.residents += denominator[c]!;
			}
			this.totals.set(g, t);
		}
		return t;
	}

	/** The target's neighbourhood as an attack piece; null when it has no hidden cell (read off directly). */
	private piece(kind: AttackTarget['kind'], ref: number): AttackComponent | null {
		const { input, members, scale, hiddenGroup } = this.world;
		const { numerator: n, denominator: d } = input;
		const own = kind === 'department' ? [ref] : this.hidden(ref);
		if (own.length === 0) return null;
		const local = new Map<number, number>();
		const cells: number[] = [];
		const add = (c: number) => {
			if (!local.has(c)) local.set(c, cells.push(c) - 1);
		};
		own.forEach(add);
		const taken: number[] = [];
		const seen = new Set<number>();
		let frontier = [...cells];
		while (frontier.length > 0) {
			const next: number[] = [];
			for (const c of frontier) {
				for (const g of input.memberships[input.department[c]!]!) {
					if (seen.has(g) || !members.has(g) || hiddenGroup(g)) continue;
					const list = this.hidden(g);
					if (list.length > LOCAL_LIMIT) {
						seen.add(g); // the country's, a municipality's: too many to take in, ever
						continue;
					}
					let extra = 0;
					for (const h of list) if (!local.has(h)) extra++;
					if (cells.length + extra > LOCAL_LIMIT) continue;
					seen.add(g);
					taken.push(g);
					for (const h of list) {
						if (local.has(h)) continue;
						add(h);
						next.push(h);
					}
				}
			}
			frontier = next;
		}
		const rows: AttackRow[] = taken.map((g) => {
			const list = this.hidden(g);
			const hiddenCount = list.reduce((s, c) => s + n[c]!, 0);
			const { count, residents } = this.total(g);
			const half = countHalfWidth(count, residents, scale);
			return { group: g, vars: Int32Array.from(list, (c) => local.get(c)!), lower: hiddenCount - half, upper: hiddenCount + half };
		});
		let known = 0;
		let total = d[ref]!;
		if (kind === 'aggregate') {
			const t = this.total(ref);
			known = t.count - own.reduce((s, c) => s + n[c]!, 0);
			total = t.residents;
		}
		const target: AttackTarget = { kind, ref, vars: Int32Array.from(own, (c) => local.get(c)!), known, total };
		return {
			vars: Int32Array.from(cells),
			upper: Float64Array.from(cells, (c) => d[c]!),
			truth: Float64Array.from(cells, (c) => n[c]!),
			whole: new Uint8Array(cells.length).fill(this.world.whole ? 1 : 0),
			rows,
			targets: [target],
			targetIndex: [0]
		};
	}
}
