/**
 * The audit's repair (audit-repair.ts), worked by hand: for an exposed hidden department it hides
 * the published department sharing the most published groups with it (room to move 5 persons
 * first, then the fewest residents), however large the groups it must look through to find it:
 * its area, its organisation, its municipality, the country.
 */
import { describe, expect, it } from 'vitest';
import { attackWorld, membersOf } from '../../pipelines/build/audit-attack-world.ts';
import { cellsByYear } from '../../pipelines/build/year-cells.ts';
import type { Finding } from '../../pipelines/build/audit.ts';
import { repair } from '../../pipelines/build/audit-repair.ts';
import type { PrivacyInput } from '../../pipelines/build/privacy.ts';
import { world } from './privacy-world.ts';

// x (hidden, exposed) is in area A, organisation O, municipality K and the country DK.
// p shares all four with it, q three (O, K, DK), r two (K, DK), u two as well (O, DK: its
// organisation reaches into another municipality), s and t one (DK).
const w = world(
	{
		x: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
		p: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
		q: ['omraade:B', 'boligorganisation:O', 'kommune:K', 'land:DK'],
		r: ['omraade:C', 'boligorganisation:R', 'kommune:K', 'land:DK'],
		u: ['omraade:E', 'boligorganisation:O', 'kommune:L', 'land:DK'],
		s: ['omraade:D', 'boligorganisation:S', 'kommune:L', 'land:DK'],
		t: ['omraade:D', 'boligorganisation:S', 'kommune:L', 'land:DK']
	},
	[
		{ dept: 'x', n: 2, d: 10 },
		{ dept: 'p', n: 20, d: 40 },
		{ dept: 'q', n: 20, d: 40 },
		{ dept: 'r', n: 20, d: 40 },
		{ dept: 'u', n: 20, d: 45 },
		{ dept: 's', n: 20, d: 40 },
		{ dept: 't', n: 20, d: 41 }
	]
);

/** What the repair hides for x found exposed, with `hidden` (besides x) already suppressed. */
function repairOfX(hidden: string[]): string[] {
	const [, cells] = [...cellsByYear(w.input)][0]!;
	const members = membersOf(w.input, cells);
	const suppressed = new Uint8Array(w.input.department.length);
	for (const dept of ['x', ...hidden]) suppressed[w.cell(dept)] = 1;
	const attack = attackWorld(w.input, 2024, members, suppressed, new Set(), 100);
	const target = attack.targets.find((t) => t.kind === 'department' && t.ref === w.cell('x'))!;
	const findings: Finding[] = [{ kind: 'department', target, lo: 2, hi: 2, piece: 0 }];
	const result = repair(w.input, attack, findings, members, suppressed, new Set());
	return [...result.cells].map((c) => w.ids[w.input.department[c]!]!);
}

describe('the repair of an exposed department', () => {
	it('hides the department sharing all four groups with it', () => {
		expect(repairOfX([])).toEqual(['p']);
	});
	it('then one sharing its organisation, municipality and the country', () => {
		expect(repairOfX(['p'])).toEqual(['q']);
	});
	it('then of two sharing two groups the one of fewer residents, though only the municipality holds it', () => {
		// u (organisation and country, 45 residents) is met before r (municipality and country,
		// 40): both can move 5 persons against x, so the fewer residents decide.
		expect(repairOfX(['p', 'q'])).toEqual(['r']);
		expect(repairOfX(['p', 'q', 'r'])).toEqual(['u']);
	});
	it('then one sharing only the country, the one of fewest residents (s: 40 against t: 41)', () => {
		expect(repairOfX(['p', 'q', 'r', 'u'])).toEqual(['s']);
	});
});

// Two exposures a year apart from anything that ties them: x in area A, organisation O and
// municipality K; y in B, P and L; each with one published partner in all its groups (p, q). A
// reference figure of 2024 (referencetal.json) covers all four departments. In 2023 the figure
// says nothing, so the two exposures are unrelated and are repaired in the same round: p for x,
// q for y. (Taken as a small group of 2023 with no hidden members, the figure chained them, and
// the year was repaired one finding a round: national with one 2024 figure for the country ran
// out of its 200 rounds in 2010.)
describe('the repair in a year without the reference figure its departments belong to', () => {
	const two = world(
		{
			x: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'referencetal:R'],
			p: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'referencetal:R'],
			y: ['omraade:B', 'boligorganisation:P', 'kommune:L', 'referencetal:R'],
			q: ['omraade:B', 'boligorganisation:P', 'kommune:L', 'referencetal:R']
		},
		[
			{ dept: 'x', n: 2, d: 10, year: 2023 },
			{ dept: 'p', n: 20, d: 40, year: 2023 },
			{ dept: 'y', n: 3, d: 12, year: 2023 },
			{ dept: 'q', n: 20, d: 40, year: 2023 },
			{ dept: 'x', n: 2, d: 10 },
			{ dept: 'p', n: 20, d: 40 },
			{ dept: 'y', n: 3, d: 12 },
			{ dept: 'q', n: 20, d: 40 }
		]
	);
	const r = two.group('referencetal:R');
	const input: PrivacyInput = {
		...two.input,
		groups: two.input.groups.map((g, i) =>
			i === r ? { ...g, reference: { year: 2024, lower: 40, upper: 50, reveals: false, family: 'referencetal land', row: 0 } } : g
		)
	};

	it('repairs both exposures in one round: p for x and q for y', () => {
		const cells = cellsByYear(input).get(2023)!;
		const members = membersOf(input, cells);
		expect(members.has(r)).toBe(false);
		const suppressed = new Uint8Array(input.department.length);
		suppressed[two.cell('x', 2023)] = 1;
		suppressed[two.cell('y', 2023)] = 1;
		const attack = attackWorld(input, 2023, members, suppressed, new Set(), 100);
		const exposed = (dept: string): Finding => {
			const target = attack.targets.find((t) => t.kind === 'department' && t.ref === two.cell(dept, 2023))!;
			return { kind: 'department', target, lo: 2, hi: 2, piece: 0 };
		};
		const result = repair(input, attack, [exposed('x'), exposed('y')], members, suppressed, new Set());
		expect([...result.cells].map((c) => `${two.ids[input.department[c]!]}@${input.year[c]}`).sort()).toEqual(['p@2023', 'q@2023']);
		expect([...result.groups]).toEqual([]);
	});
});

// One municipality's input: the sum of every loaded department (land:DK) has the same cells as
// the municipality K, and x's area A the same as its organisation O. x, p and q are all hidden,
// so nothing is left to hide against x and the repair withholds a group holding it: the
// smallest (A, then K once A and O are withheld). Withholding it alone would be withholding in
// name only, since its twin publishes the same sum, so the twin goes with it.
describe('the repair that withholds a group with a twin of the same cells', () => {
	const one = world(
		{
			x: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			p: ['omraade:A', 'boligorganisation:O', 'kommune:K', 'land:DK'],
			q: ['omraade:B', 'boligorganisation:P', 'kommune:K', 'land:DK']
		},
		[
			{ dept: 'x', n: 2, d: 10 },
			{ dept: 'p', n: 20, d: 40 },
			{ dept: 'q', n: 20, d: 40 }
		]
	);
	function withheldFor(alreadyWithheld: string[]): string[] {
		const members = membersOf(one.input, cellsByYear(one.input).get(2024)!);
		const suppressed = new Uint8Array(one.input.department.length).fill(1);
		const hidden = new Set(alreadyWithheld.map(one.group));
		const attack = attackWorld(one.input, 2024, members, suppressed, hidden, 100);
		const target = attack.targets.find((t) => t.kind === 'department' && t.ref === one.cell('x'))!;
		const result = repair(one.input, attack, [{ kind: 'department', target, lo: 2, hi: 2, piece: 0 }], members, suppressed, hidden);
		expect([...result.cells]).toEqual([]);
		return [...result.groups].map((g) => `${one.input.groups[g]!.level}:${one.input.groups[g]!.id}`).sort();
	}
	it('withholds the area and the organisation of the same two departments together', () => {
		expect(withheldFor([])).toEqual(['boligorganisation:O', 'omraade:A']);
	});
	it('withholds the municipality and the sum of every loaded department together', () => {
		expect(withheldFor(['omraade:A', 'boligorganisation:O'])).toEqual(['kommune:K', 'land:DK']);
	});
});
