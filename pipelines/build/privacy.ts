/**
 * Statistical disclosure control for person-based key figures (the built-in uden_for_arbejdsmarked and
 * every indicator indikatorer.csv declares with personer = ja).
 *
 * Goal (issue 2, DOMAIN.md "Privacy"): nothing the pipeline writes may let a reader work out a
 * group of 1-4 persons, neither from one department's figure nor by subtracting published
 * departments from a published area, organisation, municipality or the country.
 *
 * We assume the worst reader: one who knows every department's denominator (residents 18-64
 * can be had elsewhere), so a published rate is as good as a published count. Numerators and
 * denominators of person-based figures are never written at all (taeller/naevner are null).
 *
 * THE TEST (one cell, or any sum a reader can form), with n the numerator and d the denominator,
 * both in (full-time) persons and compared as real numbers, not rounded:
 *     fails when d > 0 and (d < 5  or  0 < n < 5  or  0 < d - n < 5)
 * i.e. too few residents, or too few inside or outside the labour market. 0 and d are allowed:
 * "nobody" and "everybody" of at least 5 persons is published (see the limits below).
 *
 * PRIMARY: a department-year cell that fails the test is suppressed.
 *
 * SECONDARY: for each published aggregate G (area, organisation, municipality, country) and
 * year, a reader can compute G minus the published departments in G = the sum of G's suppressed
 * departments (the residual). If that residual fails the test, further departments of G are
 * suppressed, the smallest denominator first (ties by department id), until the residual passes
 * or all are suppressed. An aggregate whose own total fails the test is itself suppressed.
 * The same check runs on the difference of two published aggregates where one contains the
 * other in that year (an area inside its municipality, a municipality inside the country...):
 * P minus C minus the published departments of P outside C is the sum of those suppressed ones;
 * if it fails and no department is left to suppress, the inner aggregate C is suppressed.
 * A department lies in up to four groups, so suppressing it changes other residuals; the checks
 * repeat until nothing changes (a fixpoint; it ends because every step suppresses one more cell
 * or aggregate).
 *
 * KNOWN LIMITS (documented in data/README.md):
 * - Differences of more than two aggregates (a municipality minus all its areas) and of
 *   overlapping but not nested groups (an organisation spanning two municipalities) are not
 *   checked; nor are differences across years (a department's 2023 minus 2022).
 * - 0 % and 100 % cells of at least 5 persons are published; they tell that all of them share
 *   one status.
 * - The check assumes the reader knows denominators exactly; it does not rely on rounding.
 */
import type { Level } from '../../src/lib/core/output-contract.ts';
import { cellsByYear } from './year-cells.ts';

/** Groups smaller than this many persons, inside or outside, must not be derivable. */
export const MIN_PERSONS = 5;

/** Sums of full-time persons are compared after rounding away float noise, not to whole persons. */
const NOISE = 1e6;
const clean = (x: number) => Math.round(x * NOISE) / NOISE;

/** The test: true when a numerator/denominator pair would reveal a group of 1-4 persons. */
export function failsPrimary(numerator: number, denominator: number): boolean {
	const n = clean(numerator);
	const d = clean(denominator);
	if (!(d > 0)) return false;
	const outside = clean(d - n);
	return d < MIN_PERSONS || (n > 0 && n < MIN_PERSONS) || (outside > 0 && outside < MIN_PERSONS);
}

export interface PrivacyGroup {
	/** `referencetal`: a reference figure another publisher published (audit-reference-groups.ts), known to the attacker, never withheld. */
	level: Level | 'referencetal';
	id: string;
	/** A reference figure's group: only in the audit's inputs, never the rule's. */
	reference?: ReferenceConstraint;
}

/** What a reference figure tells the attacker about its group's count (audit-reference-groups.ts). */
export interface ReferenceConstraint {
	/** The only year it is about. */
	year: number;
	/** The interval, in persons, its group's whole count lies in (holding the input's own count). */
	lower: number;
	upper: number;
	/** It reveals 1-4 persons on its own: its group's departments are all hidden and exempt from the test. */
	reveals: boolean;
	/** Rows of one family never share a department (audit-implied-rows.ts): level and housing type. */
	family: string;
	/**
	 * The reference row whose group holds this one (index into the rows referenceKnowledge was
	 * given): its own, or for the difference of two nested rows the outer one. Not republished
	 * when it holds a count the reference rows alone expose (audit-publisher-ranges.ts).
	 */
	row: number;
}

/** A withheld aggregate's level: a reference figure's group is never withheld (it is someone else's publication). */
export function withheldLevel(group: PrivacyGroup): Level {
	if (group.level === 'referencetal') throw new Error(`referencetal ${group.id} kan ikke tilbageholdes / cannot be withheld`);
	return group.level;
}

export interface PrivacyInput {
	/** Per cell (a department-year of one indicator): the department's index into `memberships`. */
	department: Int32Array;
	year: Int32Array;
	/** NaN when missing; a cell missing either is not published and not in any aggregate. */
	numerator: Float64Array;
	denominator: Float64Array;
	/** The published aggregates. */
	groups: readonly PrivacyGroup[];
	/** Per department: indices into `groups` of the aggregates it belongs to. */
	memberships: readonly (readonly number[])[];
	/** Per department: its rank in id order, to break ties between equal denominators. */
	rank: Int32Array;
}

export interface SuppressedAggregate {
	level: Level;
	id: string;
	year: number;
}

export interface PrivacyResult {
	/** Per cell: 1 when suppressed (diskretioneret). */
	suppressed: Uint8Array;
	aggregates: SuppressedAggregate[];
}

export function suppress(input: PrivacyInput): PrivacyResult {
	const suppressed = new Uint8Array(input.department.length);
	const aggregates: SuppressedAggregate[] = [];
	const groupsOf = compress(input.memberships);
	for (const [year, global] of cellsByYear(input)) {
		// The year's cells copied into small arrays of their own: the rule jumps between cells in
		// denominator order, and jumping through the whole table's arrays costs a cache miss each.
		const cells: YearCells = {
			numerator: new Float64Array(global.length),
			denominator: new Float64Array(global.length),
			department: new Int32Array(global.length)
		};
		for (let i = 0; i < global.length; i++) {
			const c = global[i]!;
			cells.numerator[i] = input.numerator[c]!;
			cells.denominator[i] = input.denominator[c]!;
			cells.department[i] = input.department[c]!;
		}
		const result = suppressYear(cells, groupsOf, input.rank, input.groups.length);
		for (let i = 0; i < global.length; i++) if (result.suppressed[i]) suppressed[global[i]!] = 1;
		for (const g of result.aggregates) {
			const group = input.groups[g]!;
			aggregates.push({ level: withheldLevel(group), id: group.id, year });
		}
	}
	return { suppressed, aggregates };
}

/** One year's cells (departments with both numerator and denominator, denominator above 0). */
interface YearCells {
	numerator: Float64Array;
	denominator: Float64Array;
	department: Int32Array;
}

/** Each department's groups as one flat array: department i's are groups[start[i] .. start[i + 1]). */
interface Memberships {
	start: Int32Array;
	groups: Int32Array;
}

function compress(memberships: readonly (readonly number[])[]): Memberships {
	const start = new Int32Array(memberships.length + 1);
	memberships.forEach((m, i) => (start[i + 1] = start[i]! + m.length));
	const groups = new Int32Array(start[memberships.length]!);
	memberships.forEach((m, i) => groups.set(m, start[i]!));
	return { start, groups };
}

/**
 * The year's cells in the order secondary suppression takes them: smallest denominator first,
 * ties by department id, so the result does not depend on the input's row order. A department
 * has one cell a year, so with whole-number denominators (the usual case) one number per cell,
 * denominator * 2^21 + rank, sorts natively; fractions fall back to a comparator.
 */
function orderCells(cells: YearCells, rank: Int32Array): Int32Array {
	const { denominator: d, department } = cells;
	const count = d.length;
	const RANK_BITS = 2 ** 21;
	let whole = rank.length < RANK_BITS;
	for (let c = 0; c < count && whole; c++) whole = Number.isInteger(d[c]!) && d[c]! < 2 ** 31;
	// A loop, not Int32Array.from with a mapping function, which calls it per cell (measured slow).
	const all = new Int32Array(count);
	for (let c = 0; c < count; c++) all[c] = c;
	if (!whole) return all.sort((a, b) => d[a]! - d[b]! || rank[department[a]!]! - rank[department[b]!]!);
	const keys = new Float64Array(count);
	const cellOfRank = new Int32Array(rank.length);
	for (let c = 0; c < count; c++) {
		const r = rank[department[c]!]!;
		keys[c] = d[c]! * RANK_BITS + r;
		cellOfRank[r] = c;
	}
	keys.sort();
	for (let i = 0; i < count; i++) all[i] = cellOfRank[keys[i]! % RANK_BITS]!;
	return all;
}

/**
 * Runs the rule for one year's cells; returns which cells and which aggregates it suppressed.
 *
 * The fixpoint alternates two phases until neither changes anything: (1) a work list of groups
 * whose suppressed sum changed; (2) one sweep over the differences. Differences are swept rather
 * than queued because every cell lies in the country, so any suppression would queue all of the
 * country's thousands of differences again.
 */
function suppressYear(
	cells: YearCells,
	groupsOf: Memberships,
	rank: Int32Array,
	groupCount: number
): { suppressed: Uint8Array; aggregates: number[] } {
	const { numerator: n, denominator: d, department } = cells;
	const suppressed = new Uint8Array(d.length);
	const { start: ms, groups: mg } = groupsOf;
	const isIn = (c: number, g: number) => {
		const dep = department[c]!;
		for (let j = ms[dep]!; j < ms[dep + 1]!; j++) if (mg[j] === g) return true;
		return false;
	};
	const ordered = orderCells(cells, rank);
	const size = new Int32Array(groupCount);
	for (const c of ordered) {
		const dep = department[c]!;
		for (let j = ms[dep]!; j < ms[dep + 1]!; j++) size[mg[j]!]!++;
	}
	// Members of group g are members[start[g] .. start[g + 1]), in `ordered` order.
	const start = new Int32Array(groupCount + 1);
	for (let g = 0; g < groupCount; g++) start[g + 1] = start[g]! + size[g]!;
	const members = new Int32Array(start[groupCount]!);
	const fill = start.slice(0, groupCount);
	const totalN = new Float64Array(groupCount);
	const totalD = new Float64Array(groupCount);
	for (const c of ordered) {
		const dep = department[c]!;
		for (let j = ms[dep]!; j < ms[dep + 1]!; j++) {
			const g = mg[j]!;
			members[fill[g]!++] = c;
			totalN[g]! += n[c]!;
			totalD[g]! += d[c]!;
		}
	}

	const supN = new Float64Array(groupCount);
	const supD = new Float64Array(groupCount);
	const supCount = new Int32Array(groupCount);
	const aggregateSuppressed = new Uint8Array(groupCount);
	// Where each group's search for the next cell to suppress resumes (suppression only grows).
	const cursor = start.slice(0, groupCount);

	// Differences: for each group C, the groups P of its first member's department that hold all of C.
	const outers: number[] = [];
	const inners: number[] = [];
	for (let inner = 0; inner < groupCount; inner++) {
		if (size[inner] === 0) continue;
		const first = department[members[start[inner]!]!]!;
		for (let j = ms[first]!; j < ms[first + 1]!; j++) {
			const outer = mg[j]!;
			if (outer === inner || size[outer]! <= size[inner]!) continue;
			let inside = true;
			for (let i = start[inner]!; i < start[inner + 1]! && inside; i++) inside = isIn(members[i]!, outer);
			if (!inside) continue;
			outers.push(outer);
			inners.push(inner);
		}
	}
	const differenceCursor = new Int32Array(outers.length);
	for (let k = 0; k < outers.length; k++) differenceCursor[k] = start[outers[k]!]!;

	const queued = new Uint8Array(groupCount);
	let queue: number[] = [];
	function suppressCell(c: number): void {
		suppressed[c] = 1;
		const dep = department[c]!;
		for (let j = ms[dep]!; j < ms[dep + 1]!; j++) {
			const g = mg[j]!;
			supN[g]! += n[c]!;
			supD[g]! += d[c]!;
			supCount[g]! += 1;
			if (!queued[g]) {
				queued[g] = 1;
				queue.push(g);
			}
		}
	}

	// Primary.
	for (let c = 0; c < d.length; c++) if (failsPrimary(n[c]!, d[c]!)) suppressCell(c);
	for (let g = 0; g < groupCount; g++) {
		if (size[g]! > 0 && failsPrimary(totalN[g]!, totalD[g]!)) aggregateSuppressed[g] = 1;
	}

	// Secondary, to a fixpoint.
	for (let changed = true; changed; ) {
		changed = false;
		while (queue.length > 0) {
			const batch = queue;
			queue = [];
			for (const g of batch) {
				queued[g] = 0;
				if (aggregateSuppressed[g] || supCount[g] === 0) continue;
				// All suppressed and still failing means the total fails: the aggregate is suppressed already.
				while (cursor[g]! < start[g + 1]! && failsPrimary(supN[g]!, supD[g]!)) {
					const c = members[cursor[g]!++]!;
					if (!suppressed[c]) suppressCell(c);
				}
			}
		}
		for (let k = 0; k < outers.length; k++) {
			const outer = outers[k]!;
			const inner = inners[k]!;
			if (aggregateSuppressed[outer] || aggregateSuppressed[inner] || supCount[outer] === supCount[inner]) continue;
			const end = start[outer + 1]!;
			while (failsPrimary(supN[outer]! - supN[inner]!, supD[outer]! - supD[inner]!)) {
				if (differenceCursor[k]! >= end) {
					aggregateSuppressed[inner] = 1;
					changed = true;
					break;
				}
				const c = members[differenceCursor[k]!++]!;
				if (suppressed[c] || isIn(c, inner)) continue;
				suppressCell(c);
				changed = true;
			}
		}
		if (queue.length > 0) changed = true;
	}
	const aggregates: number[] = [];
	for (let g = 0; g < groupCount; g++) if (aggregateSuppressed[g]) aggregates.push(g);
	return { suppressed, aggregates };
}
