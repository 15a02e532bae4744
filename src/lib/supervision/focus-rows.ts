/**
 * The focus list as rows for the page: each department and area a rule flags (or cannot judge),
 * with its organisations, reasons and unknowns, filtered by organisation and kind and sorted.
 */
import type { Assessment } from './assess.ts';
import type { FocusStatus, UnitFocus } from '../focus/evaluate.ts';
import type { FocusUnitKind } from '../focus/rule.ts';

export interface FocusRow {
	kind: FocusUnitKind;
	id: string;
	navn: string;
	organisations: { id: string; navn: string }[];
	status: FocusStatus;
	hits: number;
	reasons: string[];
	unknowns: string[];
}

export type FocusSort = 'hits' | 'name' | 'organisation';

export function focusRows(a: Assessment): FocusRow[] {
	const orgName = new Map(a.data.organisations.map((o) => [o.id, o.navn]));
	const orgsOf = (ids: Iterable<string>) => [...new Set(ids)].map((id) => ({ id, navn: orgName.get(id) ?? id }));
	const row = (focus: UnitFocus, organisations: { id: string; navn: string }[]): FocusRow => ({
		kind: focus.unit.kind,
		id: focus.unit.id,
		navn: focus.unit.navn,
		organisations,
		status: focus.status,
		hits: focus.hits,
		reasons: focus.reasons,
		unknowns: focus.unknowns
	});
	const rows: FocusRow[] = [];
	for (const area of a.data.areas) {
		const focus = a.areaFocus.get(area.id);
		if (focus) rows.push(row(focus, orgsOf(a.departments.filter((d) => d.omraade_id === area.id).map((d) => d.organisation_id))));
	}
	for (const d of a.departments) if (d.own) rows.push(row(d.own, orgsOf([d.organisation_id])));
	return rows;
}

export function filterRows(rows: readonly FocusRow[], organisation: string, kind: FocusUnitKind | '', sort: FocusSort): FocusRow[] {
	const kept = rows.filter((r) => (!organisation || r.organisations.some((o) => o.id === organisation)) && (!kind || r.kind === kind));
	const byName = (x: FocusRow, y: FocusRow) => x.navn.localeCompare(y.navn, 'da') || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
	const org = (r: FocusRow) => r.organisations.map((o) => o.navn).join(', ');
	const compare: Record<FocusSort, (x: FocusRow, y: FocusRow) => number> = {
		hits: (x, y) => y.hits - x.hits || byName(x, y),
		name: byName,
		organisation: (x, y) => org(x).localeCompare(org(y), 'da') || byName(x, y)
	};
	return [...kept].sort(compare[sort]);
}
