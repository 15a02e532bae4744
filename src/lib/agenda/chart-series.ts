/**
 * What an agenda's chart draws: the unit's key figure with the municipality and the country as
 * benchmarks, every year of the data, and the unit's targets and interventions as marks, in the
 * trend chart's own shapes (charts/trend.ts), so the agenda's charts look like the dashboard's.
 */
import type { SeriesPoint } from '../core/output-contract.ts';
import type { TrendSeries } from '../charts/trend.ts';
import type { TrendIntervention, TrendTarget } from '../charts/trend-annotations.ts';
import type { SeriesKey } from '../db/queries/trend.ts';
import { shortSource } from '../core/national-benchmark.ts';
import type { ReferenceRow } from '../core/reference.ts';
import { coversArea, coversDepartment } from '../core/intervention.ts';
import { targetText } from '../targets/status.ts';
import type { ChartRequest } from './agenda.ts';
import type { Assessment } from '../supervision/assess.ts';

export interface AgendaChartData {
	series: TrendSeries[];
	targets: TrendTarget[];
	interventions: TrendIntervention[];
}

function points(series: readonly SeriesPoint[] | undefined, years: readonly number[]): SeriesPoint[] {
	const byYear = new Map((series ?? []).map((p) => [p.aar, p]));
	return years.map((aar) => byYear.get(aar) ?? { aar, vaerdi: null, diskretioneret: false });
}

export function agendaChartData(
	a: Assessment,
	chart: ChartRequest,
	years: readonly number[],
	kommuneLabel: string,
	countryLabel: string,
	references: readonly ReferenceRow[] = []
): AgendaChartData {
	const id = chart.indikator;
	const unitKey: SeriesKey = chart.unitKind;
	const series: TrendSeries[] = [
		{
			key: unitKey,
			label: a.unitName(chart.unitKind, chart.unitId),
			isUnit: true,
			points: points(a.seriesOf(chart.unitKind, chart.unitId)[id], years)
		}
	];
	if (chart.unitKind !== 'kommune') {
		series.push({ key: 'kommune', label: kommuneLabel, isUnit: false, points: points(a.data.kommune.series[id], years) });
	}
	// a.data.land is the country as the label rule allows it (agenda-data.ts): published figures,
	// or the sum over every municipality; left out when it has nothing in these years.
	const land = points(a.data.land[id], years);
	if (land.some((p) => p.vaerdi != null)) {
		const published = references.find((r) => r.niveau === 'land' && r.indikator === id && r.boligtype === null && years.includes(r.aar));
		const label = published ? `${countryLabel}, ${shortSource(published.kilde)}` : countryLabel;
		series.push({ key: published ? 'reference' : 'land', label, isUnit: false, points: land });
	}

	const targets = a.targets
		.filter((l) => l.target.niveau === chart.unitKind && l.target.enhed_id === chart.unitId && l.target.indikator === id)
		.map(({ target: t, evaluation }) => ({
			label: `Mål: ${targetText(t)}`,
			basisaar: t.basisaar,
			// No path from a base the status withholds (suppressed base year): its line gives the base back.
			basisvaerdi: evaluation.basisSkjult ? null : t.basisvaerdi,
			maalaar: t.maalaar,
			maalvaerdi: t.maalvaerdi
		}));

	const department = chart.unitKind === 'afdeling' ? a.data.departments.find((d) => d.id === chart.unitId) : undefined;
	const areaDepartments =
		chart.unitKind === 'omraade' ? a.data.departments.filter((d) => d.omraade_id === chart.unitId).map((d) => d.id) : [];
	const interventions = a.data.interventions
		.filter(
			(i) =>
				(i.indikatorer.length === 0 || i.indikatorer.includes(id)) &&
				(department
					? coversDepartment(i, department.id, department.omraade_id)
					: chart.unitKind === 'omraade'
						? coversArea(i, chart.unitId, areaDepartments)
						: false)
		)
		.map((i) => ({ label: i.indsats_navn, startaar: i.startaar, slutaar: i.slutaar }));
	return { series, targets, interventions };
}
