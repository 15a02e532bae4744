/**
 * What the reference figures alone tell the attacker (issue 9, branch `refpin`): the range of a
 * judged count with only the reference rows (referencetal.json) and the residents known, none of
 * our figures. audit-reference-groups.ts recognises a row that reveals 1-4 persons on its own, and
 * the difference of two nested rows; but three or more rows can pin a count together (0101 minus
 * its family and its youth housing is its departments of no type; a region minus all but one of
 * its municipalities), and so can a row with the residents' bounds in ways no list of patterns
 * holds. Such an exposure is their publisher's: nothing we hide removes it, and the audit refused
 * to publish (exit 1) for a municipality whose only fault was LBF's figures.
 *
 * The general rule, then: a count whose range from the reference rows alone is already too narrow
 * to protect is protected when our figures add nothing to it, when the attacker's range with
 * everything equals the reference rows' range (audit-protection.ts, `given`). Everything else
 * about the audit stays: a count narrower than that is exposed by ours and repaired as any
 * other (hide more, withhold more, until it is the reference's range), and one that cannot be
 * repaired still refuses. With the range as the test, the audit hides exactly what breaks our
 * part, where treating such a group as "revealing" (hide all its departments, withhold every
 * aggregate splitting it) would hide the whole region for one municipality pinned inside it.
 *
 * How it is found, and why that is sound and cheap:
 * - Only for counts the audit has found exposed: a count the reference alone exposes is exposed
 *   in every attack (our figures only narrow it further), so every such count comes by here, and
 *   a year without exposures touching a reference group asks nothing (and the output of every
 *   input the audit passed before is the same byte for byte: before, such a count could never
 *   pass, and the ingest refused).
 * - The attack on a world of the year's reference rows alone (every department of every
 *   reference group hidden, no row of ours), with the audit's own machinery (audit-attack-ranges.ts),
 *   picks out which of them the rows alone narrow too far; for those an LP over their piece gives
 *   the range (lpRange: the attack's own exposure can be an outer range from propagated bounds,
 *   0..4.8 where the rows give exactly 2, which ours could never cover). It is rounded inwards to
 *   whole persons where the year's attack may assume them: still an outer bound of the rows' true
 *   range, which is what soundness needs: ours lie inside that true range, so covering an outer
 *   bound of it means equal to it. A count the reference rows alone leave protected gets no
 *   `given` and is judged as before.
 * - The targets are the judged ones (judgedTargets): what the existing rules already leave to
 *   the publisher stays left to them.
 *
 * Not republished in referencetal.json: every row whose group holds a department of a count the
 * reference rows alone expose (its `row`). Then what we republish does not constrain that count
 * at all: our site is not where a reader finds it pinned, whoever pinned it first. (Leaving out
 * one row of the combination would do; which one is a choice, and every row holding the count is
 * the one choice that needs no second look.)
 */
import type { Highs } from 'highs';
import { optimum } from './audit-lp-solver.ts';
import type { AttackComponent } from './audit-components.ts';
import type { PrivacyInput } from './privacy.ts';
import { attackPieces } from './audit-attack-ranges.ts';
import { yearIsWhole, type AttackRow, type AttackTarget, type AttackWorld } from './audit-attack-world.ts';
import { someComponents } from './audit-components.ts';
import type { PersonRange } from './audit-protection.ts';
import { judgedCells } from './audit-reference-groups.ts';

export class PublisherRanges {
	/** Per target (targetKey): the reference rows' range when too narrow to protect it, else null. */
	private readonly asked = new Map<string, PersonRange | null>();
	/** The narrow ones, for the attack (auditYear). */
	readonly given = new Map<string, PersonRange>();
	/** Reference rows (ReferenceConstraint.row) not to republish. */
	readonly rows = new Set<number>();

	constructor(
		private readonly input: PrivacyInput,
		private readonly members: ReadonlyMap<number, readonly number[]>
	) {}

	/**
	 * Works out the reference rows' range of each exposed target not asked about before (`keys`
	 * its targetKey). Returns whether one of them is too narrow: then the year is attacked again
	 * with it before anything is repaired.
	 */
	learn(highs: Highs, world: AttackWorld, exposed: readonly AttackTarget[], keys: readonly string[]): boolean {
		const { input, members } = this;
		const cellsOf = judgedCells(input, members);
		const ask: { key: string; target: AttackTarget; cells: readonly number[] }[] = [];
		exposed.forEach((target, i) => {
			const key = keys[i]!;
			if (this.asked.has(key)) return;
			const cells = target.kind === 'department' ? [target.ref] : cellsOf(target);
			this.asked.set(key, null);
			if (cells.some((c) => this.referencesOf(c).length > 0)) ask.push({ key, target, cells });
		});
		if (ask.length === 0) return false;
		const alone = referenceWorld(input, members, world.year, ask);
		const { pieces } = someComponents(alone, (row) => input.groups[row.group]!.reference!.family, () => true);
		const results = attackPieces(
			highs,
			pieces.map((piece) => ({ piece, settled: new Uint8Array(piece.targets.length) }))
		);
		let narrow = false;
		pieces.forEach((piece, p) => {
			for (const e of results[p]!.exposed) {
				const { key, cells } = ask[piece.targetIndex[e.target]!]!;
				// The attack's exposure may be an outer range (propagated bounds): the LP's own range,
				// which ours can leave whole, is worked out for it.
				const range = lpRange(highs, piece, piece.targets[e.target]!);
				this.asked.set(key, range);
				this.given.set(key, range);
				for (const c of cells) for (const g of this.referencesOf(c)) this.rows.add(input.groups[g]!.reference!.row);
				narrow = true;
			}
		});
		return narrow;
	}

	/** The year's reference groups holding cell c (a cell of the year: membersOf lists it in each of its department's groups of the year). */
	private referencesOf(c: number): number[] {
		const { input, members } = this;
		return input.memberships[input.department[c]!]!.filter((g) => input.groups[g]!.reference && members.has(g));
	}
}

/**
 * The year as an attacker with only the reference rows sees it: every department of a reference
 * group, and of the asked targets, an unknown count in 0..residents; one row per reference group,
 * its publisher's interval of the group's count; the asked targets over all their departments.
 */
function referenceWorld(
	input: PrivacyInput,
	members: ReadonlyMap<number, readonly number[]>,
	year: number,
	ask: readonly { target: AttackTarget; cells: readonly number[] }[]
): AttackWorld {
	const used = new Set<number>();
	const references = [...members].filter(([g]) => input.groups[g]!.reference).sort(([a], [b]) => a - b);
	for (const [, list] of references) for (const c of list) used.add(c);
	for (const { cells } of ask) for (const c of cells) used.add(c);
	const cell = Int32Array.from(used).sort();
	const varOf = new Map(Array.from(cell, (c, v) => [c, v]));
	const vars = (cells: readonly number[]) => Int32Array.from(cells, (c) => varOf.get(c)!).sort();
	const whole = yearIsWhole(input, members);
	const rows: AttackRow[] = references.map(([g, list]) => {
		const { lower, upper } = input.groups[g]!.reference!;
		return { group: g, vars: vars(list), lower, upper };
	});
	return {
		year,
		cell,
		upper: Float64Array.from(cell, (c) => input.denominator[c]!),
		truth: Float64Array.from(cell, (c) => input.numerator[c]!),
		whole: new Uint8Array(cell.length).fill(whole ? 1 : 0),
		rows,
		targets: ask.map(({ target, cells }) => ({ kind: target.kind, ref: target.ref, vars: vars(cells), known: 0, total: target.total })),
		failingResiduals: []
	};
}

/**
 * The target's range by LP over the piece (rows as the attack puts them: an interval, or its
 * middle when narrower than a double's rounding), rounded inwards to whole persons where the
 * attacker may assume them: an outer bound of his range, and the one the year's attack measures
 * ours against (its ranges too are LP ranges rounded inwards, or inside them).
 */
function lpRange(highs: Highs, piece: AttackComponent, target: AttackTarget): PersonRange {
	const numCols = piece.vars.length;
	const numRows = piece.rows.length;
	const starts = new Int32Array(numRows + 1);
	const indices: number[] = [];
	piece.rows.forEach((r, k) => {
		indices.push(...r.vars);
		starts[k + 1] = indices.length;
	});
	const middle = (r: AttackRow) => (r.upper - r.lower < 1e-9 ? (r.lower + r.upper) / 2 : null);
	const colCost = new Float64Array(numCols);
	for (const v of target.vars) colCost[v] = 1;
	const model = highs.createModel({
		numCols,
		numRows,
		colCost,
		colLower: new Float64Array(numCols),
		colUpper: piece.upper,
		rowLower: Float64Array.from(piece.rows, (r) => middle(r) ?? r.lower),
		rowUpper: Float64Array.from(piece.rows, (r) => middle(r) ?? r.upper),
		matrix: { format: 'csr', numRows, numCols, starts, indices: Int32Array.from(indices), values: new Float64Array(indices.length).fill(1) }
	});
	try {
		model.options.set({ output_flag: false });
		model.changeObjectiveSense(highs.constants.objectiveSense.minimize);
		const lo = target.known + optimum(highs, model).value;
		model.changeObjectiveSense(highs.constants.objectiveSense.maximize);
		const hi = target.known + optimum(highs, model).value;
		const whole = Array.from(target.vars).every((v) => piece.whole[v] === 1);
		return whole ? { lo: Math.ceil(lo - 1e-6), hi: Math.floor(hi + 1e-6) } : { lo, hi };
	} finally {
		model.dispose();
	}
}
