/**
 * The documentation package (src/lib/package/build-package.ts) on the hand-made fixture
 * tests/fixtures/output-mini (one municipality, Aarhus; organisation B2 "Andelsbo" with three
 * departments), with the dashboard's queries running in Node DuckDB and a stand-in for the chart
 * renderer (drawing needs a browser; the e2e test draws for real). The zip is opened and every
 * file checked: the listed files are there, the figures match values worked out by hand.
 *
 * By hand, vacancy (‰) in 2024 (0002-002 did not report vacant dwellings in 2024, so it is left
 * out of the sums):
 *   Andelsbo 2024: (2 + 1) / (100 + 50) × 1000 = 20,0;   2023: (1 + 0 + 2) / 200 × 1000 = 15,0
 *   Aarhus 2024:   (0 + 4 + 2 + 1) / 450 × 1000 = 15,56 → 15,6
 *   The country: Landsbyggefonden's published 6,5 ‰ (3.884 of 596.952 dwellings, October 2024),
 *   given as the reference figure; the fixture's own `land` rows are the sum over one municipality
 *   (Aarhus), so they are never shown as the country (national-benchmark.ts).
 * Rent (kr./m², weighted by floor area), Andelsbo 2024: (1000·8000 + 1100·4000 + 700·4000) / 16000 = 950
 * Outside the labour market 2024: 0002-002 and 0002-003 are suppressed.
 *
 * Focus, under the rule "vacancy rising 1 year" for departments and areas (RISING below):
 *   Tårnhusene (0002-001): 0/100 = 0,0 (2022) → 1/100 = 10,0 (2023) → 2/100 = 20,0 (2024): rising
 *     since 2022 (from 0,0 ‰), 2021 not in the data; its area O1 Vestparken 7,5 → 7,5 → 15,0: rising
 *     since 2023 (from 7,5 ‰). Engstien (0002-003): 2/50 = 40,0 → 1/50 = 20,0, falling: no focus.
 *   0002-002: vacancy missing in 2024, so it cannot be judged; nor can its area O2 (only 0002-002).
 */
import { strFromU8, unzipSync } from 'fflate';

/** UTF-8 with the BOM kept (TextDecoder drops it by default, and the BOM is what is tested). */
const utf8 = (bytes: Uint8Array) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { beforeAll, describe, expect, it } from 'vitest';
import { LBF_VACANCY_2024 } from '../support/lbf-reference.ts';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import { packageCharts } from '../../src/lib/package/chart-specs.ts';
import { buildPackage } from '../../src/lib/package/build-package.ts';
import type { PackageRequest, RenderChart } from '../../src/lib/package/model.ts';
import type { RuleSet } from '../../src/lib/focus/rule.ts';
import { PackageCollector } from '../../src/lib/package/collect-data.ts';
import { outputMiniDb } from '../support/output-mini.ts';
import { pdfText } from '../support/pdf-text.ts';
import { tinyPng } from './export-report-fixture.ts';

const NOW = new Date(2025, 2, 1, 12, 0, 0);

const RISING: RuleSet = {
	navn: 'Stigende ledighed',
	kilde: 'Testregel',
	enheder: ['afdeling', 'omraade'],
	noter: [],
	regler: [{ type: 'tendens', indikator: 'ledighed', retning: 'stigende', aar: 1 }]
};

const request: PackageRequest = {
	scope: 'organisation',
	kommune: { kode: '0751', navn: 'Aarhus' },
	organisations: [{ id: 'B2', navn: 'Andelsbo' }],
	year: 2024,
	years: [2022, 2023, 2024],
	indicators: [...INDICATOR_IDS],
	lang: 'da',
	demo: true,
	ruleSet: RISING,
	benchmarks: {
		daekning: { antal: 1, i_alt: 98 },
		referencetal: [LBF_VACANCY_2024]
	}
};

/** Stands in for the browser's renderer: a tiny PNG and an SVG holding the chart's title. */
const drawn: string[] = [];
const render: RenderChart = async (spec) => {
	drawn.push(spec.name);
	return {
		svg: `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><title>${spec.meta.title}</title></svg>`,
		png: tinyPng(drawn.length),
		width: 40,
		height: 20,
		title: spec.meta.title
	};
};

const db = outputMiniDb();

const CHARTS = [
	'01 Ledighed - udvikling',
	'02 Ledighed - placering 2024',
	'03 Fraflytning - udvikling',
	'04 Fraflytning - placering 2024',
	'05 Uden for arbejdsmarkedet - udvikling',
	'06 Uden for arbejdsmarkedet - placering 2024',
	'07 Vedligeholdelsesstand - udvikling',
	'08 Vedligeholdelsesstand - placering 2024',
	'09 Henlæggelser - udvikling',
	'10 Henlæggelser - placering 2024',
	'11 Husleje - udvikling',
	'12 Husleje - placering 2024',
	'13 Lejetab - udvikling',
	'14 Lejetab - placering 2024'
];

const EXPECTED_FILES = [
	'LÆSMIG.txt',
	...CHARTS.flatMap((c) => [`diagrammer/${c}.png`, `diagrammer/${c}.svg`]),
	'Rapport 2024 - Andelsbo.docx',
	'Rapport 2024 - Andelsbo.pdf',
	'data/Nøgletal 2024.csv',
	...CHARTS.map((c) => `data/${c}.csv`),
	'data/Afdelinger 2024.csv',
	'data/Data 2024 - Andelsbo.xlsx'
];

function csvRows(bytes: Uint8Array): string[][] {
	const text = utf8(bytes);
	expect(text.charCodeAt(0)).toBe(0xfeff);
	return Papa.parse<string[]>(text.slice(1), { delimiter: ';', newline: '\r\n', skipEmptyLines: true }).data;
}

describe('an organisation package', () => {
	let files: Record<string, Uint8Array>;
	let fileName: string;
	const progress: [number, number][] = [];

	beforeAll(async () => {
		const built = await buildPackage(request, { run: db.run, render, now: NOW, onProgress: (d, t) => progress.push([d, t]) });
		fileName = built.fileName;
		files = unzipSync(built.bytes);
	});

	it('is named for the organisation and the year and holds exactly the listed files', () => {
		expect(fileName).toBe('Dokumentationspakke 2024 - Andelsbo.zip');
		expect(Object.keys(files).sort()).toEqual([...EXPECTED_FILES].sort());
		expect(Object.keys(files)[0]).toBe('LÆSMIG.txt');
		// Its data, 14 charts, the report and the zip.
		expect(progress[0]).toEqual([0, 17]);
		expect(progress.at(-1)).toEqual([17, 17]);
	});

	it('lists every file and the sources in LÆSMIG.txt', () => {
		const readme = utf8(files['LÆSMIG.txt']!);
		expect(readme.startsWith('\ufeffDokumentationspakke 2024: Andelsbo\r\nAarhus Kommune · Boligbarometer\r\n')).toBe(true);
		expect(readme).toContain('Demodata: tallene er syntetiske');
		for (const file of EXPECTED_FILES.filter((f) => f !== 'LÆSMIG.txt')) expect(readme).toContain(`    ${file}\r\n`);
		expect(readme).toContain('- Ledighed: Landsbyggefonden (LBF), ledighedsstatistik; kommunens egne data');
		expect(readme).toContain('- Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer');
		expect(readme).not.toMatch(/[^\r]\n/);
	});

	it('holds the key figures as CSV with the values worked out by hand', () => {
		const rows = csvRows(files['data/Nøgletal 2024.csv']!);
		expect(rows[0]).toEqual(['Nøgletal', 'Enhed', 'Andelsbo 2023', 'Andelsbo 2024', 'Aarhus Kommune 2024', 'Hele landet, LBF 2024']);
		expect(rows.find((r) => r[0] === 'Ledighed')).toEqual(['Ledighed', '‰', '15,0', '20,0', '15,6', '6,5']);
		expect(rows.find((r) => r[0] === 'Husleje')?.[3]).toBe('950');
		expect(rows.find((r) => r[0] === 'Vedligeholdelsesstand')?.[1]).toBe('skala 1–5');
	});

	it('keeps suppressed and missing values suppressed in the departments CSV', () => {
		const rows = csvRows(files['data/Afdelinger 2024.csv']!);
		const header = rows[0]!;
		expect(header.slice(0, 5)).toEqual(['Afdelingsnr.', 'Afdeling', 'Boligområde', 'Boligtype', 'Opført']);
		const vacancy = header.indexOf('Ledighed 2024 (‰)');
		const outside = header.indexOf('Uden for arbejdsmarkedet 2024 (%)');
		const hostile = rows.find((r) => r[0] === '0002-002')!;
		expect(hostile[1]).toBe('<img src=x onerror=alert(1)>');
		expect(hostile[vacancy]).toBe('–');
		expect(hostile[outside]).toBe('–');
		expect(rows.find((r) => r[0] === '0002-003')![outside]).toBe('–');
		// 0002-001 Tårnhusene: 2 / 100 × 1000 = 20,0 ‰; (39 / 150) × 100 = 26,0 %.
		const tower = rows.find((r) => r[0] === '0002-001')!;
		expect([tower[1], tower[4], tower[vacancy], tower[outside]]).toEqual(['Tårnhusene', '1972', '20,0', '26,0']);
	});

	it('ranks the peers as the page does (ties share the rank) in the placering CSV', () => {
		const rows = csvRows(files['data/02 Ledighed - placering 2024.csv']!);
		expect(rows.slice(1).map((r) => [r[0], r[1], r[3], r[4]])).toEqual([
			['1', '0001-002', '20,0', ''],
			['1', '0002-001', '20,0', 'ja'],
			['1', '0002-003', '20,0', 'ja'],
			['4', '0001-001', '0,0', ''],
			['', '0002-002', '–', 'ja']
		]);
	});

	it('holds the same numbers as numbers in the workbook', async () => {
		const sheets = await readXlsxFile(Buffer.from(files['data/Data 2024 - Andelsbo.xlsx']!));
		expect(sheets[0]!.sheet).toBe('Nøgletal 2024');
		expect(sheets.at(-1)!.sheet).toBe('Om data');
		expect(sheets).toHaveLength(1 + 14 + 1 + 1);
		expect(sheets[0]!.data.find((r) => r[0] === 'Ledighed')).toEqual(['Ledighed', '‰', 15, 20, 15.6, 6.5]);
		const trend = sheets.find((s) => s.sheet === '01 Ledighed - udvikling')!.data;
		expect(trend[0]).toEqual(['År', 'Ledighed, Andelsbo (‰)', 'Ledighed, Aarhus Kommune (‰)', 'Ledighed, Hele landet, LBF (‰)']);
		expect(trend[1]).toEqual([2024, 20, 15.6, 6.5]);
	});

	it('has a Word report with headings per key figure and per department and the figures', () => {
		const xml = strFromU8(unzipSync(files['Rapport 2024 - Andelsbo.docx']!)['word/document.xml']!);
		const headings = [...xml.matchAll(/<w:pStyle w:val="(Heading[12])"\/>[\s\S]*?<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map(
			(m) => `${m[1]}: ${m[2]}`
		);
		expect(headings).toEqual([
			'Heading1: Nøgletal 2024',
			'Heading2: Ledighed (‰)',
			'Heading2: Fraflytning (%)',
			'Heading2: Uden for arbejdsmarkedet (%)',
			'Heading2: Vedligeholdelsesstand',
			'Heading2: Henlæggelser (kr./m²)',
			'Heading2: Husleje (kr./m²)',
			'Heading2: Lejetab (kr./m²)',
			'Heading1: Særlig fokus',
			'Heading1: Afdelinger',
			// In the page's order: by name, as the database sorts ('<' before letters).
			'Heading2: &lt;img src=x onerror=alert(1)&gt; (0002-002)',
			'Heading2: Engstien (0002-003)',
			'Heading2: Tårnhusene (0002-001)',
			'Heading1: Om tallene',
			'Heading2: Kilder'
		]);
		expect(xml).toMatch(/<w:t[^>]*>15,6<\/w:t>/);
		expect(xml).toMatch(/<w:t[^>]*>950<\/w:t>/);
		// The paragraphs' text, with the XML's escapes undone.
		const plain = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
			.map((m) => m[1]!.replaceAll('&quot;', '"').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'))
			.join('\n')
			.replaceAll('\u00a0', ' ');
		expect(plain).toContain('Vurderet for 2024 efter regelsættet "Stigende ledighed". Kilde: Testregel');
		expect(plain).toContain(
			'Afdeling Tårnhusene (0002-001): Ledighed stigende siden 2022 (fra 0,0 ‰); Ligger i området Vestparken, som har særlig fokus'
		);
		expect(plain).toContain('Området Vestparken (O1): Ledighed stigende siden 2023 (fra 7,5 ‰)');
		expect(plain).toContain('Afdeling Engstien (0002-003)');
		expect(plain).toContain('Området Søhøjen (O2): Ledighed: mangler for 2024');
		// 14 charts, one image part each.
		expect(Object.keys(unzipSync(files['Rapport 2024 - Andelsbo.docx']!)).filter((f) => f.startsWith('word/media/'))).toHaveLength(14);
	});

	it('has the same report as PDF, with text that extracts', async () => {
		const { pages, outline } = await pdfText(files['Rapport 2024 - Andelsbo.pdf']!);
		const text = pages.join('\n').replaceAll('\u00a0', ' ');
		expect(text.split('\n')).toContain('Ledighed ‰ 15,0 20,0 15,6 6,5');
		expect(outline).toContain('Tårnhusene (0002-001)');
		expect(outline).toContain('Husleje (kr./m²)');
		expect(text).toContain('Demodata: tallene er syntetiske');
		expect(outline).toContain('Særlig fokus');
		// The list item may wrap; the text is checked with the lines joined.
		expect(text.replace(/\s+/g, ' ')).toContain('Afdeling Tårnhusene (0002-001): Ledighed stigende siden 2022 (fra 0,0 ‰)');
	});

	it('holds every chart as PNG and SVG', () => {
		expect([...files['diagrammer/01 Ledighed - udvikling.png']!.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(strFromU8(files['diagrammer/02 Ledighed - placering 2024.svg']!)).toContain(
			'<title>Ledighed: Placering blandt kommunens afdelinger i 2024</title>'
		);
	});
});

describe('a municipality package', () => {
	it('holds the municipality’s own report, a folder per organisation and a LÆSMIG.txt listing them', async () => {
		const built = await buildPackage(
			{
				...request,
				scope: 'kommune',
				organisations: [
					{ id: 'B1', navn: 'Boligforeningen Fælleshjem' },
					{ id: 'B2', navn: 'Andelsbo' }
				]
			},
			{ run: db.run, render, now: NOW }
		);
		expect(built.fileName).toBe('Dokumentationspakke 2024 - Aarhus Kommune.zip');
		const files = unzipSync(built.bytes);
		const names = Object.keys(files);
		// The report's contents: tests/unit/municipality-report.test.ts.
		expect(names.filter((n) => !n.includes('/'))).toEqual([
			'LÆSMIG.txt',
			'Kommunerapport 2024 - Aarhus Kommune.docx',
			'Kommunerapport 2024 - Aarhus Kommune.pdf'
		]);
		expect(new Set(names.filter((n) => n.includes('/')).map((n) => n.split('/')[0]))).toEqual(
			new Set(['Boligforeningen Fælleshjem', 'Andelsbo'])
		);
		for (const folder of ['Andelsbo', 'Boligforeningen Fælleshjem']) {
			const own = names.filter((n) => n.startsWith(`${folder}/`)).map((n) => n.slice(folder.length + 1));
			expect(own.sort()).toEqual(EXPECTED_FILES.map((f) => f.replace('Andelsbo', folder)).sort());
		}
		const readme = utf8(files['LÆSMIG.txt']!);
		expect(readme).toContain('Dokumentationspakke 2024: Aarhus Kommune');
		expect(readme).toContain('- Andelsbo (B2):\r\n    Andelsbo/\r\n');
		// Fælleshjem (B1) 2024 vacancy: (0 + 4) / (100 + 200) × 1000 = 13,3 ‰.
		const rows = csvRows(files['Boligforeningen Fælleshjem/data/Nøgletal 2024.csv']!);
		expect(rows.find((r) => r[0] === 'Ledighed')?.[3]).toBe('13,3');
	});
});

describe('the package charts', () => {
	it('are the trend and the ranking of every key figure, labelled with unit and period', async () => {
		const data = await new PackageCollector(db.run).organisation({ ...request, organisation: request.organisations[0]! });
		const specs = packageCharts(data);
		expect(specs.map((s) => s.name)).toEqual(CHARTS);
		const trend = specs[0]!.meta;
		expect([trend.title, trend.subtitle, trend.unit, trend.period, trend.demo]).toEqual([
			'Ledighed – Andelsbo',
			'Aarhus Kommune',
			'‰',
			'2022–2024',
			true
		]);
		expect(trend.legend?.map((l) => l.label)).toEqual(['Andelsbo', 'Aarhus Kommune', 'Hele landet, LBF']);
		expect(specs[6]!.meta.unit).toBe('skala 1–5');
		expect(specs[1]!.meta.period).toBe('2024');
	});

	it('take the default focus rules when the page gives none', async () => {
		const { ruleSet: _, ...withoutRules } = request;
		const data = await new PackageCollector(db.run).organisation({ ...withoutRules, organisation: request.organisations[0]! });
		expect(data.focus?.ruleSet.navn).toBe('Tidlig opmærksomhed (eksempel)');
	});
});
