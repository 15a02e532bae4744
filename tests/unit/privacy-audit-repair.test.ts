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
