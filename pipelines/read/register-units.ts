/**
 * The units the department register implies: its areas, organisations and municipalities, each
 * with its departments. aftaler.csv and indsatser.csv name units by id; this is what they are
 * checked against, and where a target's municipality and organisation are derived from.
 */
import type { Department } from './model.ts';

export interface RegisterUnits {
	departments: Map<string, Department>;
	areas: Map<string, Department[]>;
	organisations: Map<string, Department[]>;
	municipalities: Map<string, Department[]>;
}

function group(departments: readonly Department[], key: (d: Department) => string | null): Map<string, Department[]> {
	const map = new Map<string, Department[]>();
	for (const d of departments) {
		const k = key(d);
		if (k === null) continue;
		const list = map.get(k);
		if (list) list.push(d);
		else map.set(k, [d]);
	}
	return map;
}

export function registerUnits(departments: readonly Department[]): RegisterUnits {
	return {
		departments: new Map(departments.map((d) => [d.afdeling_id, d])),
		areas: group(departments, (d) => d.omraade_id),
		organisations: group(departments, (d) => d.boligorganisation_id),
		municipalities: group(departments, (d) => d.kommune_kode)
	};
}

/** The value most of the departments share (ties: the lowest in code-unit order). */
export function mostCommon(departments: readonly Department[], key: (d: Department) => string): string | null {
	const counts = new Map<string, number>();
	for (const d of departments) counts.set(key(d), (counts.get(key(d)) ?? 0) + 1);
	let best: string | null = null;
	let bestCount = 0;
	for (const [value, count] of counts) {
		if (count > bestCount || (count === bestCount && best !== null && value < best)) {
			best = value;
			bestCount = count;
		}
	}
	return best;
}
