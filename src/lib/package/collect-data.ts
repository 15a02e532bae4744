/**
 * Everything a documentation package says about one organisation in one year, gathered with the
 * dashboard's own queries (the same ones the detail page runs), so the package shows the figures
 * the page shows. The query runner is passed in: DuckDB-WASM in the browser, DuckDB in Node tests.
 */
import type { DepartmentRow } from '../core/output-contract.ts';
import { queryOrganisationParts } from '../db/queries/organisation-parts.ts';
import { peersKey, queryPeersOf, type PeerRow } from '../db/queries/peers.ts';
import { queryTrend, type SeriesKey } from '../db/queries/trend.ts';
import { queryDepartmentsOf } from '../db/queries/units.ts';
import type { QueryRunner } from '../db/runner.ts';
import { trendSeries } from '../charts/trend-series.ts';
import { indicator as indicatorOf, type IndicatorId } from '../core/indicators.ts';
import { strings } from '../i18n/strings.ts';
import type { SeriesPoint } from '../core/output-contract.ts';
import { organisationTargets, targetFlags } from './target-flags.ts';
import { agendaData } from '../supervision/agenda-data.ts';
import { assess, type Assessment } from '../supervision/assess.ts';
import { municipalityFigures, type MunicipalityFigures } from '../db/queries/municipality-figures.ts';
import { municipalityFocus, organisationFocus } from '../supervision/organisation-focus.ts';
import { DEFAULT_PRESET_ID, preset } from '../focus/presets.ts';
import type { ChartData, MunicipalityData, OrganisationData, PackageRequest, ReportFlag } from './model.ts';
import { withBenchmarks } from '../charts/benchmark-series.ts';

/** One organisation's part of a PackageRequest. */
export type CollectInput = Omit<PackageRequest, 'scope' | 'organisations'> & {
	organisation: { id: string; navn: string };
};

/**
 * Gathers organisations of one municipality; the peers of a key figure and year are the same for
 * every organisation, so a municipality's package asks for them once, every key figure and year
 * in one query per municipality.
 */
export class PackageCollector {
	readonly #run: QueryRunner;
	readonly #peers = new Map<string, Promise<Map<string, PeerRow[]>>>();
	readonly #assessments = new Map<string, Promise<Assessment>>();

	constructor(run: QueryRunner) {
		this.#run = run;
	}

	/** The peers of every key figure in each of the years, per peersKey. */
	#peersOf(kode: string, ids: readonly IndicatorId[], years: readonly number[]): Promise<Map<string, PeerRow[]>> {
		const key = JSON.stringify([kode, ids, years]);
		let found = this.#peers.get(key);
		if (!found) {
			found = queryPeersOf(this.#run, kode, ids, years);
			this.#peers.set(key, found);
		}
		return found;
	}

	/**
	 * The municipality assessed under the rules, as the focus list does; once per municipality,
	 * year and rule set, since every organisation of a municipality's package shares it.
	 */
	#assessment(input: Omit<CollectInput, 'organisation'>): Promise<Assessment> {
		const ruleSet = input.ruleSet ?? preset(DEFAULT_PRESET_ID)!.ruleSet;
		const key = `${input.kommune.kode}:${input.year}:${JSON.stringify(ruleSet)}`;
		let found = this.#assessments.get(key);
		if (!found) {
			found = this.#figuresOf(input.kommune.kode).then((figures) =>
				assess(
					agendaData({
						figures,
						kommune: { kode: input.kommune.kode, navn: strings(input.lang).municipalityOf(input.kommune.navn) },
						year: input.year,
						demo: input.demo,
						indicators: input.indicators,
						ruleSet,
						// The page gives the municipality's own targets; they are judged as the agendas judge them.
						targets: (input.targets ?? []).map((t) => ({ ...t, kommune_kode: input.kommune.kode })),
						interventions: [],
						benchmarks: input.benchmarks ?? {}
					})
				)
			);
			this.#assessments.set(key, found);
		}
		return found;
	}

	/** The municipality's figures, shared with the page that asked for them first. */
	#figuresOf(kode: string): Promise<MunicipalityFigures> {
		return municipalityFigures(this.#run, kode);
	}

	/**
	 * The municipality's own report: its series and the country's, its areas and organisations,
	 * the focus list and the targets, from the same assessment the organisations' reports use.
	 */
	async municipality(input: Omit<CollectInput, 'organisation'>): Promise<MunicipalityData> {
		const { kommune, year, lang } = input;
		const years = [...input.years].sort((a, b) => a - b);
		const a = await this.#assessment(input);
		const focus = municipalityFocus(a);
		const departments = a.data.departments;
		const orgNames = new Map(a.data.organisations.map((o) => [o.id, o.navn]));
		const flaggedDepartments = new Set(a.departments.filter((d) => d.status === 'fokus').map((d) => d.id));
		return {
			lang,
			demo: input.demo,
			kommune,
			year,
			previousYear: years.filter((y) => y < year).at(-1) ?? null,
			years,
			indicators: input.indicators.map(indicatorOf),
			// The raw sum over the loaded departments: the report names it by the label rule itself.
			series: { kommune: a.data.kommune.series, land: [...(await this.#figuresOf(kommune.kode)).aggregateSeries.land.values()][0] ?? {} },
			benchmarks: input.benchmarks ?? {},
			areas: a.data.areas.map((area) => {
				const mine = departments.filter((d) => d.omraade_id === area.id);
				return {
					id: area.id,
					navn: area.navn,
					departments: mine.length,
					organisations: [...new Set(mine.map((d) => d.organisation_id))].map((id) => orgNames.get(id) ?? id),
					focus: a.areaFocus.get(area.id)?.status ?? null
				};
			}),
			organisations: a.data.organisations.map((o) => {
				const mine = departments.filter((d) => d.organisation_id === o.id);
				return {
					id: o.id,
					navn: o.navn,
					departments: mine.length,
					areas: new Set(mine.flatMap((d) => (d.omraade_id ? [d.omraade_id] : []))).size,
					flagged: mine.filter((d) => flaggedDepartments.has(d.id)).length
				};
			}),
			departments: departments.length,
			focus: { aar: focus.aar, ruleSet: focus.ruleSet, flagged: focus.flagged, unknown: focus.unknown },
			targets: a.targets
		};
	}

	/**
	 * The organisation with its targets' lines and its focus. `charts` is what charts(input) gave,
	 * when the caller asked for it first to draw the charts while the rest comes in.
	 */
	async organisation(input: CollectInput, charts: Promise<ChartData> = this.charts(input)): Promise<OrganisationData> {
		// Asked now, behind the charts' queries: the municipality's figures are the largest answer.
		const assessment = this.#assessment(input);
		// Awaited below; a failure meanwhile is not an unhandled rejection.
		assessment.catch(() => undefined);
		const data = await charts;
		const targetLines = await this.#targetFlags(input, data.departments, data.trends, data.year);
		const focus = organisationFocus(await assessment, input.organisation.id);
		return { ...data, flags: [...(input.flags ?? []), ...targetLines], focus };
	}

	/** The organisation's figures that its charts draw: its trends, its departments, the peers. */
	async charts(input: CollectInput): Promise<ChartData> {
		const { kommune, organisation, year, lang } = input;
		const t = strings(lang);
		const years = [...input.years].sort((a, b) => a - b);
		const previousYear = years.filter((y) => y < year).at(-1) ?? null;
		// Whole units (issue 10): the organisation in every municipality it is in, the page's first.
		const named = input.municipalitiesOf?.[organisation.id] ?? [];
		const municipalities = named.some((k) => k.kode === kommune.kode) ? named : [kommune, ...named];
		const spans = municipalities.length > 1;
		const wanted = previousYear == null ? [year] : [year, previousYear];
		const [trendRows, departments, partRows, peerTables] = await Promise.all([
			queryTrend(this.#run, 'boligorganisation', organisation.id, kommune.kode),
			Promise.all(municipalities.map((k) => queryDepartmentsOf(this.#run, 'boligorganisation', organisation.id, k.kode))).then((d) =>
				d.flat()
			),
			spans ? queryOrganisationParts(this.#run, organisation.id) : Promise.resolve([]),
			Promise.all(municipalities.map((k) => this.#peersOf(k.kode, input.indicators, wanted)))
		]);
		const own = spans ? `${organisation.navn} (${t.wholeOrganisation.toLowerCase()})` : organisation.navn;
		const label = (key: SeriesKey) => (key === 'kommune' ? t.municipalityOf(kommune.navn) : key === 'land' ? t.country : own);
		const ids = new Set(departments.map((d) => d.afdeling_id));
		// The peers are the page's municipality's (always among `municipalities`).
		const home = peerTables[municipalities.findIndex((k) => k.kode === kommune.kode)]!;
		const peersIn = (id: IndicatorId, aar: number) => home.get(peersKey(id, aar))!;
		const valuesIn = (id: IndicatorId, aar: number) =>
			peerTables.flatMap((table) => table.get(peersKey(id, aar))!).filter((r) => ids.has(r.afdeling_id));
		const indicators = input.indicators.map(indicatorOf);
		const trends: OrganisationData['trends'] = {};
		const peers: OrganisationData['peers'] = {};
		const values: OrganisationData['values'] = {};
		for (const ind of indicators) {
			trends[ind.id] = withBenchmarks(
				trendSeries(trendRows, 'boligorganisation', ind.id, years, label),
				ind.id,
				years,
				input.benchmarks ?? {},
				kommune.kode,
				lang
			);
			peers[ind.id] = { year: peersIn(ind.id, year), previous: previousYear == null ? null : peersIn(ind.id, previousYear) };
			values[ind.id] = { year: valuesIn(ind.id, year), previous: previousYear == null ? null : valuesIn(ind.id, previousYear) };
		}
		return {
			lang,
			demo: input.demo,
			kommune,
			organisation,
			year,
			previousYear,
			years,
			indicators,
			trends,
			peers,
			departments,
			values,
			parts: spans ? { municipalities, rows: partRows } : null
		};
	}

	/** The organisation's targets with their status, judged on each target's own unit's series. */
	async #targetFlags(input: CollectInput, departments: DepartmentRow[], trends: ChartData['trends'], year: number): Promise<ReportFlag[]> {
		const ids = new Set(departments.map((d) => d.afdeling_id));
		const targets = organisationTargets(input.targets ?? [], input.organisation.id, ids);
		if (!targets.length) return [];
		// A department's or an area's series comes from its own trend query; the organisation's is at hand.
		const series = new Map<string, Map<string, SeriesPoint[]>>();
		for (const target of targets) {
			const key = `${target.niveau}:${target.enhed_id}`;
			if (series.has(key) || target.niveau === 'kommune') continue;
			if (target.niveau === 'boligorganisation' && target.enhed_id === input.organisation.id) continue;
			const kind = target.niveau === 'afdeling' ? 'afdeling' : target.niveau === 'omraade' ? 'omraade' : 'boligorganisation';
			const rows = await queryTrend(this.#run, kind, target.enhed_id, input.kommune.kode);
			const own = new Map<string, SeriesPoint[]>();
			for (const row of rows.filter((r) => r.serie === kind)) {
				const points = own.get(row.indikator) ?? [];
				points.push({ aar: row.aar, vaerdi: row.vaerdi, diskretioneret: row.diskretioneret });
				own.set(row.indikator, points);
			}
			series.set(key, own);
		}
		const names = new Map<string, string>([
			...departments.map((d): [string, string] => [`afdeling:${d.afdeling_id}`, d.afdeling_navn]),
			...departments.flatMap((d): [string, string][] =>
				d.omraade_id ? [[`omraade:${d.omraade_id}`, d.omraade_navn ?? d.omraade_id]] : []
			),
			[`boligorganisation:${input.organisation.id}`, input.organisation.navn]
		]);
		return targetFlags(
			targets,
			year,
			(t) =>
				t.niveau === 'boligorganisation' && t.enhed_id === input.organisation.id
					? trends[t.indikator]?.find((s) => s.key === 'boligorganisation')?.points
					: series.get(`${t.niveau}:${t.enhed_id}`)?.get(t.indikator),
			(t) => names.get(`${t.niveau}:${t.enhed_id}`) ?? t.enhed_id
		);
	}
}
