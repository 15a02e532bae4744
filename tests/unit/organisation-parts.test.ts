/**
 * Whole units (issue 10): an organisation with departments in two municipalities, the demo's
 * Boligforeningen Fjordlys (2102: nine departments in Aarhus 0751, three in Vejle 0630), through
 * the real pipeline. The whole organisation's figure and each municipality's part are checked
 * against sums worked out by hand from data/sample/noegletal_lbf.csv and noegletal_beboere.csv
 * (sum of numerators over sum of denominators), never against the code's own output.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { WEB_FILES, type WebIndex, type WebNational } from '../../src/lib/core/output-contract.ts';
import { partsLines, queryOrganisationParts, type PartRow } from '../../src/lib/db/queries/organisation-parts.ts';
import { queryTrend, type TrendRow } from '../../src/lib/db/queries/trend.ts';
import { queryDepartmentsOf } from '../../src/lib/db/queries/units.ts';
import { findMunicipality } from '../../src/lib/data/find-municipality.ts';
import { organisationHomes } from '../../pipelines/build/web-files.ts';
import { openNodeDb, type NodeDb } from '../support/node-db.ts';
import { PackageCollector } from '../../src/lib/package/collect-data.ts';
import type { TrendSeries } from '../../src/lib/charts/trend.ts';
import { keyFiguresTable, organisationReport } from '../../src/lib/package/organisation-report.ts';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import type { ExportTable } from '../../src/lib/formats/export-table.ts';

const FJORDLYS = '2102';
const AARHUS = '0751';
const VEJLE = '0630';
let out: string;
let db: NodeDb;
let index: WebIndex;
let parts: PartRow[];
let whole: TrendRow[];

beforeAll(async () => {
	out = join(mkdtempSync(join(tmpdir(), 'organisation-parts-')), 'out');
	await ingest({ input: 'data/sample', out, reporter: silentReporter });
	index = JSON.parse(readFileSync(join(out, WEB_FILES.index), 'utf8')) as WebIndex;
	db = await openNodeDb();
	for (const kode of index.organisationer[FJORDLYS]!) await db.load(out, kode);
	parts = await queryOrganisationParts(db.run, FJORDLYS);
	whole = (await queryTrend(db.run, 'boligorganisation', FJORDLYS, AARHUS)).filter((r) => r.serie === 'boligorganisation');
}, 600_000);
afterAll(() => db?.close());

const part = (kode: string, indikator: string, aar: number) =>
	parts.find((p) => p.kommune_kode === kode && p.indikator === indikator && p.aar === aar);
const wholeOf = (indikator: string, aar: number) => whole.find((r) => r.indikator === indikator && r.aar === aar);

describe('the index knows an organisation’s municipalities', () => {
	it('lists Fjordlys in Aarhus (9 departments) before Vejle (3), and a one-municipality organisation once', () => {
		expect(index.organisationer[FJORDLYS]).toEqual([AARHUS, VEJLE]);
		expect(index.organisationer['2101']).toEqual([AARHUS]);
	});

	it('orders an organisation’s municipalities by its departments there, ties by the lower code', () => {
		const d = (boligorganisation_id: string, kommune_kode: string) => ({ boligorganisation_id, kommune_kode });
		expect(
			organisationHomes([d('B', '0751'), d('A', '0751'), d('A', '0101'), d('A', '0630'), d('A', '0630'), d('B', '0101'), d('C', '0461')])
		).toEqual({ A: ['0630', '0101', '0751'], B: ['0101', '0751'], C: ['0461'] });
	});

	it('resolves an organisation without ?kommune to its home, and keeps a hint that is one of its municipalities', async () => {
		const refuse = () => Promise.reject(new Error('an organisation needs no department read to be found'));
		const never = { holds: refuse, holders: refuse };
		expect(await findMunicipality(index, 'boligorganisation', FJORDLYS, null, never)).toBe(AARHUS);
		expect(await findMunicipality(index, 'boligorganisation', FJORDLYS, VEJLE, never)).toBe(VEJLE);
		expect(await findMunicipality(index, 'boligorganisation', FJORDLYS, '0461', never)).toBe(AARHUS);
		expect(await findMunicipality(index, 'boligorganisation', 'findes-ikke', null, never)).toBeNull();
	});
});

describe('Fjordlys: the whole organisation and each municipality’s part, by hand', () => {
	it('vacancy 2024: 5 of 732 dwellings in all, 5 of 513 in Aarhus, 0 of 219 in Vejle (per mille)', () => {
		expect(wholeOf('ledighed', 2024)!.vaerdi).toBeCloseTo((1000 * 5) / 732, 9); // 6,83 ‰
		expect(part(AARHUS, 'ledighed', 2024)!.vaerdi).toBeCloseTo((1000 * 5) / 513, 9); // 9,75 ‰
		expect(part(VEJLE, 'ledighed', 2024)!.vaerdi).toBe(0);
		expect(part(AARHUS, 'ledighed', 2024)!.afdelinger).toBe(9);
		expect(part(VEJLE, 'ledighed', 2024)!.afdelinger).toBe(3);
	});

	it('vacancy 2023: 4 of 732 in all, 4 of 513 in Aarhus', () => {
		expect(wholeOf('ledighed', 2023)!.vaerdi).toBeCloseTo((1000 * 4) / 732, 9); // 5,46 ‰
		expect(part(AARHUS, 'ledighed', 2023)!.vaerdi).toBeCloseTo((1000 * 4) / 513, 9); // 7,80 ‰
	});

	it('turnover 2024: 115 of 732 in all, 93 of 513 in Aarhus, 22 of 219 in Vejle (per cent)', () => {
		expect(wholeOf('fraflytning', 2024)!.vaerdi).toBeCloseTo((100 * 115) / 732, 9);
		expect(part(AARHUS, 'fraflytning', 2024)!.vaerdi).toBeCloseTo((100 * 93) / 513, 9);
		expect(part(VEJLE, 'fraflytning', 2024)!.vaerdi).toBeCloseTo((100 * 22) / 219, 9);
	});

	it('withholds a part whose department figure is withheld: 2102-007 has 3 residents aged 18-64 in 2024', () => {
		const aarhus = part(AARHUS, 'uden_for_arbejdsmarked', 2024)!;
		expect(aarhus.diskretioneret).toBe(true);
		expect(aarhus.vaerdi).toBeNull();
	});

	it('lists the organisation’s departments in both municipalities once both are loaded', async () => {
		const aarhus = await queryDepartmentsOf(db.run, 'boligorganisation', FJORDLYS, AARHUS);
		const vejle = await queryDepartmentsOf(db.run, 'boligorganisation', FJORDLYS, VEJLE);
		expect(aarhus.map((d) => d.afdeling_id).sort()).toEqual(
			['2102-001', '2102-002', '2102-003', '2102-004', '2102-005', '2102-006', '2102-007', '2102-010', '2102-011'].sort()
		);
		expect(vejle.map((d) => d.afdeling_id).sort()).toEqual(['2102-008', '2102-009', '2102-012']);
	});

	it('puts the whole organisation and the parts side by side in the table’s order', () => {
		const [line] = partsLines(whole, parts, [AARHUS, VEJLE], ['ledighed'], 2024);
		expect(line!.whole!.vaerdi).toBeCloseTo((1000 * 5) / 732, 9);
		expect(line!.parts.map((p) => p?.kommune_kode)).toEqual([AARHUS, VEJLE]);
		expect(line!.parts[0]!.vaerdi).toBeCloseTo((1000 * 5) / 513, 9);
	});
});

describe('web/land.json', () => {
	it('holds every municipality in the data with its own series: vacancy 2024 by hand from its departments', () => {
		const national = JSON.parse(readFileSync(join(out, WEB_FILES.national), 'utf8')) as WebNational;
		expect(national.kommuner.map((k) => k.kode)).toEqual(['0461', VEJLE, AARHUS]);
		const vacancy = (kode: string) => national.kommuner.find((k) => k.kode === kode)!.series.ledighed.find((p) => p.aar === 2024)!.vaerdi!;
		// overblik.json rounds to 4 decimals: 23 of 1,396 dwellings, 3 of 721, 6 of 1,115.
		expect(vacancy(AARHUS)).toBeCloseTo((1000 * 23) / 1396, 3);
		expect(vacancy(VEJLE)).toBeCloseTo((1000 * 3) / 721, 3);
		expect(vacancy('0461')).toBeCloseTo((1000 * 6) / 1115, 3);
		// The loaded departments together: 32 of 3,232.
		expect(national.land.ledighed.find((p) => p.aar === 2024)!.vaerdi).toBeCloseTo((1000 * 32) / 3232, 3);
	});
});

describe('Fjordlys’s documentation package from its Aarhus page', () => {
	it('covers every department in both municipalities and puts each municipality’s part beside the whole', async () => {
		const data = await new PackageCollector(db.run).organisation({
			kommune: { kode: AARHUS, navn: 'Aarhus' },
			organisation: { id: FJORDLYS, navn: 'Boligforeningen Fjordlys' },
			year: 2024,
			years: index.years,
			indicators: [...INDICATOR_IDS],
			lang: 'da',
			demo: true,
			municipalitiesOf: {
				[FJORDLYS]: [
					{ kode: AARHUS, navn: 'Aarhus' },
					{ kode: VEJLE, navn: 'Vejle' }
				]
			}
		});
		expect(data.departments).toHaveLength(12);
		const inVejle = ['2102-008', '2102-009', '2102-012'];
		expect(
			data.departments
				.filter((d) => d.kommune_kode === VEJLE)
				.map((d) => d.afdeling_id)
				.sort()
		).toEqual(inVejle);
		// The Vejle departments' own values are there too, for the departments' tables.
		expect(data.values.fraflytning!.year.filter((r) => inVejle.includes(r.afdeling_id))).toHaveLength(3);

		const report = organisationReport(data, []);
		const tables = report.blocks.flatMap((b) => (b.kind === 'table' ? [b.table as ExportTable] : []));
		const parts = tables.find((tb) => tb.columns.some((c) => c.header === 'Aarhus Kommunes del'))!;
		expect(parts.columns.map((c) => c.header)).toEqual([
			'Nøgletal',
			'Enhed',
			'Hele organisationen',
			'Aarhus Kommunes del',
			'Vejle Kommunes del'
		]);
		const vacancy = parts.rows.find((r) => r[0] === 'Ledighed')!;
		expect((vacancy[2] as { value: number }).value).toBeCloseTo((1000 * 5) / 732, 9);
		expect((vacancy[3] as { value: number }).value).toBeCloseTo((1000 * 5) / 513, 9);
		expect((vacancy[4] as { value: number }).value).toBe(0);
		const text = report.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])).join('\n');
		expect(text).toContain('for hele organisationen');
		expect(text).toContain('Aarhus Kommune og Vejle Kommune');
		expect(text).not.toContain('afdelinger i kommunen.');

		// The loaded sum (3 of 98 municipalities) is not the country and this data has no reference:
		// the report neither heads an empty country column nor promises one.
		const headers = keyFiguresTable(data).columns.map((c) => c.header);
		expect(headers.some((h) => /landet/i.test(h))).toBe(false);
		expect(keyFiguresTable(data).rows.every((r) => r.length === headers.length)).toBe(true);
		expect(text).toContain('sammenholdt med kommunen.');
		expect(text).not.toContain('hele landet');
		// With LBF's reference for vacancy in 2024 (6,5 ‰, 3.884 of 596.952 dwellings) the column is there.
		const vacancy0 = data.trends.ledighed!.find((x) => x.key === 'boligorganisation')!;
		const reference: TrendSeries = {
			...vacancy0,
			key: 'reference',
			label: 'Hele landet, LBF oktober 2024',
			isUnit: false,
			points: [{ ...vacancy0.points[0]!, aar: 2024, vaerdi: 6.5 }]
		};
		const withReference = { ...data, trends: { ...data.trends, ledighed: [...data.trends.ledighed!, reference] } };
		const withHeaders = keyFiguresTable(withReference).columns.map((c) => c.header);
		expect(withHeaders.at(-1)).toBe('Hele landet, LBF oktober 2024 2024');
		expect(
			keyFiguresTable(withReference)
				.rows.find((r) => r[0] === 'Ledighed')!
				.at(-1)
		).toMatchObject({ value: 6.5 });
		const withText = organisationReport(withReference, [])
			.blocks.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : []))
			.join('\n');
		expect(withText).toContain('sammenholdt med kommunen og hele landet');
	});
});
