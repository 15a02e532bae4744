/**
 * The dashboard's twins of the published files, under web/ (WEB_FILES in output.ts):
 *   web/index.json                 the municipalities, years and indicators (WebIndex)
 *   web/<kode>/afdelinger.arrow    its departments
 *   web/<kode>/noegletal.arrow     its departments' key figures
 *   web/<kode>/aggregater.arrow    its areas, the organisations with departments in it, itself, DK
 *   web/<kode>/overblik.json       the first view's figures (WebOverview)
 *
 * Why: DuckDB-WASM's npm builds cannot read Parquet offline (they fetch the Parquet extension
 * from the internet; issue 3, "Offline Parquet"), but insert Arrow IPC streams with nothing
 * fetched. Split per municipality, a page loads only its own rows.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Feature } from 'geojson';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { COUNTRY_ID, SCHEMA_VERSION, WEB_FILES, type AggregateRow, type DepartmentRow, type WebIndex } from '../../src/lib/contract/output.ts';
import type { IndicatorId } from '../../src/lib/indicators/catalogue.ts';
import { columnFromValues, ipcStream, type ColumnKind } from './arrow-table.ts';
import { DEPARTMENT_COLUMNS } from './departments.ts';
import { SORTED_INDICATORS } from './indicator-sql.ts';
import { keyFiguresArrow, type EncodedIds } from './web-key-figures.ts';
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

const AGGREGATE_KINDS: [keyof AggregateRow, ColumnKind, boolean][] = [
	['niveau', 'utf8', false],
	['enhed_id', 'utf8', false],
	['aar', 'int16', false],
	['indikator', 'utf8', false],
	['vaerdi', 'float64', true],
	['antal_afdelinger', 'int32', false],
	['diskretioneret', 'bool', false]
];

/** Writes web/ under `dir`; returns the index it wrote. */
export async function writeWebTwins(connection: DuckDBConnection, dir: string, input: WebTwinsInput): Promise<WebIndex> {
	const departments = (await connection.runAndReadAll(`SELECT ${DEPARTMENT_COLUMNS.join(', ')} FROM afdelinger`)).getRowObjectsJS() as unknown as DepartmentRow[];
	const encoder = new TextEncoder();
	const ids: EncodedIds = {
		departments: departments.map((d) => encoder.encode(d.afdeling_id)),
		indicators: SORTED_INDICATORS.map((ind) => encoder.encode(ind.id))
	};
	const byMunicipality = new Map<string, DepartmentRow[]>();
	const perArea = new Map<string, number>();
	for (const d of departments) {
		let list = byMunicipality.get(d.kommune_kode);
		if (!list) byMunicipality.set(d.kommune_kode, (list = []));
		list.push(d);
		if (d.omraade_id != null) perArea.set(d.omraade_id, (perArea.get(d.omraade_id) ?? 0) + 1);
	}
	await createWebAggregates(connection);

	const codes = [...byMunicipality.keys()].sort();
	const kommuner: WebIndex['kommuner'] = [];
	let done = 0;
	for (const kode of codes) {
		const own = byMunicipality.get(kode)!;
		const navn = own[0]!.kommune_navn ?? kode;
		const aggregates = (
			await connection.runAndReadAll(
				`SELECT ${AGGREGATE_KINDS.map(([c]) => c).join(', ')} FROM web_aggregater WHERE kommune_kode = $1`,
				[kode]
			)
		).getRowObjectsJS() as unknown as AggregateRow[];
		const write = async (file: string, bytes: Uint8Array | string) => {
			const path = join(dir, file);
			await mkdir(dirname(path), { recursive: true });
			await writeFile(path, bytes);
		};
		await write(
			WEB_FILES.departments(kode),
			ipcStream(DEPARTMENT_COLUMNS.map((c) => columnFromValues(c, DEPARTMENT_KINDS[c][0], DEPARTMENT_KINDS[c][1], own.map((d) => d[c])))
		));
		await write(WEB_FILES.keyFigures(kode), (await keyFiguresArrow(connection, kode, ids)).bytes);
		await write(
			WEB_FILES.aggregates(kode),
			ipcStream(AGGREGATE_KINDS.map(([c, kind, nullable]) => columnFromValues(c, kind, nullable, aggregates.map((a) => a[c]))))
		);
		const view = overview({ kode, navn, departments: own, aggregates, departmentsPerArea: perArea, areaShapes: input.areaShapes });
		await write(WEB_FILES.overview(kode), JSON.stringify(view));
		kommuner.push({
			kode,
			navn,
			afdelinger: own.length,
			omraader: view.omraader.length,
			organisationer: new Set(own.map((d) => d.boligorganisation_id)).size
		});
		input.onProgress?.(++done);
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
	await mkdir(join(dir, 'web'), { recursive: true });
	await writeFile(join(dir, WEB_FILES.index), JSON.stringify(index));
	return index;
}

/**
 * Table `web_aggregater`: the aggregate rows each municipality's file holds, tagged with its
 * code and sorted by it, so each file's rows are one range of the table (and come out in
 * aggregater's own order within it).
 */
async function createWebAggregates(connection: DuckDBConnection): Promise<void> {
	await connection.run(`CREATE TABLE web_aggregater AS
		WITH units AS (
			SELECT DISTINCT kommune_kode, 'omraade' AS niveau, omraade_id AS enhed_id FROM afdelinger WHERE omraade_id IS NOT NULL
			UNION ALL SELECT DISTINCT kommune_kode, 'boligorganisation', boligorganisation_id FROM afdelinger
			UNION ALL SELECT DISTINCT kommune_kode, 'kommune', kommune_kode FROM afdelinger
			UNION ALL SELECT DISTINCT kommune_kode, 'land', '${COUNTRY_ID}' FROM afdelinger
		)
		SELECT u.kommune_kode, g.* FROM aggregater g JOIN units u USING (niveau, enhed_id)
		ORDER BY u.kommune_kode, g.niveau, g.enhed_id, g.indikator, g.aar`);
}
