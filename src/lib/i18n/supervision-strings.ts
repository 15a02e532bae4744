/**
 * The words of the supervisor's pages (the focus list and its rule editor, the targets and their
 * drafts, the focus, target and intervention blocks of a unit's page), Danish first. English mirrors
 * the Danish keys (the type says so), so a missing translation is a compile error. The end-to-end
 * test of English mode reads this table: no Danish entry may show on an English page.
 *
 * Documents made for the Danish process (agendas, the agreement, aftaler.csv) stay Danish; the
 * English pages say so where they offer one.
 */
import type { Lang } from './lang.ts';

const da = {
	// focus list
	focusTitle: 'Fokusliste',
	focusHeading: (municipality: string, year: number) => `Fokusliste: ${municipality}, ${year}`,
	focusLead:
		'Hvilke afdelinger og områder har brug for særlig fokus i år, og hvorfor? Reglerne kan rettes, gemmes og deles: de står i adressen, så et link viser den samme liste. Et tal, der mangler eller er diskretioneret, kan hverken udløse eller fjerne fokus; enheden står da under "Kan ikke vurderes".',
	rules: 'Regler',
	rulesLinkBroken: (errors: string) => `Reglerne i linket kunne ikke bruges (${errors}); standardreglerne vises.`,
	flaggedHeading: (n: number) => `Særlig fokus (${n})`,
	organisation: 'Boligorganisation',
	all: 'Alle',
	show: 'Vis',
	unitsBoth: 'Afdelinger og områder',
	departments: 'Afdelinger',
	areas: 'Områder',
	sortBy: 'Sortér efter',
	sortHits: 'Flest opfyldte regler',
	sortName: 'Navn',
	unit: 'Enhed',
	kind: 'Slags',
	reason: 'Begrundelse',
	missing: 'Mangler',
	kindName: { afdeling: 'Afdeling', omraade: 'Område' },
	cannotJudge: 'Kan ikke vurderes',
	cannotJudgeFor: (what: string) => `Kan ikke vurderes: ${what}`,
	noneFlagged: (year: number, inOrganisation: boolean) =>
		`Reglerne flager ingen afdelinger eller områder${inOrganisation ? ' i den valgte boligorganisation' : ''} i ${year}.`,
	clearHeading: (n: number) => `Afdelinger uden behov for særlig fokus (${n})`,
	clearNote: 'Hverken afdelingen eller dens område flages, og alle tal, reglerne bruger, er kendt. Listen hører med i aftaledokumentet.',
	none: 'Ingen.',
	countLine: (areas: number, departments: number, inAreas: number) =>
		`${areas} ${areas === 1 ? 'område' : 'områder'} og ${departments} ${departments === 1 ? 'afdeling' : 'afdelinger'}, hver talt én gang.` +
		(inAreas ? ` Desuden ${inAreas === 1 ? 'ligger 1 afdeling' : `ligger ${inAreas} afdelinger`} i et område med særlig fokus.` : ''),
	focusStatus: { fokus: 'Særlig fokus', ingen: 'Ingen særlig fokus', ukendt: 'Kan ikke vurderes' },
	// rule editor
	ruleSet: 'Regelsæt',
	ownRules: 'Egne regler',
	name: 'Navn',
	appliesTo: 'Gælder',
	appliesDepartments: 'afdelinger',
	appliesAreas: 'områder',
	source: 'Kilde',
	presetInDanish: 'Regelsættets navn, kilde og noter er på dansk, som de gemmes i filen.',
	summary: (rules: string) => `En enhed får særlig fokus, når mindst én regel er opfyldt: ${rules}.`,
	editRules: 'Ret reglerne',
	addRule: 'Tilføj regel',
	saveRules: 'Gem regler (JSON)',
	loadRules: 'Indlæs regler (JSON)',
	rule: (path: string) => `Regel ${path}`,
	ruleType: {
		niveau: 'Niveau',
		tendens: 'Tendens',
		afstand: 'Afstand til kommunen/landet',
		vedvarende: 'Vedvarende niveau',
		kombination: 'Kombination (k af n)'
	},
	indicator: 'Nøgletal',
	comparison: 'Sammenligning',
	limit: 'Grænse',
	limitAll: 'Grænse (alle boligtyper)',
	typeLimits: 'Egen grænse pr. boligtype',
	typeLimitsHint: 'Tom: den almindelige grænse gælder. Et område vurderes altid efter den almindelige grænse.',
	distanceHint:
		'Landets tal er for en afdeling Landsbyggefondens tal for dens boligtype, hvor det er offentliggjort (fx ledighed); ellers tallet for alle boligtyper. Kommunens tal, og det et område sammenlignes med, er altid for alle boligtyper.',
	housingType: { familie: 'Familieboliger', ældre: 'Ældreboliger', ungdom: 'Ungdomsboliger' },
	factor: 'Gange',
	comparedWith: 'Sammenlignet med',
	reference: { kommune: 'kommunens niveau', land: 'landets niveau' },
	direction: 'Retning',
	directionName: { stigende: 'stigende', faldende: 'faldende' },
	yearsInARow: 'År i træk',
	atLeast: 'Mindst',
	ofN: (n: number) => `af ${n}`,
	ruleName: 'Navn (valgfrit)',
	remove: 'Fjern',
	removeRule: (path: string) => `Fjern regel ${path}`,
	addChild: 'Tilføj delregel',
	// targets page
	targetsTitle: 'Aftaler og mål',
	targetsHeading: (municipality: string, year: number) => `Aftaler og mål: ${municipality}, ${year}`,
	targetsLead: (year: number) =>
		`De mål, kommunen og boligorganisationerne har aftalt i aftaledokumenterne, med status for ${year}. Målene kommer fra aftaler.csv i inddata; nye mål kan skrives nederst og hentes som en ny aftaler.csv.`,
	howStatus: 'Sådan beregnes status',
	statusRules: [
		'Målet vurderes på tallet for det valgte år, eller for målåret, hvis det valgte år ligger efter målåret.',
		'Ingen data, når året ligger før basisåret, eller tallet mangler eller er diskretioneret.',
		'Nået, når tallet opfylder målet (højst målværdien for retning "ned", mindst for "op") – også før målåret.',
		'Ikke nået, når målåret er nået, og tallet ikke opfylder målet.',
		'Før målåret: På vej, når tallet er mindst lige så godt som den lige linje fra basisværdien i basisåret til målværdien i målåret; ellers Ikke på vej. Var målet allerede nået i basisåret, skal det holdes: så er linjen målværdien selv.'
	],
	statusDecimals: 'Tallene sammenlignes med det antal decimaler, dashboardet viser.',
	lastAgreementHeading: 'Status for sidste års aftaledokument',
	agreementDocument: 'Aftaledokument',
	targetsMet: 'Er de aftalte mål nået?',
	noTargetsInData: 'Ingen aftalte mål i data.',
	organisationTargets: (n: number) => `Boligorganisationernes mål (${n})`,
	noTargets: 'Ingen mål.',
	jointTargets: (n: number) => `Kommunens fælles mål (${n})`,
	draftsHeading: 'Nye mål (udkast)',
	draftsNote:
		'Udkastene gemmes i browseren, kommer med i udkastet til aftaledokument og gemmes i en fil med "Gem arbejde". Hent aftaler.csv, og læg den i inddata, når målene er aftalt.',
	// target table and draft form
	base: 'Basis',
	target: 'Mål',
	latest: 'Seneste',
	status: 'Status',
	suppressedShort: 'diskretioneret',
	level: 'Niveau',
	levelName: { afdeling: 'afdeling', omraade: 'område', boligorganisation: 'boligorganisation', kommune: 'kommune' },
	baseYear: 'Basisår',
	baseValue: (unit: string) => (unit ? `Basisværdi (${unit})` : 'Basisværdi'),
	noFigure: 'Intet tal i data',
	dataValue: (value: string) => `Data: ${value}`,
	basePublishedDraft: 'Tal om beboere: basisværdien er det offentliggjorte tal',
	baseWithheldDraft: 'Tal om beboere: tallet er diskretioneret eller mangler, så målet får ingen basisværdi',
	targetDirection: { ned: 'ned (højst)', op: 'op (mindst)' },
	targetValue: 'Målværdi',
	targetYear: 'Målår',
	noOrganisation: 'Ingen (kommunens fælles mål)',
	description: 'Beskrivelse',
	addTarget: 'Tilføj mål',
	noDrafts: 'Ingen udkast endnu.',
	fileHolds: (n: number) =>
		n === 0
			? 'Inddata har ingen aftalte mål; filen rummer udkastene og kan bruges som aftaler.csv.'
			: `Filen rummer ${n === 1 ? 'det ene aftalte mål' : `alle ${n} aftalte mål`} fra inddata (alle kommuner) og udkastene, så den kan erstatte den nuværende aftaler.csv.`,
	downloadTargets: 'Hent aftaler.csv',
	documentDefault: (year: number, organisation: string) => `Aftaledokument ${year}${organisation ? `, ${organisation}` : ''}`,
	// a unit's page
	focusBlock: (status: string) => `Fokus: ${status}`,
	areaHasFocus: (area: string) => `Området ${area} har særlig fokus:`,
	noRuleHolds: (withArea: boolean) => `Ingen af reglerne er opfyldt${withArea ? ', hverken for afdelingen eller dens område' : ''}.`,
	cannotJudgeArea: (what: string) => `Kan ikke vurderes for området: ${what}.`,
	rulesNotForKind: (name: string) => `Reglerne "${name}" gælder ikke denne slags enhed.`,
	rulesLine: (name: string) => `Regler: "${name}".`,
	rulesLineYear: (name: string, year: number) => `Regler: "${name}", ${year}.`,
	seeFocusList: 'Se hele fokuslisten og ret reglerne',
	agreedTargets: 'Aftalte mål',
	interventions: 'Indsatser',
	interventionType: {
		helhedsplan: 'Helhedsplan',
		renovering: 'Renovering',
		udlejningsaftale: 'Udlejningsaftale',
		boligsocial: 'Boligsocialt projekt',
		andet: 'Anden indsats'
	},
	politicalGoal: 'Politisk mål:',
	funding: 'Finansiering:',
	meantToMove: (names: string) => `Skal flytte: ${names}.`,
	interventionsMarked: 'Start og slut er markeret på nøgletallenes udvikling nedenfor.',
	organisationNoFocus: 'Ingen af organisationens afdelinger eller områder har særlig fokus efter reglerne.',
	noSpecialFocus: 'Ingen særlig fokus:',
	cannotJudgeList: 'Kan ikke vurderes:',
	kindOf: { afdeling: 'Afdeling', omraade: 'Området' },
	inArea: (area: string) => `Ligger i området ${area}, som har særlig fokus`,
	departmentsInArea: (names: string) => `Boligorganisationens afdelinger i området: ${names}`,
	danishDocuments: ''
};

export type SupervisionStrings = typeof da;

const en: SupervisionStrings = {
	focusTitle: 'Focus list',
	focusHeading: (municipality, year) => `Focus list: ${municipality}, ${year}`,
	focusLead:
		'Which departments and areas need special focus this year, and why? The rules can be edited, saved and shared: they are in the address, so a link shows the same list. A figure that is missing or suppressed can neither trigger nor clear focus; the unit is then listed under "Cannot be judged".',
	rules: 'Rules',
	rulesLinkBroken: (errors) => `The rules in the link could not be used (${errors}); the default rules are shown.`,
	flaggedHeading: (n) => `Special focus (${n})`,
	organisation: 'Housing organisation',
	all: 'All',
	show: 'Show',
	unitsBoth: 'Departments and areas',
	departments: 'Departments',
	areas: 'Areas',
	sortBy: 'Sort by',
	sortHits: 'Most rules met',
	sortName: 'Name',
	unit: 'Unit',
	kind: 'Kind',
	reason: 'Reason',
	missing: 'Missing',
	kindName: { afdeling: 'Department', omraade: 'Area' },
	cannotJudge: 'Cannot be judged',
	cannotJudgeFor: (what) => `Cannot be judged: ${what}`,
	noneFlagged: (year, inOrganisation) =>
		`The rules flag no departments or areas${inOrganisation ? ' in the chosen housing organisation' : ''} in ${year}.`,
	clearHeading: (n) => `Departments that need no special focus (${n})`,
	clearNote:
		'Neither the department nor its area is flagged, and every figure the rules use is known. The list belongs in the agreement document.',
	none: 'None.',
	countLine: (areas, departments, inAreas) =>
		`${areas} ${areas === 1 ? 'area' : 'areas'} and ${departments} ${departments === 1 ? 'department' : 'departments'}, each counted once.` +
		(inAreas ? ` Besides, ${inAreas} ${inAreas === 1 ? 'department lies' : 'departments lie'} in an area with special focus.` : ''),
	focusStatus: { fokus: 'Special focus', ingen: 'No special focus', ukendt: 'Cannot be judged' },
	ruleSet: 'Rule set',
	ownRules: 'Own rules',
	name: 'Name',
	appliesTo: 'Applies to',
	appliesDepartments: 'departments',
	appliesAreas: 'areas',
	source: 'Source',
	presetInDanish: 'The rule set’s name, source and notes are in Danish, as the file stores them.',
	summary: (rules) => `A unit needs special focus when at least one rule holds: ${rules}.`,
	editRules: 'Edit the rules',
	addRule: 'Add rule',
	saveRules: 'Save rules (JSON)',
	loadRules: 'Load rules (JSON)',
	rule: (path) => `Rule ${path}`,
	ruleType: {
		niveau: 'Level',
		tendens: 'Trend',
		afstand: 'Distance to municipality/country',
		vedvarende: 'Persistent level',
		kombination: 'Combination (k of n)'
	},
	indicator: 'Key figure',
	comparison: 'Comparison',
	limit: 'Limit',
	limitAll: 'Limit (all housing types)',
	typeLimits: 'Own limit by housing type',
	typeLimitsHint: 'Empty: the general limit applies. An area is always judged by the general limit.',
	distanceHint:
		'For a department, the country’s figure is Landsbyggefonden’s figure for its housing type where one is published (e.g. vacancy); otherwise the figure for all housing types. The municipality’s figure, and what an area is compared with, is always for all housing types.',
	housingType: { familie: 'Family housing', ældre: 'Housing for the elderly', ungdom: 'Youth housing' },
	factor: 'Times',
	comparedWith: 'Compared with',
	reference: { kommune: 'the municipality’s level', land: 'the country’s level' },
	direction: 'Direction',
	directionName: { stigende: 'rising', faldende: 'falling' },
	yearsInARow: 'Years in a row',
	atLeast: 'At least',
	ofN: (n) => `of ${n}`,
	ruleName: 'Name (optional)',
	remove: 'Remove',
	removeRule: (path) => `Remove rule ${path}`,
	addChild: 'Add sub-rule',
	targetsTitle: 'Agreements and targets',
	targetsHeading: (municipality, year) => `Agreements and targets: ${municipality}, ${year}`,
	targetsLead: (year) =>
		`The targets the municipality and the housing organisations agreed in the agreement documents, with their status for ${year}. The targets come from aftaler.csv in the input; new targets can be drafted below and downloaded as a new aftaler.csv.`,
	howStatus: 'How the status is worked out',
	statusRules: [
		'A target is judged on the figure for the chosen year, or for the target year when the chosen year is after it.',
		'No data when the year is before the base year, or the figure is missing or suppressed.',
		'Met when the figure meets the target (at most the target value for direction "down", at least for "up"), also before the target year.',
		'Not met when the target year has come and the figure does not meet the target.',
		'Before the target year: On track when the figure is at least as good as the straight line from the base value in the base year to the target value in the target year; otherwise Off track. When the target was already met in the base year, it must be held: the line is then the target value itself.'
	],
	statusDecimals: 'Figures are compared at the decimals the dashboard shows.',
	lastAgreementHeading: 'Status of last year’s agreement documents',
	agreementDocument: 'Agreement document',
	targetsMet: 'Were the agreed targets met?',
	noTargetsInData: 'No agreed targets in the data.',
	organisationTargets: (n) => `The housing organisations’ targets (${n})`,
	noTargets: 'No targets.',
	jointTargets: (n) => `The municipality’s joint targets (${n})`,
	draftsHeading: 'New targets (drafts)',
	draftsNote:
		'Drafts are kept in the browser, go into the draft agreement document and are saved to a file with "Save work". Download aftaler.csv and put it in the input once the targets are agreed. The file and the documents are in Danish, for the Danish process.',
	base: 'Base',
	target: 'Target',
	latest: 'Latest',
	status: 'Status',
	suppressedShort: 'suppressed',
	level: 'Level',
	levelName: { afdeling: 'department', omraade: 'area', boligorganisation: 'housing organisation', kommune: 'municipality' },
	baseYear: 'Base year',
	baseValue: (unit) => (unit ? `Base value (${unit})` : 'Base value'),
	noFigure: 'No figure in the data',
	dataValue: (value) => `Data: ${value}`,
	basePublishedDraft: 'A figure about residents: the base is the published figure',
	baseWithheldDraft: 'A figure about residents: the figure is suppressed or missing, so the target gets no base',
	targetDirection: { ned: 'down (at most)', op: 'up (at least)' },
	targetValue: 'Target value',
	targetYear: 'Target year',
	noOrganisation: 'None (the municipality’s joint target)',
	description: 'Description',
	addTarget: 'Add target',
	noDrafts: 'No drafts yet.',
	fileHolds: (n) =>
		n === 0
			? 'The input has no agreed targets; the file holds the drafts and can be used as aftaler.csv.'
			: `The file holds ${n === 1 ? 'the one agreed target' : `all ${n} agreed targets`} of the input (every municipality) and the drafts, so it can replace the current aftaler.csv.`,
	downloadTargets: 'Download aftaler.csv',
	documentDefault: (year, organisation) => `Aftaledokument ${year}${organisation ? `, ${organisation}` : ''}`,
	focusBlock: (status) => `Focus: ${status}`,
	areaHasFocus: (area) => `The area ${area} needs special focus:`,
	noRuleHolds: (withArea) => `None of the rules holds${withArea ? ', neither for the department nor for its area' : ''}.`,
	cannotJudgeArea: (what) => `Cannot be judged for the area: ${what}.`,
	rulesNotForKind: (name) => `The rules "${name}" do not apply to this kind of unit.`,
	rulesLine: (name) => `Rules: "${name}".`,
	rulesLineYear: (name, year) => `Rules: "${name}", ${year}.`,
	seeFocusList: 'See the whole focus list and edit the rules',
	agreedTargets: 'Agreed targets',
	interventions: 'Interventions',
	interventionType: {
		helhedsplan: 'Comprehensive plan',
		renovering: 'Renovation',
		udlejningsaftale: 'Letting agreement',
		boligsocial: 'Social housing project',
		andet: 'Other intervention'
	},
	politicalGoal: 'Political goal:',
	funding: 'Funding:',
	meantToMove: (names) => `Meant to move: ${names}.`,
	interventionsMarked: 'Start and end are marked on the key figures’ trends below.',
	organisationNoFocus: 'None of the organisation’s departments or areas needs special focus under the rules.',
	noSpecialFocus: 'No special focus:',
	cannotJudgeList: 'Cannot be judged:',
	kindOf: { afdeling: 'Department', omraade: 'The area' },
	inArea: (area) => `Lies in the area ${area}, which needs special focus`,
	departmentsInArea: (names) => `The organisation’s departments in the area: ${names}`,
	danishDocuments: 'The documents and files made here are in Danish, for the Danish process.'
};

const TABLE: Record<Lang, SupervisionStrings> = { da, en };

export function supervisionStrings(lang: Lang): SupervisionStrings {
	return TABLE[lang];
}

/** Every Danish entry that has an English counterpart of its own, as text (functions called with sample values). */
export const SUPERVISION_STRINGS = TABLE;
