/**
 * The governance meeting's agenda (styringsdialogmøde) for one organisation, in the order KL and
 * BL's "Styringsdialog" (2010) gives: status for the organisation since last time; status for the
 * departments since last time; resident democracy; social initiatives; administration; visions
 * and targets; any other business; next meeting. Filled from the Assessment; the supervisor adds
 * text to each section on the page.
 */
import type { FocusSeries, UnitFocus } from '../focus/evaluate.ts';
import { partsLines, type PartRow } from '../db/queries/organisation-parts.ts';
import { organisationPartsTable } from '../download/page-tables.ts';
import { strings } from '../i18n/strings.ts';
import { describeRule } from '../focus/phrases.ts';
import { coversDepartment, periodText, type Intervention } from '../core/intervention.ts';
import type { IndicatorId } from '../core/indicators.ts';
import { indicator } from '../core/indicators.ts';
import { countStatuses, summaryText } from '../targets/summary.ts';
import type { Target } from '../core/target.ts';
import type { Agenda, AgendaBlock, AgendaSection, ChartRequest, ChartUnitKind } from './agenda.ts';
import { draftLines, lastAgreement, runningTargets, type Assessment, type DepartmentAssessment } from '../supervision/assess.ts';
import { focusCount, focusCountText } from '../supervision/focus-count.ts';
import { draftTable, effectText, interventionTable, keyFigureTable, targetLineText, targetTable } from './agenda-tables.ts';

export interface OrganisationScope {
	organisation: { id: string; navn: string };
	departments: DepartmentAssessment[];
	/** Areas holding at least one of the organisation's departments, with their focus. */
	areas: { id: string; navn: string; focus: UnitFocus | null }[];
	interventions: Intervention[];
}

export function organisationScope(a: Assessment, organisationId: string): OrganisationScope {
	const organisation = a.data.organisations.find((o) => o.id === organisationId) ?? { id: organisationId, navn: organisationId };
	const departments = a.departments.filter((d) => d.organisation_id === organisationId);
	const areaIds = [...new Set(departments.map((d) => d.omraade_id).filter((id): id is string => id !== null))];
	const areas = areaIds.map((id) => ({
		id,
		navn: a.data.areas.find((x) => x.id === id)?.navn ?? id,
		focus: a.areaFocus.get(id) ?? null
	}));
	const interventions = a.data.interventions.filter((i) => departments.some((d) => coversDepartment(i, d.id, d.omraade_id)));
	return { organisation: { id: organisation.id, navn: organisation.navn }, departments, areas, interventions };
}

/** The indicators a focus result's rules fired on, in order. */
export function firedIndicators(focus: UnitFocus | null): IndicatorId[] {
	if (!focus) return [];
	const ids = focus.outcomes.filter((o) => o.truth === 'ja').flatMap((o) => o.findings.map((f) => f.indikator));
	return [...new Set(ids)];
}

export function chart(unitKind: ChartUnitKind, unitId: string, unitName: string, id: IndicatorId): ChartRequest {
	return { key: `${unitKind}:${unitId}:${id}`, unitKind, unitId, indikator: id, title: `${indicator(id).name.da} – ${unitName}` };
}

/** "Fraflytning 24,1 % > 20 %", and the area's reasons prefixed with the area's name. */
export function flagLines(d: DepartmentAssessment, areaName: string | null): string[] {
	const lines = [...(d.own?.status === 'fokus' ? d.own.reasons : [])];
	if (d.area?.status === 'fokus') lines.push(...d.area.reasons.map((r) => `Området ${areaName ?? d.omraade_id}: ${r}`));
	return lines;
}

/** Proposed focus points: each flagged area once, then each department its own rules flag. */
export function focusPoints(scope: OrganisationScope): string[] {
	const points: string[] = [];
	for (const area of scope.areas) {
		if (area.focus?.status === 'fokus') points.push(`Området ${area.navn}: ${area.focus.reasons.join('; ')}`);
	}
	for (const d of scope.departments) {
		if (d.own?.status === 'fokus') points.push(`${d.navn} (${d.id}): ${d.own.reasons.join('; ')}`);
	}
	return points;
}

export function coverageText(a: Assessment, i: Intervention): string {
	return [...i.omraader.map((id) => `området ${a.unitName('omraade', id)}`), ...i.afdelinger.map((id) => a.unitName('afdeling', id))].join(
		', '
	);
}

/** Key figures an intervention means to move, before it began and now, per area or department it covers. */
export function effectLines(a: Assessment, i: Intervention): string[] {
	const units = [
		...i.omraader.map((id) => ({ name: a.unitName('omraade', id), series: a.seriesOf('omraade', id) })),
		...i.afdelinger.map((id) => ({ name: a.unitName('afdeling', id), series: a.seriesOf('afdeling', id) }))
	];
	return units.flatMap((u) => i.indikatorer.map((id) => effectText(id, u.name, u.series, i.startaar, a.data.year)));
}

export function interventionCharts(a: Assessment, interventions: readonly Intervention[]): AgendaBlock[] {
	return interventions.flatMap((i) => {
		const first = i.indikatorer[0];
		if (!first) return [];
		return [
			...i.omraader.map((id) => ({ kind: 'chart' as const, chart: chart('omraade', id, a.unitName('omraade', id), first) })),
			...i.afdelinger.map((id) => ({ kind: 'chart' as const, chart: chart('afdeling', id, a.unitName('afdeling', id), first) }))
		];
	});
}

function departmentBlocks(a: Assessment, scope: OrganisationScope, d: DepartmentAssessment): AgendaBlock[] {
	const year = a.data.year;
	const areaName = d.omraade_id ? a.unitName('omraade', d.omraade_id) : null;
	const blocks: AgendaBlock[] = [{ kind: 'subheading', text: `${d.navn} (${d.id})` }];
	if (areaName) blocks.push({ kind: 'paragraph', text: `Område: ${areaName}.`, style: 'note' });
	blocks.push({
		kind: 'table',
		table: keyFigureTable(
			`Nøgletal for ${d.navn}`,
			d.series,
			{ label: a.data.kommune.navn, series: a.data.kommune.series },
			a.data.indicators,
			year
		)
	});
	const flags = flagLines(d, areaName);
	if (flags.length) blocks.push({ kind: 'paragraph', text: 'Særlig fokus:' }, { kind: 'list', items: flags });
	const unknown = d.own?.status === 'ukendt' ? d.own.unknowns : [];
	if (unknown.length) blocks.push({ kind: 'paragraph', text: `Kan ikke vurderes: ${unknown.join('; ')}.`, style: 'note' });
	const targets = a.targets.filter(
		(l) => l.target.niveau === 'afdeling' && l.target.enhed_id === d.id && l.target.boligorganisation_id === scope.organisation.id
	);
	if (targets.length) blocks.push({ kind: 'paragraph', text: 'Aftalte mål:' }, { kind: 'list', items: targets.map(targetLineText) });
	const interventions = scope.interventions.filter((i) => coversDepartment(i, d.id, d.omraade_id));
	if (interventions.length) {
		blocks.push(
			{ kind: 'paragraph', text: 'Indsatser:' },
			{ kind: 'list', items: interventions.map((i) => `${i.indsats_navn} (${periodText(i)})`) }
		);
	}
	for (const id of firedIndicators(d.own).slice(0, 2))
		blocks.push({ kind: 'chart', chart: chart('afdeling', d.id, `${d.navn} (${d.id})`, id) });
	return blocks;
}

/** Departments worth their own sub-section: flagged, unjudgeable, or with targets or interventions. */
function needsSection(a: Assessment, scope: OrganisationScope, d: DepartmentAssessment): boolean {
	return (
		d.status !== 'ingen' ||
		a.targets.some((l) => l.target.niveau === 'afdeling' && l.target.enhed_id === d.id) ||
		scope.interventions.some((i) => coversDepartment(i, d.id, d.omraade_id))
	);
}

export function departmentNames(ds: readonly DepartmentAssessment[]): string[] {
	return ds.map((d) => `${d.navn} (${d.id})`);
}

/**
 * An organisation with departments in several municipalities (whole units, issue 10): the
 * municipalities, the agenda's own first, and each one's part of the organisation's key figures
 * (db/queries/organisation-parts.ts), worked out from its departments there.
 */
export interface AgendaParts {
	municipalities: { kode: string; navn: string }[];
	rows: readonly PartRow[];
}

/** The whole organisation's key figures, and each municipality's part beside them, for the chosen year. */
function partsBlocks(a: Assessment, organisation: { id: string; navn: string }, series: FocusSeries, parts: AgendaParts): AgendaBlock[] {
	const year = a.data.year;
	const names = parts.municipalities.map((k) => strings('da').municipalityOf(k.navn));
	const others = parts.municipalities.filter((k) => k.kode !== a.data.kommune.kode).map((k) => strings('da').municipalityOf(k.navn));
	const whole = a.data.indicators.flatMap((id) => (series[id] ?? []).map((p) => ({ ...p, indikator: id })));
	const lines = partsLines(
		whole,
		parts.rows,
		parts.municipalities.map((k) => k.kode),
		a.data.indicators,
		year
	);
	return [
		{
			kind: 'paragraph',
			text: `${organisation.navn} har afdelinger i ${names.join(' og ')}. Tabellen herunder viser hele organisationens tal og hver kommunes del, regnet over organisationens afdelinger i kommunen. Afdelingerne i ${others.join(' og ')} behandles på dagsordenen der.`
		},
		{
			kind: 'table',
			table: organisationPartsTable(
				lines,
				parts.municipalities.map((k) => k.navn),
				year,
				'da'
			)
		}
	];
}

export function organisationAgenda(
	a: Assessment,
	organisationId: string,
	drafts: readonly Target[] = [],
	parts: AgendaParts | null = null
): Agenda {
	const scope = organisationScope(a, organisationId);
	const { organisation } = scope;
	const year = a.data.year;
	const org = a.data.organisations.find((o) => o.id === organisationId);
	const rules = a.data.ruleSet;
	const spans = parts !== null && parts.municipalities.length > 1;

	const status: AgendaBlock[] = [
		{
			kind: 'paragraph',
			text: `Nøgletal for ${organisation.navn} i ${year} mod ${year - 1}, med ${a.data.kommune.navn} til sammenligning. Boligorganisationens tal gælder alle dens afdelinger${spans ? ', i alle kommuner' : ''}.`
		},
		{
			kind: 'table',
			table: keyFigureTable(
				spans ? `Nøgletal for ${organisation.navn} (hele organisationen)` : `Nøgletal for ${organisation.navn}`,
				org?.series ?? {},
				{ label: a.data.kommune.navn, series: a.data.kommune.series },
				a.data.indicators,
				year
			)
		},
		...(spans ? partsBlocks(a, organisation, org?.series ?? {}, parts) : []),
		{ kind: 'subheading', text: 'Status for sidste års aftaledokument' }
	];
	const last = lastAgreement(a, organisationId);
	if (last) {
		status.push(
			{
				kind: 'paragraph',
				text: `${last.documents.join(', ')} (${last.aftaleaar}): ${summaryText(countStatuses(last.lines.map((l) => l.evaluation.status)))}`
			},
			{ kind: 'table', table: targetTable(`Mål fra aftaledokumentet ${last.aftaleaar}`, last.lines) },
			{ kind: 'list', items: last.lines.map(targetLineText) }
		);
	} else {
		status.push({ kind: 'paragraph', text: 'Der er ingen aftalte mål i data for boligorganisationen.' });
	}

	const clear = scope.departments.filter((d) => d.status === 'ingen');
	const unknown = scope.departments.filter((d) => d.status === 'ukendt');
	const departments: AgendaBlock[] = [
		{
			kind: 'paragraph',
			text: `${focusCountText(focusCount(a, scope.organisation.id), rules.navn)} Af de ${scope.departments.length} afdelinger har ${clear.length} ikke behov for særlig fokus, og ${unknown.length} kan ikke vurderes.`
		},
		{ kind: 'paragraph', text: `Regler: ${rules.regler.map((r) => describeRule(r)).join(' · ')}. Kilde: ${rules.kilde}`, style: 'note' },
		...scope.departments.filter((d) => needsSection(a, scope, d)).flatMap((d) => departmentBlocks(a, scope, d)),
		{ kind: 'subheading', text: 'Afdelinger uden behov for særlig fokus' },
		clear.length ? { kind: 'list', items: departmentNames(clear) } : { kind: 'paragraph', text: 'Ingen.' }
	];

	const social: AgendaBlock[] = scope.interventions.length
		? [
				{
					kind: 'table',
					table: interventionTable('Indsatser i boligorganisationens afdelinger', scope.interventions, (i) => coverageText(a, i))
				},
				{ kind: 'paragraph', text: 'Udviklingen siden indsatserne begyndte:' },
				{ kind: 'list', items: scope.interventions.flatMap((i) => effectLines(a, i)) },
				...interventionCharts(a, scope.interventions)
			]
		: [{ kind: 'paragraph', text: 'Der er ingen indsatser i projektbanken for boligorganisationens afdelinger.' }];

	const points = focusPoints(scope);
	const running = runningTargets(a, organisationId);
	const visions: AgendaBlock[] = [
		{ kind: 'subheading', text: 'Forslag til fokuspunkter' },
		points.length ? { kind: 'list', items: points } : { kind: 'paragraph', text: 'Reglerne peger ikke på særlige fokuspunkter.' },
		{ kind: 'subheading', text: 'Løbende mål' },
		running.length
			? { kind: 'table', table: targetTable(`Mål med målår efter ${year}`, running) }
			: { kind: 'paragraph', text: 'Ingen løbende mål.' }
	];
	if (drafts.length) {
		visions.push(
			{ kind: 'subheading', text: 'Nye mål (udkast)' },
			{
				kind: 'table',
				table: draftTable('Forslag til nye mål', draftLines(a, drafts))
			}
		);
	}

	const sections: AgendaSection[] = [
		{
			id: 'status-organisation',
			heading: 'Status for boligorganisationen siden sidst',
			prompt: 'Boligorganisationens egne bemærkninger til året.',
			blocks: status
		},
		{
			id: 'status-afdelinger',
			heading: 'Status for afdelingerne siden sidst',
			prompt: 'Bemærkninger til afdelingerne.',
			blocks: departments
		},
		{ id: 'beboerdemokrati', heading: 'Beboerdemokratiet', prompt: 'Fx afdelingsbestyrelser, afdelingsmøder, valg.', blocks: [] },
		{ id: 'boligsociale-tiltag', heading: 'Status for boligsociale tiltag', prompt: 'Bemærkninger til indsatserne.', blocks: social },
		{ id: 'administration', heading: 'Administrationen', prompt: 'Fx effektivisering, drift, udlejning.', blocks: [] },
		{
			id: 'visioner-og-maal',
			heading: 'Fremtidsvisioner og mål for selskabet og afdelingerne',
			prompt: 'Forslag til mål og fokuspunkter for det kommende år.',
			blocks: visions
		},
		{ id: 'eventuelt', heading: 'Eventuelt', prompt: '', blocks: [] },
		{ id: 'naeste-moede', heading: 'Næste møde', prompt: 'Dato og sted for næste møde.', blocks: [] }
	];
	return {
		kind: 'styringsdialog',
		title: `Dagsorden: styringsdialogmøde med ${organisation.navn}`,
		subtitle: `${a.data.kommune.navn} · nøgletal til og med ${year}`,
		demo: a.data.demo,
		sections
	};
}
