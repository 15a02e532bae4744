/**
 * Small worlds for the privacy tests: departments with their groups ('omraade:X', ...) and
 * cells, as the PrivacyInput the rule and the audit take.
 */
import type { PrivacyGroup, PrivacyInput } from '../../pipelines/build/privacy.ts';
import type { Level } from '../../src/lib/core/output-contract.ts';

export interface WorldCell {
	dept: string;
	n: number;
	d: number;
	year?: number;
}

export interface World {
	input: PrivacyInput;
	ids: string[];
	/** Group index of 'level:id'. */
	group: (key: string) => number;
	/** Cell index of a department's cell (in the given year, 2024 by default). */
	cell: (dept: string, year?: number) => number;
}

export function world(departments: Record<string, string[]>, cells: readonly WorldCell[]): World {
	const ids = Object.keys(departments).sort();
	const groups: PrivacyGroup[] = [];
	const groupIndex = new Map<string, number>();
	const memberships = ids.map((id) =>
		departments[id]!.map((key) => {
			let g = groupIndex.get(key);
			if (g === undefined) {
				const [level, unit] = key.split(':') as [Level, string];
				g = groups.push({ level, id: unit }) - 1;
				groupIndex.set(key, g);
			}
			return g;
		})
	);
	const input: PrivacyInput = {
		department: Int32Array.from(cells, (c) => ids.indexOf(c.dept)),
		year: Int32Array.from(cells, (c) => c.year ?? 2024),
		numerator: Float64Array.from(cells, (c) => c.n),
		denominator: Float64Array.from(cells, (c) => c.d),
		groups,
		memberships,
		rank: Int32Array.from(ids, (_, i) => i)
	};
	return {
		input,
		ids,
		group: (key) => {
			const g = groupIndex.get(key);
			if (g === undefined) throw new Error(`no group ${key}`);
			return g;
		},
		cell: (dept, year = 2024) => {
			const c = cells.findIndex((x) => x.dept === dept && (x.year ?? 2024) === year);
			if (c < 0) throw new Error(`no cell ${dept}@${year}`);
			return c;
		}
	};
}
