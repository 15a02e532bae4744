/**
 * The attacker's solver: for each target of a year system (year-system.ts), the least and the
 * most its count can be given every published row, by linear programming with HiGHS (npm
 * `highs`, pinned in package.json) fed as CPLEX LP text through its original `solve()` API
 * (the audit builds models through the `Model` API; the two share neither code nor calls).
 * When the year's published counts are all whole, every program is solved in whole numbers.
 */
import loadHighs from 'highs';
import type { SystemRow, Target, YearSystem } from './year-system.ts';

/** The issue's rule: a range narrower than this (and not the whole 0..residents) reveals. */
export const MIN_WIDTH = 5;
const TOL = 1e-6;

type Highs = Awaited<ReturnType<typeof loadHighs>>;
let highs: Promise<Highs> | null = null;

export interface TargetRange {
	target: Target;
	min: number;
	max: number;
	/** residents - max .. residents - min */
	complement: [number, number];
	exposed: boolean;
	/** Whether min and max are the optima (else what was seen at feasible points, inside the true range). */
	exact: [boolean, boolean];
	/** The published rows of the target's connected part. */
	rows: SystemRow[];
}

/** Splits the year's unknowns into connected parts (rows and withheld aggregates join them). */
function parts(system: YearSystem): Part[] {
	const parent = system.vars.map((_, i) => i);
	const find = (i: number): number => {
		while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
		return i;
	};
	const join = (vars: readonly number[]) => {
		for (const v of vars.slice(1)) parent[find(v)] = find(vars[0]!);
	};
	for (const r of system.rows) join(r.vars);
	for (const t of system.targets) join(t.vars);
	const byRoot = new Map<number, { vars: number[]; rows: SystemRow[]; targets: Target[] }>();
	const part = (root: number) => {
		let p = byRoot.get(root);
		if (!p) byRoot.set(root, (p = { vars: [], rows: [], targets: [] }));
		return p;
	};
	for (const v of system.vars.keys()) part(find(v)).vars.push(v);
	for (const r of system.rows) part(find(r.vars[0]!)).rows.push(r);
	const empty = { vars: [], rows: [], targets: [] as Target[] };
	for (const t of system.targets) (t.vars.length === 0 ? empty : part(find(t.vars[0]!))).targets.push(t);
	return [...byRoot.values(), empty];
}

const num = (x: number): string => (Number.isInteger(x) ? String(x) : x.toPrecision(17));

type Part = { vars: number[]; rows: SystemRow[]; targets: Target[] };

/**
 * A sum written over several lines: HiGHS's LP reader (1.15.3) misreads a constraint longer than
 * a line it accepts (a country's row of 2,867 terms gave a minimum above the true counts'), so no
 * line holds more than TERMS_PER_LINE terms.
 */
const TERMS_PER_LINE = 8;
function lines(terms: readonly string[]): string {
	const out: string[] = [];
	for (let i = 0; i < terms.length; i += TERMS_PER_LINE) out.push(terms.slice(i, i + TERMS_PER_LINE).join(' '));
	return out.join('\n   ');
}

function lpText(sense: 'Minimize' | 'Maximize', objective: ReadonlyMap<number, number>, part: Part, system: YearSystem): string {
	const out = [sense, ` obj: ${lines([...objective].map(([v, c]) => `${c < 0 ? '-' : '+'} ${num(Math.abs(c))} x${v}`))}`, 'Subject To'];
	part.rows.forEach((r, i) => {
		const sum = lines(r.vars.map((v, k) => `${k === 0 ? '' : '+ '}x${v}`));
		out.push(` a${i}: ${sum} >= ${num(r.lo)}`, ` b${i}: ${sum} <= ${num(r.hi)}`);
	});
	out.push('Bounds');
	for (const v of part.vars) out.push(` 0 <= x${v} <= ${num(system.vars[v]!.residents)}`);
	if (system.whole) out.push('Generals', ` ${lines(part.vars.map((v) => `x${v}`))}`);
	out.push('End');
	return out.join('\n');
}

/** One optimum of the part: its value and the point (every unknown of the part). */
async function solve(sense: 'Minimize' | 'Maximize', objective: ReadonlyMap<number, number>, part: Part, system: YearSystem): Promise<{ value: number; point: Map<number, number> }> {
	const solver = await (highs ??= loadHighs());
	const result = solver.solve(lpText(sense, objective, part, system), { output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 });
	if (result.Status !== 'Optimal') throw new Error(`HiGHS: ${result.Status} (${system.indicator} ${system.year}, ${sense})`);
	const point = new Map<number, number>();
	for (const v of part.vars) point.set(v, (result.Columns[`x${v}`] as { Primal?: number } | undefined)?.Primal ?? 0);
	return { value: result.ObjectiveValue, point };
}

/** A small seeded generator (mulberry32): the same evidence points every run. */
function random(seed: number): () => number {
	return () => {
		seed = (seed + 0x6d2b79f5) | 0;
		let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Objectives whose optima are spread over the feasible set: all up, all down, and seeded random directions. */
const EVIDENCE_DIRECTIONS = 4;

/**
 * Every target's range. Each optimum the solver returns is a point the attacker cannot rule
 * out, so it widens what is seen of every target in the part; a target whose seen values already
 * span 5 persons or its whole 0..residents is protected without its own min and max (the
 * reported range is then what was seen, a lower bound on the true one). The others get their own
 * minimum and maximum (exact, whole-number when the year's counts are).
 */
export async function attackYear(system: YearSystem): Promise<TargetRange[]> {
	const out: TargetRange[] = [];
	for (const part of parts(system)) {
		const valueAt = (t: Target, point: ReadonlyMap<number, number>) => t.vars.reduce((s, v) => s + point.get(v)!, 0);
		const seen = new Map<Target, [number, number]>(part.targets.map((t) => [t, [Infinity, -Infinity]]));
		const note = (point: ReadonlyMap<number, number>) => {
			for (const t of part.targets) {
				const s = seen.get(t)!;
				const x = valueAt(t, point);
				s[0] = Math.min(s[0], x);
				s[1] = Math.max(s[1], x);
			}
		};
		const spanned = (t: Target) => {
			const [lo, hi] = seen.get(t)!;
			const hidden = t.vars.reduce((s, v) => s + system.vars[v]!.residents, 0);
			return hi - lo >= MIN_WIDTH - TOL || (lo <= TOL && hi >= hidden - TOL);
		};
		if (part.rows.length > 0 && part.targets.length > 1) {
			const all = new Map(part.vars.map((v) => [v, 1]));
			note((await solve('Minimize', all, part, system)).point);
			note((await solve('Maximize', all, part, system)).point);
			const next = random(system.year * 7919 + part.vars[0]!);
			for (let k = 0; k < EVIDENCE_DIRECTIONS; k++) {
				note((await solve('Maximize', new Map(part.vars.map((v) => [v, next() * 2 - 1])), part, system)).point);
			}
		}
		for (const target of part.targets) {
			let lo = 0;
			let hi = 0;
			let exact: [boolean, boolean] = [true, true];
			if (target.vars.length > 0 && part.rows.length === 0) {
				hi = target.vars.reduce((s, v) => s + system.vars[v]!.residents, 0);
			} else if (target.vars.length > 0 && spanned(target)) {
				[lo, hi] = seen.get(target)!;
				exact = [false, false];
			} else if (target.vars.length > 0) {
				const objective = new Map(target.vars.map((v) => [v, 1]));
				const low = await solve('Minimize', objective, part, system);
				note(low.point);
				lo = low.value;
				if (spanned(target)) {
					hi = seen.get(target)![1];
					exact = [true, false];
				} else {
					const high = await solve('Maximize', objective, part, system);
					note(high.point);
					hi = high.value;
				}
			}
			const min = target.offset[0] + lo;
			const max = target.offset[1] + hi;
			const whole = min <= TOL && max >= target.residents - TOL;
			out.push({
				target,
				min,
				max,
				complement: [target.residents - max, target.residents - min],
				exposed: max - min < MIN_WIDTH - TOL && !whole,
				exact,
				rows: part.rows
			});
		}
	}
	return out;
}
