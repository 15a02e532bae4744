/**
 * An organisation package's chart figures read from the Parquet files without the database
 * (src/lib/package/parquet-chart-data.ts), on the hand-made fixture tests/fixtures/output-mini
 * (Aarhus 0751; its README works out every figure): the peers as queryPeersOf's hand-worked
 * figures (db-queries.test.ts), the organisation's departments by name, the text order DuckDB
 * uses, and, for both organisations, the very figures PackageCollector.charts() gives from the
 * database. Then the package's check: charts drawn from figures that differ from the database's are
 * drawn again from the database's.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import { WEB_FILES, type WebIndex } from '../../src/lib/core/output-contract.ts';
import type { ParquetFile } from '../../src/lib/db/parquet-rows.ts';
import type { TableName } from '../../src/lib/db/schema.ts';
import { buildPackage } from '../../src/lib/package/build-package.ts';
import { sameChartFigures } from '../../src/lib/package/chart-specs.ts';
import { PackageCollector, type CollectInput } from '../../src/lib/package/collect-data.ts';
import type { ChartData, PackageRequest, RenderChart } from '../../src/lib/package/model.ts';
import { compareText, parquetChartData } from '../../src/lib/package/parquet-chart-data.ts';
import { OUTPUT_MINI, outputMiniDb } from '../support/output-mini.ts';
import { openParquetFiles } from '../support/parquet-files.ts';
import { tinyPng } from './export-report-fixture.ts';

const index = JSON.parse(readFileSync(join(OUTPUT_MINI, WEB_FILES.index), 'utf8')) as WebIndex;
let files: Record<TableName, ParquetFile>;
const db = outputMiniDb();

beforeAll(async () => {
	files = await openParquetFiles(OUTPUT_MINI);
});

const input = (id: string, navn: string): CollectInput => ({
	kommune: { kode: '0751', navn: 'Aarhus' },
	organisation: { id, navn },
	year: 2024,
	years: [2022, 2023, 2024],
	indicators: [...INDICATOR_IDS],
	lang: 'da',
	demo: true
});

const fromParquet = async (i: CollectInput) => (await parquetChartData(i, Promise.resolve(files), index))!;

describe('chart figures without the database', () => {
	it('gives the peers of each key figure and year, highest first, missing last, ties by id', async () => {
		const data = await fromParquet(input('B2', 'Andelsbo'));
		// 2023 vacancy: A1 2/100, A2 0/200, A3 1/100, A4 0/50, A5 2/50 per mille (the previous year's peers).
		expect(data.peers.ledighed!.previous!.map((r) => [r.afdeling_id, r.vaerdi])).toEqual([
			['0002-003', 40],
			['0001-001', 20],
			['0002-001', 10],
			['0001-002', 0],
			['0002-002', 0]
		]);
		// 2024: 0002-002 reported no vacancy (missing, not suppressed); two suppressed outside the labour market.
		expect(data.peers.ledighed!.year.at(-1)).toMatchObject({ afdeling_id: '0002-002', vaerdi: null, diskretioneret: false });
		expect(data.peers.uden_for_arbejdsmarked!.year.map((r) => [r.afdeling_id, r.vaerdi, r.diskretioneret])).toEqual([
			['0002-001', 26, false], // 39/150
			['0001-002', 25, false], // 75/300
			['0001-001', 24, false], // 36/150
			['0002-002', null, true],
			['0002-003', null, true]
		]);
	});

	it('gives the organisation its departments by name, a hostile name as text', async () => {
		const data = await fromParquet(input('B2', 'Andelsbo'));
		// "<img …" < "Engstien" < "Tårnhusene" in code points.
		expect(data.departments.map((d) => [d.afdeling_id, d.afdeling_navn])).toEqual([
			['0002-002', '<img src=x onerror=alert(1)>'],
			['0002-003', 'Engstien'],
			['0002-001', 'Tårnhusene']
		]);
		expect(data.values.ledighed!.year.map((r) => r.afdeling_id).sort()).toEqual(['0002-001', '0002-002', '0002-003']);
	});

	it('gives the figures the database gives, for each organisation', async () => {
		for (const [id, navn] of [
			['B1', 'Boligforeningen Fælleshjem'],
			['B2', 'Andelsbo']
		] as const) {
			const i = input(id, navn);
			expect(await fromParquet(i)).toEqual(await new PackageCollector(db.run).charts(i));
		}
	});

	it('leaves an organisation in several municipalities to the database', async () => {
		const i = {
			...input('B2', 'Andelsbo'),
			municipalitiesOf: {
				B2: [
					{ kode: '0751', navn: 'Aarhus' },
					{ kode: '0101', navn: 'København' }
				]
			}
		};
		expect(await parquetChartData(i, Promise.resolve(files), index)).toBeNull();
	});

	it('orders text by code point, as DuckDB does, not by UTF-16 unit', () => {
		// U+FF01 is EF BC 81 in UTF-8, the emoji U+1F600 F0 9F 98 80: the emoji sorts last, though its
		// first UTF-16 unit (0xD83D) is below 0xFF01.
		expect(['😀', '\uff01', 'b', 'a'].sort(compareText)).toEqual(['a', 'b', '\uff01', '😀']);
		expect(compareText('a', 'ab')).toBeLessThan(0);
		expect(compareText('æ', 'æ')).toBe(0);
	});
});

describe('the package drawn from early figures', () => {
	const request: PackageRequest = { ...input('B2', 'Andelsbo'), scope: 'organisation', organisations: [{ id: 'B2', navn: 'Andelsbo' }] };
	/** Draws a PNG per chart that says which peers it drew: the first bar's value. */
	const renderer = (seen: string[]): RenderChart => {
		return async (spec) => {
			const first = spec.table.rows[0]?.join('|') ?? '';
			seen.push(`${spec.name}: ${first}`);
			return { svg: `<svg>${first}</svg>`, png: tinyPng(Number(spec.name.slice(0, 2))), width: 40, height: 20, title: spec.meta.title };
		};
	};
	/**
	 * The same files with the same bytes; the Word and PDF reports (which hold the time they were
	 * written) aside, and the workbook's parts but its dates (docProps/core.xml, its zip's entry times).
	 */
	const expectSameFiles = (got: Record<string, Uint8Array>, want: Record<string, Uint8Array>) => {
		expect(Object.keys(got)).toEqual(Object.keys(want));
		for (const name of Object.keys(want)) {
			if (name.endsWith('.docx') || name.endsWith('.pdf')) continue;
			if (!name.endsWith('.xlsx')) expect([name, got[name]]).toEqual([name, want[name]]);
			else {
				const parts = (bytes: Uint8Array) => Object.entries(unzipSync(bytes)).filter(([part]) => part !== 'docProps/core.xml');
				expect(parts(got[name]!)).toEqual(parts(want[name]!));
			}
		}
	};
	const build = async (early: (i: CollectInput) => Promise<ChartData | null>, seen: string[]) => {
		const built = await buildPackage(request, { run: db.run, render: renderer(seen), now: new Date(2025, 2, 1), earlyCharts: early });
		return unzipSync(built.bytes);
	};

	it('keeps charts drawn from figures equal to the database’s, and draws again from the database’s when they differ', async () => {
		const fromDb: string[] = [];
		const plain = await build(async () => null, fromDb);
		const same: string[] = [];
		const early = await build(fromParquet, same);
		expect(same).toEqual(fromDb);
		expectSameFiles(early, plain);

		const seen: string[] = [];
		const wrong = await build(async (i) => {
			const data = await fromParquet(i);
			const rows = data.peers.ledighed!.year.map((r) => ({ ...r, vaerdi: r.vaerdi == null ? null : r.vaerdi + 1 }));
			return { ...data, peers: { ...data.peers, ledighed: { ...data.peers.ledighed!, year: rows } } };
		}, seen);
		// 14 charts from the wrong figures, then 14 from the database's; the package holds the latter.
		expect(seen).toHaveLength(28);
		expect(seen.slice(14)).toEqual(fromDb);
		expectSameFiles(wrong, plain);
	});

	it('tells figures that draw other charts apart', async () => {
		const data = await fromParquet(input('B2', 'Andelsbo'));
		expect(sameChartFigures(data, structuredClone(data))).toBe(true);
		expect(sameChartFigures(data, { ...data, departments: data.departments.slice(1) })).toBe(false);
		const trend = data.trends.husleje!.map((s) => ({
			...s,
			points: s.points.map((p) => ({ ...p, vaerdi: p.vaerdi == null ? null : p.vaerdi + 0.5 }))
		}));
		expect(sameChartFigures(data, { ...data, trends: { ...data.trends, husleje: trend } })).toBe(false);
	});
});
