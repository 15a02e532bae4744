/**
 * The words of the agenda pages (/dagsorden and /dagsorden/[organisation]) around the documents:
 * headings, the meeting form, the tabs and the export buttons, Danish first. English mirrors the
 * Danish keys (the type says so), so a missing translation is a compile error. The end-to-end test
 * of English mode reads this table: no Danish entry may show on an English page.
 *
 * The documents themselves (the agenda and the agreement, on the page and as Word, Markdown or
 * print) stay Danish, for the Danish process; the English pages say so (supervisionStrings'
 * danishDocuments) and mark them `lang="da"`.
 */
import type { Lang } from './lang.ts';

const da = {
	// the municipality's agendas
	title: 'Dagsorden',
	heading: (municipality: string, year: number) => `Dagsordener: ${municipality}, ${year}`,
	meetingsHeading: 'Styringsdialogmøder med boligorganisationerne',
	meetingsLead: 'Dagsorden og udkast til aftaledokument for hver boligorganisation med afdelinger i kommunen:',
	lastAgreement: (year: number, summary: string) => `Sidste aftale (${year}): ${summary}`,
	noTargetsInData: 'Ingen aftalte mål i data.',
	jointHeading: 'Fællesmødet',
	jointLead: 'Dagsorden til kommunens fællesmøde med alle boligorganisationerne, med resultaterne på tværs. Skriv egne punkter i felterne.',
	// an organisation's meeting
	organisationTitle: (organisation: string) => `Dagsorden: ${organisation}`,
	agendasIn: (municipality: string) => `Dagsordener i ${municipality}`,
	organisationHeading: (organisation: string) => `Styringsdialog: ${organisation}`,
	notInMunicipality: (organisation: string, municipality: string) =>
		`Boligorganisationen "${organisation}" har ingen afdelinger i ${municipality}. Vælg en anden boligorganisation under Dagsorden.`,
	documentTabs: 'Dokument',
	agendaTab: 'Dagsorden til styringsdialogmødet',
	agreementTab: 'Udkast til aftaledokument',
	// The rule set's name goes between the two, marked as Danish content.
	filledWith: (year: number) => `Udfyldt med nøgletal for ${year}, fokusreglerne`,
	filledRest:
		'de aftalte mål og projektbanken. Skriv egne bemærkninger i felterne; de gemmes i browseren, kommer med, når dokumentet hentes eller udskrives, og gemmes i en fil med "Gem arbejde".',
	draftsFrom: (n: number) => `${n} nye mål fra`,
	draftsIncluded: 'er med.',
	// the meeting form
	meeting: 'Mødet',
	date: 'Dato',
	datePlaceholder: 'fx 14. oktober 2025',
	place: 'Sted',
	placePlaceholder: 'fx Rådhuset, mødelokale 2',
	participantsMunicipality: 'Deltagere for kommunen',
	participantsOrganisation: 'Deltagere for boligorganisationen',
	nextMeeting: 'Næste møde',
	nextMeetingPlaceholder: 'fx oktober 2026, Rådhuset',
	// the document's text fields
	ownText: (item: number) => `Egen tekst til punkt ${item}`,
	ownTextPlaceholder: 'Egen tekst (valgfri)',
	// exporting
	makingWord: 'Laver Word-fil …',
	downloadWord: 'Hent som Word (.docx)',
	downloadMarkdown: 'Hent som Markdown (.md)',
	print: 'Udskriv',
	wordProgress: 'Word-filen laves',
	cancelled: 'Annulleret – intet er hentet.',
	wordFailed: (message: string) => `Word-filen kunne ikke laves: ${message}`
};

export type AgendaStrings = typeof da;

const en: AgendaStrings = {
	title: 'Agenda',
	heading: (municipality, year) => `Agendas: ${municipality}, ${year}`,
	meetingsHeading: 'Governance dialogue meetings with the housing organisations',
	meetingsLead: 'An agenda and a draft agreement document for each housing organisation with departments in the municipality:',
	lastAgreement: (year, summary) => `Last agreement (${year}): ${summary}`,
	noTargetsInData: 'No agreed targets in the data.',
	jointHeading: 'The joint meeting',
	jointLead:
		'The agenda for the municipality’s joint meeting with all the housing organisations, with the results across them. Write your own points in the fields.',
	organisationTitle: (organisation) => `Agenda: ${organisation}`,
	agendasIn: (municipality) => `Agendas in ${municipality}`,
	organisationHeading: (organisation) => `Governance dialogue: ${organisation}`,
	notInMunicipality: (organisation, municipality) =>
		`The housing organisation "${organisation}" has no departments in ${municipality}. Choose another housing organisation under Agenda.`,
	documentTabs: 'Document',
	agendaTab: 'Agenda for the governance dialogue meeting',
	agreementTab: 'Draft agreement document',
	filledWith: (year) => `Filled with the key figures for ${year}, the focus rules`,
	filledRest:
		'the agreed targets and the project bank. Write your own remarks in the fields; they are kept in the browser, go into the document when it is downloaded or printed, and are saved to a file with "Save work".',
	draftsFrom: (n) => `${n} new ${n === 1 ? 'target' : 'targets'} from`,
	draftsIncluded: 'are included.',
	meeting: 'The meeting',
	date: 'Date',
	datePlaceholder: 'e.g. 14 October 2025',
	place: 'Place',
	placePlaceholder: 'e.g. the town hall, meeting room 2',
	participantsMunicipality: 'Participants for the municipality',
	participantsOrganisation: 'Participants for the housing organisation',
	nextMeeting: 'Next meeting',
	nextMeetingPlaceholder: 'e.g. October 2026, the town hall',
	ownText: (item) => `Your own text for item ${item}`,
	ownTextPlaceholder: 'Your own text (optional)',
	makingWord: 'Making the Word file …',
	downloadWord: 'Download as Word (.docx)',
	downloadMarkdown: 'Download as Markdown (.md)',
	print: 'Print',
	wordProgress: 'Making the Word file',
	cancelled: 'Cancelled – nothing was downloaded.',
	wordFailed: (message) => `The Word file could not be made: ${message}`
};

const TABLE: Record<Lang, AgendaStrings> = { da, en };

export function agendaStrings(lang: Lang): AgendaStrings {
	return TABLE[lang];
}
