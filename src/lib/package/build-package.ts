/**
 * The documentation package: for an organisation and a year, one zip with the report (.docx and
 * .pdf), every chart as PNG and SVG, the data as CSV and one XLSX workbook, and LÆSMIG.txt listing
 * the contents and the sources. For a municipality, the same for every organisation, a folder each.
 *
 * Drawing the charts needs a browser, so the renderer is passed in (render-chart.ts in the page, a
 * stand-in in unit tests); everything else here is plain data to bytes.
 */
import type { Lang } from '../i18n/lang.ts';
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
import type { OrganisationData, PackageDeps, PackageRequest, RenderChart, ReportImage } from './model.ts';

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
		...data.indicators.map((ind) => `${ind.name[data.lang]}: ${ind.source}`)
	];
}

/**
 * The files of one organisation's package, under `folder` ('' for the zip's root). `drawn` counts
 * the charts for the progress report.
 */
export async function organisationEntries(
	data: OrganisationData,
	render: RenderChart,
	folder = '',
	drawn: () => void = () => {}
): Promise<ZipEntry[]> {
	const { lang, year } = data;
	const e = exportStrings(lang);
	const t = strings(lang);
	const navn = data.organisation.navn;
	const paths = new PathSet();
	const entries: ZipEntry[] = [];
	const add = (path: string, bytes: Uint8Array) => {
		const claimed = paths.claim(path);
		entries.push({ path: inFolder(folder, claimed), data: bytes });
		return claimed;
	};

	const specs = packageCharts(data);
	const images: ReportImage[] = [];
	const chartFiles: string[] = [];
	for (const spec of specs) {
		const chart = await render(spec);
		drawn();
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

	const report = organisationReport(data, images);
	const reportBase = safeFileName(e.reportFile(navn, year));
	const reportFiles = [add(`${reportBase}.docx`, await reportDocx(report)), add(`${reportBase}.pdf`, await reportPdf(report))];

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

/** The files of a municipality's package: a folder per organisation, and a LÆSMIG.txt listing them. */
export async function municipalityEntries(
	organisations: readonly OrganisationData[],
	kommune: { kode: string; navn: string },
	lang: Lang,
	year: number,
	render: RenderChart,
	drawn: () => void = () => {}
): Promise<ZipEntry[]> {
	const e = exportStrings(lang);
	const t = strings(lang);
	const folders = new PathSet();
	const entries: ZipEntry[] = [];
	const groups: ReadmeGroup[] = [];
	for (const data of organisations) {
		const folder = folders.claim(safeFileName(data.organisation.navn));
		entries.push(...(await organisationEntries(data, render, folder, drawn)));
		groups.push({ heading: `${data.organisation.navn} (${data.organisation.id})`, files: [`${folder}/`] });
	}
	const readme = readmeBytes({
		title: e.readme.title(t.municipalityOf(kommune.navn), year),
		subtitle: `${e.readme.folders}.`,
		lang,
		demo: organisations.some((o) => o.demo),
		groups,
		indicators: organisations[0]?.indicators ?? []
	});
	return [{ path: e.readmeName, data: readme }, ...entries];
}

/** The whole package as a zip, with the file name to save it under. */
export async function buildPackage(request: PackageRequest, deps: PackageDeps): Promise<{ fileName: string; bytes: Uint8Array }> {
	const { lang, year, kommune } = request;
	const e = exportStrings(lang);
	const t = strings(lang);
	const collector = new PackageCollector(deps.run);
	const datas: OrganisationData[] = [];
	for (const organisation of request.organisations) {
		datas.push(
			await collector.organisation({
				kommune,
				organisation,
				year,
				years: request.years,
				indicators: request.indicators,
				lang,
				demo: request.demo,
				flags: request.flags,
				targets: request.targets,
				ruleSet: request.ruleSet,
				benchmarks: request.benchmarks
			})
		);
	}
	const total = datas.length * request.indicators.length * 2;
	let done = 0;
	const drawn = () => deps.onProgress?.(++done, total);
	deps.onProgress?.(0, total);
	if (request.scope === 'organisation') {
		const data = datas[0];
		if (!data) throw new Error('package: no organisation');
		const entries = await organisationEntries(data, deps.render, '', drawn);
		return { fileName: safeFileName(e.packageFile(data.organisation.navn, year), 'zip'), bytes: await zipFiles(entries, deps.now) };
	}
	const entries = await municipalityEntries(datas, kommune, lang, year, deps.render, drawn);
	return { fileName: safeFileName(e.packageFile(t.municipalityOf(kommune.navn), year), 'zip'), bytes: await zipFiles(entries, deps.now) };
}
