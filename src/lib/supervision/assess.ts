/**
 * Everything the agendas say about a municipality in a year, worked out once: the figures of
 * every department, area and organisation, the focus rules applied to them, every target's status,
 * and the interventions. The governance meeting's agenda, the joint meeting's agenda and the draft
 * agreement document all read from the same Assessment, so they never disagree.
 */
import { departmentStatus } from '../focus/department-status.ts';
import { evaluateUnits, type FocusSeries, type FocusStatus, type UnitFocus } from '../focus/evaluate.ts';
import type { RuleSet } from '../focus/rule.ts';
import type { IndicatorId } from '../core/indicators.ts';
import type { HousingType } from '../core/input-contract.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Intervention } from '../core/intervention.ts';
import { withPublishableBase } from '../targets/draft-base.ts';
import { targetStatus, type TargetEvaluation } from '../targets/status.ts';
import type { Target, TargetLevel } from '../core/target.ts';

/** A target with the unit it concerns and its status in the year. */
export interface TargetLine {
	target: Target;
	/** The unit's name, e.g. "Engparken Øst, blok 1 (2101-001)". */
	unitName: string;
	evaluation: TargetEvaluation;
}

export interface AgendaData {
	/** The latest year of key figures the meeting looks at. */
	year: number;
	demo: boolean;
	indicators: IndicatorId[];
	kommune: { kode: string; navn: string; series: FocusSeries };
	land: FocusSeries;
	/** The country's published figures by housing type (core/country-by-type.ts); absent: none. */
	landByType?: Partial<Record<HousingType, FocusSeries>>;
	organisations: { id: string; navn: string; series: FocusSeries }[];
	departments: {
		id: string;
		navn: string;
		organisation_id: string;
		omraade_id: string | null;
		boligtype?: HousingType | null;
		series: FocusSeries;
	}[];
	areas: { id: string; navn: string; series: FocusSeries }[];
	ruleSet: RuleSet;
	targets: Target[];
	interventions: Intervention[];
}

export interface DepartmentAssessment {
	id: string;
	navn: string;
	organisation_id: string;
	omraade_id: string | null;
	boligtype?: HousingType | null;
	series: FocusSeries;
	own: UnitFocus | null;
	area: UnitFocus | null;
	status: FocusStatus;
}

export interface Assessment {
	data: AgendaData;
	departments: DepartmentAssessment[];
	areaFocus: Map<string, UnitFocus>;
	targets: TargetLine[];
	unitName(level: TargetLevel, id: string): string;
	seriesOf(level: TargetLevel, id: string): FocusSeries;
}

/** `lang`: the reasons' language; Danish (the default) wherever they go into a document. */
export function assess(data: AgendaData, lang: Lang = 'da'): Assessment {
	const context = { aar: data.year, reference: { kommune: data.kommune.series, land: data.land }, landByType: data.landByType, lang };
	const units = [
		...data.departments.map((d) => ({
			kind: 'afdeling' as const,
			id: d.id,
			navn: d.navn,
			organisationer: data.organisations.filter((o) => o.id === d.organisation_id).map((o) => ({ id: o.id, navn: o.navn })),
			series: d.series,
			boligtype: d.boligtype ?? null
		})),
		...data.areas.map((a) => ({ kind: 'omraade' as const, id: a.id, navn: a.navn, organisationer: [], series: a.series }))
	];
	const results = evaluateUnits(data.ruleSet, units, context);
	const own = new Map(results.filter((r) => r.unit.kind === 'afdeling').map((r) => [r.unit.id, r]));
	const areaFocus = new Map(results.filter((r) => r.unit.kind === 'omraade').map((r) => [r.unit.id, r]));
	const departments = data.departments.map((d) => {
		const mine = own.get(d.id) ?? null;
		const area = d.omraade_id ? (areaFocus.get(d.omraade_id) ?? null) : null;
		return { ...d, own: mine, area, status: departmentStatus(mine, area) };
	});

	const byId = {
		afdeling: new Map(data.departments.map((d) => [d.id, d])),
		omraade: new Map(data.areas.map((a) => [a.id, a])),
		boligorganisation: new Map(data.organisations.map((o) => [o.id, o]))
	};
	const unitName = (level: TargetLevel, id: string): string => {
		if (level === 'kommune') return id === data.kommune.kode ? data.kommune.navn : id;
		const unit = byId[level].get(id);
		if (!unit) return id;
		return level === 'afdeling' ? `${unit.navn} (${id})` : unit.navn;
	};
	const seriesOf = (level: TargetLevel, id: string): FocusSeries => {
		if (level === 'kommune') return id === data.kommune.kode ? data.kommune.series : {};
		return byId[level].get(id)?.series ?? {};
	};
	const targets = data.targets.map((target) => ({
		target,
		unitName: unitName(target.niveau, target.enhed_id),
		evaluation: targetStatus(target, seriesOf(target.niveau, target.enhed_id)[target.indikator] ?? [], data.year, lang)
	}));
	return { data, departments, areaFocus, targets, unitName, seriesOf };
}

/**
 * Drafted targets as the agendas and the agreement document print them: with the unit's name, and
 * a person-based figure's base the published one (targets/draft-base.ts), whatever was typed.
 */
export function draftLines(a: Assessment, drafts: readonly Target[]): { target: Target; unitName: string }[] {
	return drafts.map((t) => ({
		target: withPublishableBase(t, a.seriesOf(t.niveau, t.enhed_id)[t.indikator]),
		unitName: a.unitName(t.niveau, t.enhed_id)
	}));
}

/** An organisation's targets from its latest agreement made in or before the year. */
export function lastAgreement(
	a: Assessment,
	organisationId: string
): { aftaleaar: number; documents: string[]; lines: TargetLine[] } | null {
	const mine = a.targets.filter((l) => l.target.boligorganisation_id === organisationId && l.target.aftaleaar <= a.data.year);
	if (mine.length === 0) return null;
	const aftaleaar = Math.max(...mine.map((l) => l.target.aftaleaar));
	const lines = mine.filter((l) => l.target.aftaleaar === aftaleaar);
	return { aftaleaar, documents: [...new Set(lines.map((l) => l.target.aftaledokument))], lines };
}

/** Targets still running after the year (the target year lies ahead). */
export function runningTargets(a: Assessment, organisationId: string | null): TargetLine[] {
	return a.targets.filter((l) => l.target.boligorganisation_id === organisationId && l.target.maalaar > a.data.year);
}
