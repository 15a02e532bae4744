/**
 * What a detail page's sections share about its unit: the municipality that holds it (found from
 * afdelinger.parquet's few columns, parquet-units.ts), the municipality's names and register from
 * overblik.json (before it is in, the names from the same Parquet columns), its database, and the
 * three queries more than one section reads (the unit's trends, its departments, and every
 * department's value of the chosen key figure and year). Each query is keyed by what it is for, so
 * a section never shows another unit's, municipality's or year's rows while the next ones load.
 * Create while a component initialises (Resource uses $effect).
 */
import type { DepartmentRow, WebOverview } from '../core/output-contract.ts';
import type { BrowserDatabase } from '../db/duckdb.ts';
import { isMunicipalityReady, municipalityDatabase } from '../db/municipality.ts';
import { earlyTrend, type EarlyUnit } from '../db/queries/parquet-trend.ts';
import { parquetUnitLookup } from '../db/queries/parquet-units.ts';
import { parquetSources } from '../db/parquet-sources.ts';
import { queryPeers, type PeerRow } from '../db/queries/peers.ts';
import { queryTrend, sameTrendRows, type SeriesKey, type TrendRow } from '../db/queries/trend.ts';
import { queryOrganisationParts, type PartRow } from '../db/queries/organisation-parts.ts';
import { queryDepartmentsOf } from '../db/queries/units.ts';
import { findMunicipality, unitCodes } from '../data/find-municipality.ts';
import { startEarlyTrend } from './early-unit.ts';
import type { UnitKind } from '../data/unit-kind.ts';
import { loadOverview } from '../data/web-files.ts';
import { indicator as indicatorOf } from '../core/indicators.ts';
import type { App } from '../state/app.svelte.ts';
import { Resource } from '../state/resource.svelte.ts';
import { afterPaint } from '../state/after-paint.ts';

/** How long the database's rows wait for the early charts to say they are drawn, at most. */
const EARLY_DRAW_WAIT_MS = 5000;

export class UnitData {
	readonly #app: App;
	readonly #unit: () => { kind: UnitKind; id: string };

	get kind(): UnitKind {
		return this.#unit().kind;
	}
	get id(): string {
		return this.#unit().id;
	}
	readonly t = $derived.by(() => this.#app.t);
	readonly lang = $derived.by(() => this.#app.view.lang);
	readonly index = $derived.by(() => this.#app.index.current!);
	readonly year = $derived.by(() => this.#app.view.year ?? Math.max(...this.index.years));
	readonly ind = $derived.by(() => indicatorOf(this.#app.view.indicator));
	readonly demo = $derived.by(() => this.index.demo);

	readonly #unitKey = $derived.by(() => `${this.kind}:${this.id}`);
	/** The ?kommune= hint; a primitive, so the search reruns only when it changes. */
	readonly #hint = $derived.by(() => this.#app.view.params.kommune);
	readonly #found: Resource<string | null>;
	readonly #overview: Resource<WebOverview>;
	readonly #database: Resource<BrowserDatabase>;
	readonly #early: Resource<EarlyUnit>;
	readonly #trend: Resource<TrendRow[]>;
	readonly #register: Resource<DepartmentRow[]>;
	readonly #peers: Resource<PeerRow[]>;
	readonly #values: Resource<PeerRow[]>;
	readonly #parts: Resource<PartRow[]>;

	/** undefined while searching, null when no municipality holds the unit. */
	readonly kode = $derived.by(() => this.#found.current);
	readonly overview = $derived.by(() => this.#overview.current ?? null);
	readonly db = $derived.by(() => this.#database.current ?? null);
	/**
	 * The municipalities whose rows the page loads: an organisation's every municipality (index.json's
	 * organisationer, home first), so its pages cover the whole organisation; else the unit's own.
	 */
	readonly codes = $derived.by((): string[] => (this.kode ? unitCodes(this.index, this.kind, this.id, this.kode) : []));
	/** The unit (dataKey) whose trend charts have been drawn (drawn(), or a while after their rows arrived). */
	#earlyPainted = $state<string | null>(null);
	/**
	 * Called by the trend charts each time one is drawn: the first draw is done once its frame is
	 * painted, and only then do DuckDB-WASM, the database's rows and overblik.json start (#database,
	 * #overview), so none of their work comes before the first chart's frame.
	 */
	drawn = (): void => {
		if (!this.kode) return;
		const key = this.dataKey;
		void afterPaint().then(() => (this.#earlyPainted = key));
	};
	/**
	 * Whether the first draw is done: the rows read from the Parquet are drawn (or the read failed,
	 * and the database must draw), or the database held the rows already.
	 */
	readonly #firstDrawRead = $derived.by(
		() => !!this.kode && (this.#earlyPainted === this.dataKey || this.#early.error != null || this.codes.every(isMunicipalityReady))
	);
	/** Whether the organisation has departments in more than one municipality. */
	readonly spansMunicipalities = $derived.by(() => this.codes.length > 1);
	/** What the unit's own rows are for: the unit in its municipality. */
	readonly dataKey = $derived.by(() => `${this.#unitKey}:${this.kode}`);
	/**
	 * The unit's trend rows: the database's once it has them, before that the same rows read from
	 * the Parquet files without it (parquet-trend.ts), so the charts are drawn while it starts. When
	 * the database's are the same rows, the early ones are kept, so nothing drawn from them is drawn again.
	 */
	readonly trendRows = $derived.by(() => {
		const rows = this.#trend.current;
		const early = this.#early.current?.trend;
		return rows && early && sameTrendRows(rows, early) ? early : (rows ?? early ?? null);
	});
	readonly departments = $derived.by(() => this.#register.current ?? null);
	/** The housing types of the unit's departments, from the register (or, before the database, the Parquet). */
	readonly housingTypes = $derived.by(() => this.departments?.map((d) => d.boligtype) ?? this.#early.current?.boligtyper ?? null);
	readonly peerRows = $derived.by(() => this.#peers.current ?? null);

	constructor(app: App, unit: () => { kind: UnitKind; id: string }) {
		this.#app = app;
		this.#unit = unit;
		this.#found = new Resource(
			() => {
				const { kind, id, index } = this;
				const hint = this.#hint;
				// The hint's trend rows are read beside the check that it holds the unit (their column
				// chunks at the same time as the check's), and taken by #early once it does.
				startEarlyTrend(index, kind, id, hint);
				return findMunicipality(index, kind, id, hint, parquetUnitLookup(parquetSources(), index));
			},
			{ key: () => this.#unitKey }
		);
		// The names' file and the database's rows wait for the first draw: their reading and decoding
		// (596 KB of JSON, every column of the municipality's row groups) would otherwise share the
		// main thread with the first charts'.
		this.#overview = new Resource(() => loadOverview(this.kode!), { key: () => (this.#firstDrawRead ? this.kode : null) });
		this.#database = new Resource(() => loadAll(this.codes), {
			key: () => (this.kode && this.#firstDrawRead ? this.codes.join(',') : null)
		});
		// Not when the database already holds the rows (a later page of the same municipality).
		this.#early = new Resource(
			() =>
				this.codes.every(isMunicipalityReady)
					? null
					: earlyTrend(parquetSources(), this.index, { kind: this.kind, id: this.id, kode: this.kode!, codes: this.codes }),
			{ key: () => (this.kode ? `${this.dataKey}:${this.codes.join(',')}` : null) }
		);
		// The charts take their width from a ResizeObserver, so they are drawn a frame or more after
		// their rows arrive, and say so (drawn()); a page that draws none (a tab never laid out) reads
		// on all the same, a while later.
		$effect(() => {
			const key = this.dataKey;
			if (!this.#early.current) return;
			const late = setTimeout(() => (this.#earlyPainted = key), EARLY_DRAW_WAIT_MS);
			return () => clearTimeout(late);
		});
		this.#trend = new Resource(() => (this.db ? queryTrend(this.db.run, this.kind, this.id, this.kode!) : null), {
			key: () => (this.kode ? this.dataKey : null)
		});
		// An organisation's departments in every municipality it is in, its home's first.
		this.#register = new Resource(
			() => (this.db ? eachCode(this.codes, (kode) => queryDepartmentsOf(this.db!.run, this.kind, this.id, kode)) : null),
			{ key: () => (this.kode ? this.dataKey : null) }
		);
		this.#peers = new Resource(() => (this.db ? queryPeers(this.db.run, this.kode!, this.ind.id, this.year) : null), {
			key: () => (this.kode ? `${this.kode}:${this.ind.id}:${this.year}` : null)
		});
		// The unit's departments' values in every municipality it spans (peers stay the page's municipality's).
		this.#values = new Resource(
			() => (this.db ? eachCode(this.codes, (kode) => queryPeers(this.db!.run, kode, this.ind.id, this.year)) : null),
			{ key: () => (this.kode ? `${this.codes.join(',')}:${this.ind.id}:${this.year}` : null) }
		);
		this.#parts = new Resource(() => (this.db && this.kind === 'boligorganisation' ? queryOrganisationParts(this.db.run, this.id) : null), {
			key: () => (this.kode && this.kind === 'boligorganisation' ? this.dataKey : null)
		});
	}

	/**
	 * Whether the database has given every row the page's sections share, for what the page now
	 * shows: the trends (replacing the Parquet's early ones), the register, the peers, the
	 * departments' values and an organisation's parts. DetailPage marks it as data-database-drawn,
	 * which the end-to-end tests wait on (tests/e2e/support/ready.ts): the early trends already
	 * carry data-chart-ready="true", and the database's redraw of them keeps it. (A section with a
	 * query of its own, such as an organisation's focus list, shows when it is in.)
	 */
	readonly databaseDrawn = $derived.by(
		() =>
			this.#trend.current !== undefined &&
			this.#register.current !== undefined &&
			this.#peers.current !== undefined &&
			this.#values.current !== undefined &&
			(this.kind !== 'boligorganisation' || this.#parts.current !== undefined)
	);

	/** Every department's value of the chosen figure and year in the municipalities the page loads. */
	readonly departmentValues = $derived.by(() => this.#values.current ?? null);
	/** An organisation's part in each of its municipalities (organisation-parts.ts). */
	readonly parts = $derived.by(() => this.#parts.current ?? null);
	/** A municipality's name from the index. */
	municipalityNameOf = (kode: string): string => this.index.kommuner.find((k) => k.kode === kode)?.navn ?? kode;

	/** The first load that failed, for the page's one error message. */
	readonly error = $derived.by(
		() =>
			this.#found.error ??
			this.#overview.error ??
			this.#database.error ??
			this.#trend.error ??
			this.#peers.error ??
			this.#register.error ??
			this.#values.error ??
			this.#parts.error
	);
	readonly foundError = $derived.by(() => this.#found.error);

	// Names come from overblik.json, so the heading shows before the database has started; before
	// it is in, from the Parquet columns the early trend read (the same names: both are the register's).
	readonly #earlyNames = $derived.by(() => this.#early.current?.names ?? null);
	readonly department = $derived.by(() => this.overview?.afdelinger.find((d) => d.id === this.id) ?? null);
	readonly areaNames = $derived.by(() =>
		this.overview ? new Map(this.overview.omraader.map((a) => [a.id, a.navn])) : (this.#earlyNames?.omraader ?? new Map<string, string>())
	);
	readonly organisationNames = $derived.by(() =>
		this.overview
			? new Map(this.overview.afdelinger.map((d) => [d.organisation_id, d.organisation_navn]))
			: (this.#earlyNames?.organisationer ?? new Map<string, string>())
	);
	readonly unitName = $derived.by(() =>
		this.kind === 'afdeling'
			? (this.department?.navn ?? this.#earlyNames?.afdelinger.get(this.id) ?? this.id)
			: this.kind === 'omraade'
				? (this.areaNames.get(this.id) ?? this.departments?.[0]?.omraade_navn ?? this.id)
				: (this.organisationNames.get(this.id) ?? this.id)
	);
	readonly municipalityName = $derived.by(() => (this.overview ? this.t.municipalityOf(this.overview.navn) : undefined));
	/** The municipality's name for the trend's line: overblik.json's, before it is in the index's. */
	readonly #municipalityLabel = (kode: string): string => this.t.municipalityOf(this.overview?.navn ?? this.municipalityNameOf(kode));

	seriesLabel = (key: SeriesKey, enhedId: string): string => {
		const t = this.t;
		// An organisation in several municipalities: its own line is the whole organisation's.
		if (key === this.kind) return this.spansMunicipalities ? `${this.unitName} (${t.wholeOrganisation.toLowerCase()})` : this.unitName;
		switch (key) {
			case 'afdeling':
				return this.unitName;
			case 'omraade':
				return `${t.area}: ${this.areaNames.get(enhedId) ?? enhedId}`;
			case 'boligorganisation':
				return `${t.organisation}: ${this.organisationNames.get(enhedId) ?? enhedId}`;
			case 'kommune':
				return this.#municipalityLabel(enhedId);
			case 'land':
				return t.country;
		}
	};

	/** A link inside the page's municipality. */
	link = (path: string): string => this.#app.view.href(path, { kommune: this.kode ?? null });
	/** The focus list of the page's municipality. */
	readonly focusHref = $derived.by(() => this.#app.view.href('/fokus', { kommune: this.kode ?? null }));
	readonly municipalityHref = $derived.by(() => this.#app.view.href(`/kommune/${this.kode}`, { kommune: null }));
}

/** Loads every municipality in turn (one shared database); the database once all are in. */
async function loadAll(codes: readonly string[]): Promise<BrowserDatabase> {
	const databases = await Promise.all(codes.map((kode) => municipalityDatabase(kode)));
	return databases[0]!;
}

/** One query per municipality, the rows joined in the municipalities' order. */
async function eachCode<T>(codes: readonly string[], query: (kode: string) => Promise<T[]>): Promise<T[]> {
	return (await Promise.all(codes.map(query))).flat();
}
