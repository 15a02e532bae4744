/**
 * The words of the municipality's own report in its documentation package (package/
 * municipality-report.ts) and of the package's progress: Danish first, English mirroring the keys
 * so a missing translation does not compile. Apart from export-strings.ts because the report is
 * its own document; the focus reasons and target statuses inside it stay Danish, as the rules'
 * texts are (the report says so in English).
 */
import type { Lang } from './lang.ts';

const da = {
	reportTitle: (kommune: string, aar: number) => `Kommunerapport ${aar}: ${kommune}`,
	reportFile: (kommune: string, aar: number) => `Kommunerapport ${aar} - ${kommune}`,
	mapFile: (kommune: string, aar: number) => `Kort ${aar} - ${kommune}`,
	readmeReport: 'Kommunens egen rapport (kort, nøgletal, områder og boligorganisationer, særlig fokus og mål) som Word-dokument og som PDF',
	readmeMap: 'Kortet som billede (PNG) med signaturforklaring',
	mapHeading: 'Kort',
	mapMissing: 'Kortet kunne ikke tegnes (siden havde intet kort, da pakken blev lavet).',
	keyFiguresIntro: (kommune: string, aar: number) =>
		`${kommune}s nøgletal i ${aar} og året før, sammenholdt med et offentliggjort landstal (referencetal), hvor et sådant findes for året, ellers med summen over de indlæste kommuner; kolonnen "Sammenligningstal" siger, hvilket tal det er og hvorfra. Alle tal er summen af tællerne over summen af nævnerne for kommunens afdelinger.`,
	unitsHeading: 'Boligområder og boligorganisationer',
	unitsIntro: (areas: number, organisations: number, departments: number) =>
		`Kommunen har ${departments} ${departments === 1 ? 'afdeling' : 'afdelinger'} i data, fordelt på ${organisations} ${organisations === 1 ? 'boligorganisation' : 'boligorganisationer'}; ${areas} ${areas === 1 ? 'boligområde' : 'boligområder'}.`,
	areasTable: 'Boligområder',
	organisationsTable: 'Boligorganisationer',
	area: 'Boligområde',
	organisation: 'Boligorganisation',
	id: 'Nr.',
	departments: 'Afdelinger',
	focusColumn: 'Særlig fokus',
	focusYes: 'ja',
	focusNo: 'nej',
	focusUnknown: 'kan ikke vurderes',
	/** Only for English: the focus and target texts are the rules' Danish. */
	danishNote: '',
	focusFlaggedDepartments: (n: number) => `${n} ${n === 1 ? 'afdeling' : 'afdelinger'}`,
	targetsHeading: 'Mål og status',
	targetsIntro: (aar: number, n: number) =>
		n === 0
			? 'Der er ingen aftalte mål for kommunen i data (aftaler.csv).'
			: `${n} ${n === 1 ? 'aftalt mål' : 'aftalte mål'}, hvert vurderet på enhedens eget tal i ${aar} (eller i målåret, hvis det ligger før).`,
	targetsTable: (aar: number) => `Mål og status ${aar}`,
	target: 'Mål',
	unit: 'Enhed',
	goal: 'Mål',
	status: 'Status',
	explanation: 'Forklaring',
	foldersHeading: 'Boligorganisationernes egne pakker',
	foldersIntro: 'Hver boligorganisation har sin egen mappe i pakken med rapport, diagrammer og data.',
	// progress
	progress: (done: number, total: number) => `${done} af ${total}`,
	progressLabel: 'Dokumentationspakken bygges',
	cancel: 'Annullér',
	cancelled: 'Annulleret – intet er hentet.'
};

export type MunicipalityReportStrings = typeof da;

const en: MunicipalityReportStrings = {
	reportTitle: (kommune: string, aar: number) => `Municipality report ${aar}: ${kommune}`,
	reportFile: (kommune: string, aar: number) => `Municipality report ${aar} - ${kommune}`,
	mapFile: (kommune: string, aar: number) => `Map ${aar} - ${kommune}`,
	readmeReport:
		'The municipality’s own report (map, key figures, housing areas and organisations, special focus and targets) as a Word document and as PDF',
	readmeMap: 'The map as an image (PNG) with its legend',
	mapHeading: 'Map',
	mapMissing: 'The map could not be drawn (the page had no map when the package was made).',
	keyFiguresIntro: (kommune: string, aar: number) =>
		`${kommune}’s key figures in ${aar} and the year before, against a published national figure (reference figure) where one exists for the year, else the sum over the loaded municipalities; the column "Benchmarks" says which figure it is and where it comes from. Every figure is the sum of the numerators over the sum of the denominators of the municipality’s departments.`,
	unitsHeading: 'Housing areas and organisations',
	unitsIntro: (areas: number, organisations: number, departments: number) =>
		`The municipality has ${departments} ${departments === 1 ? 'department' : 'departments'} in the data, in ${organisations} housing ${organisations === 1 ? 'organisation' : 'organisations'}; ${areas} housing ${areas === 1 ? 'area' : 'areas'}.`,
	areasTable: 'Housing areas',
	organisationsTable: 'Housing organisations',
	area: 'Housing area',
	organisation: 'Housing organisation',
	id: 'No.',
	departments: 'Departments',
	focusColumn: 'Special focus',
	focusYes: 'yes',
	focusNo: 'no',
	focusUnknown: 'cannot be judged',
	danishNote: 'The focus reasons and the target statuses below are in Danish, as the rules and agreements they come from are.',
	focusFlaggedDepartments: (n: number) => `${n} ${n === 1 ? 'department' : 'departments'}`,
	targetsHeading: 'Targets and status',
	targetsIntro: (aar: number, n: number) =>
		n === 0
			? 'There are no agreed targets for the municipality in the data (aftaler.csv).'
			: `${n} agreed ${n === 1 ? 'target' : 'targets'}, each judged on its unit’s own figure in ${aar} (or in the target year, when that is earlier).`,
	targetsTable: (aar: number) => `Targets and status ${aar}`,
	target: 'Target',
	unit: 'Unit',
	goal: 'Goal',
	status: 'Status',
	explanation: 'Explanation',
	foldersHeading: 'The housing organisations’ own packages',
	foldersIntro: 'Each housing organisation has its own folder in the package with report, charts and data.',
	progress: (done: number, total: number) => `${done} of ${total}`,
	progressLabel: 'Building the documentation package',
	cancel: 'Cancel',
	cancelled: 'Cancelled – nothing was downloaded.'
};

const STRINGS: Record<Lang, MunicipalityReportStrings> = { da, en };

export function municipalityReportStrings(lang: Lang): MunicipalityReportStrings {
	return STRINGS[lang];
}
