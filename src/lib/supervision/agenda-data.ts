/**
 * From what the browser loaded (a municipality's figures, the targets and the project bank) to the
 * AgendaData the focus list and the agendas read: the municipality's units with their series, and
 * the targets and interventions that concern it.
 */
import type { InterventionRow, TargetRow } from '../core/output-contract.ts';
import type { MunicipalityFigures } from '../db/queries/municipality-figures.ts';
import type { RuleSet } from '../focus/rule.ts';
import type { IndicatorId } from '../core/indicators.ts';
import type { AgendaData } from './assess.ts';
import { countrySeriesForRules } from '../core/national-benchmark.ts';
import { countryByTypeForRules } from '../core/country-by-type.ts';
import { coverageOf, type BenchmarkContext } from '../charts/benchmark-series.ts';
import { housingType } from '../focus/housing-type.ts';

export interface AgendaSources {
	figures: MunicipalityFigures;
	kommune: { kode: string; navn: string };
	year: number;
	demo: boolean;
	indicators: IndicatorId[];
	ruleSet: RuleSet;
	targets: readonly TargetRow[];
	interventions: readonly InterventionRow[];
	/** The reference figures and coverage (index.json): the country the rules and charts compare with. */
	benchmarks: BenchmarkContext;
}

export function agendaData(s: AgendaSources): AgendaData {
	const { figures, kommune } = s;
	const organisations = new Map<string, string>();
	const areas = new Map<string, string>();
	for (const d of figures.departments) {
		if (!organisations.has(d.boligorganisation_id)) organisations.set(d.boligorganisation_id, d.boligorganisation_navn);
		if (d.omraade_id && !areas.has(d.omraade_id)) areas.set(d.omraade_id, d.omraade_navn ?? d.omraade_id);
	}
	const byName = (a: { navn: string; id: string }, b: { navn: string; id: string }) =>
		a.navn.localeCompare(b.navn, 'da') || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
	return {
		year: s.year,
		demo: s.demo,
		indicators: s.indicators,
		kommune: { ...kommune, series: figures.aggregateSeries.kommune.get(kommune.kode) ?? {} },
		// The country as the label rule allows (core/national-benchmark.ts): the published figure, or
		// the sum over the loaded departments only when they are every municipality.
		land: countrySeriesForRules(
			[...figures.aggregateSeries.land.values()][0] ?? {},
			coverageOf(s.benchmarks),
			s.benchmarks.referencetal ?? []
		),
		landByType: countryByTypeForRules(s.benchmarks.referencetal ?? []),
		organisations: [...organisations]
			.map(([id, navn]) => ({ id, navn, series: figures.aggregateSeries.boligorganisation.get(id) ?? {} }))
			.sort(byName),
		departments: figures.departments.map((d) => ({
			id: d.afdeling_id,
			navn: d.afdeling_navn,
			organisation_id: d.boligorganisation_id,
			omraade_id: d.omraade_id,
			boligtype: housingType(d.boligtype),
			series: figures.departmentSeries.get(d.afdeling_id) ?? {}
		})),
		areas: [...areas].map(([id, navn]) => ({ id, navn, series: figures.aggregateSeries.omraade.get(id) ?? {} })).sort(byName),
		ruleSet: s.ruleSet,
		targets: s.targets.filter((t) => t.kommune_kode === kommune.kode),
		interventions: s.interventions.filter((i) => i.kommune_koder.includes(kommune.kode))
	};
}
