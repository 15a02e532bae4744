/**
 * One year of one person-based indicator as the attacker sets it up from the published files:
 * unknowns are the withheld departments' counts, 0 <= x <= residents; every published aggregate
 * (any level, any file) gives the sum of its withheld members as an interval, after the
 * published members' counts (themselves intervals) are taken off. The targets are each withheld
 * department and each withheld aggregate (the sum of its members).
 *
 * Formulation kept apart from the audit's on purpose: no row is dropped as the sum of others,
 * no propagation, no pieces shared between years; just every published row, split into the
 * connected parts an LP can be solved on separately.
 */
import type { PublishedFigure, PublishedOutput, UnitLevel } from './published-figures.ts';
import { figureKey } from './published-figures.ts';
import { cellKey, type Knowledge } from './knowledge.ts';
import { DANISH_MUNICIPALITIES, MUNICIPALITY_REGION } from '../../../src/lib/core/regions.ts';

export interface SystemRow {
	/** The aggregate, e.g. `boligorganisation 1083`. */
	label: string;
	/** Every member department (published or withheld). */
	members: string[];
	vars: number[];
	lo: number;
	hi: number;
	/** Persons in the aggregate's withheld members (the row's whole range is 0..this). */
	residents: number;
	sources: string[];
}

export interface Target {
	level: UnitLevel;
	unit: string;
	vars: number[];
	/** The published members' part of a withheld aggregate's count (0 for a department). */
	offset: [number, number];
	residents: number;
	truth: number | null;
}

/** Something in the files that does not fit the attacker's reading of them: the model is wrong somewhere. */
export interface Mismatch {
	what: string;
}

export interface YearSystem {
	indicator: string;
	year: number;
	/** Each unknown: the withheld department and its residents. */
	vars: { dept: string; residents: number; truth: number | null }[];
	rows: SystemRow[];
	targets: Target[];
	/** The published departments' counts all whole numbers (within 1e-6): the attacker may then assume whole counts. */
	whole: boolean;
	mismatches: Mismatch[];
	/** Published figures (any file) of cells another file marks withheld. */
	published_withheld: PublishedFigure[];
}

/** Every published figure of one cell, intersected: the finest file decides. */
function intersect(figures: readonly PublishedFigure[]): { lo: number; hi: number; sources: string[] } | null {
	if (figures.length === 0) return null;
	let lo = -Infinity;
	let hi = Infinity;
	for (const f of figures) {
		lo = Math.max(lo, f.lo);
		hi = Math.min(hi, f.hi);
	}
	return { lo, hi, sources: [...new Set(figures.map((f) => f.source))] };
}

export function buildYearSystems(published: PublishedOutput, knowledge: Knowledge, years?: ReadonlySet<number>): YearSystem[] {
	const byCell = new Map<string, PublishedFigure[]>();
	for (const f of published.figures) {
		const k = figureKey(f.level, f.unit, f.year, f.indicator);
		const list = byCell.get(k);
		if (list) list.push(f);
		else byCell.set(k, [f]);
	}
	const withheld = new Set(published.withheld.map((w) => figureKey(w.level, w.unit, w.year, w.indicator)));
	const cells = new Map<string, { indicator: string; year: number; depts: string[] }>();
	for (const key of published.present) {
		const [, dept, yearText, indicator] = key.split('|') as [string, string, string, string];
		const year = Number(yearText);
		if (years && !years.has(year)) continue;
		const k = `${indicator}|${year}`;
		const c = cells.get(k);
		if (c) c.depts.push(dept);
		else cells.set(k, { indicator, year, depts: [dept] });
	}
	const systems: YearSystem[] = [];
	for (const { indicator, year, depts } of [...cells.values()].sort((a, b) => (a.indicator < b.indicator ? -1 : a.indicator > b.indicator ? 1 : a.year - b.year))) {
		const scale = knowledge.indicators.find((i) => i.id === indicator)!.scale;
		systems.push(yearSystem(indicator, year, depts.sort(), scale, byCell, withheld, published, knowledge));
	}
	return systems;
}

function yearSystem(
	indicator: string,
	year: number,
	depts: readonly string[],
	scale: number,
	byCell: ReadonlyMap<string, PublishedFigure[]>,
	withheld: ReadonlySet<string>,
	published: PublishedOutput,
	knowledge: Knowledge
): YearSystem {
	const system: YearSystem = { indicator, year, vars: [], rows: [], targets: [], whole: true, mismatches: [], published_withheld: [] };
	const known = new Map<string, [number, number]>();
	const varOf = new Map<string, number>();
	const members = new Map<string, string[]>();
	for (const dept of depts) {
		const n = knowledge.residents.get(cellKey(dept, year, indicator));
		const truth = knowledge.truth.get(cellKey(dept, year, indicator)) ?? null;
		if (n === undefined) {
			system.mismatches.push({ what: `${dept} ${year}: en række i noegletal.parquet, men intet antal beboere i inddata` });
			continue;
		}
		const key = figureKey('afdeling', dept, year, indicator);
		const fig = intersect(byCell.get(key) ?? []);
		if (withheld.has(key)) {
			if (fig) system.published_withheld.push(...byCell.get(key)!);
			varOf.set(dept, system.vars.length);
			system.vars.push({ dept, residents: n, truth });
		}
		if (fig) {
			const count: [number, number] = [(fig.lo * n) / scale, (fig.hi * n) / scale];
			if (!withheld.has(key)) {
				known.set(dept, count);
				const mid = (count[0] + count[1]) / 2;
				if (Math.abs(mid - Math.round(mid)) > 1e-6) system.whole = false;
			} else system.rows.push({ label: `afdeling ${dept}`, members: [dept], vars: [varOf.get(dept)!], lo: count[0], hi: count[1], residents: n, sources: fig.sources });
			if (truth !== null && (truth < count[0] - 1e-9 || truth > count[1] + 1e-9)) {
				system.mismatches.push({ what: `${dept} ${year}: det sande antal ${truth} ligger uden for [${count[0]}, ${count[1]}] fra ${fig.sources.join(', ')}` });
			}
		}
		const home = published.departments.get(dept);
		if (!home) {
			system.mismatches.push({ what: `${dept}: i noegletal.parquet, ikke i afdelinger.parquet` });
			continue;
		}
		for (const [level, unit] of [
			['omraade', home.omraade],
			['boligorganisation', home.boligorganisation],
			['kommune', home.kommune],
			['land', 'DK']
		] as const) {
			if (unit === null) continue;
			const k = `${level}|${unit}`;
			const list = members.get(k);
			if (list) list.push(dept);
			else members.set(k, [dept]);
		}
	}

	for (const [k, list] of members) {
		const [level, unit] = k.split('|') as [UnitLevel, string];
		const key = figureKey(level, unit, year, indicator);
		const count = published.memberCounts.get(key);
		if (count !== undefined && count !== list.length) {
			system.mismatches.push({ what: `${level} ${unit} ${year}: antal_afdelinger ${count}, men ${list.length} afdelinger har en række` });
		}
		const { residents, hiddenResidents, knownLo, knownHi, truth, vars } = sumMembers(list, year, indicator, knowledge, known, varOf);
		const fig = intersect(byCell.get(key) ?? []);
		if (withheld.has(key)) {
			if (fig) system.published_withheld.push(...byCell.get(key)!);
			system.targets.push({ level, unit, vars, offset: [knownLo, knownHi], residents, truth });
		}
		if (!fig) continue;
		const lo = (fig.lo * residents) / scale - knownHi;
		const hi = (fig.hi * residents) / scale - knownLo;
		if (truth !== null && (truth < (fig.lo * residents) / scale - 1e-6 || truth > (fig.hi * residents) / scale + 1e-6)) {
			system.mismatches.push({ what: `${level} ${unit} ${year}: det sande antal ${truth} ligger uden for, hvad ${fig.sources.join(', ')} siger` });
		}
		if (vars.length === 0) {
			if (lo > 1e-6 || hi < -1e-6) system.mismatches.push({ what: `${level} ${unit} ${year}: de offentliggjorte afdelinger summer ikke til aggregatet (rest ${lo}..${hi})` });
			continue;
		}
		system.rows.push({ label: `${level} ${unit}`, members: list, vars, lo, hi, residents: hiddenResidents, sources: fig.sources });
	}
	referenceRows(system, depts, scale, published, knowledge, known, varOf);
	for (const v of system.vars.keys()) {
		const dept = system.vars[v]!;
		system.targets.push({ level: 'afdeling', unit: dept.dept, vars: [v], offset: [0, 0], residents: dept.residents, truth: dept.truth });
	}
	return system;
}

/**
 * Each reference figure of the year whose group the input covers (a municipality with
 * departments; a region all of whose municipalities have; the country with all 98), as one more
 * row: its count interval less the published members' counts. Coverage is read from
 * afdelinger.parquet and DAGI's region table, as anyone can.
 */
function referenceRows(
	system: YearSystem,
	depts: readonly string[],
	scale: number,
	published: PublishedOutput,
	knowledge: Knowledge,
	known: ReadonlyMap<string, [number, number]>,
	varOf: ReadonlyMap<string, number>
): void {
	const present = new Set([...published.departments.values()].map((h) => h.kommune));
	for (const r of published.references) {
		if (r.indicator !== system.indicator || r.year !== system.year) continue;
		let inUnit: (home: { kommune: string }) => boolean;
		if (r.level === 'kommune') {
			if (!present.has(r.unit)) continue;
			inUnit = (h) => h.kommune === r.unit;
		} else if (r.level === 'region') {
			if (!DANISH_MUNICIPALITIES.filter((k) => MUNICIPALITY_REGION[k] === r.unit).every((k) => present.has(k))) continue;
			inUnit = (h) => MUNICIPALITY_REGION[h.kommune] === r.unit;
		} else {
			if (!DANISH_MUNICIPALITIES.every((k) => present.has(k))) continue;
			inUnit = () => true;
		}
		const list = depts.filter((d) => {
			const home = published.departments.get(d);
			return home !== undefined && knowledge.residents.has(cellKey(d, system.year, system.indicator)) && inUnit(home) && (r.boligtype === null || home.boligtype === r.boligtype);
		});
		if (list.length === 0) continue;
		const { residents, hiddenResidents, knownLo, knownHi, truth, vars } = sumMembers(list, system.year, system.indicator, knowledge, known, varOf);
		const half = 0.5 * 10 ** -r.decimaler * (1 + 1e-9);
		const over = r.naevner ?? residents;
		const [countLo, countHi] = r.taeller !== null ? [r.taeller, r.taeller] : [((r.vaerdi - half) * over) / scale, ((r.vaerdi + half) * over) / scale];
		const label = `referencetal ${r.level} ${r.unit}${r.boligtype ? ` (${r.boligtype})` : ''}`;
		if (truth !== null && (truth < countLo - 1e-6 || truth > countHi + 1e-6)) {
			system.mismatches.push({ what: `${label} ${system.year}: det sande antal ${truth} ligger uden for ${countLo}..${countHi}, hvad referencetal.json siger` });
		}
		if (vars.length === 0) continue;
		system.rows.push({ label, members: list, vars, lo: countLo - knownHi, hi: countHi - knownLo, residents: hiddenResidents, sources: ['referencetal.json'] });
	}
}

/** A group's residents (all, and its withheld members'), its published members' counts as an interval, its true count (self-check only) and its withheld members' variables. */
function sumMembers(
	list: readonly string[],
	year: number,
	indicator: string,
	knowledge: Knowledge,
	known: ReadonlyMap<string, [number, number]>,
	varOf: ReadonlyMap<string, number>
) {
	let residents = 0;
	let hiddenResidents = 0;
	let knownLo = 0;
	let knownHi = 0;
	let truth: number | null = 0;
	const vars: number[] = [];
	for (const d of list) {
		const n = knowledge.residents.get(cellKey(d, year, indicator))!;
		residents += n;
		const t = knowledge.truth.get(cellKey(d, year, indicator));
		truth = truth === null || t === undefined ? null : truth + t;
		const v = varOf.get(d);
		if (v !== undefined) {
			vars.push(v);
			hiddenResidents += n;
		} else {
			const c = known.get(d);
			if (!c) continue;
			knownLo += c[0];
			knownHi += c[1];
		}
	}
	return { residents, hiddenResidents, knownLo, knownHi, truth, vars };
}
