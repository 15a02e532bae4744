/**
 * The overview's headline figures for one key figure: the municipality's value in the chosen year,
 * the year before, the change between them (and whether that is better or worse, by the
 * catalogue's direction), and the benchmarks: the country's (a published reference where there is
 * one, else the sum over the loaded departments under the name the label rule gives it,
 * core/national-benchmark.ts) and the region's published figure. From overblik.json and
 * index.json, so it draws at once.
 */
import { nationalBenchmark, regionalBenchmark, type Benchmark } from '../core/national-benchmark.ts';
import { coverageOf, type BenchmarkContext } from '../charts/benchmark-series.ts';
import type { SeriesPoint, WebOverview } from '../core/output-contract.ts';
import type { Indicator } from '../core/indicators.ts';
import { valueState } from '../i18n/format.ts';

/** 'changed': a declared indicator with no better direction (indikatorer.csv's `bedre` empty). */
export type Direction = 'better' | 'worse' | 'unchanged' | 'changed';

export interface Headline {
	year: number;
	value: SeriesPoint | null;
	/** The latest year before `year` in the data, or null. */
	previousYear: number | null;
	previous: SeriesPoint | null;
	/** value - previous, when both are published; else null. */
	change: number | null;
	/** Judged on the change as shown (rounded to the indicator's decimals). */
	direction: Direction | null;
	/** The sum over the loaded departments (the data's `land` row): never shown as the country by itself. */
	country: SeriesPoint | null;
	/** The national benchmark to show, by the label rule; null when there is none. */
	benchmark: Benchmark | null;
	/** The municipality's region's published figure; null when none. */
	region: Benchmark | null;
}

const at = (points: SeriesPoint[] | undefined, year: number | null) =>
	year == null ? null : (points?.find((p) => p.aar === year) ?? null);

export function headline(overview: WebOverview, ind: Indicator, year: number, years: number[], context: BenchmarkContext = {}): Headline {
	const series = overview.series[ind.id];
	const previousYear = years.filter((y) => y < year).reduce<number | null>((a, y) => (a == null || y > a ? y : a), null);
	const value = at(series?.kommune, year);
	const previous = at(series?.kommune, previousYear);
	const change = valueState(value) === 'value' && valueState(previous) === 'value' ? value!.vaerdi! - previous!.vaerdi! : null;
	let direction: Direction | null = null;
	if (change != null) {
		const shown = Math.round(change * 10 ** ind.decimals);
		direction = shown === 0 ? 'unchanged' : ind.worse === null ? 'changed' : shown > 0 === (ind.worse === 'higher') ? 'worse' : 'better';
	}
	const country = at(series?.land, year);
	const aggregate = valueState(country) === 'value' ? country!.vaerdi! : null;
	const references = context.referencetal ?? [];
	const benchmark = nationalBenchmark({ indikator: ind.id, aar: year, aggregate, coverage: coverageOf(context), references });
	const region = regionalBenchmark(references, overview.kode, ind.id, year);
	return { year, value, previousYear, previous, change, direction, country, benchmark, region };
}
