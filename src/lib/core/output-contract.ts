/**
 * The output contract: the files the pipeline writes and the dashboard reads. A municipality may
 * take them into its own tools, so names and columns are public and versioned; documented for
 * users in data/README.md. Bump SCHEMA_VERSION on any change a reader would notice. The three
 * tables' columns and row types are in output-schema.ts.
 *
 * No DOM and no Node imports: the pipeline and the dashboard import this alike.
 */
import type { IndicatorId } from './indicators.ts';
import type { IndicatorDeclaration, NationalQuantiles } from './indicator-declaration.ts';
import type { Intervention } from './intervention.ts';
import type { ReferenceFile, ReferenceRow } from './reference.ts';
import type { KeyFigureRow, TableName } from './output-schema.ts';
import type { Target } from './target.ts';

export const SCHEMA_VERSION = '1.2.0';

/** Published files, relative to the output folder. */
export const OUTPUT_FILES = {
	departments: 'afdelinger.parquet',
	keyFigures: 'noegletal.parquet',
	aggregates: 'aggregater.parquet',
	areas: 'omraader.geojson',
	municipalities: 'kommuner.geojson',
	manifest: 'manifest.json',
	/** The optional inputs aftaler.csv and indsatser.csv, checked; written empty when not given. */
	targets: 'aftaler.json',
	interventions: 'indsatser.json',
	/** The reference figures used: the input's referencetal.csv, else the project's default (ReferenceFile in reference.ts). */
	reference: 'referencetal.json'
} as const;

/**
 * The dashboard's small files, in the subfolder `web/`: the index and, per municipality, the
 * figures the first view draws before DuckDB-WASM has started. The rows themselves the dashboard
 * reads from the Parquet files above, only the row groups of the municipality in view (HTTP range
 * requests; which rows those are is in the index).
 */
export const WEB_DIR = 'web';
export const WEB_FILES = {
	/** Index: municipalities with names, counts, years and their rows in the Parquet files; see WebIndex. */
	index: 'web/index.json',
	/** Per municipality code: the first view's figures; see WebOverview. */
	overview: (kode: string) => `web/${kode}/overblik.json`,
	/** Every municipality's and the country's series, for the national page (/land); see WebNational. */
	national: 'web/land.json'
} as const;

/** Per output table (output-schema.ts): its Parquet file. */
export const TABLE_FILES: Record<TableName, { parquet: string }> = {
	afdelinger: { parquet: OUTPUT_FILES.departments },
	noegletal: { parquet: OUTPUT_FILES.keyFigures },
	aggregater: { parquet: OUTPUT_FILES.aggregates }
};

/** Rows `[start, end)` of a Parquet file, counted from 0; each starts and ends at a row group's edge. */
export type RowRange = [start: number, end: number];

export { LEVELS, type Level, type DepartmentRow, type KeyFigureRow, type AggregateRow } from './output-schema.ts';
export const COUNTRY_ID = 'DK';

export interface ManifestInput {
	file: string;
	sha256: string;
	rows: number;
}

export interface Manifest {
	schema_version: string;
	demo: boolean;
	inputs: ManifestInput[];
	rows: { afdelinger: number; noegletal: number; aggregater: number; omraader: number; kommuner: number };
	years: number[];
	indicators: IndicatorId[];
	warnings: { file: string; line: number; column: number; message: string }[];
	/**
	 * Every file the run wrote into the folder but manifest.json itself: path relative to the
	 * folder with `/`, and size in bytes. The next ingest replaces the folder only when it holds
	 * exactly these files (pipelines/build/output-folder.ts), so nothing a user put there is lost.
	 */
	files: Record<string, number>;
	/** Person-based cells withheld, by the rule that withheld them (pipelines/build/audit*.ts). */
	suppression: SuppressionCost;
	/** Which municipalities the input covers (Coverage); the sum over them is "Hele landet" only when it is all of them. */
	daekning: Coverage;
	/** The reference figures used (written to referencetal.json): whose file, which, how many. */
	referencetal: { kilde: ReferenceFile['kilde']; fil: string; raekker: number };
}

/**
 * The municipalities the input covers: their codes (those among Denmark's 98, sorted), and how
 * many of the 98 that is. `hele_landet` is true only when the input covers all of them.
 */
export interface Coverage {
	kommuner: string[];
	antal: number;
	i_alt: number;
	hele_landet: boolean;
}

/** Withheld department-year cells and aggregate-year cells of person-based figures. */
export interface SuppressionCount {
	departments: number;
	aggregates: number;
}

/** What privacy cost: cells withheld by the primary rule, the secondary rule and the audit. */
export interface SuppressionCost {
	primary: SuppressionCount;
	secondary: SuppressionCount;
	audit: SuppressionCount;
}

/** web/index.json */
export interface WebIndex {
	schema_version: string;
	demo: boolean;
	years: number[];
	indicators: IndicatorId[];
	/**
	 * The input's own indicators (indikatorer.csv) as rows of that file, read again by the
	 * dashboard with declareIndicator() (src/lib/core/indicator-declaration.ts); [] when none.
	 * Optional, so an output written before declared indicators reads as none.
	 */
	indikatorer?: IndicatorDeclaration[];
	/**
	 * Per declared indicator with enough published area values: its area quintiles in the data, the map's
	 * class bounds (pipelines/build/quantiles.ts). Optional, so an older output reads as none.
	 */
	kvantiler?: Record<IndicatorId, NationalQuantiles>;
	/** The municipality the dashboard opens on: the one with the most departments. */
	default_kommune: string;
	kommuner: { kode: string; navn: string; afdelinger: number; omraader: number; organisationer: number }[];
	/** Whether kommuner.geojson / omraader.geojson were written. */
	geo: { kommuner: boolean; omraader: boolean };
	/** Each Parquet file's size in bytes, so a reader can ask for its footer without asking its size. */
	parquet_bytes: Record<TableName, number>;
	/**
	 * Per municipality code: the rows of each Parquet file the dashboard loads for it, whole row
	 * groups: its departments, their key figures, and in aggregater the country and every row
	 * group holding a unit (area, organisation) it has departments in (with that group's other units).
	 */
	raekker: Record<string, Record<TableName, RowRange[]>>;
	/**
	 * Per organisation id: the municipalities it has departments in, the one with the most of its
	 * departments first (ties by code): its home, where a link without ?kommune opens. An
	 * organisation's page loads every one of them (whole units, issue 10).
	 */
	organisationer: Record<string, string[]>;
	/** How many of Denmark's municipalities the input covers (the label rule, national-benchmark.ts). */
	daekning: { antal: number; i_alt: number };
	/** The reference figures (as in referencetal.json), for the benchmarks. */
	referencetal: ReferenceRow[];
}

/** A (year, value) series point; value null when missing or suppressed. */
export type SeriesPoint = Pick<KeyFigureRow, 'aar' | 'vaerdi' | 'diskretioneret'>;

/**
 * What the map's classes rest on for a key figure without an official bound (src/lib/map/scales.ts):
 * the municipalities' own figures over every year, as published in aggregater (niveau `kommune`,
 * withheld ones left out). Never the sum over the loaded departments, which is the country only
 * when all 98 are loaded.
 */
export interface ClassBasis {
	/** The 20, 40, 60 and 80 % quantiles (linear interpolation) of the municipality-year figures. */
	kvintiler: number[];
	/** How many municipalities have a figure, of `i_alt` (98). */
	kommuner: number;
	i_alt: number;
	/** The first and last year with a figure. */
	fra: number;
	til: number;
}

/**
 * The aggregate over the loaded departments, named by the label rule (core/national-benchmark.ts):
 * "Hele landet" with all 98 municipalities, "De indlæste kommuner (3 af 98)" with more than one,
 * null with one (then it is that municipality's own figure and no benchmark).
 */
export type AggregateName = string | null;

/** web/<kode>/overblik.json: enough to draw the overview before DuckDB-WASM is ready. */
export interface WebOverview {
	kode: string;
	navn: string;
	/**
	 * Per indicator: the municipality's series and `land`, the sum over every loaded department
	 * (the name `land` is the file's contract; what it is, `land_navn` says).
	 */
	series: Record<IndicatorId, { kommune: SeriesPoint[]; land: SeriesPoint[] }>;
	/** The honest name of the `land` series; absent in outputs written before it. */
	land_navn?: AggregateName;
	/** Per indicator with municipality figures: what the map's classes rest on; absent in older outputs. */
	klassegrundlag?: Partial<Record<IndicatorId, ClassBasis>>;
	/** Areas in the municipality, with their values per indicator and year for the map. */
	omraader: {
		id: string;
		navn: string;
		afdelinger: number;
		values: Record<IndicatorId, SeriesPoint[]>;
	}[];
	/** Departments as map points. */
	afdelinger: {
		id: string;
		navn: string;
		organisation_id: string;
		organisation_navn: string;
		omraade_id: string | null;
		lat: number | null;
		lon: number | null;
	}[];
	/** Bounding box [west, south, east, north] of the municipality's areas and departments. */
	bbox: [number, number, number, number] | null;
}

/** web/land.json: what the national page draws, the same figures as each overblik.json's series. */
export interface WebNational {
	/** Every municipality in the data, by code: its series per indicator over all years. */
	kommuner: { kode: string; navn: string; series: Record<IndicatorId, SeriesPoint[]> }[];
	/** The aggregate over every loaded department, per indicator (called the country only when all are loaded). */
	land: Record<IndicatorId, SeriesPoint[]>;
	/** The honest name of `land` (AggregateName); absent in outputs written before it. */
	land_navn?: AggregateName;
	/** As in overblik.json: what the map's classes rest on. */
	klassegrundlag?: Partial<Record<IndicatorId, ClassBasis>>;
}

/** A row of aftaler.json: an agreed target (see target.ts) and the municipality it belongs to. */
export interface TargetRow extends Target {
	kommune_kode: string;
}

/** A row of indsatser.json: an intervention (see intervention.ts) and the municipalities it lies in. */
export interface InterventionRow extends Intervention {
	kommune_koder: string[];
}

/** aftaler.json */
export interface TargetsFile {
	schema_version: string;
	aftaler: TargetRow[];
}

/** indsatser.json */
export interface InterventionsFile {
	schema_version: string;
	indsatser: InterventionRow[];
}
