/**
 * The documentation package: for an organisation and a year, one zip with the report (.docx and
 * .pdf), every chart as PNG and SVG, the data as CSV and one XLSX workbook, and LÆSMIG.txt listing
 * the contents and the sources. For a municipality: its own report (municipality-report.ts) and
 * map, then the same as above for every organisation, a folder each.
 *
 * Drawing the charts needs a browser, so the renderer is passed in (render-chart.ts in the page, a
 * stand-in in unit tests); everything else here is plain data to bytes.
 */
import { strings } from '../i18n/strings.ts';
import { packageCharts } from './chart-specs.ts';
import { csvBytes } from '../formats/csv.ts';
import { reportDocx } from '../formats/docx.ts';
import { metaLines, periodText } from '../formats/export-meta.ts';
import { departmentsWideTable, keyFiguresTable, organisationReport } from './organisation-report.ts';
import { PackageCollector } from './collect-data.ts';
import { reportPdf } from '../formats/pdf.ts';
import { readmeBytes, type ReadmeGroup } from './readme.ts';
import { safeFileName } from '../formats/safe-filename.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import type { ExportTable } from '../formats/export-table.ts';
import { toXlsx } from '../formats/xlsx.ts';
import { PathSet, zipFiles, type ZipEntry } from '../formats/zip.ts';
import { municipalityReport } from './municipality-report.ts';
import { municipalityReportStrings } from '../i18n/municipality-report-strings.ts';
import type {
	MunicipalityData,
	OrganisationData,
	OrganisationFigures,
	PackageDeps,
	PackageRequest,
	RenderChart,
	RenderedChart,
	ReportImage
} from './model.ts';

const text = (s: string) => new TextEncoder().encode(s);

/** Joins a folder and a name; '' for no folder. */
const inFolder = (folder: string, name: string) => (folder ? `${folder}/${name}` : name);

/** The lines the workbook's "Om data" sheet holds: the package's title, period, notes and sources. */
function aboutLines(data: OrganisationData, tables: readonly ExportTable[]): string[] {
	const e = exportStrings(data.lang);
	const t = strings(data.lang);
	return [
		...metaLines({
			title: e.reportTitle(data.organisation.navn, data.year),
			subtitle: t.municipalityOf(data.kommune.navn),
			unit: '',
			period: periodText(data.years),
			demo: data.demo,
			lang: data.lang,
			fileName: ''
		}),
		'',
		...tables.map((table) => table.title),
		'',
		...data.indicators.map((ind) => `${ind.name[data.lang]}: ${ind.source[data.lang]}`)
	];
}

/**
 * The files of one organisation's package, under `folder` ('' for the zip's root). `step` is called
 * after each chart and after the report (organisationSteps() of them), for the progress report and
 * to stop when the build is cancelled (it throws). The charts are drawn from `figures.charts` while
 * the rest of the organisation's figures (its focus needs the whole municipality's) comes in.
 */
export async function organisationEntries(
	figures: OrganisationFigures,
	render: RenderChart,
	folder = '',
	step: () => void = () => {}
): Promise<ZipEntry[]> {
	const { lang, year } = figures.charts;
	const e = exportStrings(lang);
	const t = strings(lang);
	const navn = figures.charts.organisation.navn;
	const paths = new PathSet();
	const entries: ZipEntry[] = [];
	const add = (path: string, bytes: Uint8Array) => {
		const claimed = paths.claim(path);
		entries.push({ path: inFolder(folder, claimed), data: bytes });
		return claimed;
	};

	const specs = packageCharts(figures.charts);
	const images: ReportImage[] = [];
	const chartFiles: string[] = [];
	for (const spec of specs) {
		const chart = await render(spec);
		step();
		const base = `${e.chartsFolder}/${safeFileName(spec.name)}`;
		chartFiles.push(add(`${base}.png`, chart.png), add(`${base}.svg`, text(chart.svg)));
		images.push({
			indicator: spec.indicator,
			kind: spec.kind,
			png: chart.png,
			width: chart.width,
			height: chart.height,
			title: chart.title
		});
	}

	const data = await figures.whole;
	const report = organisationReport(data, images);
	const reportBase = safeFileName(e.reportFile(navn, year));
	const reportFiles = [add(`${reportBase}.docx`, await reportDocx(report)), add(`${reportBase}.pdf`, await reportPdf(report))];
	step();

	const tables: { name: string; table: ExportTable }[] = [
		{ name: e.keyFiguresTable(year), table: keyFiguresTable(data) },
		// Numbered like the charts, so a sheet, a CSV file and a chart of the same figures share a name.
		...specs.map((spec) => ({ name: spec.name, table: { ...spec.table, title: spec.name } })),
		{ name: e.departmentsTable(year), table: departmentsWideTable(data) }
	];
	const dataFiles = tables.map(({ name, table }) => add(`${e.dataFolder}/${safeFileName(name, 'csv')}`, csvBytes(table, lang)));
	const workbook = await toXlsx(
		tables.map((x) => x.table),
		aboutLines(
			data,
			tables.map((x) => x.table)
		),
		lang
	);
	dataFiles.push(add(`${e.dataFolder}/${safeFileName(e.workbookFile(navn, year), 'xlsx')}`, new Uint8Array(await workbook.arrayBuffer())));

	const groups: ReadmeGroup[] = [
		{ heading: e.readme.report, files: reportFiles },
		{ heading: e.readme.charts, files: chartFiles },
		{ heading: e.readme.data, files: dataFiles }
	];
	const readme = readmeBytes({
		title: e.readme.title(navn, year),
		subtitle: e.reportSubtitle(t.municipalityOf(data.kommune.navn)),
		lang,
		demo: data.demo,
		groups,
		indicators: data.indicators
	});
	// LÆSMIG.txt first in the zip, so it is the first thing a file list shows.
	return [{ path: inFolder(folder, e.readmeName), data: readme }, ...entries];
}

/**
 * Starts loading the writers' libraries (formats/docx.ts, pdf.ts, xlsx.ts and zip.ts import them
 * when first used), so their download and compile (0.2-0.3 s of a package in a profile under load)
 * overlap the wait for the data instead of following the charts. A failure here is left to the
 * writer's own import to report.
 */
function preloadWriters(): void {
	for (const load of [() => import('docx'), () => import('jspdf'), () => import('write-excel-file/universal'), () => import('fflate')]) {
		load().catch(() => undefined);
	}
}

/** How many steps an organisation's part takes: its data gathered, its charts drawn, its report written. */
const organisationSteps = (indicators: number) => 1 + indicators * 2 + 1;

/**
 * The files of a municipality's package: the municipality's own report (Word and PDF) and its map
 * at the root, a folder per organisation, and a LÆSMIG.txt listing them. `step` as for
 * organisationEntries, once more after the municipality's report.
 */
export async function municipalityEntries(
	municipality: MunicipalityData,
	organisations: readonly OrganisationFigures[],
	map: RenderedChart | null,
	render: RenderChart,
	step: () => void = () => {}
): Promise<ZipEntry[]> {
	const { lang, year, kommune } = municipality;
	const e = exportStrings(lang);
	const s = municipalityReportStrings(lang);
	const kommuneNavn = strings(lang).municipalityOf(kommune.navn);
	const folders = new PathSet();
	const names = organisations.map(({ charts }) => folders.claim(safeFileName(charts.organisation.navn)));
	const top = new PathSet();
	for (const name of names) top.claim(name);

	const report = municipalityReport(municipality, map, names);
	const reportBase = safeFileName(s.reportFile(kommuneNavn, year));
	const own: ZipEntry[] = [
		{ path: top.claim(`${reportBase}.docx`), data: await reportDocx(report) },
		{ path: top.claim(`${reportBase}.pdf`), data: await reportPdf(report) }
	];
	if (map) own.push({ path: top.claim(safeFileName(s.mapFile(kommuneNavn, year), 'png')), data: map.png });
	step();

	const entries: ZipEntry[] = [];
	const groups: ReadmeGroup[] = [
		{ heading: s.readmeReport, files: own.filter((f) => !f.path.endsWith('.png')).map((f) => f.path) },
		...(map ? [{ heading: s.readmeMap, files: own.filter((f) => f.path.endsWith('.png')).map((f) => f.path) }] : [])
	];
	for (const [i, figures] of organisations.entries()) {
		const folder = names[i]!;
		entries.push(...(await organisationEntries(figures, render, folder, step)));
		const { organisation } = figures.charts;
		groups.push({ heading: `${organisation.navn} (${organisation.id})`, files: [`${folder}/`] });
	}
	const readme = readmeBytes({
		title: e.readme.title(kommuneNavn, year),
		subtitle: `${e.readme.folders}.`,
		lang,
		demo: municipality.demo,
		groups,
		indicators: municipality.indicators
	});
	return [{ path: e.readmeName, data: readme }, ...own, ...entries];
}

/**
 * The whole package as a zip, with the file name to save it under. Progress is told in steps
 * (each organisation's data, each chart, each report, the zip); when `deps.signal` aborts, the
 * build stops at the next step and rejects with the signal's reason, giving no bytes.
 */
export async function buildPackage(request: PackageRequest, deps: PackageDeps): Promise<{ fileName: string; bytes: Uint8Array }> {
	const { lang, year, kommune } = request;
	const e = exportStrings(lang);
	const t = strings(lang);
	const signal = deps.signal;
	signal?.throwIfAborted();
	preloadWriters();
	const whole = request.scope === 'kommune';
	// The municipality's part: its data and its report (the map is drawn with the report).
	const total = request.organisations.length * organisationSteps(request.indicators.length) + (whole ? 2 : 0) + 1;
	let done = 0;
	const step = () => {
		signal?.throwIfAborted();
		deps.onProgress?.(++done, total);
	};
	deps.onProgress?.(0, total);
	const collector = new PackageCollector(deps.run);
	const input = {
		kommune,
		year,
		years: request.years,
		indicators: request.indicators,
		lang,
		demo: request.demo,
		flags: request.flags,
		targets: request.targets,
		ruleSet: request.ruleSet,
		municipalitiesOf: request.municipalitiesOf,
		benchmarks: request.benchmarks
	};
	// The map first, while the page that drew it is as it was when the button was pressed.
	const map = whole && deps.renderMap ? await deps.renderMap() : null;
	signal?.throwIfAborted();
	const municipality = whole ? await collector.municipality(input) : null;
	if (municipality) step();
	// Each organisation's data step is done when its charts' figures are in; the rest (its focus
	// waits for the whole municipality's figures) comes in while its charts are drawn.
	const datas: OrganisationFigures[] = [];
	for (const organisation of request.organisations) {
		const own = { ...input, organisation };
		const charts = collector.charts(own);
		const rest = collector.organisation(own, charts);
		// Awaited with the organisation's report; a failure before then is not an unhandled rejection.
		rest.catch(() => undefined);
		datas.push({ charts: await charts, whole: rest });
		step();
	}
	let entries: ZipEntry[];
	let fileName: string;
	if (municipality) {
		entries = await municipalityEntries(municipality, datas, map, deps.render, step);
		fileName = safeFileName(e.packageFile(t.municipalityOf(kommune.navn), year), 'zip');
	} else {
		const figures = datas[0];
		if (!figures) throw new Error('package: no organisation');
		entries = await organisationEntries(figures, deps.render, '', step);
		fileName = safeFileName(e.packageFile(figures.charts.organisation.navn, year), 'zip');
	}
	const bytes = await zipFiles(entries, deps.now);
	step();
	return { fileName, bytes };
}
