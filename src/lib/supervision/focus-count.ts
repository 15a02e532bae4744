/**
 * The one count of units with special focus, so the focus list, the agendas, the organisation's
 * page and its report never disagree: the areas the rules flag, and the departments the rules flag
 * in their own right, each once. For an organisation: the flagged areas holding any of its
 * departments, and its own flagged departments (the focus list filtered by the organisation).
 *
 * A department that lies in a flagged area without being flagged itself is not counted again: its
 * area is. It is named beside the area instead (`inFlaggedAreas`), as the agreement document's
 * "needs special focus" status still applies to it.
 */
import type { Assessment } from './assess.ts';
import type { UnitFocus } from '../focus/evaluate.ts';
import type { FocusUnitKind } from '../focus/rule.ts';

export interface FlaggedUnit {
	kind: FocusUnitKind;
	id: string;
	navn: string;
	focus: UnitFocus;
}

export interface FocusCount {
	/** Flagged areas, then flagged departments, in the assessment's order. */
	units: FlaggedUnit[];
	areas: number;
	departments: number;
	total: number;
	/** Departments not flagged themselves that lie in a flagged area (not in `total`). */
	inFlaggedAreas: number;
}

/** The flagged units of the municipality, or of one organisation's part of it. */
export function focusCount(a: Assessment, organisationId: string | null = null): FocusCount {
	const departments = organisationId === null ? a.departments : a.departments.filter((d) => d.organisation_id === organisationId);
	const areaIds = new Set(departments.flatMap((d) => (d.omraade_id ? [d.omraade_id] : [])));
	const units: FlaggedUnit[] = [];
	for (const area of a.data.areas) {
		const focus = a.areaFocus.get(area.id);
		if (areaIds.has(area.id) && focus?.status === 'fokus') units.push({ kind: 'omraade', id: area.id, navn: area.navn, focus });
	}
	const areas = units.length;
	for (const d of departments) {
		if (d.own?.status === 'fokus') units.push({ kind: 'afdeling', id: d.id, navn: d.navn, focus: d.own });
	}
	const inFlaggedAreas = departments.filter((d) => d.own?.status !== 'fokus' && d.area?.status === 'fokus').length;
	return { units, areas, departments: units.length - areas, total: units.length, inFlaggedAreas };
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The count as the Danish documents say it: 'Efter reglerne "X" har 5 enheder særlig fokus:
 * 2 områder og 3 afdelinger. Desuden ligger 4 afdelinger i et område med særlig fokus.'
 */
export function focusCountText(count: FocusCount, ruleSetName: string): string {
	const parts = `${plural(count.areas, 'område', 'områder')} og ${plural(count.departments, 'afdeling', 'afdelinger')}`;
	const head =
		count.total === 0
			? `Efter reglerne "${ruleSetName}" har ingen områder eller afdelinger særlig fokus.`
			: `Efter reglerne "${ruleSetName}" har ${plural(count.total, 'enhed', 'enheder')} særlig fokus: ${parts}.`;
	const tail = count.inFlaggedAreas
		? ` Desuden ${count.inFlaggedAreas === 1 ? 'ligger 1 afdeling' : `ligger ${count.inFlaggedAreas} afdelinger`} i et område med særlig fokus.`
		: '';
	return head + tail;
}
