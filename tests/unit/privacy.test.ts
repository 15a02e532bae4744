/**
 * The privacy rule (pipelines/build/privacy.ts) against adversarial cases worked out by hand.
 * Each case says what a reader could subtract if the rule were weaker.
 */
import { describe, expect, it } from 'vitest';
import { failsPrimary, suppress } from '../../pipelines/build/privacy.ts';
import { world, type WorldCell } from './privacy-world.ts';

/** Runs the rule on departments with their groups ('omraade:O1', ...) and cells (privacy-world.ts builds the input). */
function run(departments: Record<string, string[]>, cells: WorldCell[]) {
	const result = suppress(world(departments, cells).input);
	const suppressedDepts = cells.filter((_, i) => result.suppressed[i] === 1).map((c) => `${c.dept}@${c.year ?? 2024}`);
	const suppressedAggregates = result.aggregates.map((a) => `${a.level}:${a.id}@${a.year}`).sort();
	return { suppressedDepts: suppressedDepts.sort(), suppressedAggregates };
}

describe('failsPrimary', () => {
	it('fails when fewer than 5 persons are inside, outside or in all', () => {
		expect(failsPrimary(3, 12)).toBe(true); // 3 outside the labour market
		expect(failsPrimary(9, 12)).toBe(true); // 12 - 9 = 3 inside
		expect(failsPrimary(2, 4)).toBe(true); // 4 residents in all
		expect(failsPrimary(0, 4)).toBe(true); // still 4 residents
	});
	it('passes 5 or more on both sides, and nobody or everybody of at least 5', () => {
		expect(failsPrimary(5, 10)).toBe(false);
		expect(failsPrimary(0, 12)).toBe(false);
		expect(failsPrimary(12, 12)).toBe(false);
	});
	it('passes a cell with no residents (nothing to reveal, the value is missing anyway)', () => {
		expect(failsPrimary(0, 0)).toBe(false);
	});
	it('compares full-time persons as real numbers, not rounded', () => {
		expect(failsPrimary(4.9, 30)).toBe(true); // would round to 5
		expect(failsPrimary(5, 30)).toBe(false);
		expect(failsPrimary(26, 30.4)).toBe(true); // 4.4 inside
		expect(failsPrimary(0.4, 20)).toBe(true); // a fraction of a person is still a small group
		expect(failsPrimary(1, 4.9)).toBe(true); // 4.9 residents
	});
	it('ignores float noise from summing fractions', () => {
		// 0.1 + 0.2 + 4.7 = 5.000000000000001 or 4.999999999999999 depending on order: it is 5.
		expect(failsPrimary(0.1 + 0.2 + 4.7, 20)).toBe(false);
		expect(failsPrimary(4.7 + 0.2 + 0.1, 20)).toBe(false);
	});
});

describe('suppress', () => {
	it('an area of two departments, one small: both go, so nobody can subtract', () => {
		// A1: 3 of 12 outside -> primary. Area O1 = A1 + A2: residual (3, 12) fails, so A2 (the only
		// other) goes too; residual (43, 312) passes. The area is published: 43/312 = 13.8 %.
		// A3 is elsewhere (area O2, organisation B2) and stays.
		const r = run(
			{
				A1: ['omraade:O1', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				A2: ['omraade:O1', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				A3: ['omraade:O2', 'boligorganisation:B2', 'kommune:0101', 'land:DK']
			},
			[
				{ dept: 'A1', n: 3, d: 12 },
				{ dept: 'A2', n: 40, d: 300 },
				{ dept: 'A3', n: 50, d: 200 }
			]
		);
		expect(r.suppressedDepts).toEqual(['A1@2024', 'A2@2024']);
		expect(r.suppressedAggregates).toEqual([]);
	});

	it('suppresses an aggregate whose own total is under 5, and protects it inside its municipality', () => {
		// Area O1: S1 (1 of 3) and S2 (0 of 1): both fail primary (under 5 residents); the area's
		// total (1, 4) fails too, so the area is suppressed. Municipality 0101 = O1 + BIG:
		// residual (1, 4) fails, so BIG goes as well: residual (31, 104) passes; 0101 is published.
		// But BIG is also organisation B2 on its own, and 0101 - B2 = (31, 104) - (30, 100) = (1, 4)
		// = the area: no department is left to suppress, so B2 is suppressed.
		const r = run(
			{
				S1: ['omraade:O1', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				S2: ['omraade:O1', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				BIG: ['boligorganisation:B2', 'kommune:0101', 'land:DK']
			},
			[
				{ dept: 'S1', n: 1, d: 3 },
				{ dept: 'S2', n: 0, d: 1 },
				{ dept: 'BIG', n: 30, d: 100 }
			]
		);
		expect(r.suppressedDepts).toEqual(['BIG@2024', 'S1@2024', 'S2@2024']);
		// B1 = S1 + S2 is the same (1, 4): suppressed as well.
		expect(r.suppressedAggregates).toEqual(['boligorganisation:B1@2024', 'boligorganisation:B2@2024', 'omraade:O1@2024']);
	});

	it('fractional full-time persons: 4.5 outside is a small group', () => {
		// X: 4.5 of 30 outside -> primary. Area O1 = X + Y: residual (4.5, 30) fails -> Y goes;
		// residual (10, 60) passes. Z (26 of 30.4: 4.4 inside) fails primary on its own.
		const r = run(
			{
				X: ['omraade:O1', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				Y: ['omraade:O1', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				Z: ['omraade:O2', 'boligorganisation:B2', 'kommune:0101', 'land:DK'],
				W: ['omraade:O2', 'boligorganisation:B2', 'kommune:0101', 'land:DK']
			},
			[
				{ dept: 'X', n: 4.5, d: 30 },
				{ dept: 'Y', n: 5.5, d: 30 },
				{ dept: 'Z', n: 26, d: 30.4 },
				{ dept: 'W', n: 20.25, d: 80.5 }
			]
		);
		// O2 = Z + W: residual (26, 30.4) fails (4.4 inside) -> W goes: (46.25, 110.9) passes.
		expect(r.suppressedDepts).toEqual(['W@2024', 'X@2024', 'Y@2024', 'Z@2024']);
		expect(r.suppressedAggregates).toEqual([]);
	});

	it('a department in an area and an organisation that differ: both groups are protected', () => {
		// D1 (2 of 40) is in area O (with D2) and organisation B (with D3). Protecting only the area
		// would leave B - D3 = D1. Area residual (2, 40) fails -> D2 (d 100) goes: (22, 140) passes.
		// Organisation residual (2, 40) fails -> D3 (d 50) goes: (12, 90) passes.
		// Municipality residual D1+D2+D3 = (32, 190) passes; K - O = D3 + D4 leaves only D3 (10, 50)
		// suppressed: passes; K - B leaves D2 (20, 100): passes. D4 stays published.
		const r = run(
			{
				D1: ['omraade:O', 'boligorganisation:B', 'kommune:0101', 'land:DK'],
				D2: ['omraade:O', 'boligorganisation:C', 'kommune:0101', 'land:DK'],
				D3: ['boligorganisation:B', 'kommune:0101', 'land:DK'],
				D4: ['boligorganisation:C', 'kommune:0101', 'land:DK']
			},
			[
				{ dept: 'D1', n: 2, d: 40 },
				{ dept: 'D2', n: 20, d: 100 },
				{ dept: 'D3', n: 10, d: 50 },
				{ dept: 'D4', n: 30, d: 200 }
			]
		);
		expect(r.suppressedDepts).toEqual(['D1@2024', 'D2@2024', 'D3@2024']);
		expect(r.suppressedAggregates).toEqual([]);
	});

	it('suppresses an inner aggregate when the outer minus the inner is one small department', () => {
		// Municipality 0101 = area A (a1 10/50, a2 12/60) + d4 (2/30); 0102 = e1 + e2 (big).
		// d4 fails primary. 0101 residual (2, 30) fails -> smallest other, a1 (d 50), goes:
		// (12, 80) passes. Area A residual a1 (10, 50) passes. But 0101 - A - (nothing published
		// outside A) = d4 = (2, 30): no department left to suppress, so the area A is suppressed.
		const r = run(
			{
				a1: ['omraade:A', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				a2: ['omraade:A', 'boligorganisation:B1', 'kommune:0101', 'land:DK'],
				d4: ['boligorganisation:B2', 'kommune:0101', 'land:DK'],
				e1: ['boligorganisation:B3', 'kommune:0102', 'land:DK'],
				e2: ['boligorganisation:B3', 'kommune:0102', 'land:DK']
			},
			[
				{ dept: 'a1', n: 10, d: 50 },
				{ dept: 'a2', n: 12, d: 60 },
				{ dept: 'd4', n: 2, d: 30 },
				{ dept: 'e1', n: 100, d: 400 },
				{ dept: 'e2', n: 80, d: 300 }
			]
		);
		expect(r.suppressedDepts).toEqual(['a1@2024', 'd4@2024']);
		// B1 holds the same departments as A, and 0101 - B1 = d4 likewise: B1 goes too. B2 is d4 alone,
		// its own total (2, 30) fails. a2 stays: 0101 - a2 = a1 + d4 = (12, 80) passes.
		expect(r.suppressedAggregates).toEqual(['boligorganisation:B1@2024', 'boligorganisation:B2@2024', 'omraade:A@2024']);
	});

	it('treats years separately and leaves missing cells alone', () => {
		const r = run(
			{
				A1: ['omraade:O1', 'kommune:0101', 'land:DK'],
				A2: ['omraade:O1', 'kommune:0101', 'land:DK']
			},
			[
				{ dept: 'A1', n: 3, d: 12, year: 2023 },
				{ dept: 'A2', n: 40, d: 300, year: 2023 },
				{ dept: 'A1', n: 6, d: 12, year: 2024 },
				{ dept: 'A2', n: 40, d: 300, year: 2024 },
				{ dept: 'A1', n: Number.NaN, d: 12, year: 2025 },
				{ dept: 'A2', n: 2, d: Number.NaN, year: 2025 }
			]
		);
		expect(r.suppressedDepts).toEqual(['A1@2023', 'A2@2023']);
		expect(r.suppressedAggregates).toEqual([]);
	});

	it('leaves a figure alone when nothing is small', () => {
		const r = run({ A1: ['kommune:0101', 'land:DK'], A2: ['kommune:0101', 'land:DK'] }, [
			{ dept: 'A1', n: 10, d: 40 },
			{ dept: 'A2', n: 0, d: 25 }
		]);
		expect(r.suppressedDepts).toEqual([]);
		expect(r.suppressedAggregates).toEqual([]);
	});
});
