/**
 * The audit's shortcuts (audit-attack-ranges.ts, audit.ts) against the plain attack they stand
 * for. Property: on random attack pieces, whatever the batch sizes, the pieces
 * solved side by side in one LP, a one-count piece read off in closed form and a large piece's
 * exposures first read off its rows' propagated bounds find exactly the exposures that a reference
 * attacker finds: one that solves, for every target on its own, the full LP (or, for whole
 * persons, the full MIP) from CPLEX LP text read by a fresh HiGHS model for each solve, sharing no code with
 * the pipeline; published sums exact, as intervals of a double's rounding, or of coarse rounding. In particular no shortcut ever calls an exposed count protected.
 * And: the memory of targets already shown protected, carried from round to round, never lets
 * an exposure through: what the audited suppression leaves passes a fresh audit without it.
 */
import fc from 'fast-check';
import type { Highs } from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AttackRow, AttackTarget } from '../../pipelines/build/audit-attack-world.ts';
import { membersOf } from '../../pipelines/build/audit-attack-world.ts';
import { cellsByYear } from '../../pipelines/build/year-cells.ts';
import type { AttackComponent } from '../../pipelines/build/audit-components.ts';
import { attackPieces } from '../../pipelines/build/audit-attack-ranges.ts';
import { propagatedBounds } from '../../pipelines/build/audit-propagation.ts';
import { auditYear } from '../../pipelines/build/audit.ts';
import { auditedSuppression } from '../../pipelines/build/audited-suppression.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { deptArbitrary, ruleOnDepts } from './privacy-random-world.ts';

let highs: Highs;
beforeAll(async () => {
	highs = await lpSolver();
});

interface RandomPiece {
	whole: boolean;
	/** Half the width of each published sum's interval: exact, a full double's rounding, or coarse rounding. */
	half: 'none' | 'double' | 'coarse';
	upper: number[];
	truth: number[];
	rows: number[][];
	aggregates: { vars: number[]; known: number; extra: number }[];
}

/** A piece of up to 9 hidden counts, linked by up to 6 published sums, with up to 2 hidden aggregates. */
const pieceArb: fc.Arbitrary<RandomPiece> = fc.integer({ min: 1, max: 9 }).chain((n) =>
	fc
		.record({
			whole: fc.boolean(),
			half: fc.constantFrom<RandomPiece['half']>('none', 'double', 'coarse'),
			upper: fc.array(fc.integer({ min: 1, max: 12 }), { minLength: n, maxLength: n }),
			share: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: n, maxLength: n }),
			rows: fc.array(fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }), { minLength: 1, maxLength: 6 }),
			aggregates: fc.array(
				fc.record({
					vars: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { minLength: 1, maxLength: n }),
					known: fc.integer({ min: 0, max: 6 }),
					extra: fc.integer({ min: 0, max: 6 })
				}),
				{ maxLength: 2 }
			)
		})
		.map(({ whole, half, upper, share, rows, aggregates }) => ({
			whole,
			half,
			upper: whole ? upper : upper.map((u) => u + 0.5),
			// Whole counts 0..upper, or quarters of a person.
			truth: upper.map((u, i) => (whole ? Math.round((u * share[i]!) / 4) : (u * share[i]!) / 4 + (share[i]! === 4 ? 0 : 0.25))),
			rows,
			aggregates
		}))
);

function component(r: RandomPiece): AttackComponent {
	const sum = (vars: number[]) => vars.reduce((s, v) => s + r.truth[v]!, 0);
	const rows: AttackRow[] = r.rows.map((vars, g) => {
		const sorted = [...vars].sort((a, b) => a - b);
		const count = sum(sorted);
		const half = r.half === 'none' ? 0 : r.half === 'double' ? count * 4 * 2 ** -53 : 0.3;
		return { group: g, vars: Int32Array.from(sorted), lower: count - half, upper: count + half };
	});
	const targets: AttackTarget[] = [
		...r.upper.map((u, v): AttackTarget => ({ kind: 'department', ref: v, vars: Int32Array.of(v), known: 0, total: u })),
		...r.aggregates.map((a, k): AttackTarget => ({
			kind: 'aggregate',
			ref: 100 + k,
			vars: Int32Array.from([...a.vars].sort((x, y) => x - y)),
			known: a.known,
			total: a.vars.reduce((s, v) => s + r.upper[v]!, 0) + a.known + a.extra
		}))
	];
	return {
		vars: Int32Array.from(r.upper, (_, v) => v),
		upper: Float64Array.from(r.upper),
		truth: Float64Array.from(r.truth),
		whole: Uint8Array.from(r.upper, () => (r.whole ? 1 : 0)),
		rows,
		targets,
		targetIndex: targets.map((_, i) => i)
	};
}

/** The reference: the min or max of a sum of counts over the full LP (MIP for whole persons), from CPLEX LP text. */
function referenceExtreme(r: RandomPiece, piece: AttackComponent, sense: 'Maximize' | 'Minimize', vars: Int32Array): number {
	const x = (v: number) => `x${v}`;
	const constraints = piece.rows
		.map((row, k) => {
			const sum = Array.from(row.vars, x).join(' + ');
			return ` l${k}: ${sum} >= ${row.lower}\n u${k}: ${sum} <= ${row.upper}`;
		})
		.join('\n');
	const bounds = r.upper.map((u, v) => ` 0 <= ${x(v)} <= ${u}`).join('\n');
	const general = r.whole ? `General\n ${r.upper.map((_, v) => x(v)).join(' ')}\n` : '';
	const text = `${sense}\n obj: ${Array.from(vars, x).join(' + ')}\nSubject To\n${constraints}\nBounds\n${bounds}\n${general}End\n`;
	// A fresh model read from the text for each solve; no presolve: HiGHS's presolve can call
	// a row 1e-14 wide infeasible.
	return highs.withModel({ format: 'lp', data: text }, (model) => {
		model.options.set({ output_flag: false, presolve: 'off', mip_rel_gap: 0, mip_abs_gap: 0 });
		model.run();
		expect(model.getModelStatus()).toBe(highs.constants.modelStatus.optimal);
		return model.getObjectiveValue();
	});
}

/** The reference: each target's exact range from its own LP (MIP for whole persons). */
function referenceExposed(r: RandomPiece, piece: AttackComponent): number[] {
	const exposed: number[] = [];
	piece.targets.forEach((t, i) => {
		const lo = t.known + referenceExtreme(r, piece, 'Minimize', t.vars);
		const hi = t.known + referenceExtreme(r, piece, 'Maximize', t.vars);
		const safe = hi - lo >= 5 - 1e-6 || (lo <= 1e-6 && hi >= t.total - 1e-6);
		if (!safe) exposed.push(i);
	});
	return exposed;
}

describe('the shortcuts of the attack', () => {
	it('find exactly the exposures of the full LP (MIP), target by target, for any batch size', () => {
		fc.assert(
			fc.property(
				fc.array(pieceArb, { minLength: 1, maxLength: 4 }),
				fc.record({
					batchPiece: fc.integer({ min: 1, max: 6 }),
					batchColumns: fc.integer({ min: 1, max: 12 })
				}),
				(random, limits) => {
					const pieces = random.map(component);
					const results = attackPieces(
						highs,
						pieces.map((piece) => ({ piece, settled: new Uint8Array(piece.targets.length) })),
						limits
					);
					pieces.forEach((piece, p) => {
						const found = results[p]!.exposed.map((e) => e.target);
						expect(found).toEqual(referenceExposed(random[p]!, piece));
					});
				}
			),
			{ numRuns: 80, seed: 20261130 }
		);
	}, 600_000);

	it('attacks no settled target and reports none', () => {
		// x0 alone in a row: pinned. Settled, it is neither solved nor reported.
		const piece = component({ whole: true, half: 'none', upper: [10, 10], truth: [3, 4], rows: [[0], [0, 1]], aggregates: [] });
		const [open] = attackPieces(highs, [{ piece, settled: Uint8Array.of(0, 0) }]);
		expect(open!.exposed.map((e) => e.target)).toEqual([0, 1]);
		const [settled] = attackPieces(highs, [{ piece, settled: Uint8Array.of(1, 0) }]);
		expect(settled!.exposed.map((e) => e.target)).toEqual([1]);
	});

	it('shows row-mates protected by trading persons, without the solver, and still finds what they cannot hide', () => {
		// x0 = 3 and x1 = 4 of 10 each, in exactly the same rows (their sum, 7, is published
		// twice, as an organisation and its area would). Trading persons keeps both sums: x0 runs
		// from 3 - min(3, 10 - 4) = 0 to 3 + min(10 - 3, 4) = 7, x1 from 0 to 7 too: 7 persons
		// wide each, protected, no LP needed.
		const mates = component({
			whole: true,
			half: 'none',
			upper: [10, 10],
			truth: [3, 4],
			rows: [
				[0, 1],
				[0, 1]
			],
			aggregates: []
		});
		const [traded] = attackPieces(highs, [{ piece: mates, settled: new Uint8Array(2) }]);
		expect(traded!.exposed).toEqual([]);
		expect(traded!.solves).toBe(0);
		// x0 = 1 and x1 = 1 of 2 each in a sum of 2: trading gives each 0..2, its whole range, so
		// protected. x2 = 0 of 9 is in a second sum with them, also 2, so x2 = 2 - (x0 + x1) = 0:
		// pinned. It has no row-mate, trading shows nothing for it, and it is found exposed: the
		// rows read one at a time already narrow it to 0..2 (x2 <= 2 - 0 - 0), so no solver run
		// is needed, and that outer range, which holds the LP's 0..0, is what is reported.
		const pinned = component({
			whole: true,
			half: 'none',
			upper: [2, 2, 9],
			truth: [1, 1, 0],
			rows: [
				[0, 1],
				[0, 1, 2]
			],
			aggregates: []
		});
		const [found] = attackPieces(highs, [{ piece: pinned, settled: new Uint8Array(3) }]);
		expect(found!.exposed.map((e) => [e.target, e.lo, e.hi])).toEqual([[2, 0, 2]]);
		expect(found!.solves).toBe(0);
	});
});

describe('bounds propagated over the rows (audit-propagation.ts)', () => {
	it("hold every count's full LP (MIP) range, so an exposure they show is one", () => {
		fc.assert(
			fc.property(pieceArb, (random) => {
				const piece = component(random);
				const { lower, upper } = propagatedBounds(piece);
				for (let v = 0; v < random.upper.length; v++) {
					const lo = referenceExtreme(random, piece, 'Minimize', Int32Array.of(v));
					const hi = referenceExtreme(random, piece, 'Maximize', Int32Array.of(v));
					expect(lower[v]!).toBeLessThanOrEqual(lo + 1e-7);
					expect(upper[v]!).toBeGreaterThanOrEqual(hi - 1e-7);
				}
			}),
			{ numRuns: 150, seed: 20261130 }
		);
	}, 600_000);

	/**
	 * x0 + x1 = 12 with x1 at most 3 of 3 residents: x0 >= 9, and x0 <= 10 (its residents).
	 * x0 + x2 = 14, x2 at most 20: x2 <= 14 - 9 = 5 and x2 >= 14 - 10 = 4. x1 >= 12 - 10 = 2.
	 */
	const chain = () =>
		component({
			whole: true,
			half: 'none',
			upper: [10, 3, 20],
			truth: [10, 2, 4],
			rows: [
				[0, 1],
				[0, 2]
			],
			aggregates: []
		});

	it('pin a count through a chain of rows, worked by hand', () => {
		const piece = chain();
		const { lower, upper } = propagatedBounds(piece);
		expect([...lower]).toEqual([9, 2, 4]);
		expect([...upper]).toEqual([10, 3, 5]);
	});

	it("let a large piece's exposures they show go without a solver run", () => {
		// The chain above, too large to batch (batchPiece 1): x0 in 9..10 of 10, x1 in 2..3 of 3
		// and x2 in 4..5 of 20 are all narrower than 5 persons and not the whole range.
		const piece = chain();
		const [result] = attackPieces(highs, [{ piece, settled: new Uint8Array(3) }], { batchPiece: 1, batchColumns: 12 });
		expect(result!.exposed.map((e) => [e.target, e.lo, e.hi])).toEqual([
			[0, 9, 10],
			[1, 2, 3],
			[2, 4, 5]
		]);
		expect(result!.solves).toBe(0);
	});
});

const deptArb = deptArbitrary({ area: 5, org: 4, muni: 2, d: 40, areaFreq: 6 });

describe('the memory of protected targets across rounds', () => {
	it('leaves nothing that a fresh audit, remembering nothing, finds exposed', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(deptArb, { minLength: 4, maxLength: 16 }), async (depts) => {
				const names = depts.map((_, i) => `x${String(i).padStart(2, '0')}`);
				const { w, s } = ruleOnDepts(depts, names);
				await auditedSuppression(new Map([['uden_for_arbejdsmarked', w.input]]), s, w.ids);
				const hidden = new Set(s.aggregates.map((a) => w.group(`${a.niveau}:${a.enhed_id}`)));
				const yearCells = cellsByYear(w.input).get(2024)!;
				const fresh = auditYear(highs, w.input, 2024, membersOf(w.input, yearCells), s.cells.get('uden_for_arbejdsmarked')!, hidden, 100);
				expect(fresh.findings).toEqual([]);
			}),
			{ numRuns: 150, seed: 20261130 }
		);
	}, 600_000);
});
