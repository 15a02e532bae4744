/**
 * An organisation's chart figures read straight from the published Parquet files (hyparquet),
 * without DuckDB-WASM: the rows the package's queries select (collect-data.ts), so a package pressed
 * while the database is still starting (its 34 MB wasm compiling, about 3.5 s of a 4.9 s package
 * on a quiet machine) draws its charts during that wait instead of after it. The trend is the
 * page's own early read (parquet-trend.ts); the register and the key figures are the
 * municipality's row groups, a few columns of them.
 *
 * Only the figures the charts draw come from here: the package checks them against the database's
 * (sameChartFigures) before it writes a chart and draws every chart again from the database's if
 * they differ, so what the package holds never rests on this copy of the SQL being right.
 * An organisation in several municipalities (whose charts need every municipality's rows) is left
 * to the database.
 */
import type { DepartmentRow, RowRange, WebIndex } from '../core/output-contract.ts';
import type { IndicatorId } from '../core/indicators.ts';
import { columnNames, decodeRow } from '../core/output-schema.ts';
import { loadIndex } from '../data/web-files.ts';
import { readParquetColumns } from '../db/parquet-rows.ts';
import { parquetSources } from '../db/parquet-sources.ts';
import { peersKey, toPeerRow, type PeerRow } from '../db/queries/peers.ts';
import { earlyTrend } from '../db/queries/parquet-trend.ts';
import type { ParquetFiles } from '../db/queries/parquet-units.ts';
import type { TableName } from '../db/schema.ts';
import { chartData, municipalitiesOf, wantedYears, type CollectInput } from './collect-data.ts';
import type { ChartData } from './model.ts';

const KEY_FIGURE_COLUMNS = ['afdeling_id', 'indikator', 'aar', 'vaerdi', 'diskretioneret'] as const;

/** DuckDB's order of text (its bytes in UTF-8, which is code point order), not JavaScript's UTF-16 units. */
export function compareText(x: string, y: string): number {
	if (x === y) return 0;
	const a = [...x];
	const b = [...y];
	for (let i = 0; i < Math.min(a.length, b.length); i++) {
		const d = a[i]!.codePointAt(0)! - b[i]!.codePointAt(0)!;
		if (d !== 0) return d;
	}
	return a.length - b.length;
}

/** The rows of a table's ranges, one object per row with the columns named. */
function rowsOf(names: readonly string[], values: unknown[][]): Record<string, unknown>[] {
	const rows: Record<string, unknown>[] = [];
	for (let r = 0; r < (values[0]?.length ?? 0); r++) rows.push(Object.fromEntries(names.map((n, i) => [n, values[i]![r]])));
	return rows;
}

/**
 * The charts' figures of a municipality's organisation from its register and key-figure rows, as
 * queryDepartmentsOf (boligorganisation) and queryPeersOf select them: the organisation's departments
 * by name and id; per key figure and year every department of the municipality with its value
 * (null if none), highest first, missing last, ties by id.
 */
export function organisationRows(
	kode: string,
	id: string,
	register: readonly Record<string, unknown>[],
	keyFigures: readonly Record<string, unknown>[],
	indikatorer: readonly IndicatorId[],
	years: readonly number[]
): { departments: DepartmentRow[]; peers: Map<string, PeerRow[]> } {
	const departments = register.filter((d) => d.kommune_kode === kode).map((d) => decodeRow('afdelinger', d));
	const own = departments
		.filter((d) => d.boligorganisation_id === id)
		.sort((p, q) => compareText(p.afdeling_navn, q.afdeling_navn) || compareText(p.afdeling_id, q.afdeling_id));
	const figures = new Map<string, Record<string, unknown>>();
	for (const k of keyFigures) figures.set(`${String(k.afdeling_id)}\u0000${String(k.indikator)}\u0000${Number(k.aar)}`, k);
	const peers = new Map<string, PeerRow[]>();
	for (const indikator of new Set(indikatorer)) {
		for (const aar of new Set(years)) {
			const rows = departments.map((d) => {
				const k = figures.get(`${d.afdeling_id}\u0000${indikator}\u0000${aar}`);
				return toPeerRow({ ...d, vaerdi: k?.vaerdi ?? null, diskretioneret: k?.diskretioneret === true });
			});
			rows.sort((p, q) =>
				p.vaerdi === q.vaerdi
					? compareText(p.afdeling_id, q.afdeling_id)
					: p.vaerdi == null
						? 1
						: q.vaerdi == null
							? -1
							: q.vaerdi - p.vaerdi || compareText(p.afdeling_id, q.afdeling_id)
			);
			peers.set(peersKey(indikator, aar), rows);
		}
	}
	return { departments: own, peers };
}

/** The organisation's chart figures from the Parquet files, or null for one in several municipalities. */
export async function parquetChartData(
	input: CollectInput,
	sources: Promise<ParquetFiles>,
	index: Pick<WebIndex, 'raekker'>
): Promise<ChartData | null> {
	if (municipalitiesOf(input).length > 1) return null;
	const kode = input.kommune.kode;
	const id = input.organisation.id;
	const ranges = (table: TableName): RowRange[] => [...(index.raekker[kode]?.[table] ?? [])].sort((p, q) => p[0] - q[0]);
	const files = await sources;
	const registerColumns = columnNames('afdelinger');
	const [early, register, keyFigures] = await Promise.all([
		earlyTrend(sources, index, { kind: 'boligorganisation', id, kode, codes: [kode] }),
		readParquetColumns(files.afdelinger, 'afdelinger', registerColumns, ranges('afdelinger')),
		readParquetColumns(files.noegletal, 'noegletal', KEY_FIGURE_COLUMNS, ranges('noegletal'))
	]);
	const rows = organisationRows(
		kode,
		id,
		rowsOf(registerColumns, register),
		rowsOf(KEY_FIGURE_COLUMNS, keyFigures),
		input.indicators,
		wantedYears(input)
	);
	return chartData(input, { trendRows: early.trend, departments: rows.departments, partRows: [], peerTables: [rows.peers] });
}

/** parquetChartData from the page's own sources and index (the browser's; PackageDeps.earlyCharts). */
export async function pageChartData(input: CollectInput): Promise<ChartData | null> {
	return parquetChartData(input, parquetSources(), await loadIndex());
}
