/**
 * The municipality's joint meeting (fællesdialog) with all its housing organisations, in the order
 * KL and BL's "Styringsdialog" (2010) suggests: urban development; the housing policy; results of
 * the governance meetings; allocation and letting agreements; working groups; any other business;
 * next meeting. The data fills the housing policy's key figures and the results across
 * organisations; the rest is the supervisor's text.
 */
import type { ExportTable } from '../formats/export-table.ts';
import { countStatuses } from '../targets/summary.ts';
import type { Agenda, AgendaBlock, AgendaSection } from './agenda.ts';
import { lastAgreement, type Assessment } from '../supervision/assess.ts';
import { coverageText, organisationScope } from './organisation-agenda.ts';
import { interventionTable, keyFigureTable, targetTable } from './agenda-tables.ts';
import { focusCount, focusCountText } from '../supervision/focus-count.ts';

function resultsTable(a: Assessment): ExportTable {
	return {
		title: 'Resultater pr. boligorganisation',
		columns: [
			{ header: 'Boligorganisation' },
			{ header: 'Afdelinger', numeric: true },
			{ header: 'Enheder med særlig fokus', numeric: true },
			{ header: 'Aftale fra', numeric: true },
			{ header: 'Mål nået', numeric: true },
			{ header: 'På vej', numeric: true },
			{ header: 'Ikke på vej', numeric: true },
			{ header: 'Ikke nået', numeric: true },
			{ header: 'Ingen data', numeric: true }
		],
		rows: a.data.organisations.map((o) => {
			const scope = organisationScope(a, o.id);
			const last = lastAgreement(a, o.id);
			const counts = countStatuses(last?.lines.map((l) => l.evaluation.status) ?? []);
			const n = (value: number) => ({ value, decimals: 0 });
			return [
				o.navn,
				n(scope.departments.length),
				n(focusCount(a, o.id).total),
				last ? { value: last.aftaleaar, decimals: 0, plain: true } : '–',
				n(counts.naaet),
				n(counts.paa_vej),
				n(counts.ikke_paa_vej),
				n(counts.ikke_naaet),
				n(counts.ingen_data)
			];
		})
	};
}

export function jointAgenda(a: Assessment): Agenda {
	const year = a.data.year;
	const kommune = a.data.kommune;
	const policy: AgendaBlock[] = [
		{
			kind: 'table',
			table: keyFigureTable(
				`Nøgletal for ${kommune.navn}`,
				kommune.series,
				{ label: 'Hele landet', series: a.data.land },
				a.data.indicators,
				year
			)
		}
	];
	const joint = a.targets.filter((l) => l.target.boligorganisation_id === null);
	if (joint.length) policy.push({ kind: 'table', table: targetTable('Kommunens fælles mål', joint) });

	const flaggedAreas = a.data.areas.flatMap((area) => {
		const focus = a.areaFocus.get(area.id);
		return focus?.status === 'fokus' ? [`${area.navn}: ${focus.reasons.join('; ')}`] : [];
	});
	// As the organisation's agenda says it: "no unit has special focus" alone would read as "all
	// is well" when the rules could not judge some departments (a year missing, figures withheld).
	const clear = a.departments.filter((d) => d.status === 'ingen').length;
	const unknown = a.departments.filter((d) => d.status === 'ukendt').length;
	const results: AgendaBlock[] = [
		{
			kind: 'paragraph',
			text: `${focusCountText(focusCount(a), a.data.ruleSet.navn)} Af kommunens ${a.departments.length} afdelinger har ${clear} ikke behov for særlig fokus, og ${unknown} kan ikke vurderes.`
		},
		{ kind: 'table', table: resultsTable(a) },
		{ kind: 'subheading', text: 'Områder med særlig fokus' },
		flaggedAreas.length
			? { kind: 'list', items: flaggedAreas }
			: { kind: 'paragraph', text: `Reglerne "${a.data.ruleSet.navn}" flager ingen områder.` }
	];

	const letting = a.data.interventions.filter((i) => i.indsatstype === 'udlejningsaftale');
	const allocation: AgendaBlock[] = letting.length
		? [{ kind: 'table', table: interventionTable('Udlejningsaftaler i projektbanken', letting, (i) => coverageText(a, i)) }]
		: [];

	const sections: AgendaSection[] = [
		{ id: 'byudvikling', heading: 'Byudvikling', prompt: 'Kommunens planer for byudvikling og boligtyper.', blocks: [] },
		{ id: 'boligpolitik', heading: 'Status for kommunens boligpolitik', prompt: 'Bemærkninger til boligpolitikken.', blocks: policy },
		{ id: 'resultater', heading: 'Resultater af styringsdialogmøderne', prompt: 'Tværgående erfaringer fra møderne.', blocks: results },
		{
			id: 'anvisning',
			heading: 'Anvisning og udlejningsaftaler',
			prompt: 'Status for anvisning og udlejningsaftaler.',
			blocks: allocation
		},
		{ id: 'arbejdsgrupper', heading: 'Etablering af arbejdsgrupper', prompt: '', blocks: [] },
		{ id: 'eventuelt', heading: 'Eventuelt', prompt: '', blocks: [] },
		{ id: 'naeste-moede', heading: 'Næste møde', prompt: 'Dato og sted for næste fællesmøde.', blocks: [] }
	];
	return {
		kind: 'faellesdialog',
		title: `Dagsorden: fællesmøde mellem ${kommune.navn} og boligorganisationerne`,
		subtitle: `Nøgletal til og med ${year}`,
		demo: a.data.demo,
		sections
	};
}
