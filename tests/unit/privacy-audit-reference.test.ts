/**
 * Reference figures (referencetal.json) as the attacker's knowledge (audit-reference-groups.ts):
 * small worlds where a reference row about a group the input covers pins a hidden count, each
 * attack worked out on paper in the comments. Whole persons, 2024, uden for arbejdsmarkedet (a
 * percentage: scale 100).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { auditYear, type Finding } from '../../pipelines/build/audit.ts';
import { membersOf } from '../../pipelines/build/audit-attack-world.ts';
import {
	countInterval,
	referenceKnowledge,
	unpublishedRows,
	type ReferenceDepartment,
	type ReferenceKnowledge
} from '../../pipelines/build/audit-reference-groups.ts';
import { otherDenominatorLine } from '../../pipelines/build/reference-file.ts';
import { auditedSuppression } from '../../pipelines/build/audited-suppression.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { suppress, type PrivacyInput } from '../../pipelines/build/privacy.ts';
import type { Suppression } from '../../pipelines/build/suppression.ts';
import { cellsByYear } from '../../pipelines/build/year-cells.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { world, type World, type WorldCell } from './privacy-world.ts';

let highs: Highs;
beforeAll(async () => {
	highs = await lpSolver();
});

const ID = 'uden_for_arbejdsmarked' as const;

/** A reference row of uden for arbejdsmarkedet in 2024 (vaerdi written with `decimaler` decimals). */
function ref(niveau: ReferenceRow['niveau'], enhed_id: string, fields: Partial<ReferenceRow>): ReferenceRow {
	return {
		niveau,
		enhed_id,
		enhed_navn: '',
		indikator: ID,
		aar: 2024,
		periode: '',
		boligtype: null,
		taeller: null,
		naevner: null,
		vaerdi: 0,
		decimaler: 0,
		kilde: 'test',
		url: '',
		...fields
	};
}

interface RefWorld {
	w: World;
	rows: ReferenceRow[];
	known: ReferenceKnowledge;
	input: PrivacyInput;
	revealing: ReferenceRow[];
	otherDenominator: { row: ReferenceRow; residents: number }[];
}

/** A world of departments (groups as in privacy-world.ts; municipality and housing type given apart) with reference rows. */
function refWorld(
	departments: Record<string, { groups: string[]; kommune: string; type: string | null }>,
	cells: WorldCell[],
	rows: ReferenceRow[]
): RefWorld {
	const w = world(Object.fromEntries(Object.entries(departments).map(([id, d]) => [id, d.groups])), cells);
	const deps: ReferenceDepartment[] = w.ids.map((id) => ({ kommune_kode: departments[id]!.kommune, boligtype: departments[id]!.type }));
	const known = referenceKnowledge(new Map([[ID, w.input]]), deps, rows);
	return { w, rows, known, input: known.inputs.get(ID)!, revealing: known.revealingRows, otherDenominator: known.otherDenominator };
}

function attack(r: RefWorld, hiddenDepts: string[], hiddenGroups: string[] = []): string[] {
	const suppressed = new Uint8Array(r.input.department.length);
	for (const d of hiddenDepts) suppressed[r.w.cell(d)] = 1;
	const members = membersOf(r.input, cellsByYear(r.input).get(2024)!);
	const result = auditYear(highs, r.input, 2024, members, suppressed, new Set(hiddenGroups.map(r.w.group)), 100);
	return result.findings.map((f) => findingText(r, f)).sort();
}

function findingText(r: RefWorld, f: Finding): string {
	const key = (g: number) => `${r.input.groups[g]!.level}:${r.input.groups[g]!.id}`;
	if (f.kind === 'residual') return `residual ${key(f.group)}`;
	const name = f.kind === 'department' ? r.w.ids[r.input.department[f.target.ref]!] : key(f.target.ref);
	return `${f.kind} ${name} ${Math.round(f.lo * 1e6) / 1e6}-${Math.round(f.hi * 1e6) / 1e6}`;
}

/** The rule, then the audit with the reference rows; what ends hidden and withheld. */
async function audited(r: RefWorld) {
	const rule = suppress(r.w.input);
	const s: Suppression = {
		cells: new Map([[ID, rule.suppressed.slice()]]),
		aggregates: rule.aggregates.map((a) => ({ niveau: a.level, enhed_id: a.id, aar: a.year, indikator: ID }))
	};
	const ruleHidden = r.w.ids.filter((id) => rule.suppressed[r.w.cell(id)]);
	const report = await auditedSuppression(new Map([[ID, r.input]]), s, r.w.ids);
	const cells = s.cells.get(ID)!;
	return {
		ruleHidden,
		hidden: r.w.ids.filter((id) => cells[r.w.cell(id)]),
		withheld: s.aggregates.map((a) => `${a.niveau}:${a.enhed_id}`).sort(),
		report
	};
}

describe('a reference row by housing type: a set no unit of ours publishes', () => {
	// Municipality 0101 holds a (familie, 3 of 40), b (ungdom, 20 of 50) in organisation P, and
	// c (familie, 15 of 60), e (ungdom, 10 of 45) in organisation Q.
	// The rule: a fails the primary test (3 < 5); P minus its published b is a alone, so b is
	// hidden too (secondary). P and 0101 then both say a + b = 23: a anywhere in 0..23, protected.
	// LBF publishes 0101's family housing: 18 of 100 (a + c). The attacker knows c = 15 (published),
	// so a = 18 - 15 = 3, and from P, b = 23 - 3 = 20: both pinned.
	const departments = {
		a: { groups: ['boligorganisation:P', 'kommune:0101'], kommune: '0101', type: 'familie' },
		b: { groups: ['boligorganisation:P', 'kommune:0101'], kommune: '0101', type: 'ungdom' },
		c: { groups: ['boligorganisation:Q', 'kommune:0101'], kommune: '0101', type: 'familie' },
		e: { groups: ['boligorganisation:Q', 'kommune:0101'], kommune: '0101', type: 'ungdom' }
	};
	const cells = [
		{ dept: 'a', n: 3, d: 40 },
		{ dept: 'b', n: 20, d: 50 },
		{ dept: 'c', n: 15, d: 60 },
		{ dept: 'e', n: 10, d: 45 }
	];
	const family = ref('kommune', '0101', { boligtype: 'familie', taeller: 18, naevner: 100, vaerdi: 18, decimaler: 1 });

	it('without the reference row the rule is enough; with it, a and b are pinned', () => {
		const without = refWorld(departments, cells, []);
		expect(attack(without, ['a', 'b'])).toEqual([]);
		const r = refWorld(departments, cells, [family]);
		// Also the reference group's own residual: a alone, 3 of 40, fails the primary test.
		expect(attack(r, ['a', 'b'])).toEqual(['department a 3-3', 'department b 20-20', 'residual referencetal:kommune 0101 2024 (familie)']);
	});

	it('names a row whose naevner is not our residents in its group (another date or population), and still attacks with it', () => {
		// 0101's family housing holds a (40) and c (60): 100 residents, as `family` says.
		expect(refWorld(departments, cells, [family]).otherDenominator).toEqual([]);
		// 22 of 120: another population. Taken as ours all the same (the safe side), and named.
		const other = ref('kommune', '0101', { boligtype: 'familie', taeller: 22, naevner: 120, vaerdi: 18.3, decimaler: 1 });
		const r = refWorld(departments, cells, [other]);
		expect(r.otherDenominator).toEqual([{ row: other, residents: 100 }]);
		expect(otherDenominatorLine(r.otherDenominator)).toBe(
			'Referencetal regnet som inddatas beboere, skønt nævneren er en anden (en anden dato eller en anden befolkning; revisionen kan skjule mere end nødvendigt): uden_for_arbejdsmarked 2024 kommune 0101 (familie) (nævner 120, inddata 100)'
		);
		// The row still joins the attack: 22 exact, widened to hold our 18 (a + c), so a + c is
		// 18..22 and a, with c = 15 published, 3..7: under 5 wide, a is exposed.
		expect(attack(r, ['a', 'b'])).toContain('department a 3-7');
	});

	it('the rate alone, at one decimal, pins a as well: 18,0 % of 100 is 17.95..18.05 persons', () => {
		const rate = ref('kommune', '0101', { boligtype: 'familie', vaerdi: 18, decimaler: 1 });
		expect(countInterval(rate, 100, 100)).toEqual([17.95, 18.05]);
		const r = refWorld(departments, cells, [rate]);
		// a = 17.95..18.05 - 15 = 2.95..3.05; every count here is whole, so the attacker may take
		// a as whole: a = 3 (the audit reports ranges rounded inwards to whole persons then).
		expect(attack(r, ['a', 'b'])).toEqual(['department a 3-3', 'department b 20-20', 'residual referencetal:kommune 0101 2024 (familie)']);
	});

	it('at no decimals the rate still pins a: 18 % of 100 is 17.5..18.5, a in 2.5..3.5, a whole 3', () => {
		const coarse = ref('kommune', '0101', { boligtype: 'familie', vaerdi: 18, decimaler: 0 });
		expect(countInterval(coarse, 100, 100)).toEqual([17.5, 18.5]);
		expect(attack(refWorld(departments, cells, [coarse]), ['a', 'b'])).toEqual([
			'department a 3-3',
			'department b 20-20',
			'residual referencetal:kommune 0101 2024 (familie)'
		]);
	});

	it('the audit repairs by hiding c and then e, never the reference row; on paper every range is then wide', async () => {
		// Round 1: the residual (a alone in the family group) hides the family group's published
		// department with the fewest residents: c. Round 2: Q minus e pins c = 15 (and so a = 3):
		// e is hidden. All four hidden: P a + b = 23, Q c + e = 25, reference a + c = 18, 0101 48:
		// a in 0..18 (then b = 23 - a, c = 18 - a, e = 7 + a all within residents); b 5..23;
		// c 0..18; e 7..25: each at least 5 wide.
		const r = refWorld(departments, cells, [family]);
		const result = await audited(r);
		expect(result.ruleHidden).toEqual(['a', 'b']);
		expect(result.hidden).toEqual(['a', 'b', 'c', 'e']);
		expect(result.withheld).toEqual([]);
		expect(attack(r, ['a', 'b', 'c', 'e'])).toEqual([]);
		expect(result.report.cost.audit).toEqual({ departments: 2, aggregates: 0 });
	});
});

describe('a reference row that reveals 1-4 persons on its own', () => {
	// Municipality 0101: a (1 of 30) and b (2 of 40) in area X and organisation P, c (0 of 50) in
	// organisation Q; municipality 0147: e (20 of 60) in Q, f (25 of 70) in R, g (30 of 80) in R.
	// LBF publishes 0101: 3 of 120 (2,5 %): three persons outside the labour market, known to anyone.
	// Our figures must add nothing: every department of 0101 is hidden, and every aggregate of
	// ours holding some of 0101's departments but not all is withheld: X, P (inside), Q (across);
	// 0101 itself (its total fails the test, so the rule withholds it already). The country holds
	// all of 0101 and stays: it tells a + b + c only, which the reference tells already.
	const departments = {
		a: { groups: ['omraade:X', 'boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: null },
		b: { groups: ['omraade:X', 'boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: null },
		c: { groups: ['boligorganisation:Q', 'kommune:0101', 'land:DK'], kommune: '0101', type: null },
		e: { groups: ['boligorganisation:Q', 'kommune:0147', 'land:DK'], kommune: '0147', type: null },
		f: { groups: ['boligorganisation:R', 'kommune:0147', 'land:DK'], kommune: '0147', type: null },
		g: { groups: ['boligorganisation:R', 'kommune:0147', 'land:DK'], kommune: '0147', type: null }
	};
	const cells = [
		{ dept: 'a', n: 1, d: 30 },
		{ dept: 'b', n: 2, d: 40 },
		{ dept: 'c', n: 0, d: 50 },
		{ dept: 'e', n: 20, d: 60 },
		{ dept: 'f', n: 25, d: 70 },
		{ dept: 'g', n: 30, d: 80 }
	];
	const revealing = ref('kommune', '0101', { taeller: 3, naevner: 120, vaerdi: 2.5, decimaler: 1 });

	it('is not republished, and the audit hides its group and withholds what overlaps it', async () => {
		const r = refWorld(departments, cells, [revealing]);
		expect(r.revealing).toEqual([revealing]);
		const result = await audited(r);
		// The rule: a and b fail the primary test; X, P and 0101 (3 persons in total) are withheld.
		// The country minus its published departments (a + b = 3 of 70) fails, so c (50, the
		// smallest left) is hidden, then still 3 of 120: e (60) too. The country minus Q minus the
		// published departments outside Q is a + b = 3: f (70, the next not in Q) is hidden. The
		// country minus 0147 minus the published outside it is a + b + c = 3 with nothing left
		// to hide: 0147 is withheld.
		expect(result.ruleHidden).toEqual(['a', 'b', 'c', 'e', 'f']);
		// The audit: Q (c and e, across 0101's border) is withheld before the attack. Then R minus
		// g pins f = 25, and the country minus the reference, e + f = 78 - 30 - 3 = 45, pins
		// e = 20: g is hidden (it shares R and the country with f). Then e + f + g = 75 and
		// f + g = 55 still pin e = 20, and after two rounds of cells e's smallest published
		// aggregate, the country, is withheld.
		expect(result.hidden).toEqual(['a', 'b', 'c', 'e', 'f', 'g']);
		expect(result.withheld).toEqual(['boligorganisation:P', 'boligorganisation:Q', 'kommune:0101', 'kommune:0147', 'land:DK', 'omraade:X']);
		expect(result.report.cost.audit).toEqual({ departments: 1, aggregates: 2 });
		// What is left: the reference a + b + c = 3 and R f + g = 55. e is free (0..60), f and g
		// 0..55 each; outside 0101, 0147 and the country are e + f + g, 55..115, and Q is e,
		// 0..60: all wide. a, b and c (each 0..3) and X, P and 0101 inside the reference's group
		// are its publisher's figures: not judged by the 5-person test.
		const withheld = ['boligorganisation:P', 'boligorganisation:Q', 'kommune:0101', 'kommune:0147', 'land:DK', 'omraade:X'];
		expect(attack(r, ['a', 'b', 'c', 'e', 'f', 'g'], withheld)).toEqual([]);
	});

	it('a row whose own counts reveal 1-4 persons is not republished even for a municipality the input does not hold', () => {
		const elsewhere = ref('kommune', '0461', { taeller: 4, naevner: 200, vaerdi: 2, decimaler: 0 });
		const r = refWorld(departments, cells, [elsewhere]);
		expect(r.revealing).toEqual([elsewhere]);
		expect(r.input.groups.length).toBe(r.w.input.groups.length);
	});
});

describe('rows that do not apply leave the audit as it was', () => {
	const departments = {
		a: { groups: ['kommune:0101', 'land:DK'], kommune: '0101', type: 'familie' },
		b: { groups: ['kommune:0101', 'land:DK'], kommune: '0101', type: 'familie' }
	};
	const cells = [
		{ dept: 'a', n: 10, d: 40 },
		{ dept: 'b', n: 20, d: 50 }
	];
	it('a municipality not in the input, a region not wholly in it, the country short of 98, another key figure, another year', () => {
		const rows = [
			ref('kommune', '0147', { vaerdi: 30, decimaler: 0 }),
			ref('region', '1084', { vaerdi: 30, decimaler: 0 }),
			ref('land', 'DK', { vaerdi: 30, decimaler: 0 }),
			{ ...ref('kommune', '0101', { vaerdi: 6, decimaler: 1 }), indikator: 'ledighed' as const },
			ref('kommune', '0101', { vaerdi: 33, decimaler: 0, aar: 2019 })
		];
		const r = refWorld(departments, cells, rows);
		expect(r.input).toBe(r.w.input);
		expect(r.revealing).toEqual([]);
	});
});

describe('three reference rows that together pin a department: the publisher reveals it, not we', () => {
	// Municipality 0101, all in organisation P: a (familie, 20 of 60), b (familie, 15 of 50),
	// c (ungdom, 12 of 40), e (ungdom, 18 of 45), x (no housing type, 2 of 30).
	// LBF publishes 0101: 67 of 225; its family housing: 35 of 110 (a + b); its youth housing:
	// 30 of 85 (c + e). Together: x = 67 - 35 - 30 = 2, a department of 2 persons pinned by the
	// three rows alone, none of our figures needed. No row reveals on its own (each passes the
	// test and pins no department), nor does a nested pair: 0101 minus family is c + e + x = 32
	// of 115, in which x lies anywhere in 0..30 and c, e in 0..32; 0101 minus youth is
	// a + b + x = 37 of 140, x in 0..30, a and b in 0..37.
	// The rule: x fails the primary test (2 < 5); P, 0101 and the country minus their published
	// departments are x alone, so c (40, the fewest residents left) is hidden too: c + x = 14.
	const departments = {
		a: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: 'familie' },
		b: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: 'familie' },
		c: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: 'ungdom' },
		e: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: 'ungdom' },
		x: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: null }
	};
	const cells = [
		{ dept: 'a', n: 20, d: 60 },
		{ dept: 'b', n: 15, d: 50 },
		{ dept: 'c', n: 12, d: 40 },
		{ dept: 'e', n: 18, d: 45 },
		{ dept: 'x', n: 2, d: 30 }
	];
	const all = ref('kommune', '0101', { taeller: 67, naevner: 225, vaerdi: 29.8, decimaler: 1 });
	const family = ref('kommune', '0101', { boligtype: 'familie', taeller: 35, naevner: 110, vaerdi: 31.8, decimaler: 1 });
	const youth = ref('kommune', '0101', { boligtype: 'ungdom', taeller: 30, naevner: 85, vaerdi: 35.3, decimaler: 1 });

	it('no row, and no nested pair, is recognised as revealing before the audit', () => {
		expect(refWorld(departments, cells, [all, family, youth]).revealing).toEqual([]);
	});

	it('the audit passes, leaves x at what the rows give, and does not republish 0101 (the row holding x)', async () => {
		// Round 1: x is in 2..2 (the rows, and P's c + x = 14 with youth's c = 30 - 18 = 12).
		// Alone the rows give x 2..2 too: the publisher's, and our figures add nothing to it. But c
		// is in 12..12, where the rows alone leave it 0..30 (c + e = 30, e unknown): ours, exposed.
		// c's repair hides the published department sharing most published groups with it:
		// e (P, 0101, the country, LBF's 0101 and its youth housing: 5; a and b share 4). And the
		// difference of LBF's 0101 and its youth housing (a + b + x) minus the published a and b
		// is x = 2, which fails the primary test read off directly (the secondary rule's check,
		// kept as it is: the safe side): its published department with the fewest residents, b,
		// is hidden.
		// Round 2: b is 15..15 (family housing, 35, minus the published a = 20), where the rows
		// alone leave it 0..35: ours; a, the one department sharing the most with it, is hidden.
		// Round 3: everything hidden: a + b = 35 (family), c + e = 30 (youth), the five 67 (P,
		// 0101, the country, LBF's 0101): x is 2..2, the rows' own; a is 0..35 (b <= 50), b 0..35,
		// c and e 0..30 (c <= 40, e <= 45): wide. The residual is x + a + b = 37: passes.
		// Not republished: the rows holding a count the reference rows alone expose, x: LBF's 0101
		// only; without it, family and youth housing say nothing of x.
		const r = refWorld(departments, cells, [all, family, youth]);
		const result = await audited(r);
		expect(result.ruleHidden).toEqual(['c', 'x']);
		expect(result.hidden).toEqual(['a', 'b', 'c', 'e', 'x']);
		expect(result.withheld).toEqual([]);
		expect(result.report.cost.audit).toEqual({ departments: 3, aggregates: 0 });
		expect(attack(r, ['a', 'b', 'c', 'e', 'x'])).toEqual(['department x 2-2']);
		expect(unpublishedRows(r.rows, r.known, result.report.referenceRows)).toEqual([all]);
	});
});

describe('reference rows that pin a count, and ours that would pin it further', () => {
	// Municipality 0101, all in organisation P: a (familie, 20 of 60), c (ungdom, 15 of 50),
	// x (no type, 2 of 30): 37 of 140. LBF publishes 0101 as a rate at no decimals, 26 % of 140:
	// 25.5..26.5 % is 35.7..37.1 persons; its family housing, 20 of 60 (a), and youth housing,
	// 15 of 50 (c), exactly. The rows alone: x = 35.7..37.1 - 35, whole persons: 1..2 of 30,
	// too narrow, the publisher's. Ours: P, 0101 and the country each publish 37 exactly, and
	// with them x = 37 - 35 = 2: narrower than 1..2, so ours add to it and must be repaired.
	const departments = {
		a: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: 'familie' },
		c: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: 'ungdom' },
		x: { groups: ['boligorganisation:P', 'kommune:0101', 'land:DK'], kommune: '0101', type: null }
	};
	const cells = [
		{ dept: 'a', n: 20, d: 60 },
		{ dept: 'c', n: 15, d: 50 },
		{ dept: 'x', n: 2, d: 30 }
	];
	const all = ref('kommune', '0101', { vaerdi: 26, decimaler: 0 });
	const family = ref('kommune', '0101', { boligtype: 'familie', taeller: 20, naevner: 60, vaerdi: 33.3, decimaler: 1 });
	const youth = ref('kommune', '0101', { boligtype: 'ungdom', taeller: 15, naevner: 50, vaerdi: 30, decimaler: 1 });

	it('the audit withholds our sums until x is 1..2, as the rows alone leave it', async () => {
		const r = refWorld(departments, cells, [all, family, youth]);
		expect(r.revealing).toEqual([]);
		const result = await audited(r);
		expect(result.ruleHidden).toEqual(['c', 'x']);
		// The rule hid x (2 < 5) and c (P, 0101 and the country minus their published are x alone).
		// Round 1: P's c + x = 17, youth's c = 15: x = 2, exposed (c is youth's whole group, its
		// publisher's). x's repair hides a, the one published department left. Round 2: a + c + x
		// = 37 (P, 0101, the country), a = 20 and c = 15 (LBF): x = 2 still. After two rounds of
		// cells, x's smallest published aggregate is withheld, one a round (all three hold three
		// departments; the first made first): P, then 0101, then the country. Then only LBF's rows
		// are left: x = 35.7..37.1 - 35, whole 1..2: the rows' own range, and the audit passes.
		expect(result.hidden).toEqual(['a', 'c', 'x']);
		expect(result.withheld).toEqual(['boligorganisation:P', 'kommune:0101', 'land:DK']);
		expect(result.report.cost.audit).toEqual({ departments: 1, aggregates: 3 });
		expect(attack(r, ['a', 'c', 'x'], result.withheld)).toEqual(['department x 1-2']);
		expect(unpublishedRows(r.rows, r.known, result.report.referenceRows)).toEqual([all]);
	});
});
