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
 * residents, or on its own `taeller`/`naevner`; or pins, with the residents alone, a department
 * or our aggregate's part of its group to under 5 persons, as 6 of 6 does; or the difference of
 * two rows of the year, one inside the other, does so: then the difference is such a group): the attacker has it from its publisher anyway, so
 * our figures must add nothing to it. The audit hides every department of the group that year,
 * and withholds every aggregate of ours holding some of its departments but not all (inside it,
 * or overlapping it); only aggregates holding the whole group stay, and they say nothing about how
 * the group's count splits among its departments. Its departments and the aggregates inside it
 * are then exempt from the 5-person test: their range is what the reference alone gives. Such a
 * row is not republished in referencetal.json (revealingRows): our site must not itself be where
 * a reader finds a group of 1-4 persons, whoever counted it first.
 *
 * Three or more rows that pin a count together, and any other combination with the residents'
 * bounds, are not listed here: the audit asks, of each count it finds exposed, what the rows
 * alone give (audit-publisher-ranges.ts), and judges it by that.
 */
import { indicator, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { DANISH_MUNICIPALITIES, MUNICIPALITY_REGION } from '../../src/lib/core/regions.ts';
import { failsPrimary, type PrivacyGroup, type PrivacyInput } from './privacy.ts';
import { cellsByYear } from './year-cells.ts';
import type { AttackTarget, AttackWorld } from './audit-attack-world.ts';
import { isProtected } from './audit-protection.ts';

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
	/**
	 * Rows taken as our residents whose `naevner` is not the input's residents in their group that
	 * year: another date, or another population (all residents, not those 18-64). They are still
	 * taken as ours (the safe side: the audit may hide more than needed), and the ingest says so.
	 */
	otherDenominator: { row: ReferenceRow; residents: number }[];
}

export function referenceKnowledge(
	inputs: ReadonlyMap<IndicatorId, PrivacyInput>,
	departments: readonly ReferenceDepartment[],
	rows: readonly ReferenceRow[]
): ReferenceKnowledge {
	const present = new Set(departments.map((d) => d.kommune_kode));
	const index = new Map(rows.map((r, k) => [r, k]));
	const revealing = new Set<ReferenceRow>();
	const otherDenominator: ReferenceKnowledge['otherDenominator'] = [];
	const out = new Map<IndicatorId, PrivacyInput>();
	for (const [id, input] of inputs) {
		const own = rows.filter((r) => r.indikator === id);
		const scale = indicator(id).scale;
		const added: PrivacyGroup[] = [];
		const addedMembers: number[][] = departments.map(() => []);
		const byYear = own.length > 0 ? cellsByYear(input) : new Map<number, Int32Array>();
		const made: { row: ReferenceRow; inGroup: Uint8Array; lower: number; upper: number }[] = [];
		const add = (row: ReferenceRow, id: string, family: string, inGroup: Uint8Array, lower: number, upper: number, reveals: boolean) => {
			const g = input.groups.length + added.length;
			added.push({ level: 'referencetal', id, reference: { year: row.aar, lower, upper, reveals, family, row: index.get(row)! } });
			inGroup.forEach((inside, dep) => inside && addedMembers[dep]!.push(g));
		};
		for (const row of own) {
			if (row.taeller !== null && row.naevner !== null && failsPrimary(row.taeller, row.naevner)) revealing.add(row);
			const inGroup = groupOf(row, departments, present);
			const cells = byYear.get(row.aar);
			if (!inGroup || !cells) continue;
			const part = partOf(input, cells, inGroup);
			if (!(part.residents > 0)) continue;
			if (row.naevner !== null && row.naevner !== part.residents) otherDenominator.push({ row, residents: part.residents });
			const [published, publishedUpper] = countInterval(row, part.residents, scale);
			const lower = Math.min(published, part.count);
			const upper = Math.max(publishedUpper, part.count);
			const reveals = revealing.has(row) || revealsAlone(part, lower, upper);
			if (reveals) revealing.add(row);
			add(row, referenceName(row), `referencetal ${row.niveau} ${row.boligtype ?? ''}`, inGroup, lower, upper, reveals);
			made.push({ row, inGroup, lower, upper });
		}
		// Two rows of a year, one's group inside the other's (a housing type inside its municipality,
		// a municipality inside its region): their difference is published too, a group of its own
		// (its row implied by theirs). When it reveals 1-4 persons, neither row is republished.
		for (const outer of made) {
			for (const inner of made) {
				if (inner === outer || inner.row.aar !== outer.row.aar) continue;
				if (!inner.inGroup.every((x, dep) => !x || outer.inGroup[dep])) continue;
				const rest = outer.inGroup.map((x, dep) => (x && !inner.inGroup[dep] ? 1 : 0));
				const part = partOf(input, byYear.get(outer.row.aar)!, rest);
				if (!(part.residents > 0)) continue;
				const lower = Math.min(outer.lower - inner.upper, part.count);
				const upper = Math.max(outer.upper - inner.lower, part.count);
				const reveals = revealsAlone(part, lower, upper);
				if (reveals) revealing.add(outer.row).add(inner.row);
				const name = `${referenceName(outer.row)} - ${referenceName(inner.row)}`;
				add(outer.row, name, `referencetal ${name}`, rest, lower, upper, reveals);
			}
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
	return { inputs: out, revealingRows: rows.filter((r) => revealing.has(r)), otherDenominator };
}

/**
 * The rows referencetal.json leaves out, in the rows' order: those that reveal 1-4 persons on
 * their own (revealingRows) and those the audit found holding a count the reference rows alone
 * expose (`audited`, AuditReport.referenceRows: audit-publisher-ranges.ts).
 */
export function unpublishedRows(rows: readonly ReferenceRow[], knowledge: ReferenceKnowledge, audited: ReadonlySet<number>): ReferenceRow[] {
	if (audited.size === 0) return knowledge.revealingRows;
	const out = new Set(knowledge.revealingRows);
	return rows.filter((r, k) => out.has(r) || audited.has(k));
}

interface GroupPart {
	count: number;
	residents: number;
	/** The residents of each department in the group, and of each of our groups' share of it (when not all of it). */
	parts: number[];
}

/** A group's count and residents in a year, and its parts' residents. */
function partOf(input: PrivacyInput, cells: Int32Array, inGroup: Uint8Array): GroupPart {
	let count = 0;
	let residents = 0;
	const departments: number[] = [];
	const groupParts = new Map<number, number>();
	for (const c of cells) {
		const dep = input.department[c]!;
		if (!inGroup[dep]) continue;
		count += input.numerator[c]!;
		residents += input.denominator[c]!;
		departments.push(input.denominator[c]!);
		for (const h of input.memberships[dep]!) groupParts.set(h, (groupParts.get(h) ?? 0) + input.denominator[c]!);
	}
	const parts = [...departments, ...groupParts.values()].filter((r) => r < residents);
	return { count, residents, parts };
}

/** Whether a group's count, known in lower..upper, reveals 1-4 persons: by the primary test, or by pinning a part of it. */
function revealsAlone(group: GroupPart, lower: number, upper: number): boolean {
	return failsPrimary(group.count, group.residents) || group.parts.some((r) => pinsPart(lower, upper, group.residents, r));
}

/**
 * Whether the row alone pins a part of its group (a department, or our aggregate's share of it)
 * with `part` of its `residents`: the attacker, knowing the residents, puts that part's count in
 * max(0, lower - (residents - part))..min(part, upper), and the 5-person test must hold there too
 * (6 of 6 persons outside, published, tells that a department of 4 has all 4 outside).
 */
function pinsPart(lower: number, upper: number, residents: number, part: number): boolean {
	return !isProtected(Math.max(0, lower - (residents - part)), Math.min(part, upper), part);
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
	const result: RevealingHidden = { cells: [], groups: [] };
	for (const [g, list] of members) {
		if (!input.groups[g]!.reference?.reveals) continue;
		const inside = new Set(list);
		for (const c of list) {
			if (cells[c]) continue;
			cells[c] = 1;
			result.cells.push(c);
		}
		for (const [h, others] of members) {
			if (h === g || input.groups[h]!.reference || hidden.has(h)) continue;
			let shared = 0;
			for (const c of others) if (inside.has(c)) shared++;
			if (shared === 0 || (shared === list.length && others.length > shared)) continue;
			hidden.add(h);
			result.groups.push(h);
		}
	}
	return result;
}

/**
 * The targets the 5-person test judges, where a reference figure of the year reveals 1-4 persons
 * on its own: the counts inside its group are its publisher's, so a department in it is not
 * judged, and an aggregate is judged on its counts outside every such group (its residents there
 * its whole): how the group's count splits is free (only aggregates holding all of it are
 * published), so what the attacker learns of the aggregate beyond that part is the reference's.
 * Likewise an aggregate holding the whole group of a reference figure that passes the test: that
 * part's count is the figure, published by someone else, and the rest is judged. An aggregate
 * with no hidden count left outside is not judged. Without reference figures in the year: the
 * world's targets as they are.
 */
export function judgedTargets(input: PrivacyInput, world: AttackWorld, members: ReadonlyMap<number, readonly number[]>): AttackTarget[] {
	const publishers = publishersCells(input, members);
	if (!publishers) return world.targets;
	const judged: AttackTarget[] = [];
	for (const t of world.targets) {
		if (t.kind === 'department') {
			if (!publishers.revealed.has(t.ref)) judged.push(t);
			continue;
		}
		const given = givenIn(members.get(t.ref)!, publishers);
		if (given.size === 0) {
			judged.push(t);
			continue;
		}
		const outside = t.vars.filter((v) => !given.has(world.cell[v]!));
		if (outside.length === 0) continue;
		const hiddenCells = new Set(Array.from(t.vars, (v) => world.cell[v]!));
		let known = t.known;
		let total = t.total;
		for (const c of given) {
			total -= input.denominator[c]!;
			if (!hiddenCells.has(c)) known -= input.numerator[c]!;
		}
		judged.push({ ...t, vars: outside, known, total });
	}
	return judged;
}

/**
 * The cells a judged target counts (judgedTargets): a department's own; an aggregate's members
 * outside what the publishers give.
 */
export function judgedCells(input: PrivacyInput, members: ReadonlyMap<number, readonly number[]>): (target: AttackTarget) => readonly number[] {
	const publishers = publishersCells(input, members);
	return (target) => {
		if (target.kind === 'department') return [target.ref];
		const own = members.get(target.ref)!;
		if (!publishers) return own;
		const given = givenIn(own, publishers);
		return own.filter((c) => !given.has(c));
	};
}

interface PublishersCells {
	/** Departments inside a revealing figure's group, and those that are a figure's whole group. */
	revealed: Set<number>;
	/** Every reference figure's cells. */
	references: (readonly number[])[];
}

function publishersCells(input: PrivacyInput, members: ReadonlyMap<number, readonly number[]>): PublishersCells | null {
	// Not judged: departments inside a revealing figure's group, and a department that is a
	// figure's whole group (the figure is its count, published by someone else).
	const revealed = new Set<number>();
	const references: (readonly number[])[] = [];
	for (const [g, list] of members) {
		const reference = input.groups[g]!.reference;
		if (!reference) continue;
		references.push(list);
		if (reference.reveals || list.length === 1) for (const c of list) revealed.add(c);
	}
	return references.length === 0 ? null : { revealed, references };
}

/**
 * Given by their publishers, of an aggregate's cells `own`: the departments of a revealing
 * figure, and of every reference figure whose group lies wholly inside it (its count is that figure's).
 */
function givenIn(own: readonly number[], { revealed, references }: PublishersCells): Set<number> {
	const inside = new Set(own);
	const given = new Set(own.filter((c) => revealed.has(c)));
	for (const list of references) if (list.every((c) => inside.has(c))) for (const c of list) given.add(c);
	return given;
}
