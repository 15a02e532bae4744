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
import { columnFromValues, ipcStream, utf8Dictionary, type ColumnKind } from './arrow-table.ts';
import { DEPARTMENT_COLUMNS } from './departments.ts';
import { ArrowStreamFile } from './arrow-file.ts';
import { arrowColumns, forEachGroup, type Batch, type StreamColumn } from './group-stream.ts';
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

const DEPARTMENT_KINDS: Record<(typeof DEPARTMENT_COLUMNS)[number], [ColumnKind, boolean]> = {
	afdeling_id: ['utf8', false],
	afdeling_navn: ['utf8', false],
	boligorganisation_id: ['utf8', false],
	boligorganisation_navn: ['utf8', false],
	kommune_kode: ['utf8', false],
	kommune_navn: ['utf8', true],
	omraade_id: ['utf8', true],
	omraade_navn: ['utf8', true],
	boligtype: ['utf8', true],
	opfoerelsesaar: ['int16', true],
	lat: ['float64', true],
	lon: ['float64', true]
};

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
	const departments = (
		await connection.runAndReadAll(`SELECT ${DEPARTMENT_COLUMNS.join(', ')} FROM afdelinger ORDER BY d`)
	).getRowObjectsJS() as unknown as DepartmentRow[];
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
	const aggregateColumns: StreamColumn[] = [
		{ name: 'niveau', kind: 'code', dictionary: utf8Dictionary(units.map(([niveau]) => niveau)) },
		{ name: 'enhed_id', kind: 'code', dictionary: utf8Dictionary(units.map(([, id]) => id)) },
		{ name: 'aar', kind: 'int16' },
		{ name: 'indikator', kind: 'code', dictionary: INDICATOR_BYTES },
		{ name: 'vaerdi', kind: 'float64' },
		{ name: 'antal_afdelinger', kind: 'int32' },
		{ name: 'diskretioneret', kind: 'bool' }
	];
	const written = new Set<number>();
	let open: { file: ArrowStreamFile; overview: AggregateRow[] } | null = null;
	const finishMunicipality = (kix: number) => {
		written.add(kix);
		const kode = codes[kix]!;
		const own = byMunicipality[kix]!;
		const navn = own[0]?.kommune_navn ?? kode;
		write(
			WEB_FILES.departments(kode),
			ipcStream(DEPARTMENT_COLUMNS.map((c) => columnFromValues(c, DEPARTMENT_KINDS[c][0], DEPARTMENT_KINDS[c][1], own.map((d) => d[c]))))
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
		SELECT m.kix, g.u AS niveau, g.u AS enhed_id, g.aar, g.ix, g.vaerdi, g.antal_afdelinger, g.diskretioneret
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
	const keyFigureColumns: StreamColumn[] = [
		{ name: 'afdeling_id', kind: 'code', dictionary: utf8Dictionary(departments.map((d) => d.afdeling_id)) },
		{ name: 'aar', kind: 'int16' },
		{ name: 'indikator', kind: 'code', dictionary: INDICATOR_BYTES },
		{ name: 'vaerdi', kind: 'float64' },
		{ name: 'diskretioneret', kind: 'bool' },
		{ name: 'taeller', kind: 'float64' },
		{ name: 'naevner', kind: 'float64' }
	];
	const files = new Map<number, ArrowStreamFile>();
	await forEachGroup(
		connection,
		`SELECT kix, d, aar, ix::INTEGER, vaerdi, diskretioneret, taeller, naevner FROM (${keyFigureRowsSql('kf', ['kix'])})`,
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

/** The rows the overview uses (areas, the municipality, the country) as objects. */
function overviewRows(rows: Batch, units: readonly [Level, string][]): AggregateRow[] {
	const [unit, , aar, ix, vaerdi, antal, flag] = rows.values as [Int32Array, Int32Array, Int16Array, Int32Array, Float64Array, Int32Array, Uint8Array];
	const valid = rows.valid[4];
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
