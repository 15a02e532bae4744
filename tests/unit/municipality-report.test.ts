/**
 * The municipality's own report in its documentation package (package/municipality-report.ts via
 * build-package.ts), on the demo data (data/sample) through the real pipeline, with the dashboard's
 * queries in Node DuckDB and stand-ins for the browser's chart and map renderers. The zip is
 * opened, the report read as Word XML and as PDF text, and checked against figures worked out by
 * hand from the CSV files in data/sample:
 *
 * Aarhus (0751), vacancy = sum(ledige_boliger) / sum(boliger) × 1000 over its 20 departments
 * (noegletal_lbf.csv; every one reports both):
 *   2024: 23 / 1396 × 1000 = 16,48 → 16,5 ‰;   2025: 35 / 1396 × 1000 = 25,07 → 25,1 ‰
 * The benchmark: no reference figure is published for 2025 (data/reference has October 2024), so
 * it is the sum over the loaded departments, three of 98 municipalities, named as such:
 * 2025: 53 / 3232 × 1000 = 16,40 → 16,4 ‰. For 2024 it is LBF's 3.884 / 596.952 → 6,5 ‰.
 * Rent 2025, weighted by floor area: 101.953.347 / 106.410 = 958,1 → 958 kr./m².
 * Areas (afdelinger.csv): Engparken Øst 0751-O01 5 departments (Lærkereden), Hvedemarken 0751-O04 2,
 *   Kærgårdsvej 0751-O03 4 (Fjordlys), Solsikkeparken 0751-O02 5 (Fjordlys and Lærkereden); 4
 *   departments have no area. Organisations: Lærkereden 2101 11 departments in 3 areas, Fjordlys
 *   2102 9 departments in 2 areas (its Vejle departments are not Aarhus's).
 * Focus (default preset): Engparken Øst 2025 vacancy (10+5+13+1+0) / (126+75+223+20+20) = 29 / 464
 *   × 1000 = 62,5 ‰, turnover 115 / 464 × 100 = 24,8 % (> 20 %).
 * Targets (aftaler.csv, Aarhus's four): AAR-2024-1 ledighed from 20,8 (2023) to 16,6 (2027): the
 *   straight path gives 20,8 + (16,6 − 20,8) × 2/4 = 18,7 in 2025 and the municipality has 25,1:
 *   Ikke på vej. LR-2021-1 (target year 2024): Ikke nået. LR-2024-1: Ikke på vej. LR-2024-2 about the
 *   small department 2101-008, whose figure is suppressed: Ingen data.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import { OUTPUT_FILES, WEB_FILES, type TargetsFile, type WebIndex } from '../../src/lib/core/output-contract.ts';
import { buildPackage } from '../../src/lib/package/build-package.ts';
import type { PackageRequest, RenderChart, RenderMap } from '../../src/lib/package/model.ts';
import { openNodeDb, type NodeDb } from '../support/node-db.ts';
import { pdfText } from '../support/pdf-text.ts';
import { tinyPng } from './export-report-fixture.ts';

const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
const NOW = new Date(2026, 0, 15, 12, 0, 0);
const REPORT = 'Kommunerapport 2025 - Aarhus Kommune';
const MAP = 'Kort 2025 - Aarhus Kommune.png';
const FOLDERS = ['Boligforeningen Fjordlys', 'Boligselskabet Lærkereden'];

let out: string;
let db: NodeDb;
let request: PackageRequest;

const render: RenderChart = async (spec) => ({ svg: '<svg/>', png: tinyPng(1), width: 40, height: 20, title: spec.meta.title });
const MAP_PNG = tinyPng(200);
const renderMap: RenderMap = async () => ({ svg: '<svg/>', png: MAP_PNG, width: 40, height: 20, title: 'Ledighed 2025: Aarhus Kommune' });

beforeAll(async () => {
	out = join(mkdtempSync(join(tmpdir(), 'municipality-report-')), 'out');
	await ingest({ input: 'data/sample', out, reporter: silentReporter });
	db = await openNodeDb();
	await db.load(out, '0751');
	const targets = (JSON.parse(readFileSync(join(out, OUTPUT_FILES.targets), 'utf8')) as TargetsFile).aftaler.filter(
		(t) => t.kommune_kode === '0751'
	);
	request = {
		scope: 'kommune',
		kommune: { kode: '0751', navn: 'Aarhus' },
		organisations: [
			{ id: '2101', navn: 'Boligselskabet Lærkereden' },
			{ id: '2102', navn: 'Boligforeningen Fjordlys' }
		],
		year: 2025,
		years: Array.from({ length: 16 }, (_, i) => 2010 + i),
		indicators: [...INDICATOR_IDS],
		lang: 'da',
		demo: true,
		targets,
		// As the page passes it: the coverage and the reference figures of the output's index.
		benchmarks: JSON.parse(readFileSync(join(out, WEB_FILES.index), 'utf8')) as WebIndex
	};
}, 300_000);

afterAll(() => {
	db?.close();
	if (out) rmSync(join(out, '..'), { recursive: true, force: true });
});

/** The Word document's paragraphs' text, with the XML's escapes undone and no-break spaces plain. */
function docxText(xml: string): string {
	return [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
		.map((m) => m[1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'))
		.join('\n')
		.replaceAll('\u00a0', ' ');
}

/** The Word document's table rows, each as its cells' text. */
function docxRows(xml: string): string[][] {
	return [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((row) =>
		[...row[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((cell) => docxText(cell[1]!).replaceAll('\n', ' '))
	);
}

describe('the municipality package', () => {
	let files: Record<string, Uint8Array>;
	let fileName: string;
	const progress: [number, number][] = [];

	beforeAll(async () => {
		const built = await buildPackage(request, { run: db.run, render, renderMap, now: NOW, onProgress: (d, t) => progress.push([d, t]) });
		fileName = built.fileName;
		files = unzipSync(built.bytes);
	}, 300_000);

	it('holds the municipality’s report and map at the root, then a folder per organisation', () => {
		expect(fileName).toBe('Dokumentationspakke 2025 - Aarhus Kommune.zip');
		const names = Object.keys(files);
		expect(names.filter((n) => !n.includes('/'))).toEqual(['LÆSMIG.txt', `${REPORT}.docx`, `${REPORT}.pdf`, MAP]);
		expect(new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]))).toEqual(new Set(FOLDERS));
		for (const folder of FOLDERS) expect(names).toContain(`${folder}/Rapport 2025 - ${folder}.pdf`);
		expect(files[MAP]).toEqual(MAP_PNG);
		const readme = utf8(files['LÆSMIG.txt']!);
		expect(readme).toContain(`    ${REPORT}.docx\r\n    ${REPORT}.pdf\r\n`);
		expect(readme).toContain(`    ${MAP}\r\n`);
		expect(readme).toContain('- Boligforeningen Fjordlys (2102):\r\n    Boligforeningen Fjordlys/\r\n');
	});

	it('tells its progress step by step: each organisation, each chart, each report, the zip', () => {
		// 2 organisations × (their data + 7 key figures × 2 charts + their report) + the municipality's data and report + the zip.
		const total = 2 * (1 + 14 + 1) + 2 + 1;
		expect(progress.map((p) => p[1])).toEqual(Array(total + 1).fill(total));
		expect(progress.map((p) => p[0])).toEqual([...Array(total + 1).keys()]);
	});

	describe('its Word report', () => {
		let xml: string;
		beforeAll(() => {
			xml = strFromU8(unzipSync(files[`${REPORT}.docx`]!)['word/document.xml']!);
		});

		it('has the sections in order', () => {
			const headings = [...xml.matchAll(/<w:pStyle w:val="(Heading[12])"\/>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(
				(m) => `${m[1]}: ${m[2]}`
			);
			expect(headings).toEqual([
				'Heading1: Kort',
				'Heading1: Nøgletal 2025',
				'Heading1: Boligområder og boligorganisationer',
				'Heading1: Særlig fokus',
				'Heading1: Mål og status',
				'Heading1: Boligorganisationernes egne pakker',
				'Heading1: Om tallene',
				'Heading2: Kilder'
			]);
		});

		it('shows the map as the one picture', () => {
			const media = Object.entries(unzipSync(files[`${REPORT}.docx`]!)).filter(([n]) => n.startsWith('word/media/'));
			expect(media).toHaveLength(1);
			expect(media[0]![1]).toEqual(MAP_PNG);
		});

		it('has the key figures against the benchmark, worked out by hand', () => {
			const rows = docxRows(xml);
			expect(rows).toContainEqual([
				'Nøgletal',
				'Enhed',
				'Aarhus Kommune 2024',
				'Aarhus Kommune 2025',
				'Sammenligningstal',
				'Sammenligningstal 2025'
			]);
			expect(rows).toContainEqual(['Ledighed', '‰', '16,5', '25,1', 'De indlæste kommuner (3 af 98)', '16,4']);
			expect(JSON.stringify(rows)).not.toContain('Hele landet');
			expect(rows.find((r) => r[0] === 'Husleje')?.[3]).toBe('958');
		});

		it('has the areas and the organisations in tables', () => {
			const rows = docxRows(xml);
			expect(rows).toContainEqual(['Boligområde', 'Nr.', 'Afdelinger', 'Boligorganisationer', 'Særlig fokus 2025']);
			expect(rows).toContainEqual(['Engparken Øst', '0751-O01', '5', 'Boligselskabet Lærkereden', 'ja']);
			expect(rows).toContainEqual(['Hvedemarken', '0751-O04', '2', 'Boligselskabet Lærkereden', 'nej']);
			expect(rows).toContainEqual(['Kærgårdsvej', '0751-O03', '4', 'Boligforeningen Fjordlys', 'nej']);
			expect(rows).toContainEqual(['Solsikkeparken', '0751-O02', '5', 'Boligforeningen Fjordlys, Boligselskabet Lærkereden', 'nej']);
			expect(rows).toContainEqual(['Boligforeningen Fjordlys', '2102', '9', '2', '0 afdelinger']);
			expect(rows.find((r) => r[0] === 'Boligselskabet Lærkereden')?.slice(0, 4)).toEqual(['Boligselskabet Lærkereden', '2101', '11', '3']);
			expect(docxText(xml)).toContain('Kommunen har 20 afdelinger i data, fordelt på 2 boligorganisationer; 4 boligområder.');
		});

		it('has the focus list with the reasons', () => {
			const text = docxText(xml);
			expect(text).toContain('Vurderet for 2025 efter regelsættet "Tidlig opmærksomhed (eksempel)".');
			expect(text).toMatch(/Området Engparken Øst \(0751-O01\): [^\n]*Fraflytning 24,8 % > 20 %; Ledighed 62,5 ‰ ≥ 1,5 × kommunens 25,1 ‰/);
		});

		it('has every target with its status', () => {
			const rows = docxRows(xml);
			const status = Object.fromEntries(rows.filter((r) => /^[A-Z]+-\d{4}-\d$/.test(r[0]!)).map((r) => [r[0], r[3]]));
			expect(status).toEqual({
				'AAR-2024-1': 'Ikke på vej (2025)',
				'LR-2021-1': 'Ikke nået (2024)',
				'LR-2024-1': 'Ikke på vej (2025)',
				'LR-2024-2': 'Ingen data (2025)'
			});
			expect(rows.find((r) => r[0] === 'AAR-2024-1')?.slice(1, 3)).toEqual(['Aarhus Kommune', 'Ledighed højst 16,6 ‰ i 2027']);
			expect(rows.find((r) => r[0] === 'AAR-2024-1')?.[4]).toContain('giver højst 18,7 ‰ i 2025');
		});
	});

	it('has the same report as PDF, with text that extracts', async () => {
		const { pages, outline } = await pdfText(files[`${REPORT}.pdf`]!);
		const text = pages.join('\n').replaceAll('\u00a0', ' ');
		expect(outline).toEqual([
			'Kommunerapport 2025: Aarhus Kommune',
			'Kort',
			'Nøgletal 2025',
			'Boligområder og boligorganisationer',
			'Særlig fokus',
			'Mål og status',
			'Boligorganisationernes egne pakker',
			'Om tallene',
			'Kilder'
		]);
		// The benchmark's caption wraps in its cell: the row reads on over the next lines.
		expect(text.replaceAll('\n', ' ')).toContain('Ledighed ‰ 16,5 25,1 De indlæste kommuner (3 af 98) 16,4');
		expect(text.split('\n')).toContain('Engparken Øst 0751-O01 5 Boligselskabet Lærkereden ja');
		// The PDF's fonts have no ≥, so it is written >=.
		expect(text.replace(/\s+/g, ' ')).toContain('Ledighed 62,5 ‰ >= 1,5 × kommunens 25,1 ‰');
		expect(text).toContain('Demodata: tallene er syntetiske');
	});
});

describe('building a package', () => {
	it('says in the report when the page had no map', async () => {
		const built = await buildPackage({ ...request, organisations: request.organisations.slice(0, 1) }, { run: db.run, render, now: NOW });
		const files = unzipSync(built.bytes);
		expect(Object.keys(files).filter((n) => !n.includes('/'))).toEqual(['LÆSMIG.txt', `${REPORT}.docx`, `${REPORT}.pdf`]);
		expect(docxText(strFromU8(unzipSync(files[`${REPORT}.docx`]!)['word/document.xml']!))).toContain('Kortet kunne ikke tegnes');
	});

	it('stops at the next step when cancelled, and gives no bytes', async () => {
		const controller = new AbortController();
		const seen: number[] = [];
		let drawn = 0;
		const counting: RenderChart = async (spec) => {
			drawn++;
			return render(spec);
		};
		const built = buildPackage(request, {
			run: db.run,
			render: counting,
			renderMap,
			now: NOW,
			signal: controller.signal,
			onProgress: (done) => {
				seen.push(done);
				// Steps 1-3 gather the municipality and the 2 organisations, 4 writes the municipality's
				// report, 5 and 6 are the first organisation's first two charts: cancelled there.
				if (done === 6) controller.abort();
			}
		});
		await expect(built).rejects.toMatchObject({ name: 'AbortError' });
		// The chart under way when the cancel came is finished; no step after it.
		expect(drawn).toBe(3);
		expect(seen.at(-1)).toBe(6);
	});

	it('does not start when cancelled before', async () => {
		const controller = new AbortController();
		controller.abort();
		let drawn = 0;
		await expect(
			buildPackage(request, {
				run: db.run,
				render: async (spec) => {
					drawn++;
					return render(spec);
				},
				now: NOW,
				signal: controller.signal
			})
		).rejects.toMatchObject({ name: 'AbortError' });
		expect(drawn).toBe(0);
	});
});

/**
 * The demo's own indicators in the municipality's report (issue 15), worked out by hand from
 * data/sample/noegletal_egne.csv over Aarhus's 20 departments (afdelinger.csv, kommune_kode 0751),
 * every one with both columns in both years:
 *   convictions 2024: 42 / 2.087 × 1000 = 20,12 → 20,1 ‰;   2025: 41 / 2.120 × 1000 = 19,34 → 19,3 ‰
 *   income 2024: 529.007.854 / 688.710.000 × 100 = 76,81 → 77 %;   2025: 539.345.479 / 699.600.000 × 100 = 77,09 → 77 %
 * The benchmark, with no published figure for them, is the sum over all 51 loaded departments, 2025:
 *   income 1.247.203.982 / 1.568.160.000 × 100 = 79,53 → 80 %   (convictions: withheld, see below)
 */
describe('the municipality report with declared indicators', () => {
	it('lists them in the key-figure table like the seven, with their unit, figures and benchmark', async () => {
		const built = await buildPackage(
			{ ...request, organisations: [], indicators: [...INDICATOR_IDS, 'domme_pr_1000', 'indkomstniveau'] },
			{ run: db.run, render, renderMap, now: NOW }
		);
		const xml = strFromU8(unzipSync(unzipSync(built.bytes)[`${REPORT}.docx`]!)['word/document.xml']!);
		const rows = docxRows(xml);
		// Convictions are about persons: Aarhus's 2024 figure and the country's are withheld by the
		// privacy audit (the published aggregates say so), so they show as "–" and no benchmark is
		// given, as for the built-in person-based figure; the 2025 figure is the hand-worked 19,3.
		const withheld = async (niveau: string, enhed: string, aar: number) =>
			(
				await db.run(
					`SELECT diskretioneret FROM aggregater WHERE niveau = $1 AND enhed_id = $2 AND aar = $3 AND indikator = 'domme_pr_1000'`,
					[niveau, enhed, aar]
				)
			)[0]?.diskretioneret;
		expect([await withheld('kommune', '0751', 2024), await withheld('kommune', '0751', 2025), await withheld('land', 'DK', 2025)]).toEqual([
			true,
			false,
			true
		]);
		expect(rows).toContainEqual(['Domme pr. 1.000 beboere', '‰', '–', '19,3', '', '']);
		expect(rows).toContainEqual(['Indkomst i forhold til regionen', '%', '77', '77', 'De indlæste kommuner (3 af 98)', '80']);
		// Their sources are listed with the seven's.
		expect(docxText(xml)).toContain('Domme pr. 1.000 beboere: Danmarks Statistik, særkørsel for kommunen (opdigtet i demodata)');
	}, 300_000);
});
