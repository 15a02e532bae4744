/**
 * From the trend query's rows to the chart's series: one series per level present, in a fixed
 * order (the unit first, then area, organisation, municipality, country), each with a point for
 * every year in the data, so a year without a row shows as missing rather than vanishing.
 */
import type { SeriesPoint } from '../core/output-contract.ts';
import type { SeriesKey, TrendRow } from '../db/queries/trend.ts';
import type { IndicatorId } from '../core/indicators.ts';
import type { TrendSeries } from './trend.ts';
import type { UnitKind } from '../data/unit-kind.ts';

export const SERIES_ORDER: readonly SeriesKey[] = ['afdeling', 'omraade', 'boligorganisation', 'kommune', 'land'];

export function trendSeries(
	rows: TrendRow[],
	kind: UnitKind,
	indikator: IndicatorId,
	years: number[],
	label: (key: SeriesKey, enhedId: string) => string
): TrendSeries[] {
	const sortedYears = [...years].sort((a, b) => a - b);
	const series: TrendSeries[] = [];
	for (const key of SERIES_ORDER) {
		const own = rows.filter((r) => r.serie === key && r.indikator === indikator);
		if (!own.length && !rows.some((r) => r.serie === key)) continue;
		const byYear = new Map(own.map((r) => [r.aar, r]));
		const points: SeriesPoint[] = sortedYears.map((aar) => {
			const r = byYear.get(aar);
			return { aar, vaerdi: r?.vaerdi ?? null, diskretioneret: r?.diskretioneret ?? false };
		});
		const enhedId = own[0]?.enhed_id ?? rows.find((r) => r.serie === key)!.enhed_id;
		series.push({ key, label: label(key, enhedId), isUnit: key === kind, points });
	}
	return series;
}
