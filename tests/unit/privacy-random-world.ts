/**
 * Random small worlds for the privacy property tests: departments drawn by fast-check, each in its
 * area (or none), organisation, municipality and the country, made into a World and suppressed by
 * the primary and secondary rule, as the ingest does before its audit.
 */
import fc from 'fast-check';
import { suppress } from '../../pipelines/build/privacy.ts';
import type { Suppression } from '../../pipelines/build/suppression.ts';
import { world, type World, type WorldCell } from './privacy-world.ts';

export interface Dept {
	area: number | null;
	org: number;
	muni: number;
	/** Residents outside the labour market, of `d` residents aged 18-64. */
	n: number;
	d: number;
}

/** Departments with ids up to the given maxima; `areaFreq`: one in that many lies outside any area. */
export function deptArbitrary(max: { area: number; org: number; muni: number; d: number; areaFreq: number }): fc.Arbitrary<Dept> {
	return fc
		.record({
			area: fc.option(fc.integer({ min: 0, max: max.area }), { freq: max.areaFreq }),
			org: fc.integer({ min: 0, max: max.org }),
			muni: fc.integer({ min: 0, max: max.muni }),
			d: fc.integer({ min: 1, max: max.d })
		})
		.chain((r) => fc.integer({ min: 0, max: r.d }).map((n): Dept => ({ ...r, n })));
}

/** The departments (named `names`) as a world, with each one's groups and the rule's suppression. */
export function ruleOnDepts(depts: readonly Dept[], names: readonly string[]): { groupsOf: string[][]; w: World; s: Suppression } {
	const groupsOf = depts.map((dep) => [
		...(dep.area === null ? [] : [`omraade:A${dep.area}`]),
		`boligorganisation:B${dep.org}`,
		`kommune:K${dep.muni}`,
		'land:DK'
	]);
	const cells: WorldCell[] = depts.map((dep, i) => ({ dept: names[i]!, n: dep.n, d: dep.d }));
	const w = world(Object.fromEntries(names.map((name, i) => [name, groupsOf[i]!])), cells);
	const rule = suppress(w.input);
	const s: Suppression = {
		cells: new Map([['uden_for_arbejdsmarked', rule.suppressed.slice()]]),
		aggregates: rule.aggregates.map((a) => ({ niveau: a.level, enhed_id: a.id, aar: a.year, indikator: 'uden_for_arbejdsmarked' as const }))
	};
	return { groupsOf, w, s };
}
