/**
 * A detail page's trend rows read straight from the published Parquet files (hyparquet), without
 * DuckDB-WASM: the rows queryTrend (queries/trend.ts) selects, as the very same doubles, so the
 * page draws its key figures while the database (a 34 MB wasm to compile, then the inserts) is
 * still starting, and the figures do not move when the database's rows replace them. Only the
 * few columns the trend needs are fetched, of the page's municipality's row groups.
 *
 * trendRowsFrom() is the selection (tested on the ingested sample by hand); readParquetTrend() reads.
 */
import { COUNTRY_ID, type RowRange, type WebIndex } from '../../core/output-contract.ts';
import type { IndicatorId } from '../../core/indicators.ts';
import type { UnitKind } from '../../data/unit-kind.ts';
import { readParquetColumns, type ParquetFile } from '../parquet-rows.ts';
import type { SeriesKey, TrendRow } from './trend.ts';
import type { TableName } from '../schema.ts';
import {
	departmentColumns,
	KIND_COLUMN,
	unitNamesFrom,
	type Columns,
	type DepartmentColumns,
	type ParquetFiles,
	type UnitNames
} from './parquet-units.ts';

const KEY_FIGURE_COLUMNS = ['afdeling_id', 'aar', 'indikator', 'vaerdi', 'diskretioneret'] as const;
const AGGREGATE_COLUMNS = ['niveau', 'enhed_id', 'aar', 'indikator', 'vaerdi', 'diskretioneret'] as const;

/** The columns a detail page's first draw reads, of the rows of the municipalities it loads. */
export interface TrendColumns {
	afdelinger: Pick<DepartmentColumns, 'afdeling_id' | 'omraade_id' | 'boligorganisation_id' | 'kommune_kode' | 'boligtype'>;
	/** Only a department's page reads key figures (its own series); else null. */
	noegletal: Columns<typeof KEY_FIGURE_COLUMNS> | null;
	aggregater: Columns<typeof AGGREGATE_COLUMNS>;
}

/** What the page draws before the database is ready. */
export interface EarlyUnit {
	/** As queryTrend returns them: the same rows in the same order. */
	trend: TrendRow[];
	/** The housing types of the unit's departments (as the register query gives them), for the cards' benchmarks. */
	boligtyper: (string | null)[];
	/** The names of the units among the page's municipalities' departments, for the labels before overblik.json is in. */
	names: UnitNames;
}

/**
 * The trend rows of a unit as DEPARTMENT_TREND_SQL or GROUP_TREND_SQL select them: a department's
 * own key figures and its area's, organisation's, municipality's (its own, from the register) and
 * the country's aggregates; an area or organisation's own aggregates, `kommune`'s and the country's.
 * Ordered by series, indicator and year, as the SQL orders them.
 */
export function trendRowsFrom(kind: UnitKind, id: string, kommune: string, t: TrendColumns): TrendRow[] {
	const rows: TrendRow[] = [];
	const wanted = new Map<string, SeriesKey>();
	if (kind === 'afdeling') {
		const at = t.afdelinger.afdeling_id.indexOf(id);
		// An unknown department: the SQL's join finds no unit, so no rows at all.
		if (at < 0) return [];
		const omraade = t.afdelinger.omraade_id[at];
		if (omraade != null) wanted.set(`omraade\u0000${String(omraade)}`, 'omraade');
		wanted.set(`boligorganisation\u0000${String(t.afdelinger.boligorganisation_id[at])}`, 'boligorganisation');
		wanted.set(`kommune\u0000${String(t.afdelinger.kommune_kode[at])}`, 'kommune');
		const k = t.noegletal;
		if (k) {
			for (let r = 0; r < k.afdeling_id.length; r++) {
				if (k.afdeling_id[r] !== id) continue;
				rows.push(trendRow('afdeling', id, k.aar[r], k.indikator[r], k.vaerdi[r], k.diskretioneret[r]));
			}
		}
	} else {
		wanted.set(`${kind}\u0000${id}`, kind);
		wanted.set(`kommune\u0000${kommune}`, 'kommune');
	}
	wanted.set(`land\u0000${COUNTRY_ID}`, 'land');
	const a = t.aggregater;
	for (let r = 0; r < a.niveau.length; r++) {
		const serie = wanted.get(`${String(a.niveau[r])}\u0000${String(a.enhed_id[r])}`);
		if (serie) rows.push(trendRow(serie, String(a.enhed_id[r]), a.aar[r], a.indikator[r], a.vaerdi[r], a.diskretioneret[r]));
	}
	const order = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
	return rows.sort((p, q) => order(p.serie, q.serie) || order(p.indikator, q.indikator) || p.aar - q.aar);
}

/** The housing types of the unit's departments among the rows read (the register query's filter). */
export function housingTypesFrom(kind: UnitKind, id: string, departments: TrendColumns['afdelinger']): (string | null)[] {
	const column = departments[KIND_COLUMN[kind]];
	const out: (string | null)[] = [];
	for (let r = 0; r < column.length; r++) {
		if (column[r] === id) out.push(departments.boligtype[r] == null ? null : String(departments.boligtype[r]));
	}
	return out;
}

function trendRow(
	serie: SeriesKey,
	enhed_id: string,
	aar: unknown,
	indikator: unknown,
	vaerdi: unknown,
	diskretioneret: unknown
): TrendRow {
	return {
		serie,
		enhed_id,
		aar: Number(aar),
		indikator: String(indikator) as IndicatorId,
		vaerdi: vaerdi == null ? null : Number(vaerdi),
		diskretioneret: diskretioneret === true
	};
}

/** Rows of several municipalities' ranges, in file order (each municipality's rows are its own). */
function mergedRanges(lists: readonly (readonly RowRange[])[]): RowRange[] {
	return lists.flat().sort((p, q) => p[0] - q[0]);
}

async function columnsOf<N extends readonly string[]>(
	file: ParquetFile,
	table: TableName,
	names: N,
	ranges: readonly RowRange[]
): Promise<Columns<N>> {
	const values = await readParquetColumns(file, table, names, ranges);
	return Object.fromEntries(names.map((n, i) => [n, values[i]!])) as unknown as Columns<N>;
}

/** The unit whose trend is read: `kode` is the page's municipality, `codes` every municipality the page loads (UnitData.codes). */
export interface TrendUnit {
	kind: UnitKind;
	id: string;
	kode: string;
	codes: readonly string[];
}

/**
 * Reads what the page draws first (from `sources`, the three files; `index`, web/index.json's row
 * ranges) for `unit`. The trend needs only `kode`'s rows (its aggregate rows hold the country, its
 * areas and every organisation with a department in it), the housing types every one's.
 */
export async function readParquetTrend(
	sources: Promise<ParquetFiles> | ParquetFiles,
	index: Pick<WebIndex, 'raekker'>,
	unit: TrendUnit
): Promise<EarlyUnit> {
	const { kind, id, kode, codes } = unit;
	const files = await sources;
	const rangesOf = (table: TableName, list: readonly string[]) => mergedRanges(list.map((k) => index.raekker[k]?.[table] ?? []));
	const [afdelinger, noegletal, aggregater] = await Promise.all([
		departmentColumns(files, index, codes),
		kind === 'afdeling' ? columnsOf(files.noegletal, 'noegletal', KEY_FIGURE_COLUMNS, rangesOf('noegletal', [kode])) : null,
		columnsOf(files.aggregater, 'aggregater', AGGREGATE_COLUMNS, rangesOf('aggregater', [kode]))
	]);
	return {
		trend: trendRowsFrom(kind, id, kode, { afdelinger, noegletal, aggregater }),
		boligtyper: housingTypesFrom(kind, id, afdelinger),
		names: unitNamesFrom(afdelinger)
	};
}

/** How many early reads are kept per set of sources: the page's own, and one started ahead of it. */
const KEPT = 4;
const started = new WeakMap<object, Map<string, Promise<EarlyUnit>>>();

/**
 * readParquetTrend, read once per sources and page while among the last few asked for: a detail
 * page starts it for its `?kommune=` while it still checks that municipality holds the unit
 * (find-municipality.ts), so the trend's column chunks are fetched beside that check, not after it.
 */
export function earlyTrend(sources: Promise<ParquetFiles>, index: Pick<WebIndex, 'raekker'>, unit: TrendUnit): Promise<EarlyUnit> {
	let kept = started.get(sources);
	if (!kept) started.set(sources, (kept = new Map()));
	const key = JSON.stringify([unit.kind, unit.id, unit.kode, unit.codes]);
	let early = kept.get(key);
	if (!early) {
		early = readParquetTrend(sources, index, unit);
		kept.set(key, early);
		const failed = early;
		failed.catch(() => kept.get(key) === failed && kept.delete(key));
		if (kept.size > KEPT) kept.delete(kept.keys().next().value!);
	}
	return early;
}
