/**
 * The dashboard's words, Danish first. English mirrors the Danish keys (the type says so), so a
 * missing translation is a compile error rather than a blank on the page.
 */
import type { Lang } from './lang.ts';

const da = {
	appName: 'Boligbarometer',
	tagline: 'Nøgletal for de almene boliger',
	skipToContent: 'Gå til indholdet',
	demoBanner: 'Demodata: tallene er opdigtede og viser kun, hvordan barometeret virker.',
	choose: 'Vælg visning',
	indicator: 'Nøgletal',
	year: 'År',
	municipality: 'Kommune',
	otherLanguage: 'English',
	otherLanguageLabel: 'Switch to English',
	loading: 'Henter data …',
	loadingDb: 'Henter tal for alle år …',
	// levels
	department: 'Afdeling',
	departments: 'Afdelinger',
	area: 'Boligområde',
	areas: 'Boligområder',
	organisation: 'Boligorganisation',
	organisations: 'Boligorganisationer',
	country: 'Hele landet',
	municipalityOf: (navn: string) => `${navn} Kommune`,
	noArea: 'Uden for boligområder',
	noAreasInData: 'Ingen af kommunens afdelinger ligger i et boligområde i data (afdelinger.csv har intet omraade_id for dem).',
	// whole units (issue 10)
	wholeOrganisation: 'Hele organisationen',
	municipalityPart: (navn: string) => `${navn} Kommunes del`,
	partsHeading: 'Hele organisationen og hver kommunes del',
	partsNote: (n: number) =>
		`Organisationen har afdelinger i ${n} kommuner. Hele organisationens tal regnes over alle dens afdelinger, hver kommunes del over dens afdelinger i kommunen (summen af tællere over summen af nævnere).`,
	partsWithheld: 'Skjult: en afdelings tal er diskretioneret',
	// the national page
	nationalTitle: 'Kommunerne på ét kort',
	nationalIntro: 'Hver kommune i data farvet efter det valgte nøgletal. Kommuner uden data er grå.',
	noData: 'ingen data',
	rankedMunicipalities: 'Kommunerne rangeret',
	municipalitiesWithData: (n: number, of: number) => `${n} af ${of} kommuner har data`,
	benchmark: 'Sammenligningstal',
	// overview
	overviewTitle: (navn: string) => `Overblik over ${navn} Kommune`,
	map: 'Kort',
	mapFailed: 'Kortet kunne ikke indlæses; tallene og listerne nedenfor virker stadig.',
	headline: (aar: number) => `Nøgletal ${aar}`,
	vsLastYear: (aar: number) => `i forhold til ${aar}`,
	countryValue: 'Hele landet',
	noPreviousYear: 'intet år før',
	better: 'bedre',
	worse: 'dårligere',
	changed: 'ændret',
	unchanged: 'uændret',
	trendTitle: (name: string) => `${name} over årene`,
	listHint: 'Vælg et område eller en afdeling for at se dets udvikling og placering.',
	departmentsCount: 'Afdelinger',
	dwellings: 'Boliger',
	loadingFigures: 'Henter tallene …',
	// detail
	detailOf: { afdeling: 'Afdeling', omraade: 'Boligområde', boligorganisation: 'Boligorganisation' },
	facts: 'Stamdata',
	breadcrumbs: 'Her er du',
	housingType: 'Boligtype',
	// The register's own words, as they stand in afdelinger.csv (input-contract.ts HOUSING_TYPES).
	housingTypeName: { familie: 'familie', ældre: 'ældre', ungdom: 'ungdom' },
	built: 'Opført',
	inMunicipality: 'Kommune',
	trendsHeading: 'Nøgletal over årene',
	peersHeading: (aar: number) => `Placering blandt kommunens afdelinger i ${aar}`,
	peersRank: (rank: number, total: number) =>
		total === 1 ? 'Den eneste afdeling med en værdi.' : `Nr. ${rank} af ${total} afdelinger med en værdi, regnet fra den højeste.`,
	peersUnitValue: 'Markeret',
	peersOthers: 'Øvrige afdelinger',
	peersWithout: (n: number) =>
		`${n} ${n === 1 ? 'afdeling' : 'afdelinger'} uden værdi (mangler eller diskretioneret) er ikke med i diagrammet.`,
	showTable: 'Vis som tabel',
	trendAria: (name: string, from: number, to: number, labels: string[]) => `Linjediagram over ${name} ${from}-${to}: ${labels.join(', ')}.`,
	peersAria: (name: string, aar: number, count: number, highlighted: string) =>
		`Søjlediagram over ${name} i ${aar} for ${count} afdelinger, højeste først. Markeret: ${highlighted}.`,
	peersAxis: 'Afdelinger i kommunen, sorteret efter værdi',
	gapsNote: 'Huller i en linje er år uden tal (mangler eller diskretioneret).',
	value: 'Værdi',
	rank: 'Nr.',
	source: 'Kilde',
	// errors
	errorTitle: 'Data kan ikke vises',
	dataMissing: (file: string) => `Datafilen ${file} findes ikke. Kør indlæsningen (npm run ingest) og prøv igen.`,
	dataCorrupt: (file: string) =>
		`Datafilen ${file} kan ikke læses: den er ufuldstændig eller beskadiget. Kør indlæsningen (npm run ingest) igen.`,
	dataNetwork: (file: string) => `Datafilen ${file} kunne ikke hentes. Tjek forbindelsen til serveren og prøv igen.`,
	dbFailed: 'Databasen i browseren kunne ikke starte, så udviklingen over årene kan ikke vises.',
	unknownMunicipality: (kode: string) => `Der er ingen data for kommunekode ${kode}.`,
	unknownUnit: (kind: string, id: string) => `${kind} ${id} findes ikke i data.`,
	notFound: 'Siden findes ikke.',
	toOverview: 'Til overblikket'
};

export type Strings = typeof da;

const en: Strings = {
	appName: 'Housing barometer',
	tagline: 'Key figures for Danish social housing',
	skipToContent: 'Skip to content',
	demoBanner: 'Demo data: the figures are invented and only show how the barometer works.',
	choose: 'Choose view',
	indicator: 'Key figure',
	year: 'Year',
	municipality: 'Municipality',
	otherLanguage: 'Dansk',
	otherLanguageLabel: 'Skift til dansk',
	loading: 'Loading data …',
	loadingDb: 'Loading figures for all years …',
	department: 'Department',
	departments: 'Departments',
	area: 'Housing area',
	areas: 'Housing areas',
	organisation: 'Housing organisation',
	organisations: 'Housing organisations',
	country: 'Denmark',
	municipalityOf: (navn: string) => `${navn} Municipality`,
	noArea: 'Outside housing areas',
	noAreasInData: 'None of the municipality’s departments lies in a housing area in the data (afdelinger.csv gives no omraade_id for them).',
	wholeOrganisation: 'Whole organisation',
	municipalityPart: (navn: string) => `${navn} Municipality's part`,
	partsHeading: 'The whole organisation and each municipality’s part',
	partsNote: (n: number) =>
		`The organisation has departments in ${n} municipalities. The whole organisation’s figures cover all its departments, each municipality’s part its departments there (sum of numerators over sum of denominators).`,
	partsWithheld: 'Withheld: a department’s figure is suppressed',
	nationalTitle: 'The municipalities on one map',
	nationalIntro: 'Each municipality in the data coloured by the chosen key figure. Municipalities without data are grey.',
	noData: 'no data',
	rankedMunicipalities: 'The municipalities ranked',
	municipalitiesWithData: (n: number, of: number) => `${n} of ${of} municipalities have data`,
	benchmark: 'Benchmarks',
	overviewTitle: (navn: string) => `Overview of ${navn} Municipality`,
	map: 'Map',
	mapFailed: 'The map could not be loaded; the figures and lists below still work.',
	headline: (aar: number) => `Key figures ${aar}`,
	vsLastYear: (aar: number) => `compared with ${aar}`,
	countryValue: 'Denmark',
	noPreviousYear: 'no earlier year',
	better: 'better',
	worse: 'worse',
	changed: 'changed',
	unchanged: 'unchanged',
	trendTitle: (name: string) => `${name} over the years`,
	listHint: 'Choose an area or a department to see its trend and how it compares.',
	departmentsCount: 'Departments',
	dwellings: 'Dwellings',
	loadingFigures: 'Loading the figures …',
	detailOf: { afdeling: 'Department', omraade: 'Housing area', boligorganisation: 'Housing organisation' },
	facts: 'Register',
	breadcrumbs: 'You are here',
	housingType: 'Housing type',
	housingTypeName: { familie: 'family housing', ældre: 'housing for the elderly', ungdom: 'youth housing' },
	built: 'Built',
	inMunicipality: 'Municipality',
	trendsHeading: 'Key figures over the years',
	peersHeading: (aar: number) => `Among the municipality’s departments in ${aar}`,
	peersRank: (rank: number, total: number) =>
		total === 1 ? 'The only department with a value.' : `No. ${rank} of ${total} departments with a value, counted from the highest.`,
	peersUnitValue: 'Highlighted',
	peersOthers: 'Other departments',
	peersWithout: (n: number) =>
		`${n} ${n === 1 ? 'department' : 'departments'} without a value (missing or suppressed) ${n === 1 ? 'is' : 'are'} not in the chart.`,
	showTable: 'Show as table',
	trendAria: (name: string, from: number, to: number, labels: string[]) => `Line chart of ${name} ${from}-${to}: ${labels.join(', ')}.`,
	peersAria: (name: string, aar: number, count: number, highlighted: string) =>
		`Bar chart of ${name} in ${aar} for ${count} departments, highest first. Highlighted: ${highlighted}.`,
	peersAxis: 'Departments in the municipality, sorted by value',
	gapsNote: 'A gap in a line is a year without a figure (missing or suppressed).',
	value: 'Value',
	rank: 'No.',
	source: 'Source',
	errorTitle: 'The data cannot be shown',
	dataMissing: (file: string) => `The data file ${file} does not exist. Run the ingest (npm run ingest) and try again.`,
	dataCorrupt: (file: string) =>
		`The data file ${file} cannot be read: it is incomplete or damaged. Run the ingest (npm run ingest) again.`,
	dataNetwork: (file: string) => `The data file ${file} could not be fetched. Check the connection to the server and try again.`,
	dbFailed: 'The in-browser database could not start, so the trends over the years cannot be shown.',
	unknownMunicipality: (kode: string) => `There is no data for municipality code ${kode}.`,
	unknownUnit: (kind: string, id: string) => `${kind} ${id} is not in the data.`,
	notFound: 'Page not found.',
	toOverview: 'To the overview'
};

const STRINGS: Record<Lang, Strings> = { da, en };

export function strings(lang: Lang): Strings {
	return STRINGS[lang];
}
