/**
 * The dashboard's twins of the published files, under web/ (WEB_FILES in output.ts):
 *   web/index.json                 the municipalities, years and indicators (WebIndex)
 *   web/<kode>/afdelinger.arrow    its departments
 *   web/<kode>/noegletal.arrow     its departments' key figures
 *   web/<kode>/aggregater.arrow    its areas, the organisations with departments in it, itself, DK
 *   web/<kode>/overblik.json       the first view's figures (WebOverview)
 * Same columns, types and order as the Parquet files (years as Int16).
 *
 * Why: DuckDB-WASM's npm builds cannot read Parquet offline (they fetch the Parquet extension
 * from the internet; issue 3, "Offline Parquet"), but insert Arrow IPC streams with nothing
 * fetched. Split per municipality, a page loads only its own rows.
 *
 * Each table is streamed once and split by municipality on the way (group-stream.ts), written a
 * record batch at a time (arrow-file.ts), so memory holds a batch per municipality even at
 * national10's nine million key-figure rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Feature } from 'geojson';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
	SCHEMA_VERSION,
	WEB_FILES,
	type AggregateRow,
	type DepartmentRow,
	type Level,
	type WebIndex
} from '../../src/lib/core/output-contract.ts';
import type { IndicatorId } from '../../src/lib/core/indicators.ts';
import { columnIndex, columnsOf, decodeRow, selectList, type ColumnName } from '../../src/lib/core/output-schema.ts';
import { KIND_OF_TYPE, columnFromValues, ipcStream, utf8Dictionary } from './arrow-table.ts';
import { ArrowStreamFile } from './arrow-file.ts';
import { arrowColumns, forEachGroup, streamColumns, type Batch, type StreamColumn } from './group-stream.ts';
import { SORTED_INDICATORS } from './indicator-sql.ts';
import { keyFigureRowsSql } from './key-figure-rows.ts';
import { overview } from './web-overview.ts';

export interface WebTwinsInput {
	demo: boolean;
	years: number[];
	indicators: IndicatorId[];
	geo: WebIndex['geo'];
	/** Features of omraader.geojson by omraade_id. */
	areaShapes: ReadonlyMap<string, readonly Feature[]>;
	onProgress?: (done: number) => void;
}

const INDICATOR_BYTES = utf8Dictionary(SORTED_INDICATORS.map((i) => i.id));

/** Writes web/ under `dir`; returns the index it wrote. */
export async function writeWebTwins(connection: DuckDBConnection, dir: string, input: WebTwinsInput): Promise<WebIndex> {
	// Synchronous on purpose: hundreds of small files, and each async call's trip through the
	// thread pool (which DuckDB's async calls share) costs more than the write itself.
	const place = (file: string) => {
		const path = join(dir, file);
		mkdirSync(dirname(path), { recursive: true });
		return path;
	};
	const write = (file: string, bytes: Uint8Array | string) => writeFileSync(place(file), bytes);
	const arrowFile = (file: string) => new ArrowStreamFile(place(file));
	const writeEmpty = (file: string, columns: readonly StreamColumn[]) => {
		const empty = arrowFile(file);
		empty.write(arrowColumns(columns, null));
		empty.close();
	};
	const departments = (await connection.runAndReadAll(`SELECT ${selectList('afdelinger')} FROM afdelinger ORDER BY d`))
		.getRowObjectsJS()
		.map((row) => decodeRow('afdelinger', row));
	const codes = (await connection.runAndReadAll('SELECT DISTINCT kix, kommune_kode FROM afdelinger ORDER BY kix')).getRows().map((r) => r[1] as string);
	const kixOf = new Map(codes.map((kode, kix) => [kode, kix]));
	const byMunicipality = codes.map(() => [] as DepartmentRow[]);
	const perArea = new Map<string, number>();
	for (const d of departments) {
		byMunicipality[kixOf.get(d.kommune_kode)!]!.push(d);
		if (d.omraade_id != null) perArea.set(d.omraade_id, (perArea.get(d.omraade_id) ?? 0) + 1);
	}
	const kommuner: WebIndex['kommuner'] = [];

	// Pass 1: departments, aggregates and the overview, per municipality.
	const units = (await connection.runAndReadAll('SELECT niveau, enhed_id FROM units ORDER BY u')).getRows() as [Level, string][];
	const aggregateColumns = streamColumns('aggregater', {
		niveau: utf8Dictionary(units.map(([niveau]) => niveau)),
		enhed_id: utf8Dictionary(units.map(([, id]) => id)),
		indikator: INDICATOR_BYTES
	});
	const written = new Set<number>();
	let open: { file: ArrowStreamFile; overview: AggregateRow[] } | null = null;
	const finishMunicipality = (kix: number) => {
		written.add(kix);
		const kode = codes[kix]!;
		const own = byMunicipality[kix]!;
		const navn = own[0]?.kommune_navn ?? kode;
		write(
			WEB_FILES.departments(kode),
			ipcStream(columnsOf('afdelinger').map((c) => columnFromValues(c.name, KIND_OF_TYPE[c.type], c.nullable, own.map((d) => d[c.name]))))
		);
		const view = overview({
			kode,
			navn,
			departments: own,
			aggregates: open?.overview ?? [],
			departmentsPerArea: perArea,
			areaShapes: input.areaShapes
		});
		write(WEB_FILES.overview(kode), JSON.stringify(view));
		kommuner.push({
			kode,
			navn,
			afdelinger: own.length,
			omraader: view.omraader.length,
			organisationer: new Set(own.map((d) => d.boligorganisation_id)).size
		});
		input.onProgress?.(written.size);
	};
	await forEachGroup(
		connection,
		`WITH member AS (
			SELECT m.kix, u.u FROM units u JOIN (
				SELECT DISTINCT kix, 0 AS level, oix AS key FROM afdelinger WHERE oix IS NOT NULL
				UNION ALL SELECT DISTINCT kix, 1, bix FROM afdelinger
				UNION ALL SELECT DISTINCT kix, 2, kix FROM afdelinger
				UNION ALL SELECT DISTINCT kix, 3, 0 FROM afdelinger
			) m USING (level, key)
		)
		SELECT m.kix, ${selectList('aggregater', { prefix: 'g.', expressions: { niveau: 'g.u', enhed_id: 'g.u', indikator: 'g.ix' } })}
		FROM aggregater g JOIN member m USING (u)
		ORDER BY m.kix, g.u, g.ix, g.aar`,
		[],
		aggregateColumns,
		{
			start: (kix) => {
				open = { file: arrowFile(WEB_FILES.aggregates(codes[kix]!)), overview: [] };
			},
			batch: (_, batch) => {
				for (const row of overviewRows(batch, units)) open!.overview.push(row);
				open!.file.write(arrowColumns(aggregateColumns, batch));
			},
			end: (kix) => {
				open!.file.close();
				finishMunicipality(kix);
				open = null;
			}
		},
		{ sortedByGroup: true }
	);
	for (let kix = 0; kix < codes.length; kix++) {
		if (written.has(kix)) continue;
		writeEmpty(WEB_FILES.aggregates(codes[kix]!), aggregateColumns);
		finishMunicipality(kix);
	}
	kommuner.sort((a, b) => (a.kode < b.kode ? -1 : 1));

	// Pass 2: key figures, straight from kf: rows come in afdeling_id order, each municipality's
	// rows go to its own file as they come (one open file and one pending batch per municipality).
	const keyFigureColumns = streamColumns('noegletal', {
		afdeling_id: utf8Dictionary(departments.map((d) => d.afdeling_id)),
		indikator: INDICATOR_BYTES
	});
	const files = new Map<number, ArrowStreamFile>();
	await forEachGroup(
		connection,
		`SELECT kix, ${selectList('noegletal', { expressions: { afdeling_id: 'd', indikator: 'ix::INTEGER' } })} FROM (${keyFigureRowsSql('kf', ['kix'])})`,
		[],
		keyFigureColumns,
		{
			start: (kix) => files.set(kix, arrowFile(WEB_FILES.keyFigures(codes[kix]!))),
			batch: (kix, batch) => files.get(kix)!.write(arrowColumns(keyFigureColumns, batch)),
			end: (kix) => files.get(kix)!.close()
		}
	);
	const withKeyFigures = new Set(files.keys());
	for (let kix = 0; kix < codes.length; kix++) {
		if (!withKeyFigures.has(kix)) writeEmpty(WEB_FILES.keyFigures(codes[kix]!), keyFigureColumns);
	}

	const largest = [...kommuner].sort((a, b) => b.afdelinger - a.afdelinger || (a.kode < b.kode ? -1 : 1))[0];
	const index: WebIndex = {
		schema_version: SCHEMA_VERSION,
		demo: input.demo,
		years: input.years,
		indicators: input.indicators,
		default_kommune: largest?.kode ?? '',
		kommuner,
		geo: input.geo
	};
	write(WEB_FILES.index, JSON.stringify(index));
	return index;
}

/** The rows the overview uses (areas, the municipality, the country) as objects (codes decoded). */
function overviewRows(rows: Batch, units: readonly [Level, string][]): AggregateRow[] {
	const column = (name: ColumnName<'aggregater'>) => rows.values[columnIndex('aggregater', name)]!;
	const unit = column('niveau') as Int32Array;
	const aar = column('aar') as Int16Array;
	const ix = column('indikator') as Int32Array;
	const vaerdi = column('vaerdi') as Float64Array;
	const antal = column('antal_afdelinger') as Int32Array;
	const flag = column('diskretioneret') as Uint8Array;
	const valid = rows.valid[columnIndex('aggregater', 'vaerdi')];
	const result: AggregateRow[] = [];
	for (let r = 0; r < rows.rows; r++) {
		const [niveau, enhed_id] = units[unit[r]!]!;
		if (niveau === 'boligorganisation') continue;
		result.push({
			niveau,
			enhed_id,
			aar: aar[r]!,
			indikator: SORTED_INDICATORS[ix[r]!]!.id,
			vaerdi: valid && !valid[r] ? null : vaerdi[r]!,
			antal_afdelinger: antal[r]!,
			diskretioneret: flag[r] === 1
		});
	}
	return result;
}
