/**
 * The supervisor's view of one department, area or organisation on its page: the focus flags under
 * the rules in the URL (the default rules otherwise), its agreed targets with their status, and the
 * interventions that cover it, also as marks for its trend charts. Reads the figures the page has
 * already loaded (the trend rows: the unit, its area, the municipality and the country), so it adds
 * no database queries. Create while a component initialises.
 */
import { countrySeriesForRules } from '../core/national-benchmark.ts';
import { countryByTypeForRules } from '../core/country-by-type.ts';
import { coverageOf, type BenchmarkContext } from '../charts/benchmark-series.ts';
import type { InterventionRow, SeriesPoint, TargetRow } from '../core/output-contract.ts';
import type { DepartmentRow } from '../core/output-contract.ts';
import type { TrendIntervention, TrendTarget } from '../charts/trend-annotations.ts';
import { loadInterventions, loadTargets } from '../data/supervision-files.ts';
import type { UnitKind } from '../data/unit-kind.ts';
import type { SeriesKey, TrendRow } from '../db/queries/trend.ts';
import { departmentStatus } from '../focus/department-status.ts';
import { evaluateUnit, type FocusSeries, type FocusStatus, type UnitFocus } from '../focus/evaluate.ts';
import { RulesInUrl } from '../focus/rules-in-url.svelte.ts';
import { housingType } from '../focus/housing-type.ts';
import type { Lang } from '../i18n/lang.ts';
import type { IndicatorId } from '../core/indicators.ts';
import { coversArea, coversDepartment } from '../core/intervention.ts';
import { Resource } from '../state/resource.svelte.ts';
import { targetStatus, targetText } from '../targets/status.ts';
import type { TargetLine } from './assess.ts';

export interface UnitContext {
	kind: UnitKind;
	id: string;
	name: string;
	year: number;
	/** The page's trend rows, null while they load. */
	trendRows: TrendRow[] | null;
	/** The unit's departments (one for a department), null while they load. */
	departments: DepartmentRow[] | null;
	/** The reference figures and coverage (index.json): the country the rules compare with. */
	benchmarks: BenchmarkContext;
}

export interface UnitFlags {
	own: UnitFocus | null;
	area: UnitFocus | null;
	status: FocusStatus;
}

function seriesOf(rows: readonly TrendRow[], key: SeriesKey): FocusSeries {
	const out: FocusSeries = {};
	for (const r of rows) {
		if (r.serie !== key) continue;
		const point: SeriesPoint = { aar: r.aar, vaerdi: r.vaerdi, diskretioneret: r.diskretioneret };
		const list = out[r.indikator] as SeriesPoint[] | undefined;
		if (list) list.push(point);
		else out[r.indikator] = [point];
	}
	return out;
}

export class UnitSupervision {
	readonly rules = new RulesInUrl();
	readonly #targets = new Resource<TargetRow[]>(() => loadTargets());
	readonly #interventions = new Resource<InterventionRow[]>(() => loadInterventions());
	readonly #context: () => UnitContext;
	readonly #lang: () => Lang;

	/** `lang`: the language of the reasons on the page. */
	constructor(context: () => UnitContext, lang: () => Lang = () => 'da') {
		this.#context = context;
		this.#lang = lang;
	}

	get error(): unknown {
		return this.#targets.error ?? this.#interventions.error;
	}

	/** Flags for a department (its own and its area's) or an area; null for an organisation or while loading. */
	readonly flags: UnitFlags | null = $derived.by(() => {
		const { kind, id, name, year, trendRows, departments, benchmarks } = this.#context();
		if (!trendRows || kind === 'boligorganisation') return null;
		const ruleSet = this.rules.ruleSet;
		const land = countrySeriesForRules(seriesOf(trendRows, 'land'), coverageOf(benchmarks), benchmarks.referencetal ?? []);
		const context = {
			aar: year,
			reference: { kommune: seriesOf(trendRows, 'kommune'), land },
			landByType: countryByTypeForRules(benchmarks.referencetal ?? [])
		};
		// A department's housing type chooses its limits; an area has none (focus/rule.ts).
		const boligtype = kind === 'afdeling' ? housingType(departments?.[0]?.boligtype ?? null) : null;
		const evaluate = (k: 'afdeling' | 'omraade', unitId: string, navn: string) =>
			ruleSet.enheder.includes(k)
				? evaluateUnit(
						ruleSet,
						{
							kind: k,
							id: unitId,
							navn,
							organisationer: [],
							series: seriesOf(trendRows, k),
							boligtype: k === 'afdeling' ? boligtype : null
						},
						{ ...context, lang: this.#lang() }
					)
				: null;
		const own = evaluate(kind, id, name);
		const areaId = kind === 'afdeling' ? (departments?.[0]?.omraade_id ?? null) : null;
		const area = areaId ? evaluate('omraade', areaId, departments?.[0]?.omraade_navn ?? areaId) : null;
		return { own, area, status: kind === 'afdeling' ? departmentStatus(own, area) : (own?.status ?? 'ukendt') };
	});

	/** The unit's own targets with their status in the year. */
	readonly targets: TargetLine[] = $derived.by(() => {
		const { kind, id, name, year, trendRows } = this.#context();
		if (!trendRows || !this.#targets.current) return [];
		const own = seriesOf(trendRows, kind);
		return this.#targets.current
			.filter((t) => t.niveau === kind && t.enhed_id === id)
			.map((target) => ({ target, unitName: name, evaluation: targetStatus(target, own[target.indikator] ?? [], year, this.#lang()) }));
	});

	/** Interventions covering the unit: a department directly or through its area; an area or any of its departments. */
	readonly interventions: InterventionRow[] = $derived.by(() => {
		const { kind, id, departments } = this.#context();
		const all = this.#interventions.current;
		if (!all || !departments) return [];
		if (kind === 'afdeling') return all.filter((i) => coversDepartment(i, id, departments[0]?.omraade_id ?? null));
		if (kind === 'omraade')
			return all.filter((i) =>
				coversArea(
					i,
					id,
					departments.map((d) => d.afdeling_id)
				)
			);
		return all.filter((i) => departments.some((d) => coversDepartment(i, d.afdeling_id, d.omraade_id)));
	});

	chartTargets(id: IndicatorId): TrendTarget[] {
		return this.targets
			.filter((l) => l.target.indikator === id)
			.map(({ target: t, evaluation }) => ({
				label: this.#lang() === 'da' ? `Mål: ${targetText(t)}` : `Target: ${targetText(t, 'en')}`,
				basisaar: t.basisaar,
				// As the status: no path from a base whose year the series marks suppressed (an output
				// written before the ingest withheld such bases); the path's line would give it back.
				basisvaerdi: evaluation.basisSkjult ? null : t.basisvaerdi,
				maalaar: t.maalaar,
				maalvaerdi: t.maalvaerdi
			}));
	}

	/**
	 * The interventions meant to move this key figure (all of them when they name none); on an
	 * organisation's page those covering any of its departments, as the page says.
	 */
	chartInterventions(id: IndicatorId): TrendIntervention[] {
		return this.interventions
			.filter((i) => i.indikatorer.length === 0 || i.indikatorer.includes(id))
			.map((i) => ({ label: i.indsats_navn, startaar: i.startaar, slutaar: i.slutaar }));
	}
}
