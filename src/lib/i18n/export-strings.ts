/**
 * The exports' own words, Danish first: the frame of an exported chart, the buttons, the report
 * and the package. English mirrors the Danish keys, so a missing translation does not compile.
 */
import type { Lang } from './lang.ts';

const da = {
	/** Under every exported chart and in every report: where the figures come from. */
	sourceLine: 'Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer',
	demoNote: 'Demodata: tallene er syntetiske',
	unit: 'Enhed',
	period: 'Periode',
	/** The unit of a score without one (maintenance state). */
	scale: (from: number, to: number) => `skala ${from}–${to}`,
	noValueNote: '– betyder, at tallet mangler eller er diskretioneret (det kunne afsløre færre end 5 personer).',
	// buttons
	downloadGroup: (title: string) => `Hent ${title}`,
	pngHint: 'Hent som billede (PNG, dobbelt opløsning)',
	svgHint: 'Hent som vektorgrafik (SVG)',
	csvHint: 'Hent tallene som CSV (semikolon, decimalkomma – åbner i dansk Excel)',
	xlsxHint: 'Hent tallene som Excel-fil (XLSX)',
	exporting: 'Henter …',
	failed: (message: string) => `Eksporten mislykkedes: ${message}`,
	packageButton: 'Dokumentationspakke',
	packageHint: (what: string, aar: number) =>
		`Hent en zip-fil med rapport (Word og PDF), alle diagrammer (PNG og SVG) og data (CSV og XLSX) for ${what} ${aar}`,
	packageProgress: (done: number, total: number) => `Dokumentationspakke: ${done} af ${total} …`,
	packageDone: (file: string) => `${file} er hentet.`,
	// tables and charts
	trendTitle: (name: string) => `${name} - udvikling`,
	peersTitle: (name: string, aar: number) => `${name} - placering ${aar}`,
	departmentId: 'Afdelingsnr.',
	highlighted: 'Markeret',
	yes: 'ja',
	keyFigure: 'Nøgletal',
	// report
	reportTitle: (navn: string, aar: number) => `Dokumentationspakke ${aar}: ${navn}`,
	reportSubtitle: (kommune: string) => `${kommune} · Boligbarometer`,
	keyFiguresHeading: (aar: number) => `Nøgletal ${aar}`,
	keyFiguresIntro: (navn: string, aar: number, previous: number | null, country: boolean) =>
		`Boligorganisationens nøgletal i ${aar}${previous != null ? ` og ${previous}` : ''}, sammenholdt med kommunen${country ? ' og hele landet' : ''}. Alle tal er beregnet som summen af tællerne over summen af nævnerne for ${navn}s afdelinger i kommunen.`,
	keyFiguresIntroWhole: (navn: string, aar: number, previous: number | null, kommuner: string[], country: boolean) =>
		`Boligorganisationens nøgletal i ${aar}${previous != null ? ` og ${previous}` : ''} for hele organisationen, sammenholdt med kommunen${country ? ' og hele landet' : ''}. ${navn} har afdelinger i ${kommuner.join(' og ')}; tallene er beregnet som summen af tællerne over summen af nævnerne for alle organisationens afdelinger. Hver kommunes del står i tabellen herunder.`,
	departmentsHeading: 'Afdelinger',
	aboutHeading: 'Om tallene',
	definition: 'Definition',
	source: 'Kilde',
	flagsHeading: 'Mål og opmærksomhedspunkter',
	peersIntro: (n: number, total: number) =>
		`Organisationens ${n} ${n === 1 ? 'afdeling' : 'afdelinger'} blandt kommunens ${total} afdelinger med en værdi, regnet fra den højeste.`,
	departmentFacts: (area: string | null, type: string | null, built: number | null) =>
		[area ? `Boligområde: ${area}` : 'Uden for boligområder', type ? `Boligtype: ${type}` : null, built ? `Opført: ${built}` : null]
			.filter(Boolean)
			.join(' · '),
	// package
	chartsFolder: 'diagrammer',
	dataFolder: 'data',
	readmeName: 'LÆSMIG.txt',
	reportFile: (navn: string, aar: number) => `Rapport ${aar} - ${navn}`,
	packageFile: (navn: string, aar: number) => `Dokumentationspakke ${aar} - ${navn}`,
	workbookFile: (navn: string, aar: number) => `Data ${aar} - ${navn}`,
	aboutSheet: 'Om data',
	departmentsTable: (aar: number) => `Afdelinger ${aar}`,
	keyFiguresTable: (aar: number) => `Nøgletal ${aar}`,
	readme: {
		title: (what: string, aar: number) => `Dokumentationspakke ${aar}: ${what}`,
		contents: 'Indhold',
		report: 'Rapporten som Word-dokument og som PDF',
		charts: 'Diagrammerne som PNG (til Word og PowerPoint) og SVG (vektorgrafik)',
		data: 'Tallene bag diagrammerne og tabellerne: CSV (semikolon og decimalkomma, åbner i dansk Excel) og én Excel-projektmappe med et ark pr. tabel',
		folders: 'En mappe pr. boligorganisation med samme indhold som en pakke for organisationen',
		sources: 'Kilder',
		notes: 'Om tallene',
		suppression:
			'Personbaserede nøgletal, der kunne afsløre færre end 5 personer (gruppen selv er så lille, eller tallet kan regnes ud af andre offentliggjorte tal), er diskretioneret og vises som –, ligesom tal, der mangler. Derfor kan også en stor gruppe, fx en hel kommune, stå med –. Et – er aldrig 0.',
		rounding: 'Tallene er afrundet som i Boligbarometeret (antal decimaler pr. nøgletal).',
		formula:
			"Navne, der begynder med =, +, -, @ eller tabulator, har fået et foranstillet ' i CSV-filerne, så regneark ikke læser dem som formler."
	}
};

export type ExportStrings = typeof da;

const en: ExportStrings = {
	sourceLine: 'Source: Landsbyggefonden / the municipality’s own data · Boligbarometer',
	demoNote: 'Demo data: the figures are synthetic',
	unit: 'Unit',
	period: 'Period',
	scale: (from: number, to: number) => `scale ${from}–${to}`,
	noValueNote: '– means the figure is missing or suppressed (it could reveal fewer than 5 persons).',
	downloadGroup: (title: string) => `Download ${title}`,
	pngHint: 'Download as image (PNG, double resolution)',
	svgHint: 'Download as vector graphics (SVG)',
	csvHint: 'Download the figures as CSV (semicolon, decimal comma – opens in Danish Excel)',
	xlsxHint: 'Download the figures as an Excel file (XLSX)',
	exporting: 'Downloading …',
	failed: (message: string) => `The export failed: ${message}`,
	packageButton: 'Documentation package',
	packageHint: (what: string, aar: number) =>
		`Download a zip file with the report (Word and PDF), every chart (PNG and SVG) and the data (CSV and XLSX) for ${what} ${aar}`,
	packageProgress: (done: number, total: number) => `Documentation package: ${done} of ${total} …`,
	packageDone: (file: string) => `${file} has been downloaded.`,
	trendTitle: (name: string) => `${name} - trend`,
	peersTitle: (name: string, aar: number) => `${name} - ranking ${aar}`,
	departmentId: 'Department no.',
	highlighted: 'Highlighted',
	yes: 'yes',
	keyFigure: 'Key figure',
	reportTitle: (navn: string, aar: number) => `Documentation package ${aar}: ${navn}`,
	reportSubtitle: (kommune: string) => `${kommune} · Boligbarometer`,
	keyFiguresHeading: (aar: number) => `Key figures ${aar}`,
	keyFiguresIntro: (navn: string, aar: number, previous: number | null, country: boolean) =>
		`The housing organisation’s key figures in ${aar}${previous != null ? ` and ${previous}` : ''}, against the municipality${country ? ' and the country' : ''}. Every figure is the sum of the numerators over the sum of the denominators of ${navn}’s departments in the municipality.`,
	keyFiguresIntroWhole: (navn: string, aar: number, previous: number | null, kommuner: string[], country: boolean) =>
		`The housing organisation's key figures in ${aar}${previous != null ? ` and ${previous}` : ''} for the whole organisation, against the municipality${country ? ' and the country' : ''}. ${navn} has departments in ${kommuner.join(' and ')}; the figures are the sum of numerators over the sum of denominators over all its departments. Each municipality's part is in the table below.`,
	departmentsHeading: 'Departments',
	aboutHeading: 'About the figures',
	definition: 'Definition',
	source: 'Source',
	flagsHeading: 'Targets and points of attention',
	peersIntro: (n: number, total: number) =>
		`The organisation’s ${n} ${n === 1 ? 'department' : 'departments'} among the municipality’s ${total} departments with a value, counted from the highest.`,
	departmentFacts: (area: string | null, type: string | null, built: number | null) =>
		[area ? `Housing area: ${area}` : 'Outside housing areas', type ? `Housing type: ${type}` : null, built ? `Built: ${built}` : null]
			.filter(Boolean)
			.join(' · '),
	chartsFolder: 'charts',
	dataFolder: 'data',
	readmeName: 'LÆSMIG.txt',
	reportFile: (navn: string, aar: number) => `Report ${aar} - ${navn}`,
	packageFile: (navn: string, aar: number) => `Documentation package ${aar} - ${navn}`,
	workbookFile: (navn: string, aar: number) => `Data ${aar} - ${navn}`,
	aboutSheet: 'About the data',
	departmentsTable: (aar: number) => `Departments ${aar}`,
	keyFiguresTable: (aar: number) => `Key figures ${aar}`,
	readme: {
		title: (what: string, aar: number) => `Documentation package ${aar}: ${what}`,
		contents: 'Contents',
		report: 'The report as a Word document and as PDF',
		charts: 'The charts as PNG (for Word and PowerPoint) and SVG (vector graphics)',
		data: 'The figures behind the charts and tables: CSV (semicolon and decimal comma, opens in Danish Excel) and one Excel workbook with a sheet per table',
		folders: 'One folder per housing organisation with the same contents as an organisation’s package',
		sources: 'Sources',
		notes: 'About the figures',
		suppression:
			'Person-based key figures that could reveal fewer than 5 persons (the group itself is that small, or the figure can be worked out from other published figures) are suppressed and shown as –, as are missing figures. So a large group, even a whole municipality, may show –. A – is never 0.',
		rounding: 'The figures are rounded as in the Boligbarometer (decimals per key figure).',
		formula: "Names beginning with =, +, -, @ or a tab have a leading ' in the CSV files, so spreadsheets do not read them as formulas."
	}
};

const STRINGS: Record<Lang, ExportStrings> = { da, en };

export function exportStrings(lang: Lang): ExportStrings {
	return STRINGS[lang];
}
