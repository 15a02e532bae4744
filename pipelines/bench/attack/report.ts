/**
 * What the attacker found, as lines for the terminal and as data: every exposed count with the
 * published rows that pin it, the cheap attacks' leftovers, figures the files publish for cells
 * they also mark withheld, targets' baselines on withheld cells, derived figures that cannot be
 * recomputed, and any disagreement between the files and the attacker's model of them.
 */
import { cellKey, type Knowledge } from './knowledge.ts';
import { figureKey, type PublishedOutput } from './published-figures.ts';
import type { TargetRange } from './ranges.ts';
import { MIN_WIDTH } from './ranges.ts';
import type { Leftover } from './cheap-attacks.ts';
import type { YearSystem } from './year-system.ts';

export interface Exposure {
	indicator: string;
	year: number;
	level: string;
	unit: string;
	residents: number;
	min: number;
	max: number;
	complement: [number, number];
	truth: number | null;
	pinnedBy: { label: string; lo: number; hi: number; sources: string[] }[];
}

export interface AttackReport {
	clean: boolean;
	files: { file: string; taken: string }[];
	years: number[];
	indicators: string[];
	attacked: { indicator: string; year: number; withheldDepartments: number; withheldAggregates: number; rows: number; whole: boolean }[];
	exposures: Exposure[];
	leftovers: { attack: string; count: number; single: number }[];
	leftoverExamples: string[];
	publishedWithheld: string[];
	baselines: string[];
	derived: string[];
	mismatches: string[];
	lines: string[];
}

const r2 = (x: number) => Math.round(x * 100) / 100;

export function attackReport(
	published: PublishedOutput,
	knowledge: Knowledge,
	results: readonly { system: YearSystem; ranges: TargetRange[]; cheap: Leftover[] }[],
	derived: string[]
): AttackReport {
	const exposures: Exposure[] = [];
	const mismatches: string[] = [];
	const publishedWithheld: string[] = [];
	const leftovers = new Map<string, { count: number; single: number }>();
	const leftoverExamples: string[] = [];
	for (const { system, ranges, cheap } of results) {
		mismatches.push(...system.mismatches.map((m) => `${system.indicator} ${system.year}: ${m.what}`));
		publishedWithheld.push(...system.published_withheld.map((f) => `${f.indicator} ${f.year} ${f.level} ${f.unit}: skjult, men ${f.source} viser ${r2((f.lo + f.hi) / 2)}`));
		for (const r of ranges) {
			const t = r.target;
			const truth = t.truth;
			if (truth !== null && ((r.exact[0] && truth < r.min - 1e-6) || (r.exact[1] && truth > r.max + 1e-6))) {
				mismatches.push(`${system.indicator} ${system.year} ${t.level} ${t.unit}: det sande antal ${truth} ligger uden for angrebets interval ${r.min}..${r.max}`);
			}
			if (!r.exposed) continue;
			const pinnedBy = r.rows.filter((row) => row.vars.some((v) => t.vars.includes(v))).map((row) => ({ label: row.label, lo: row.lo, hi: row.hi, sources: row.sources }));
			exposures.push({ indicator: system.indicator, year: system.year, level: t.level, unit: t.unit, residents: t.residents, min: r.min, max: r.max, complement: r.complement, truth, pinnedBy });
		}
		for (const l of cheap) {
			const e = leftovers.get(l.attack) ?? { count: 0, single: 0 };
			e.count++;
			if (l.vars.length === 1) e.single++;
			leftovers.set(l.attack, e);
			if (leftoverExamples.length < 10) leftoverExamples.push(`${system.indicator} ${system.year}: ${l.label}: ${r2(l.lo)}..${r2(l.hi)} af ${l.residents} (${l.vars.length} afdelinger)`);
		}
	}

	const baselines = checkBaselines(published, knowledge);

	const years = [...new Set(results.map((r) => r.system.year))].sort((a, b) => a - b);
	const indicators = [...new Set(results.map((r) => r.system.indicator))];
	const lines: string[] = [];
	lines.push(`Angrebet: ${indicators.join(', ')}; år ${years.join(', ')}`);
	lines.push(`Filer: ${published.files.map((f) => f.file).join(', ')}`);
	lines.push(`Afslørede antal (interval < ${MIN_WIDTH} personer, ikke hele 0..beboere): ${exposures.length}`);
	for (const e of exposures.slice(0, 20)) {
		lines.push(`  ${e.indicator} ${e.year} ${e.level} ${e.unit}: ${r2(e.min)}..${r2(e.max)} af ${e.residents} (komplement ${r2(e.complement[0])}..${r2(e.complement[1])}; sandt ${e.truth === null ? '?' : r2(e.truth)})`);
		for (const p of e.pinnedBy.slice(0, 6)) lines.push(`    ${p.label}: ${r2(p.lo)}..${r2(p.hi)} (${p.sources.join(', ')})`);
	}
	for (const [attack, e] of leftovers) lines.push(`Billigt angreb, ${attack}: ${e.count} rester afslører (${e.single} af én afdeling)`);
	if (leftovers.size === 0) lines.push('Billige angreb: ingen rest afslører');
	for (const x of leftoverExamples) lines.push(`  ${x}`);
	lines.push(`Skjult ét sted, vist et andet: ${publishedWithheld.length}`);
	for (const x of publishedWithheld.slice(0, 10)) lines.push(`  ${x}`);
	lines.push(`Basisværdier i aftaler.json, der afslører (skjult celle eller selv under testen): ${baselines.length}`);
	for (const x of baselines.slice(0, 10)) lines.push(`  ${x}`);
	lines.push(`Afledte tal, der ikke kan genberegnes af de offentliggjorte: ${derived.length}`);
	for (const x of derived.slice(0, 10)) lines.push(`  ${x}`);
	lines.push(`Uoverensstemmelser mellem filerne og angriberens model: ${mismatches.length}`);
	for (const x of mismatches.slice(0, 10)) lines.push(`  ${x}`);
	return {
		clean: exposures.length === 0 && leftovers.size === 0 && publishedWithheld.length === 0 && baselines.length === 0 && derived.length === 0 && mismatches.length === 0,
		files: published.files,
		years,
		indicators,
		attacked: results.map(({ system }) => ({
			indicator: system.indicator,
			year: system.year,
			withheldDepartments: system.vars.length,
			withheldAggregates: system.targets.length - system.vars.length,
			rows: system.rows.length,
			whole: system.whole
		})),
		exposures,
		leftovers: [...leftovers].map(([attack, e]) => ({ attack, ...e })),
		leftoverExamples,
		publishedWithheld,
		baselines,
		derived,
		mismatches,
		lines
	};
}

/**
 * Targets' baselines (aftaler.json) that give a protected group away: one on a cell the files
 * withhold, or one that as a count of the unit's residents that year fails the privacy test
 * itself (n < 5, or 0 < count < 5, or 0 < n - count < 5), whatever the data say.
 */
function checkBaselines(published: PublishedOutput, knowledge: Knowledge): string[] {
	const withheld = new Set(published.withheld.map((w) => figureKey(w.level, w.unit, w.year, w.indicator)));
	const out: string[] = [];
	for (const b of published.baselines) {
		const scale = knowledge.indicators.find((i) => i.id === b.indicator)!.scale;
		let n = 0;
		for (const [dept, home] of published.departments) {
			const unit = b.level === 'afdeling' ? dept : b.level === 'land' ? 'DK' : b.level === 'omraade' ? home.omraade : b.level === 'boligorganisation' ? home.boligorganisation : home.kommune;
			if (unit !== b.unit || !published.present.has(figureKey('afdeling', dept, b.year, b.indicator))) continue;
			n += knowledge.residents.get(cellKey(dept, b.year, b.indicator)) ?? 0;
		}
		const lo = (b.lo * n) / scale;
		const hi = (b.hi * n) / scale;
		const small = (a: number, z: number) => a > 1e-9 && z < MIN_WIDTH;
		const hidden = withheld.has(figureKey(b.level, b.unit, b.year, b.indicator));
		if (!hidden && !(n > 0 && (n < MIN_WIDTH || small(lo, hi) || small(n - hi, n - lo)))) continue;
		const why = hidden ? 'tallet er skjult' : 'basisværdien fejler selv testen';
		out.push(`${b.source}: ${b.indicator} ${b.year} ${b.level} ${b.unit}: ${why}; basisværdien ${r2((b.lo + b.hi) / 2)} offentliggøres: ${r2(lo)}..${r2(hi)} af ${n} beboere`);
	}
	return out;
}
