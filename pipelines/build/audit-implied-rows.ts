/**
 * Published rows that tell the attacker nothing new, dropped before the attack is split into
 * pieces: a row whose hidden counts are exactly the disjoint union of other rows' (the country
 * when every municipality is published, a municipality made of its areas, an organisation equal
 * to its one area) is their sum, so keeping the parts loses nothing. Without this the country's
 * row alone would join every hidden count of a year into one LP of thousands of variables.
 * A row that other rows cover only in part is replaced by itself minus them (the country minus
 * every published municipality: the hidden municipality's count), which the attacker can form
 * as well: the rows span the same sums as before, over fewer counts each.
 *
 * The parts' intervals add up to a slightly wider one than the dropped row's own (each is a
 * published rounding, about 1e-15 relative for the full doubles published today); that is far
 * below PERSON_TOLERANCE. If a coarser publication ever made it matter, the row would be kept:
 * a row is dropped only when the parts' rounding adds less than DROP_SLACK persons.
 */
import type { AttackRow } from './audit-attack-world.ts';

const DROP_SLACK = 1e-7;

export function withoutImpliedRows(rows: readonly AttackRow[], varCount: number, family: (row: AttackRow) => string): AttackRow[] {
	// Identical rows first (a municipality that is one organisation): keep the narrowest, which
	// stands for each of their families.
	const byKey = new Map<string, { row: AttackRow; families: Set<string> }>();
	for (const row of rows) {
		const key = row.vars.join(',');
		const kept = byKey.get(key);
		if (!kept) byKey.set(key, { row, families: new Set([family(row)]) });
		else {
			kept.families.add(family(row));
			if (row.upper - row.lower < kept.row.upper - kept.row.lower) kept.row = row;
		}
	}
	const unique = [...byKey.values()].map((k) => k.row);
	const familiesOf = [...byKey.values()].map((k) => k.families);
	const rowsOf: number[][] = Array.from({ length: varCount }, () => []);
	unique.forEach((row, r) => {
		for (const v of row.vars) rowsOf[v]!.push(r);
	});
	const dropped = new Uint8Array(unique.length);
	// Marks instead of sets (this runs for every round of every year): inRow[v] === r + 1 while
	// row r is looked at, seen[s] likewise, coveredBy[v] names the family part set that covers v.
	const inRow = new Int32Array(varCount);
	const seen = new Int32Array(unique.length);
	const coveredBy = new Int32Array(varCount);
	let coverStamp = 0;
	// Largest first, so a dropped row's parts are themselves looked at later and may go too;
	// the parts taken for a row are never dropped rows.
	const order = unique.map((_, r) => r).sort((a, b) => unique[b]!.vars.length - unique[a]!.vars.length);
	for (const r of order) {
		const row = unique[r]!;
		const stamp = r + 1;
		for (const v of row.vars) inRow[v] = stamp;
		// The maximal other rows inside this one.
		const inside: number[] = [];
		seen[r] = stamp;
		for (const v of row.vars) {
			for (const s of rowsOf[v]!) {
				if (seen[s] === stamp) continue;
				seen[s] = stamp;
				if (dropped[s] || unique[s]!.vars.length >= row.vars.length) continue;
				if (unique[s]!.vars.every((w) => inRow[w] === stamp)) inside.push(s);
			}
		}
		// Parts of one family (level) at a time: a level's groups do not overlap, so a level whose
		// rows inside this one cover it exactly makes it redundant.
		const families = new Map<string, number[]>();
		for (const s of inside) {
			for (const f of familiesOf[s]!) {
				const list = families.get(f);
				if (list) list.push(s);
				else families.set(f, [s]);
			}
		}
		// The family covering most of this row: if all, the row is their sum and goes; if some,
		// the row is replaced by itself minus them (the same information), a row over what is left.
		let best: { parts: number[]; size: number; lowerSum: number; upperSum: number } | null = null;
		for (const parts of families.values()) {
			const cover = ++coverStamp;
			let size = 0;
			let lowerSum = 0;
			let upperSum = 0;
			let disjoint = true;
			for (const s of parts) {
				const part = unique[s]!;
				if (part.vars.some((w) => coveredBy[w] === cover)) {
					disjoint = false;
					break;
				}
				for (const w of part.vars) coveredBy[w] = cover;
				size += part.vars.length;
				lowerSum += part.lower;
				upperSum += part.upper;
			}
			if (disjoint && (!best || size > best.size)) best = { parts, size, lowerSum, upperSum };
		}
		if (!best || best.size === 0) continue;
		const lower = row.lower - best.upperSum;
		const upper = row.upper - best.lowerSum;
		if (upper - lower - (row.upper - row.lower) >= DROP_SLACK) continue;
		if (best.size === row.vars.length) dropped[r] = 1;
		else {
			// A later family's marks may have overwritten the best one's: mark its parts again.
			const kept = ++coverStamp;
			for (const s of best.parts) for (const w of unique[s]!.vars) coveredBy[w] = kept;
			unique[r] = { group: row.group, vars: row.vars.filter((v) => coveredBy[v] !== kept), lower, upper };
		}
	}
	return unique.filter((_, r) => !dropped[r]);
}
