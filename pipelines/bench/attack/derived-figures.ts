/**
 * Published figures that are not a unit's rate: the map's class bounds (`klassegrundlag` in
 * overblik.json and land.json, `kvantiler` in index.json) are quintiles of published values. The
 * attacker recomputes each from the published values alone; one that cannot be recomputed holds
 * something the files do not (a withheld value, say) and is reported.
 */
import type { PublishedOutput } from './published-figures.ts';

/** The 20/40/60/80 % quantiles with linear interpolation (DuckDB's quantile_cont). */
export function quintiles(values: readonly number[]): number[] {
	const sorted = [...values].sort((a, b) => a - b);
	return [0.2, 0.4, 0.6, 0.8].map((p) => {
		const h = (sorted.length - 1) * p;
		const lo = Math.floor(h);
		return sorted[lo]! + (h - lo) * ((sorted[Math.min(lo + 1, sorted.length - 1)] ?? 0) - sorted[lo]!);
	});
}

/** Messages for every derived figure not recomputable from the published values. */
export function checkDerived(published: PublishedOutput): string[] {
	const values = (level: string, indicator: string) =>
		published.figures.filter((f) => f.source === 'aggregater.parquet' && f.level === level && f.indicator === indicator && Number.isFinite(f.lo)).map((f) => (f.lo + f.hi) / 2);
	const problems: string[] = [];
	for (const d of published.derived) {
		const from = values(d.what === 'klassegrundlag' ? 'kommune' : 'omraade', d.indicator);
		const scale = 10 ** d.decimals;
		let expected = quintiles(from).map((v) => Math.round(v * scale) / scale);
		if (d.what === 'kvantiler') expected = expected.filter((v, i) => i === 0 || v > expected[i - 1]!);
		const same = expected.length === d.values.length && expected.every((v, i) => Math.abs(v - d.values[i]!) <= 0.5 / scale + 1e-9);
		if (!same) problems.push(`${d.file} ${d.what} ${d.indicator}: [${d.values.join(', ')}], af de offentliggjorte tal ventet [${expected.join(', ')}]`);
	}
	return problems;
}
