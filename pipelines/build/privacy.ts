/**
 * Statistical disclosure control for person-based key figures (today: uden_for_arbejdsmarked).
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
 * repeat over a work list until nothing changes (a fixpoint; it ends because every step
 * suppresses one more cell or aggregate).
 *
 * KNOWN LIMITS (documented in data/README.md):
 * - Differences of more than two aggregates (a municipality minus all its areas) and of
 *   overlapping but not nested groups (an organisation spanning two municipalities) are not
 *   checked; nor are differences across years (a department's 2023 minus 2022).
 * - 0 % and 100 % cells of at least 5 persons are published; they tell that all of them share
 *   one status.
 * - The check assumes the reader knows denominators exactly; it does not rely on rounding.
 */
import type { Level } from '../../src/lib/contract/output.ts';

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
	level: Level;
	id: string;
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
	const byYear = new Map<number, number[]>();
	for (let c = 0; c < input.department.length; c++) {
		const n = input.numerator[c]!;
		const d = input.denominator[c]!;
		// A cell with no persons adds nothing to any sum and has no value to hide.
		if (Number.isNaN(n) || Number.isNaN(d) || !(d > 0)) continue;
		const year = input.year[c]!;
		let cells = byYear.get(year);
		if (!cells) byYear.set(year, (cells = []));
		cells.push(c);
	}
	for (const year of [...byYear.keys()].sort((a, b) => a - b)) {
		for (const g of suppressYear(input, byYear.get(year)!, suppressed)) {
			const group = input.groups[g]!;
			aggregates.push({ level: group.level, id: group.id, year });
		}
	}
	return { suppressed, aggregates };
}

/** A published difference P \ C of two aggregates, C inside P in this year. */
interface Difference {
	outer: number;
	inner: number;
}

/** Runs the rule for one year's cells; marks `suppressed` and returns the suppressed aggregates. */
function suppressYear(input: PrivacyInput, cells: number[], suppressed: Uint8Array): number[] {
	const groupCount = input.groups.length;
	const d = input.denominator;
	// Each group's members in the order secondary suppression takes them: smallest denominator
	// first, ties by department id, so the result does not depend on the input's row order.
	// Sorting the year's cells once and handing them out keeps every group's list in that order.
	const rank = input.rank;
	const department = input.department;
	const ordered = Int32Array.from(cells).sort((a, b) => d[a]! - d[b]! || rank[department[a]!]! - rank[department[b]!]!);
	const members: number[][] = Array.from({ length: groupCount }, () => []);
	const totalN = new Float64Array(groupCount);
	const totalD = new Float64Array(groupCount);
	for (const c of ordered) {
		for (const g of input.memberships[department[c]!]!) {
			members[g]!.push(c);
			totalN[g]! += input.numerator[c]!;
			totalD[g]! += d[c]!;
		}
	}

	const supN = new Float64Array(groupCount);
	const supD = new Float64Array(groupCount);
	const supCount = new Int32Array(groupCount);
	const aggregateSuppressed = new Uint8Array(groupCount);
	const active = (g: number) => members[g]!.length > 0;

	// Differences: for each group C, the groups P of its first member's department that hold all of C.
	const differences: Difference[] = [];
	const differencesOf: number[][] = Array.from({ length: groupCount }, () => []);
	for (let inner = 0; inner < groupCount; inner++) {
		const list = members[inner]!;
		if (list.length === 0) continue;
		for (const outer of input.memberships[input.department[list[0]!]!]!) {
			if (outer === inner || members[outer]!.length <= list.length) continue;
			const inside = list.every((c) => input.memberships[input.department[c]!]!.includes(outer));
			if (!inside) continue;
			const index = differences.push({ outer, inner }) - 1;
			differencesOf[outer]!.push(index);
			differencesOf[inner]!.push(index);
		}
	}

	// Work list of checks: group g as g, difference k as groupCount + k.
	const queued = new Uint8Array(groupCount + differences.length);
	const queue: number[] = [];
	const enqueue = (check: number) => {
		if (!queued[check]) {
			queued[check] = 1;
			queue.push(check);
		}
	};

	const suppressCell = (c: number) => {
		suppressed[c] = 1;
		for (const g of input.memberships[input.department[c]!]!) {
			supN[g]! += input.numerator[c]!;
			supD[g]! += d[c]!;
			supCount[g]! += 1;
			enqueue(g); // which in turn queues g's differences: once per change of g, not per cell
		}
	};

	// Primary.
	for (const c of cells) if (failsPrimary(input.numerator[c]!, d[c]!)) suppressCell(c);
	for (let g = 0; g < groupCount; g++) {
		if (active(g) && failsPrimary(totalN[g]!, totalD[g]!)) aggregateSuppressed[g] = 1;
	}
	for (let g = 0; g < groupCount; g++) if (active(g)) enqueue(g);
	for (let k = 0; k < differences.length; k++) enqueue(groupCount + k);

	// Secondary, to a fixpoint.
	for (let head = 0; head < queue.length; head++) {
		const check = queue[head]!;
		queued[check] = 0;
		if (check < groupCount) {
			const g = check;
			for (const k of differencesOf[g]!) enqueue(groupCount + k);
			if (aggregateSuppressed[g] || supCount[g] === 0) continue;
			for (const c of members[g]!) {
				if (!failsPrimary(supN[g]!, supD[g]!)) break;
				if (!suppressed[c]) suppressCell(c);
			}
			// All suppressed and still failing means the total fails, so the aggregate is already suppressed.
		} else {
			const { outer, inner } = differences[check - groupCount]!;
			if (aggregateSuppressed[outer] || aggregateSuppressed[inner]) continue;
			const residual = () => [supN[outer]! - supN[inner]!, supD[outer]! - supD[inner]!] as const;
			if (supCount[outer]! - supCount[inner]! === 0) continue;
			for (const c of members[outer]!) {
				if (!failsPrimary(...residual())) break;
				if (suppressed[c]) continue;
				if (input.memberships[input.department[c]!]!.includes(inner)) continue;
				suppressCell(c);
			}
			if (failsPrimary(...residual())) aggregateSuppressed[inner] = 1;
		}
	}
	const result: number[] = [];
	for (let g = 0; g < groupCount; g++) if (aggregateSuppressed[g]) result.push(g);
	return result;
}
