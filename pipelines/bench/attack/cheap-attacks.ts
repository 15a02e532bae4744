/**
 * The cheap attacks issue 9 names, at the published precision, without a solver: an aggregate
 * minus its published departments; one aggregate minus another inside it (an area inside its
 * organisation, an organisation inside its municipality, …); an aggregate minus several
 * aggregates of one level inside it (an organisation minus its areas). Each leaves the sum of
 * some withheld departments as an interval. It reveals 1-4 persons when that interval is
 * narrower than 5 persons, is not the whole 0..their residents, and either holds one department
 * (the per-count rule) or tells the attacker the group is small: fewer than 5 residents, or a
 * count, or a complement, known to lie between 0 and 5 exclusive (the privacy test of
 * data/README.md; a known sum of 9 among 441 residents reveals no one).
 */
import type { SystemRow, YearSystem } from './year-system.ts';
import { MIN_WIDTH } from './ranges.ts';

export interface Leftover {
	attack: 'aggregat minus afdelinger' | 'aggregat minus aggregat' | 'aggregat minus flere aggregater';
	label: string;
	vars: number[];
	lo: number;
	hi: number;
	residents: number;
}

const TOL = 1e-6;

function reveals(l: Leftover): boolean {
	if (l.vars.length === 0 || l.hi - l.lo >= MIN_WIDTH - TOL || (l.lo <= TOL && l.hi >= l.residents - TOL)) return false;
	if (l.vars.length === 1 || l.residents < MIN_WIDTH) return true;
	const small = (lo: number, hi: number) => lo > TOL && hi < MIN_WIDTH - TOL;
	return small(l.lo, l.hi) || small(l.residents - l.hi, l.residents - l.lo);
}

function minus(a: SystemRow, bs: readonly SystemRow[], attack: Leftover['attack'], system: YearSystem): Leftover {
	const taken = new Set(bs.flatMap((b) => b.vars));
	const vars = a.vars.filter((v) => !taken.has(v));
	return {
		attack,
		label: `${a.label} − ${bs.map((b) => b.label).join(' − ')}`,
		vars,
		lo: Math.max(0, a.lo - bs.reduce((s, b) => s + b.hi, 0)),
		hi: Math.min(
			vars.reduce((s, v) => s + system.vars[v]!.residents, 0),
			a.hi - bs.reduce((s, b) => s + b.lo, 0)
		),
		residents: vars.reduce((s, v) => s + system.vars[v]!.residents, 0)
	};
}

/** The year's leftovers that reveal, by attack. */
export function cheapAttacks(system: YearSystem): Leftover[] {
	const out: Leftover[] = [];
	const rows = system.rows.filter((r) => !r.label.startsWith('afdeling '));
	for (const r of rows) {
		const l: Leftover = { attack: 'aggregat minus afdelinger', label: `${r.label} − offentliggjorte afdelinger`, vars: r.vars, lo: r.lo, hi: r.hi, residents: r.residents };
		if (reveals(l)) out.push(l);
	}
	const sets = new Map(rows.map((r) => [r, new Set(r.members)]));
	const inside = (b: SystemRow, a: SystemRow) => b !== a && b.members.length < a.members.length && b.members.every((d) => sets.get(a)!.has(d));
	for (const a of rows) {
		const within = rows.filter((b) => inside(b, a));
		for (const b of within) {
			const l = minus(a, [b], 'aggregat minus aggregat', system);
			if (reveals(l)) out.push(l);
		}
		for (const level of ['omraade', 'boligorganisation', 'kommune']) {
			const same = within.filter((b) => b.label.startsWith(`${level} `));
			if (same.length < 2) continue;
			const l = minus(a, same, 'aggregat minus flere aggregater', system);
			if (reveals(l)) out.push(l);
		}
	}
	return out;
}
