/**
 * Reference figures as the attacker's knowledge (issue 9, branch `refattack`): referencetal.json
 * publishes figures of other publishers (LBF, Danmarks Statistik), and a person-based one about a
 * group the input covers completely is a figure about the same residents as our departments. The
 * audit takes each such row as one more published aggregate, at the precision it is published, and
 * repairs against it like any other; it can never be withheld (its publisher has published it).
 *
 * Which rows (data/README.md, "Trusselsmodellen"):
 * - a person-based key figure (uden for arbejdsmarkedet, a declared `personer = ja`);
 * - a group the input covers: a municipality with departments in the input, a region whose every
 *   municipality has, the country when all 98 have; with `boligtype`, the departments of that
 *   type in it (a department without a type is taken as not of it);
 * - a year in which the group has cells (department-years with residents).
 *
 * At what precision: `taeller` is an exact count; else `vaerdi` at its written decimals is an
 * interval of counts, over `naevner` when given, else over the group's residents (which the
 * attacker knows). The interval is widened to hold the input's own count: a reference taken at
 * another date may differ a little from our data, and an attacker who trusts it learns nothing
 * truer than an interval holding the truth; and the truth must stay a feasible point of the attack
 * (the audit's evidence of protection).
 *
 * A row that itself reveals 1-4 persons (fails the primary test on the input's count and
 * residents, or on its own `taeller`/`naevner`): the attacker has it from its publisher anyway, so
 * our figures must add nothing to it. The audit hides every department of the group that year,
 * and withholds every aggregate of ours holding some of its departments but not all (inside it,
 * or overlapping it); only aggregates holding the whole group stay, and they say nothing about how
 * the group's count splits among its departments. Its departments and the aggregates inside it
 * are then exempt from the 5-person test: their range is what the reference alone gives. Such a
 * row is not republished in referencetal.json (revealingRows): our site must not itself be where
 * a reader finds a group of 1-4 persons, whoever counted it first.
 */
import { indicator, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { DANISH_MUNICIPALITIES, MUNICIPALITY_REGION } from '../../src/lib/core/regions.ts';
import { failsPrimary, type PrivacyGroup, type PrivacyInput, type ReferenceConstraint } from './privacy.ts';
import { cellsByYear } from './year-cells.ts';
import { targetKey } from './audit.ts';

/** What the reference groups need of a department (ParsedInput's departments have it). */
export interface ReferenceDepartment {
	kommune_kode: string;
	boligtype: string | null;
}

export interface ReferenceKnowledge {
	/** The audit's inputs: an indicator with reference rows it models gets its groups added; the others are the same objects. */
	inputs: Map<IndicatorId, PrivacyInput>;
	/** Rows not to republish: they reveal 1-4 persons on their own. */
	revealingRows: ReferenceRow[];
}

export function referenceKnowledge(
	inputs: ReadonlyMap<IndicatorId, PrivacyInput>,
	departments: readonly ReferenceDepartment[],
	rows: readonly ReferenceRow[]
): ReferenceKnowledge {
	const present = new Set(departments.map((d) => d.kommune_kode));
	const revealing = new Set<ReferenceRow>();
	const out = new Map<IndicatorId, PrivacyInput>();
	for (const [id, input] of inputs) {
		const own = rows.filter((r) => r.indikator === id);
		const scale = indicator(id).scale;
		const added: PrivacyGroup[] = [];
		const addedMembers: number[][] = departments.map(() => []);
		const byYear = own.length > 0 ? cellsByYear(input) : new Map<number, Int32Array>();
		for (const row of own) {
			if (row.taeller !== null && row.naevner !== null && failsPrimary(row.taeller, row.naevner)) revealing.add(row);
			const inGroup = groupOf(row, departments, present);
			const cells = byYear.get(row.aar);
			if (!inGroup || !cells) continue;
			let count = 0;
			let residents = 0;
			for (const c of cells) {
				if (!inGroup[input.department[c]!]) continue;
				count += input.numerator[c]!;
				residents += input.denominator[c]!;
			}
			if (!(residents > 0)) continue;
			const reveals = revealing.has(row) || failsPrimary(count, residents);
			if (reveals) revealing.add(row);
			const [lower, upper] = countInterval(row, residents, scale);
			const reference: ReferenceConstraint = {
				year: row.aar,
				lower: Math.min(lower, count),
				upper: Math.max(upper, count),
				reveals,
				family: `referencetal ${row.niveau} ${row.boligtype ?? ''}`
			};
			const g = input.groups.length + added.length;
			added.push({ level: 'referencetal', id: referenceName(row), reference });
			inGroup.forEach((inside, dep) => inside && addedMembers[dep]!.push(g));
		}
		if (added.length === 0) {
			out.set(id, input);
			continue;
		}
		out.set(id, {
			...input,
			groups: [...input.groups, ...added],
			memberships: input.memberships.map((m, dep) => (addedMembers[dep]!.length > 0 ? [...m, ...addedMembers[dep]!] : m))
		});
	}
	return { inputs: out, revealingRows: rows.filter((r) => revealing.has(r)) };
}

/** How the audit's messages name a reference group: `kommune 0101 2023 (familie)`. */
function referenceName(row: ReferenceRow): string {
	return `${row.niveau} ${row.enhed_id} ${row.aar}${row.boligtype ? ` (${row.boligtype})` : ''}`;
}

/** Per department: 1 when in the row's group; null when the input does not cover the group. */
function groupOf(row: ReferenceRow, departments: readonly ReferenceDepartment[], present: ReadonlySet<string>): Uint8Array | null {
	let inUnit: (d: ReferenceDepartment) => boolean;
	if (row.niveau === 'kommune') {
		if (!present.has(row.enhed_id)) return null;
		inUnit = (d) => d.kommune_kode === row.enhed_id;
	} else if (row.niveau === 'region') {
		const municipalities = DANISH_MUNICIPALITIES.filter((k) => MUNICIPALITY_REGION[k] === row.enhed_id);
		if (!municipalities.every((k) => present.has(k))) return null;
		inUnit = (d) => MUNICIPALITY_REGION[d.kommune_kode] === row.enhed_id;
	} else {
		if (!DANISH_MUNICIPALITIES.every((k) => present.has(k))) return null;
		inUnit = () => true;
	}
	return Uint8Array.from(departments, (d) => (inUnit(d) && (row.boligtype === null || d.boligtype === row.boligtype) ? 1 : 0));
}

/**
 * The counts a row tells, as an interval: `taeller` exactly; else `vaerdi` +- half a unit of its
 * last written decimal, times the residents (`naevner` when given) over the key figure's scale.
 */
export function countInterval(row: ReferenceRow, residents: number, scale: number): [number, number] {
	if (row.taeller !== null) return [row.taeller, row.taeller];
	const over = row.naevner ?? residents;
	const half = 0.5 * 10 ** -row.decimaler;
	return [Math.max(0, ((row.vaerdi - half) * over) / scale), ((row.vaerdi + half) * over) / scale];
}

export interface RevealingHidden {
	/** Cells hidden and aggregates withheld here, in the order hidden. */
	cells: number[];
	groups: number[];
	/** Targets judged by the reference alone, not the 5-person test (audit.ts targetKey's names). */
	exempt: string[];
}

/**
 * Before a year's first attack: for every reference figure of the year that reveals 1-4 persons on
 * its own, hide its group's departments and withhold every aggregate of ours holding some of them
 * but not all (see above). `cells` and `hidden` are changed in place.
 */
export function hideRevealingGroups(
	input: PrivacyInput,
	members: ReadonlyMap<number, readonly number[]>,
	cells: Uint8Array,
	hidden: Set<number>
): RevealingHidden {
	const result: RevealingHidden = { cells: [], groups: [], exempt: [] };
	for (const [g, list] of members) {
		if (!input.groups[g]!.reference?.reveals) continue;
		const inside = new Set(list);
		for (const c of list) {
			result.exempt.push(targetKey({ kind: 'department', ref: c }));
			if (cells[c]) continue;
			cells[c] = 1;
			result.cells.push(c);
		}
		for (const [h, others] of members) {
			if (h === g || input.groups[h]!.reference) continue;
			let shared = 0;
			for (const c of others) if (inside.has(c)) shared++;
			if (shared === 0 || (shared === list.length && others.length > shared)) continue;
			if (shared === others.length) result.exempt.push(targetKey({ kind: 'aggregate', ref: h }));
			if (hidden.has(h)) continue;
			hidden.add(h);
			result.groups.push(h);
		}
	}
	return result;
}
