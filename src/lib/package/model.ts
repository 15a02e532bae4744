/**
 * The documentation package's model, in one place: what a page asks for (PackageRequest), what is
 * gathered for each organisation (OrganisationData, with its ReportFlags), which charts it holds
 * (ChartSpec) and what drawing one gives back (RenderedChart, ReportImage). The steps (collect-data.ts,
 * chart-specs.ts, organisation-report.ts, target-flags.ts, build-package.ts) import these types from
 * here and not from each other, so no two of them import each other.
 */
import type * as Plot from '@observablehq/plot';
import type { TrendSeries } from '../charts/trend.ts';
import type { DepartmentRow } from '../core/output-contract.ts';
import type { PartRow } from '../db/queries/organisation-parts.ts';
import type { PeerRow } from '../db/queries/peers.ts';
import type { QueryRunner } from '../db/runner.ts';
import type { RuleSet } from '../focus/rule.ts';
import type { ExportTable } from '../formats/export-table.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ChartMeta } from '../images/chart-frame.ts';
import type { Indicator, IndicatorId } from '../core/indicators.ts';
import type { OrganisationFocus } from '../supervision/organisation-focus.ts';
import type { Target } from '../core/target.ts';
import type { FocusSeries } from '../focus/evaluate.ts';
import type { TargetLine } from '../supervision/assess.ts';
import type { FocusEntry } from '../supervision/organisation-focus.ts';
import type { BenchmarkContext } from '../charts/benchmark-series.ts';

/** What a page asks for: one organisation's package or the whole municipality's, for a year. */
export interface PackageRequest {
	/** One organisation's package, or every organisation of the municipality. */
	scope: 'organisation' | 'kommune';
	kommune: { kode: string; navn: string };
	/** The organisation (scope 'organisation') or all of the municipality's. */
	organisations: { id: string; navn: string }[];
	year: number;
	years: number[];
	indicators: IndicatorId[];
	lang: Lang;
	demo: boolean;
	flags?: ReportFlag[];
	/** The municipality's agreed targets, if any; each organisation's go in its report with their status. */
	targets?: readonly Target[];
	/** The focus rules in force on the page (`?regler=`); the default preset when not given. */
	ruleSet?: RuleSet;
	/**
	 * Per organisation id: every municipality it has departments in, home first (index.json's
	 * organisationer), each loaded in the database. An organisation not named here is reported on
	 * `kommune` alone.
	 */
	municipalitiesOf?: Record<string, { kode: string; navn: string }[]>;
	/** The reference figures and coverage (index.json) for the country's figures; none known when absent. */
	benchmarks?: BenchmarkContext;
}

/** Everything a package says about one organisation in one year (gathered by collect-data.ts). */
export interface OrganisationData {
	lang: Lang;
	demo: boolean;
	kommune: { kode: string; navn: string };
	organisation: { id: string; navn: string };
	year: number;
	/** The latest year before `year` in the data, or null. */
	previousYear: number | null;
	/** Every year in the data. */
	years: number[];
	indicators: Indicator[];
	/** Per key figure: the organisation, the municipality and the country over the years. */
	trends: Partial<Record<IndicatorId, TrendSeries[]>>;
	/** Per key figure: every department of the municipality with its value in `year` and `previousYear`. */
	peers: Partial<Record<IndicatorId, { year: PeerRow[]; previous: PeerRow[] | null }>>;
	/** The organisation's departments in every municipality it is in (its home's first). */
	departments: DepartmentRow[];
	/** Per key figure: the organisation's departments' values in `year` and `previousYear`, in every municipality. */
	values: Partial<Record<IndicatorId, { year: PeerRow[]; previous: PeerRow[] | null }>>;
	/**
	 * An organisation in several municipalities: the municipalities (home first) and its part in each,
	 * beside the whole organisation's figures in `trends`; null when it is in one.
	 */
	parts: { municipalities: { kode: string; navn: string }[]; rows: PartRow[] } | null;
	flags: ReportFlag[];
	/** The focus flags of the organisation's departments and areas under the rules in force. */
	focus: OrganisationFocus | null;
}

/**
 * What an organisation's charts draw: its figures without its targets' lines and its focus, which
 * wait for the whole municipality's figures (collect-data.ts), so the charts are drawn meanwhile.
 */
export type ChartData = Omit<OrganisationData, 'flags' | 'focus'>;

/** An organisation's figures as they come in: the charts' first, then the whole. */
export interface OrganisationFigures {
	charts: ChartData;
	whole: Promise<OrganisationData>;
}

/** A target or a point of attention (the supervisor's features), printed under its key figure or department. */
export interface ReportFlag {
	indikator?: IndicatorId;
	afdelingId?: string;
	text: string;
}

/** One chart of a package: its Plot options, what it says about itself and the data behind it. */
export interface ChartSpec {
	/** File name without extension, e.g. "01 Ledighed - udvikling". */
	name: string;
	indicator: IndicatorId;
	kind: 'trend' | 'peers';
	options: Plot.PlotOptions;
	meta: ChartMeta;
	/** The data behind the chart. */
	table: ExportTable;
}

/** A chart drawn for the package: the standalone SVG, the PNG at twice the size, the size in CSS pixels. */
export interface RenderedChart {
	svg: string;
	png: Uint8Array;
	width: number;
	height: number;
	title: string;
}

export type RenderChart = (spec: ChartSpec) => Promise<RenderedChart>;

/** A drawn chart for the report: its PNG (at twice the size) and its size in CSS pixels. */
export interface ReportImage {
	indicator: IndicatorId;
	kind: 'trend' | 'peers';
	png: Uint8Array;
	width: number;
	height: number;
	title: string;
}

/** Everything the municipality's own report says, for one year (gathered by collect-data.ts). */
export interface MunicipalityData {
	lang: Lang;
	demo: boolean;
	kommune: { kode: string; navn: string };
	year: number;
	previousYear: number | null;
	years: number[];
	indicators: Indicator[];
	/** The municipality's own series and the sum over the loaded departments ('land'), per key figure. */
	series: { kommune: FocusSeries; land: FocusSeries };
	/** The reference figures and coverage (index.json) the benchmark is chosen from. */
	benchmarks: BenchmarkContext;
	/** The housing areas with departments in the municipality, by name. */
	areas: { id: string; navn: string; departments: number; organisations: string[]; focus: 'fokus' | 'ingen' | 'ukendt' | null }[];
	/** The housing organisations with departments in the municipality, by name. */
	organisations: { id: string; navn: string; departments: number; areas: number; flagged: number }[];
	departments: number;
	/** The focus list under the rules in force: flagged areas and departments with the reasons, and those not judged. */
	focus: { aar: number; ruleSet: { navn: string; kilde: string; noter: string[] }; flagged: FocusEntry[]; unknown: FocusEntry[] };
	/** Every agreed target of the municipality with its status in the year. */
	targets: TargetLine[];
}

/** A map drawn for the package (the one on the page, framed with its legend), or null when there is none. */
export type RenderMap = () => Promise<RenderedChart | null>;

/** Called after each step (an organisation gathered, a chart drawn, a report written): how many are done of how many. */
export type Progress = (done: number, total: number) => void;

/** What building a package needs from outside: the query runner, the chart renderer, the clock. */
export interface PackageDeps {
	run: QueryRunner;
	render: RenderChart;
	/** The municipality's map for its own report; the report says it is missing when not given. */
	renderMap?: RenderMap;
	/** The zip entries' date: the time of the export. */
	now: Date;
	onProgress?: Progress;
	/** Stops the build between two steps: buildPackage then rejects with the signal's reason and returns no bytes. */
	signal?: AbortSignal;
}
