/**
 * The column a misspelt heading was most likely meant to be (`ledige_bolier` → `ledige_boliger`),
 * for the unknown- and missing-column messages. Headings are compared as the reader matches them
 * (normaliseHeader: case, spaces, hyphens and æøå aside), against each column's name and its
 * accepted spellings, by the number of typing slips between them: a letter left out, added,
 * changed, or two swapped (the optimal string alignment distance). One slip is allowed in a name of
 * up to 7 letters, two in a longer one; a heading as near to two columns names neither.
 */
import { HEADER_ALIASES, normaliseHeader } from '../../src/lib/core/input-contract.ts';

export function nearestColumn(header: string, allowed: readonly string[]): string | null {
	const key = normaliseHeader(header);
	if (key.length < 3) return null;
	const spellings: [string, string][] = allowed.map((column) => [normaliseHeader(column), column]);
	for (const [alias, column] of Object.entries(HEADER_ALIASES))
		if (allowed.includes(column)) spellings.push([normaliseHeader(alias), column]);
	let best = Infinity;
	let found = new Set<string>();
	for (const [spelling, column] of spellings) {
		const d = slips(key, spelling);
		if (d < best) [best, found] = [d, new Set([column])];
		else if (d === best) found.add(column);
	}
	const allowedSlips = key.length >= 8 ? 2 : 1;
	return best > 0 && best <= allowedSlips && found.size === 1 ? [...found][0]! : null;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function slips(a: string, b: string): number {
	const rows = Array.from({ length: a.length + 1 }, (_, i) =>
		Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0))
	);
	for (let i = 1; i <= a.length; i++) {
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
			rows[i]![j] = d;
		}
	}
	return rows[a.length]![b.length]!;
}
