/**
 * The dashboard's small files under web/ (WEB_FILES in output-contract.ts):
 *   web/index.json                 the municipalities, years and indicators, and each one's row
 *                                  ranges in the Parquet files (WebIndex)
 *   web/<kode>/overblik.json       the first view's figures (WebOverview, web-overview.ts)
 * The rows themselves the dashboard reads from the published Parquet files (parquet-files.ts).
 *
 * Why the overview files stay: the first chart draws from one small JSON file while DuckDB-WASM
 * (about a second to start) and the Parquet reader load in the background (README, benchmarks).
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Feature } from 'geojson';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SCHEMA_VERSION, WEB_FILES, type AggregateRow, type DepartmentRow, type Level, type WebIndex, type WebNational, type WebOverview } from '../../src/lib/core/output-contract.ts';
import type { Indicator, IndicatorId } from '../../src/lib/core/indicators.ts';
import { declarationOf } from '../../src/lib/core/indicator-declaration.ts';
import { isValid, readChunks } from '../duckdb/duckdb-columns.ts';
import { sortedIndicators } from './indicator-sql.ts';
import type { ParquetLayout } from './parquet-files.ts';
import { overview } from './web-overview.ts';
import { classBasis } from './class-basis.ts';
import { aggregateLabel } from '../../src/lib/core/national-benchmark.ts';
import { nationalQuantiles } from './quantiles.ts';

export interface WebFilesInput {
	demo: boolean;
	years: number[];
	indicators: IndicatorId[];
	/** The input's own indicators (indikatorer.csv), published as their declarations. */
	declared: readonly Indicator[];
	geo: WebIndex['geo'];
	/** Where each municipality's rows are in the Parquet files. */
	parquet: ParquetLayout;
	/** The afdelinger table's rows in `d` (afdeling_id) order (LoadedDepartments.rows). */
	departments: readonly DepartmentRow[];
	/** Features of omraader.geojson by omraade_id. */
	areaShapes: ReadonlyMap<string, readonly Feature[]>;
	onProgress?: (done: number) => void;
	daekning: WebIndex['daekning'];
	referencetal: WebIndex['referencetal'];
}

/** Writes web/ under `dir`; returns the index it wrote. */
export async function writeWebFiles(connection: DuckDBConnection, dir: string, input: WebFilesInput): Promise<WebIndex> {
	// Synchronous on purpose: hundreds of small files, and each async call's trip through the
	// thread pool (which DuckDB's async calls share) costs more than the write itself.
	const sorted = sortedIndicators();
	const write = (file: string, text: string) => {
		const path = join(dir, file);
		mkdirSync(dirname(path), { recursive: true });
		writeFileSync(path, text);
	};
	const departments = input.departments;
	const codes = (await connection.runAndReadAll('SELECT DISTINCT kix, kommune_kode FROM afdelinger ORDER BY kix')).getRows().map((r) => r[1] as string);
	const kixOf = new Map(codes.map((kode, kix) => [kode, kix]));
	const byMunicipality = codes.map(() => [] as DepartmentRow[]);
	const perArea = new Map<string, number>();
	for (const d of departments) {
		byMunicipality[kixOf.get(d.kommune_kode)!]!.push(d);
		if (d.omraade_id != null) perArea.set(d.omraade_id, (perArea.get(d.omraade_id) ?? 0) + 1);
	}

	const kommuner: WebIndex['kommuner'] = [];
	const raekker: WebIndex['raekker'] = {};
	// The sum over the loaded departments is `land` in the files (the contract), named honestly beside it.
	const landNavn = aggregateLabel({ loaded: input.daekning.antal, total: input.daekning.i_alt })?.da ?? null;
	const klassegrundlag = await classBasis(connection, input.daekning.i_alt);
	const national: WebNational = { kommuner: [], land: {} as WebNational['land'], land_navn: landNavn, klassegrundlag };
	const finish = (kix: number, aggregates: AggregateRow[]) => {
		const kode = codes[kix]!;
		const own = byMunicipality[kix]!;
		const navn = own[0]?.kommune_navn ?? kode;
		const view: WebOverview = {
			...overview({ kode, navn, departments: own, aggregates, departmentsPerArea: perArea, areaShapes: input.areaShapes }),
			land_navn: landNavn,
			klassegrundlag
		};
		write(WEB_FILES.overview(kode), JSON.stringify(view));
		const series = Object.fromEntries(Object.entries(view.series).map(([id, s]) => [id, s.kommune]));
		national.kommuner.push({ kode, navn, series: series as WebNational['kommuner'][number]['series'] });
		if (kix === 0) national.land = Object.fromEntries(Object.entries(view.series).map(([id, s]) => [id, s.land])) as WebNational['land'];
		kommuner.push({
			kode,
			navn,
			afdelinger: own.length,
			omraader: view.omraader.length,
			organisationer: new Set(own.map((d) => d.boligorganisation_id)).size
		});
		raekker[kode] = input.parquet.rows.get(kode) ?? { afdelinger: [], noegletal: [], aggregater: [] };
		input.onProgress?.(kommuner.length);
	};

	// The overview's aggregate rows (its areas, itself, the country), one municipality at a time:
	// every municipality has a row for the country, so each appears in kix order.
	const units = (await connection.runAndReadAll('SELECT niveau, enhed_id FROM units ORDER BY u')).getRows() as [Level, string][];
	let current = 0;
	let rows: AggregateRow[] = [];
	const chunks = readChunks(
		connection,
		`WITH member AS (
			SELECT DISTINCT kix, 0 AS level, oix AS key FROM afdelinger WHERE oix IS NOT NULL
			UNION ALL SELECT DISTINCT kix, 2, kix FROM afdelinger
			UNION ALL SELECT DISTINCT kix, 3, 0 FROM afdelinger
		)
		SELECT m.kix, g.u, g.aar, g.ix::INTEGER, g.vaerdi, g.antal_afdelinger, g.diskretioneret
		FROM aggregater g JOIN units u USING (u) JOIN member m USING (level, key)
		ORDER BY m.kix, g.u, g.ix, g.aar`
	);
	for await (const chunk of chunks) {
		const [kix, u, aar, ix, vaerdi, antal, flag] = chunk.columns;
		for (let r = 0; r < chunk.rows; r++) {
			while (kix![r]! > current) {
				finish(current++, rows);
				rows = [];
			}
			const [niveau, enhed_id] = units[u![r]!]!;
			rows.push({
				niveau,
				enhed_id,
				aar: aar![r]!,
				indikator: sorted[ix![r]!]!.id,
				vaerdi: isValid(chunk.validity[4] ?? null, r) ? vaerdi![r]! : null,
				antal_afdelinger: antal![r]!,
				diskretioneret: flag![r] === 1
			});
		}
	}
	while (current < codes.length) {
		finish(current++, rows);
		rows = [];
	}
	kommuner.sort((a, b) => (a.kode < b.kode ? -1 : 1));
	national.kommuner.sort((a, b) => (a.kode < b.kode ? -1 : 1));
	write(WEB_FILES.national, JSON.stringify(national));

	const largest = [...kommuner].sort((a, b) => b.afdelinger - a.afdelinger || (a.kode < b.kode ? -1 : 1))[0];
	const index: WebIndex = {
		schema_version: SCHEMA_VERSION,
		demo: input.demo,
		years: input.years,
		indicators: input.indicators,
		indikatorer: input.declared.map(declarationOf),
		kvantiler: await nationalQuantiles(connection, input.declared),
		default_kommune: largest?.kode ?? '',
		kommuner,
		geo: input.geo,
		parquet_bytes: input.parquet.bytes,
		raekker,
		organisationer: organisationHomes(departments),
		daekning: input.daekning,
		referencetal: input.referencetal
	};
	write(WEB_FILES.index, JSON.stringify(index));
	return index;
}

/**
 * Per organisation: its municipalities, most of its departments first, ties by code (the same
 * home rule as the Parquet files' row groups, parquet-files.ts).
 */
export function organisationHomes(departments: readonly Pick<DepartmentRow, 'boligorganisation_id' | 'kommune_kode'>[]): WebIndex['organisationer'] {
	const counts = new Map<string, Map<string, number>>();
	for (const d of departments) {
		let perMunicipality = counts.get(d.boligorganisation_id);
		if (!perMunicipality) counts.set(d.boligorganisation_id, (perMunicipality = new Map()));
		perMunicipality.set(d.kommune_kode, (perMunicipality.get(d.kommune_kode) ?? 0) + 1);
	}
	const out: WebIndex['organisationer'] = {};
	for (const id of [...counts.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
		out[id] = [...counts.get(id)!].sort(([ka, na], [kb, nb]) => nb - na || (ka < kb ? -1 : 1)).map(([kode]) => kode);
	}
	return out;
}
