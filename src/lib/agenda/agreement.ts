/**
 * The draft agreement document (aftaledokument) after a governance meeting, with what KL and BL's
 * "Styringsdialog" (2010) says it should hold: when the meeting was held and who took part, focus
 * points for the coming year, agreements and concrete targets, the departments that need no
 * special focus, extra analyses wanted in next year's documentation package, and the next meeting.
 */
import { periodText } from '../core/intervention.ts';
import type { Target } from '../core/target.ts';
import type { Agenda, AgendaBlock, AgendaSection } from './agenda.ts';
import { draftLines, runningTargets, type Assessment } from '../supervision/assess.ts';
import { departmentNames, focusPoints, organisationScope } from './organisation-agenda.ts';
import { draftTable, targetTable } from './agenda-tables.ts';
import type { MeetingDetails } from '../drafts/meeting.ts';

/** What the supervisor enters about the meeting lives with the rest of the supervisor's words. */
export { EMPTY_MEETING, type MeetingDetails } from '../drafts/meeting.ts';

const orGap = (value: string, gap: string) => (value.trim() === '' ? `[${gap}]` : value.trim());

export function agreementDocument(a: Assessment, organisationId: string, meeting: MeetingDetails, drafts: readonly Target[] = []): Agenda {
	const scope = organisationScope(a, organisationId);
	const { organisation } = scope;
	const year = a.data.year;

	const meetingBlocks: AgendaBlock[] = [
		{ kind: 'paragraph', text: `Styringsdialogmødet blev holdt ${orGap(meeting.dato, 'dato')}, ${orGap(meeting.sted, 'sted')}.` },
		{ kind: 'paragraph', text: `For kommunen deltog: ${orGap(meeting.deltagereKommune, 'deltagere')}.` },
		{ kind: 'paragraph', text: `For boligorganisationen deltog: ${orGap(meeting.deltagereOrganisation, 'deltagere')}.` }
	];

	const points = focusPoints(scope);
	const focusBlocks: AgendaBlock[] = points.length
		? [{ kind: 'list', items: points }]
		: [{ kind: 'paragraph', text: 'Nøgletallene peger ikke på særlige fokuspunkter.' }];

	const running = runningTargets(a, organisationId);
	const ongoing = scope.interventions.filter((i) => i.slutaar === null || i.slutaar >= year);
	const agreementBlocks: AgendaBlock[] = [];
	if (running.length) agreementBlocks.push({ kind: 'table', table: targetTable('Løbende mål', running) });
	if (drafts.length) {
		agreementBlocks.push({
			kind: 'table',
			table: draftTable('Nye mål', draftLines(a, drafts))
		});
	}
	if (ongoing.length) {
		agreementBlocks.push(
			{ kind: 'paragraph', text: 'Igangværende indsatser:' },
			{ kind: 'list', items: ongoing.map((i) => `${i.indsats_navn} (${periodText(i)}): ${i.politisk_maal || i.beskrivelse}`) }
		);
	}
	if (!agreementBlocks.length) agreementBlocks.push({ kind: 'paragraph', text: 'Der er ikke aftalt konkrete mål.' });

	const clear = scope.departments.filter((d) => d.status === 'ingen');
	const unknown = scope.departments.filter((d) => d.status === 'ukendt');
	const clearBlocks: AgendaBlock[] = clear.length
		? [
				{ kind: 'paragraph', text: 'Der er ikke behov for særlig fokus i disse afdelinger:' },
				{ kind: 'list', items: departmentNames(clear) }
			]
		: [{ kind: 'paragraph', text: 'Alle afdelinger har særlig fokus eller kan ikke vurderes.' }];
	if (unknown.length) {
		clearBlocks.push({
			kind: 'paragraph',
			text: `Kan ikke vurderes ud fra nøgletallene (tal mangler eller er diskretioneret): ${departmentNames(unknown).join(', ')}.`,
			style: 'note'
		});
	}

	const sections: AgendaSection[] = [
		{ id: 'moedet', heading: 'Mødet', prompt: 'Supplerende oplysninger om mødet.', blocks: meetingBlocks },
		{ id: 'fokuspunkter', heading: 'Fokuspunkter for det kommende år', prompt: 'Fokuspunkter aftalt på mødet.', blocks: focusBlocks },
		{
			id: 'aftaler',
			heading: 'Aftaler og mål',
			prompt: 'Fx udlejningsaftaler, boligsociale tiltag, renoveringer.',
			blocks: agreementBlocks
		},
		{ id: 'uden-fokus', heading: 'Afdelinger uden behov for særlig fokus', prompt: '', blocks: clearBlocks },
		{
			id: 'analyser',
			heading: 'Særlige analyser til næste års dokumentationspakke',
			prompt: 'Analyser, boligorganisationen udarbejder til næste år.',
			blocks: []
		},
		{
			id: 'naeste-moede',
			heading: 'Næste møde',
			prompt: '',
			blocks: [{ kind: 'paragraph', text: `Næste styringsdialogmøde: ${orGap(meeting.naesteMoede, 'dato og sted')}.` }]
		}
	];
	return {
		kind: 'aftaledokument',
		title: `Aftaledokument (udkast): ${organisation.navn}`,
		subtitle: `Styringsdialog mellem ${a.data.kommune.navn} og ${organisation.navn} · nøgletal til og med ${year}`,
		demo: a.data.demo,
		sections
	};
}
