/**
 * The benchmarks a trend chart draws for the country and the region, by the label rule of
 * src/lib/core/national-benchmark.ts: the data's `land` series (the sum over the loaded
 * departments) is replaced by the published reference figures where the key figure has any (a
 * point in each year published), and kept only under the name it deserves ("Hele landet" with
 * every municipality loaded, "De indlæste kommuner (3 af 98)" with some, nothing with one). The
 * municipality's region gets its published figures too.
 */
import type { IndicatorId } from '../core/indicators.ts';
import { benchmarkSeries, findReference, shortSource, type Coverage } from '../core/national-benchmark.ts';
import type { ReferenceRow } from '../core/reference.ts';
import { REGION_NAMES, regionOf } from '../core/regions.ts';
import type { Lang } from '../i18n/lang.ts';
import type { TrendSeries } from './trend.ts';

/** What the rule needs from web/index.json. */
export interface BenchmarkContext {
	daekning?: { antal: number; i_alt: number };
	referencetal?: ReferenceRow[];
}

/** The index's coverage; an output from before the coverage was recorded covers nothing known. */
export function coverageOf(context: BenchmarkContext): Coverage {
	return { loaded: context.daekning?.antal ?? 0, total: context.daekning?.i_alt ?? 98 };
}

export function withBenchmarks(
	series: readonly TrendSeries[],
	indikator: IndicatorId,
	years: readonly number[],
	context: BenchmarkContext,
	kommuneKode: string | null,
	lang: Lang
): TrendSeries[] {
	const sorted = [...years].sort((a, b) => a - b);
	const references = context.referencetal ?? [];
	const land = series.find((s) => s.key === 'land');
	const result = series.filter((s) => s.key !== 'land');
	const region = kommuneKode ? regionOf(kommuneKode) : null;
	if (region) {
		const rows = sorted.map((aar) => findReference(references, 'region', region, indikator, aar));
		const first = rows.find((r) => r !== null);
		if (first) {
			result.push({
				key: 'regionReference',
				label: `${first.enhed_navn || REGION_NAMES[region]}, ${shortSource(first.kilde)}`,
				isUnit: false,
				points: sorted.map((aar, i) => ({ aar, vaerdi: rows[i]?.vaerdi ?? null, diskretioneret: false }))
			});
		}
	}
	for (const b of benchmarkSeries(indikator, sorted, land?.points ?? [], coverageOf(context), references)) {
		if (b.key === 'aggregate' && !land) continue;
		result.push({ key: b.key === 'reference' ? 'reference' : 'land', label: b.label[lang], isUnit: false, points: b.points });
	}
	return result;
}
