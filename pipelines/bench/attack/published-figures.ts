/**
 * The attacker's reading of an output folder: every published person-based figure, as an
 * interval of its published rounding, from every file the site serves. Written apart from the
 * ingest's audit (pipelines/build/audit*.ts, privacy*.ts) on purpose: it reads the files as a
 * stranger would (hyparquet, JSON.parse), so a file, level or precision the audit's own model
 * leaves out shows up here. Nothing here imports the pipeline's build code.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';

/** A unit of the published files: a department or an aggregate (area, organisation, municipality, country). */
export type UnitLevel = 'afdeling' | 'omraade' | 'boligorganisation' | 'kommune' | 'land';

/** One published figure (a rate) as the interval its rounding leaves, and where it was read. */
export interface PublishedFigure {
	level: UnitLevel;
	unit: string;
	year: number;
	indicator: string;
	lo: number;
	hi: number;
	source: string;
}

/** A cell the files mark withheld (`diskretioneret`), department or aggregate. */
export interface WithheldCell {
	level: UnitLevel;
	unit: string;
	year: number;
	indicator: string;
}

export interface DepartmentHome {
	omraade: string | null;
	boligorganisation: string;
	kommune: string;
	boligtype: string | null;
}

/**
 * A reference figure (referencetal.json) of a person-based key figure: another publisher's figure
 * for the country, a region or a municipality (all housing types, or one). Where the input covers
 * its group it is an aggregate of the same residents (data/README.md's threat model): `taeller`
 * an exact count, else `vaerdi` at its written decimals over `naevner` or the group's residents.
 */
export interface ReferenceFigure {
	level: 'land' | 'region' | 'kommune';
	unit: string;
	year: number;
	indicator: string;
	boligtype: string | null;
	taeller: number | null;
	naevner: number | null;
	vaerdi: number;
	decimaler: number;
}

/** A figure whose published text is not a rate of the unit (quantiles): checked by recomputing it. */
export interface DerivedFigure {
	file: string;
	indicator: string;
	what: 'klassegrundlag' | 'kvantiler';
	values: number[];
	decimals: number;
}

export interface PublishedOutput {
	figures: PublishedFigure[];
	withheld: WithheldCell[];
	/** Department rows present for an indicator-year (published or withheld): the members of the year's aggregates. */
	present: Set<string>;
	departments: Map<string, DepartmentHome>;
	/** antal_afdelinger of each aggregate row, keyed as figureKey. */
	memberCounts: Map<string, number>;
	derived: DerivedFigure[];
	/**
	 * Targets' baselines (aftaler.json): published beside the figures, but the agreement's own
	 * number, which may come from another count; kept apart so a baseline that is not the data's
	 * figure cannot make the year's system infeasible, and checked on its own.
	 */
	baselines: PublishedFigure[];
	references: ReferenceFigure[];
	/** Files read, with what was taken from each. */
	files: { file: string; taken: string }[];
}

export const figureKey = (level: UnitLevel, unit: string, year: number, indicator: string): string => `${level}|${unit}|${year}|${indicator}`;

/**
 * A double written in full: the attacker reads it to within a few units in its last place. 1e-12
 * relative is far wider than that (a wider interval gives the attacker less, so a found exposure
 * is no artefact of assuming too fine a value).
 */
export function doubleInterval(v: number): [number, number] {
	const h = Math.abs(v) * 1e-12 + 1e-13;
	return [v - h, v + h];
}

/** A value rounded to `decimals`: the interval of values that round to it. */
export function roundedInterval(v: number, decimals: number): [number, number] {
	const h = 0.5 * 10 ** -decimals * (1 + 1e-9);
	return [v - h, v + h];
}

/** Decimals a JSON number was written with (its shortest text). */
export function writtenDecimals(v: number): number {
	const text = String(v);
	if (text.includes('e')) return 17;
	const dot = text.indexOf('.');
	return dot < 0 ? 0 : text.length - dot - 1;
}

interface KeyFigureParquetRow {
	afdeling_id: string;
	aar: number;
	indikator: string;
	vaerdi: number | null;
	diskretioneret: boolean;
}
interface AggregateParquetRow {
	niveau: UnitLevel;
	enhed_id: string;
	aar: number;
	indikator: string;
	vaerdi: number | null;
	antal_afdelinger: number;
	diskretioneret: boolean;
}
interface SeriesPoint {
	aar: number;
	vaerdi: number | null;
	diskretioneret: boolean;
}

/** Reads `dir` for the indicators in `personBased` (ids): every file, every level. */
export async function readPublished(dir: string, personBased: ReadonlySet<string>): Promise<PublishedOutput> {
	const out: PublishedOutput = {
		figures: [],
		withheld: [],
		present: new Set(),
		departments: new Map(),
		memberCounts: new Map(),
		derived: [],
		baselines: [],
		references: [],
		files: []
	};
	const parquet = async <T>(file: string, columns: string[]): Promise<T[]> =>
		(await parquetReadObjects({ file: await asyncBufferFromFile(join(dir, file)), columns })) as T[];

	for (const d of await parquet<{ afdeling_id: string; boligorganisation_id: string; kommune_kode: string; omraade_id: string | null; boligtype: string | null }>(
		'afdelinger.parquet',
		['afdeling_id', 'boligorganisation_id', 'kommune_kode', 'omraade_id', 'boligtype']
	)) {
		out.departments.set(d.afdeling_id, { omraade: d.omraade_id, boligorganisation: d.boligorganisation_id, kommune: d.kommune_kode, boligtype: d.boligtype });
	}
	out.files.push({ file: 'afdelinger.parquet', taken: 'hver afdelings område, organisation, kommune og boligtype (grupperne)' });

	for (const r of await parquet<KeyFigureParquetRow>('noegletal.parquet', ['afdeling_id', 'aar', 'indikator', 'vaerdi', 'diskretioneret'])) {
		if (!personBased.has(r.indikator)) continue;
		const year = Number(r.aar);
		if (r.diskretioneret) {
			out.withheld.push({ level: 'afdeling', unit: r.afdeling_id, year, indicator: r.indikator });
			out.present.add(figureKey('afdeling', r.afdeling_id, year, r.indikator));
		} else if (r.vaerdi !== null) {
			const [lo, hi] = doubleInterval(r.vaerdi);
			out.figures.push({ level: 'afdeling', unit: r.afdeling_id, year, indicator: r.indikator, lo, hi, source: 'noegletal.parquet' });
			out.present.add(figureKey('afdeling', r.afdeling_id, year, r.indikator));
		}
	}
	out.files.push({ file: 'noegletal.parquet', taken: 'afdelingstal (fuld double) og skjulte afdelinger' });

	for (const r of await parquet<AggregateParquetRow>('aggregater.parquet', [
		'niveau',
		'enhed_id',
		'aar',
		'indikator',
		'vaerdi',
		'antal_afdelinger',
		'diskretioneret'
	])) {
		if (!personBased.has(r.indikator)) continue;
		const year = Number(r.aar);
		out.memberCounts.set(figureKey(r.niveau, r.enhed_id, year, r.indikator), Number(r.antal_afdelinger));
		if (r.diskretioneret) out.withheld.push({ level: r.niveau, unit: r.enhed_id, year, indicator: r.indikator });
		else if (r.vaerdi !== null) {
			const [lo, hi] = doubleInterval(r.vaerdi);
			out.figures.push({ level: r.niveau, unit: r.enhed_id, year, indicator: r.indikator, lo, hi, source: 'aggregater.parquet' });
		}
	}
	out.files.push({ file: 'aggregater.parquet', taken: 'alle niveauers tal (fuld double), skjulte aggregater, antal_afdelinger' });

	await readWebFiles(dir, personBased, out);
	await readTargets(dir, personBased, out);
	await readReferences(dir, personBased, out);
	return out;
}

/** referencetal.json: the reference figures of person-based key figures, as published. */
async function readReferences(dir: string, personBased: ReadonlySet<string>, out: PublishedOutput): Promise<void> {
	const doc = JSON.parse(await readFile(join(dir, 'referencetal.json'), 'utf8')) as {
		referencetal: { niveau: ReferenceFigure['level']; enhed_id: string; aar: number; indikator: string; boligtype: string | null; taeller: number | null; naevner: number | null; vaerdi: number; decimaler: number }[];
	};
	for (const r of doc.referencetal) {
		if (!personBased.has(r.indikator)) continue;
		out.references.push({ level: r.niveau, unit: r.enhed_id, year: r.aar, indicator: r.indikator, boligtype: r.boligtype, taeller: r.taeller, naevner: r.naevner, vaerdi: r.vaerdi, decimaler: r.decimaler });
	}
	out.files.push({ file: 'referencetal.json', taken: 'referencetal for personfølsomme nøgletal (tæller præcis, ellers værdien med sine decimaler) for grupper, inddata dækker' });
}

/** web/index.json, web/land.json and every web/<kode>/overblik.json. */
async function readWebFiles(dir: string, personBased: ReadonlySet<string>, out: PublishedOutput): Promise<void> {
	const json = async (file: string): Promise<Record<string, unknown>> => JSON.parse(await readFile(join(dir, file), 'utf8')) as Record<string, unknown>;
	const series = (file: string, level: UnitLevel, unit: string, indicator: string, points: SeriesPoint[] | undefined) => {
		if (!personBased.has(indicator)) return;
		for (const p of points ?? []) {
			if (p.diskretioneret || p.vaerdi === null) continue;
			// overblik.json and land.json round to 4 decimals (web-overview.ts says so; the attacker
			// checks it against the written text instead of trusting it: a longer text is read as written).
			const [lo, hi] = roundedInterval(p.vaerdi, Math.max(4, writtenDecimals(p.vaerdi)));
			out.figures.push({ level, unit, year: p.aar, indicator, lo, hi, source: file });
		}
	};
	const basis = (file: string, doc: Record<string, unknown>) => {
		const k = doc.klassegrundlag as Record<string, { kvintiler: number[] }> | undefined;
		for (const [indicator, b] of Object.entries(k ?? {})) {
			if (personBased.has(indicator)) out.derived.push({ file, indicator, what: 'klassegrundlag', values: b.kvintiler, decimals: 4 });
		}
	};

	const web = join(dir, 'web');
	for (const entry of await readdir(web, { withFileTypes: true })) {
		if (!entry.isDirectory()) continue;
		const file = `web/${entry.name}/overblik.json`;
		const doc = await json(file);
		const s = doc.series as Record<string, { kommune: SeriesPoint[]; land: SeriesPoint[] }>;
		for (const [indicator, pair] of Object.entries(s)) {
			series(file, 'kommune', String(doc.kode), indicator, pair.kommune);
			series(file, 'land', 'DK', indicator, pair.land);
		}
		for (const area of doc.omraader as { id: string; values: Record<string, SeriesPoint[]> }[]) {
			for (const [indicator, points] of Object.entries(area.values)) series(file, 'omraade', area.id, indicator, points);
		}
		basis(file, doc);
	}
	out.files.push({ file: 'web/<kode>/overblik.json', taken: 'kommunens, landets og områdernes serier (4 decimaler), klassegrundlag' });

	const national = await json('web/land.json');
	for (const k of national.kommuner as { kode: string; series: Record<string, SeriesPoint[]> }[]) {
		for (const [indicator, points] of Object.entries(k.series)) series('web/land.json', 'kommune', k.kode, indicator, points);
	}
	for (const [indicator, points] of Object.entries(national.land as Record<string, SeriesPoint[]>)) series('web/land.json', 'land', 'DK', indicator, points);
	basis('web/land.json', national);
	out.files.push({ file: 'web/land.json', taken: 'kommunernes og landets serier (4 decimaler), klassegrundlag' });

	const index = await json('web/index.json');
	const declared = (index.indikatorer ?? []) as { indikator: string; decimaler: string }[];
	for (const [indicator, q] of Object.entries((index.kvantiler ?? {}) as Record<string, { graenser: number[] }>)) {
		if (!personBased.has(indicator)) continue;
		const decimals = Number(declared.find((d) => d.indikator === indicator)?.decimaler ?? 1);
		out.derived.push({ file: 'web/index.json', indicator, what: 'kvantiler', values: q.graenser, decimals });
	}
	out.files.push({ file: 'web/index.json', taken: 'kvantiler (områdernes kvintiler for erklærede nøgletal)' });
}

/** aftaler.json: a target's baseline is a published figure of its unit in its base year. */
async function readTargets(dir: string, personBased: ReadonlySet<string>, out: PublishedOutput): Promise<void> {
	const doc = JSON.parse(await readFile(join(dir, 'aftaler.json'), 'utf8')) as {
		aftaler: { maal_id: string; niveau: UnitLevel; enhed_id: string; indikator: string; basisaar: number; basisvaerdi: number }[];
	};
	for (const t of doc.aftaler) {
		if (!personBased.has(t.indikator) || typeof t.basisvaerdi !== 'number') continue;
		const [lo, hi] = roundedInterval(t.basisvaerdi, writtenDecimals(t.basisvaerdi));
		out.baselines.push({ level: t.niveau, unit: t.enhed_id, year: t.basisaar, indicator: t.indikator, lo, hi, source: `aftaler.json (${t.maal_id})` });
	}
	out.files.push({ file: 'aftaler.json', taken: 'målenes basisværdi (som skrevet) for personfølsomme nøgletal' });
}
