/**
 * The privacy audit (pipelines/build/audit*.ts) on small worlds with overlapping groups, each
 * attack worked out on paper in the comments: which hidden counts the attacker pins down, to
 * which range, from which published figures. Counts and residents are whole persons here, so the
 * attacker may also assume whole counts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Highs } from 'highs';
import { auditYear, type Finding } from '../../pipelines/build/audit.ts';
import { membersOf } from '../../pipelines/build/audit-attack-world.ts';
import { cellsByYear } from '../../pipelines/build/year-cells.ts';
import { auditedSuppression, PrivacyAuditFailed } from '../../pipelines/build/audited-suppression.ts';
import { lpSolver } from '../../pipelines/build/audit-lp-solver.ts';
import { isProtected } from '../../pipelines/build/audit-protection.ts';
import { countHalfWidth } from '../../pipelines/build/audit-published-precision.ts';
import { suppress } from '../../pipelines/build/privacy.ts';
import type { Suppression } from '../../pipelines/build/suppression.ts';
import { world, type World, type WorldCell } from './privacy-world.ts';

let highs: Highs;
beforeAll(async () => {
	highs = await lpSolver();
});

/**
 * Attacks 2024 with the given departments hidden and the given aggregates withheld; `members`
 * (the year's groups) is made afresh unless given, as the audit reuses it round after round.
 */
function attack(
	w: World,
	hiddenDepts: string[],
	hiddenGroups: string[] = [],
	members = membersOf(w.input, cellsByYear(w.input).get(2024)!)
) {
	const suppressed = new Uint8Array(w.input.department.length);
	for (const d of hiddenDepts) suppressed[w.cell(d)] = 1;
	const result = auditYear(highs, w.input, 2024, members, suppressed, new Set(hiddenGroups.map(w.group)), 100);
	return result.findings.map((f) => findingText(w, f)).sort();
}

function findingText(w: World, f: Finding): string {
	if (f.kind === 'residual') return `residual ${key(w, f.group)}`;
	const name = f.kind === 'department' ? w.ids[w.input.department[f.target.ref]!] : key(w, f.target.ref);
	return `${f.kind} ${name} ${round(f.lo)}-${round(f.hi)}`;
}
const key = (w: World, g: number) => `${w.input.groups[g]!.level}:${w.input.groups[g]!.id}`;
const round = (x: number) => Math.round(x * 1e6) / 1e6;

describe('the protection test', () => {
	it('protects a range at least 5 persons wide, or the whole 0..residents; the complement alike', () => {
		expect(isProtected(0, 5, 100)).toBe(true);
		expect(isProtected(10, 14, 100)).toBe(false);
		expect(isProtected(0, 3, 3)).toBe(true); // the whole range of a 3-resident department
		expect(isProtected(1, 3, 3)).toBe(false);
		expect(isProtected(96, 100, 100)).toBe(false); // 0-4 inside the labour market
	});
	it('reads a rate published with k decimals as an interval of 0.5 * 10^-k * residents / scale persons', () => {
		// 1,000 residents, a percentage with no decimals: 12 % means 115-125 persons.
		expect(countHalfWidth(120, 1000, 100, 0)).toBeCloseTo(5, 12);
		// Two decimals: 12.34 % of 1,000 means 123.35 +- 0.05.
		expect(countHalfWidth(123.4, 1000, 100, 2)).toBeCloseTo(0.05, 12);
		// A full double: under a millionth of a person even for the country.
		expect(countHalfWidth(500_000, 2_000_000, 100, null)).toBeLessThan(1e-6);
	});
});

describe('an organisation across two areas', () => {
	// P has a (area X) and c (area Y); Q has b (area X) and e (area Z).
	// a: 3 of 40 (fails the primary test), b: 20 of 50 hidden so that X - published = a + b.
	const w = world(
		{
			a: ['omraade:X', 'boligorganisation:P'],
			b: ['omraade:X', 'boligorganisation:Q'],
			c: ['omraade:Y', 'boligorganisation:P'],
			e: ['omraade:Z', 'boligorganisation:Q']
		},
		[
			{ dept: 'a', n: 3, d: 40 },
			{ dept: 'b', n: 20, d: 50 },
			{ dept: 'c', n: 15, d: 60 },
			{ dept: 'e', n: 10, d: 30 }
		]
	);
	it('pins both hidden departments: P - c = a = 3, then X - a = b = 20', () => {
		// X tells a + b = 23, which alone leaves a anywhere in 0..23. But P = a + c and c is
		// published: a = 18 - 15 = 3. Q = b + e gives b = 30 - 10 = 20 on its own as well.
		// P's hidden remainder is a alone, 3 of 40: the secondary rule's own check fails too.
		expect(attack(w, ['a', 'b'])).toEqual(['department a 3-3', 'department b 20-20', 'residual boligorganisation:P']);
	});
	it('is safe once both organisations are withheld: only X = a + b = 23 is left', () => {
		// a in 0..23 and b = 23 - a in 0..23: both 23 wide. P (a + 15 of 100) lies in 15..38,
		// Q (b + 10 of 80) in 10..33: the withheld aggregates are safe too.
		expect(attack(w, ['a', 'b'], ['boligorganisation:P', 'boligorganisation:Q'])).toEqual([]);
	});
	it('is still exposed with only P withheld: Q still gives b = 20, and X - b = a = 3', () => {
		expect(attack(w, ['a', 'b'], ['boligorganisation:P'])).toEqual([
			'aggregate boligorganisation:P 18-18',
			'department a 3-3',
			'department b 20-20'
		]);
	});
	it('gives the same answers when one year is attacked round after round with what is hidden changing', () => {
		// The attack world keeps what does not change within a year (its groups, their sums) and
		// scratch space between calls; the answers above, in another order, must come out again.
		const members = membersOf(w.input, cellsByYear(w.input).get(2024)!);
		const pinned = ['department a 3-3', 'department b 20-20', 'residual boligorganisation:P'];
		expect(attack(w, ['a', 'b'], [], members)).toEqual(pinned);
		expect(attack(w, ['a', 'b'], ['boligorganisation:P', 'boligorganisation:Q'], members)).toEqual([]);
		expect(attack(w, ['a', 'b'], ['boligorganisation:P'], members)).toEqual([
			'aggregate boligorganisation:P 18-18',
			'department a 3-3',
			'department b 20-20'
		]);
		// Only a hidden: P = a + c with c published gives a = 3, and X = a + b with b published too.
		expect(attack(w, ['a'], [], members)).toEqual(['department a 3-3', 'residual boligorganisation:P', 'residual omraade:X']);
		expect(attack(w, ['a', 'b'], [], members)).toEqual(pinned);
	});
});

describe('an area of two organisations', () => {
	// Areas X = {a, b}, Y = {c, d}; organisations P = {a, c}, Q = {b, d}: a cycle of four, all hidden.
	const cycle = (cN: number) =>
		world(
			{
				a: ['omraade:X', 'boligorganisation:P'],
				b: ['omraade:X', 'boligorganisation:Q'],
				c: ['omraade:Y', 'boligorganisation:P'],
				d: ['omraade:Y', 'boligorganisation:Q']
			},
			[
				{ dept: 'a', n: 3, d: 40 },
				{ dept: 'b', n: 10, d: 50 },
				{ dept: 'c', n: cN, d: 45 },
				{ dept: 'd', n: 8, d: 35 }
			]
		);
	it('leaves one degree of freedom: with a = t, b = 13 - t, c = 15 - t, d = 5 + t, t in 0..13', () => {
		// X = 13, Y = 20, P = 15, Q = 18. t >= 0 (a), t <= 13 (b >= 0), t <= 15 (c >= 0),
		// t <= 30 (d <= 35): every hidden count moves 13 persons. Nothing is exposed.
		expect(attack(cycle(12), ['a', 'b', 'c', 'd'])).toEqual([]);
	});
	it('pins all four to 4-wide ranges when c has 1: P = 4 caps t at 4', () => {
		// X = 13, Y = 9, P = 4, Q = 18: t in 0..4, so a 0-4, b 9-13, c 0-4, d 5-9; and P's hidden
		// remainder (all of P, 4 of 85) fails the primary test.
		expect(attack(cycle(1), ['a', 'b', 'c', 'd'])).toEqual([
			'department a 0-4',
			'department b 9-13',
			'department c 0-4',
			'department d 5-9',
			'residual boligorganisation:P'
		]);
	});
});

describe('a municipality with one organisation', () => {
	// Municipality K = organisation P = {a, b, c}; area X = {a, b}, area Y = {c}.
	const w = world(
		{
			a: ['omraade:X', 'boligorganisation:P', 'kommune:K'],
			b: ['omraade:X', 'boligorganisation:P', 'kommune:K'],
			c: ['omraade:Y', 'boligorganisation:P', 'kommune:K']
		},
		[
			{ dept: 'a', n: 2, d: 30 },
			{ dept: 'b', n: 9, d: 40 },
			{ dept: 'c', n: 12, d: 50 }
		]
	);
	it('publishes a hidden department that is alone in its area: Y = c = 12', () => {
		// K and P both say a + b + c = 23, X says a + b = 11: K and P add nothing. But Y is c
		// alone. a and b stay in 0..11 (protected).
		expect(attack(w, ['a', 'b', 'c'])).toEqual(['department c 12-12']);
	});
	it('is safe with Y withheld: c = K - X = 12 all the same', () => {
		// Withholding Y does not help: K - X = c. Y withheld and c's value both known: exposed twice.
		expect(attack(w, ['a', 'b', 'c'], ['omraade:Y'])).toEqual(['aggregate omraade:Y 12-12', 'department c 12-12']);
	});
});

describe('complements and whole ranges', () => {
	it('pins 38 of 40 outside the labour market: 2 inside', () => {
		const w = world({ a: ['omraade:X'], b: ['omraade:X'] }, [
			{ dept: 'a', n: 38, d: 40 },
			{ dept: 'b', n: 30, d: 60 }
		]);
		// X = 68, b published: a = 38 and its complement 40 - 38 = 2.
		expect(attack(w, ['a'])).toEqual(['department a 38-38', 'residual omraade:X']);
	});
	it('protects a 3-resident department left its whole 0..3, but not its neighbour narrowed to 18..21', () => {
		const w = world({ a: ['omraade:X'], b: ['omraade:X'] }, [
			{ dept: 'a', n: 1, d: 3 },
			{ dept: 'b', n: 20, d: 50 }
		]);
		// X = a + b = 21: a in 0..3 (all it can be), b = 21 - a in 18..21.
		expect(attack(w, ['a', 'b'])).toEqual(['department b 18-21']);
	});
	it('treats fractional full-time persons as real numbers', () => {
		const w = world({ a: ['omraade:X'], b: ['omraade:X'] }, [
			{ dept: 'a', n: 2.5, d: 10.5 },
			{ dept: 'b', n: 4.25, d: 20 }
		]);
		// X = 6.75: a in 0..6.75, b in 0..6.75; 6.75 wide each.
		expect(attack(w, ['a', 'b'])).toEqual([]);
		// With b at 1.25 of 20: X = 3.75, both in 0..3.75: exposed (and the remainder fails).
		const narrow = world({ a: ['omraade:X'], b: ['omraade:X'] }, [
			{ dept: 'a', n: 2.5, d: 10.5 },
			{ dept: 'b', n: 1.25, d: 20 }
		]);
		expect(attack(narrow, ['a', 'b'])).toEqual(['department a 0-3.75', 'department b 0-3.75', 'residual omraade:X']);
	});
});

/** The rule, then the audit's suppression, on a world; returns what ends hidden and the cost. */
async function suppressAndAudit(w: World, maxRounds?: number) {
	const rule = suppress(w.input);
	const s: Suppression = {
		cells: new Map([['uden_for_arbejdsmarked', rule.suppressed.slice()]]),
		aggregates: rule.aggregates.map((a) => ({ niveau: a.level, enhed_id: a.id, aar: a.year, indikator: 'uden_for_arbejdsmarked' as const }))
	};
	const report = await auditedSuppression(new Map([['uden_for_arbejdsmarked', w.input]]), s, w.ids, { maxRounds });
	return { before: rule, after: s, report };
}

describe('suppression that passes the audit', () => {
	const departments = {
		a: ['omraade:X', 'boligorganisation:P', 'kommune:K', 'land:DK'],
		b: ['omraade:X', 'boligorganisation:Q', 'kommune:K', 'land:DK'],
		c: ['omraade:Y', 'boligorganisation:P', 'kommune:K', 'land:DK'],
		e: ['omraade:Z', 'boligorganisation:Q', 'kommune:K', 'land:DK'],
		f: ['omraade:Y', 'boligorganisation:P', 'kommune:K', 'land:DK'],
		g: ['omraade:Z', 'boligorganisation:Q', 'kommune:K', 'land:DK']
	};
	const cells: WorldCell[] = [
		{ dept: 'a', n: 3, d: 40 },
		{ dept: 'b', n: 20, d: 50 },
		{ dept: 'c', n: 15, d: 60 },
		{ dept: 'e', n: 10, d: 30 },
		{ dept: 'f', n: 12, d: 45 },
		{ dept: 'g', n: 9, d: 38 }
	];
	it('hides more until the attack finds nothing, never unhides, and counts the cost by rule', async () => {
		const w = world(departments, cells);
		const { before, after, report } = await suppressAndAudit(w);
		const hidden = after.cells.get('uden_for_arbejdsmarked')!;
		for (let c = 0; c < hidden.length; c++) if (before.suppressed[c]) expect(hidden[c]).toBe(1);
		// The rule hides a (3 of 40, primary) and, for X - published = a alone, b (smallest
		// denominator in X after a); P - published = a + ... : the paper attack above pins a.
		expect(before.suppressed[w.cell('a')]).toBe(1);
		expect(report.cost.primary).toEqual({ departments: 1, aggregates: 0 });
		const added = [...hidden].filter((h, c) => h && !before.suppressed[c]).length;
		expect(report.cost.audit.departments).toBe(added);
		expect(report.cost.audit.departments + report.cost.audit.aggregates).toBeGreaterThan(0);
		const hiddenDepts = w.ids.filter((id) => hidden[w.cell(id)]);
		const hiddenGroups = after.aggregates.map((a) => `${a.niveau}:${a.enhed_id}`);
		expect(attack(w, hiddenDepts, hiddenGroups)).toEqual([]);
	});
	it('refuses, naming the indicator, year and what is exposed, when it cannot pass within its rounds', async () => {
		// No round allowed: the exposure the rule leaves (a pinned by P - c - f, see above) stands.
		const w = world(departments, cells);
		await expect(suppressAndAudit(w, 0)).rejects.toThrow(PrivacyAuditFailed);
		await expect(suppressAndAudit(w, 0)).rejects.toThrow(/uden_for_arbejdsmarked for 2024 .*afdeling a kan indsnævres/);
	});
});

describe("the audit's inputs and the cost before it", () => {
	// Two areas in one municipality; cells given out of year order, one without a numerator and
	// one with no residents (neither enters sums).
	const departments = {
		a: ['omraade:X', 'kommune:K', 'land:DK'],
		b: ['omraade:X', 'kommune:K', 'land:DK'],
		c: ['omraade:Y', 'kommune:K', 'land:DK']
	};
	const cells: WorldCell[] = [
		{ dept: 'a', n: 3, d: 40, year: 2024 }, // 0
		{ dept: 'a', n: 1, d: 2, year: 2023 }, // 1
		{ dept: 'b', n: 20, d: 50, year: 2024 }, // 2
		{ dept: 'b', n: 2, d: 2, year: 2023 }, // 3
		{ dept: 'c', n: NaN, d: 60, year: 2024 }, // 4: no numerator
		{ dept: 'c', n: 0, d: 0, year: 2023 }, // 5: no residents
		{ dept: 'c', n: 15, d: 60, year: 2025 } // 6
	];
	it('lists each year’s cells that enter sums, years ascending, cells in input order', () => {
		const w = world(departments, cells);
		expect([...cellsByYear(w.input)].map(([year, list]) => [year, [...list]])).toEqual([
			[2023, [1, 3]],
			[2024, [0, 2]],
			[2025, [6]]
		]);
	});
	it('counts a withheld aggregate by the rule its own year’s members fail or pass', async () => {
		const w = world(departments, cells);
		// X in 2023: 1 + 2 = 3 of 2 + 2 = 4 residents, under 5: the primary rule. X in 2024:
		// 3 + 20 = 23 of 90, 67 outside: passes, so withheld by the secondary rule (summed over
		// both years, 26 of 94 would pass too, so 2023's count shows the sums keep to their year).
		// Y in 2025: c alone, 15 of 60, passes: secondary.
		const hidden = new Uint8Array(cells.length);
		for (const c of [0, 1, 2, 3]) hidden[c] = 1;
		const s: Suppression = {
			cells: new Map([['uden_for_arbejdsmarked', hidden]]),
			aggregates: [
				{ niveau: 'omraade', enhed_id: 'X', aar: 2023, indikator: 'uden_for_arbejdsmarked' },
				{ niveau: 'omraade', enhed_id: 'X', aar: 2024, indikator: 'uden_for_arbejdsmarked' },
				{ niveau: 'omraade', enhed_id: 'Y', aar: 2025, indikator: 'uden_for_arbejdsmarked' }
			]
		};
		const report = await auditedSuppression(new Map([['uden_for_arbejdsmarked', w.input]]), s, w.ids);
		// Cells: a 2024 (3 of 40), a 2023 (1 of 2) and b 2023 (2 of 2) fail the primary test;
		// b 2024 (20 of 50) passes it and is hidden by the secondary rule.
		expect(report.cost.primary).toEqual({ departments: 3, aggregates: 1 });
		expect(report.cost.secondary).toEqual({ departments: 1, aggregates: 2 });
	});
});
