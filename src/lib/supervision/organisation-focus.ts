/**
 * The focus flags of one organisation's departments and areas, taken from the municipality's
 * assessment (the same evaluation the focus list shows), so the organisation's page and its report
 * say what /fokus says under the same rules: which of its departments and areas need special focus
 * and why, which need none, and which cannot be judged. Plain data; the texts are Danish, as the
 * evaluator's reasons are.
 */
import type { Assessment } from './assess.ts';
import type { FocusUnitKind } from '../focus/rule.ts';

export interface FocusEntry {
	kind: FocusUnitKind;
	id: string;
	navn: string;
	/** Plain-Danish reasons (flagged) or what could not be judged (unknown). */
	lines: string[];
}

export interface OrganisationFocus {
	aar: number;
	ruleSet: { navn: string; kilde: string; noter: string[] };
	/** Flagged areas (that hold any of the organisation's departments) first, then flagged departments. */
	flagged: FocusEntry[];
	/** Departments that need no special focus. */
	none: FocusEntry[];
	/** Departments and areas the rules cannot judge. */
	unknown: FocusEntry[];
}

export function organisationFocus(a: Assessment, organisationId: string): OrganisationFocus {
	return focusOf(
		a,
		a.departments.filter((d) => d.organisation_id === organisationId)
	);
}

/** The whole municipality's focus flags (its own report), judged as each organisation's are. */
export function municipalityFocus(a: Assessment): OrganisationFocus {
	return focusOf(a, a.departments);
}

function focusOf(a: Assessment, departments: readonly Assessment['departments'][number][]): OrganisationFocus {
	const areaIds = new Set(departments.flatMap((d) => (d.omraade_id ? [d.omraade_id] : [])));
	const flagged: FocusEntry[] = [];
	const none: FocusEntry[] = [];
	const unknown: FocusEntry[] = [];
	// In the areas' order (by name, as agendaData sorts them).
	for (const area of a.data.areas) {
		if (!areaIds.has(area.id)) continue;
		const focus = a.areaFocus.get(area.id);
		if (focus?.status === 'fokus') flagged.push({ kind: 'omraade', id: area.id, navn: area.navn, lines: focus.reasons });
		else if (focus?.status === 'ukendt') unknown.push({ kind: 'omraade', id: area.id, navn: area.navn, lines: focus.unknowns });
	}
	for (const d of departments) {
		const entry = { kind: 'afdeling' as const, id: d.id, navn: d.navn };
		if (d.status === 'fokus') {
			const own = d.own?.status === 'fokus' ? d.own.reasons : [];
			const area = d.area?.status === 'fokus' ? [`Ligger i området ${d.area.unit.navn}, som har særlig fokus`] : [];
			flagged.push({ ...entry, lines: [...own, ...area] });
		} else if (d.status === 'ingen') none.push({ ...entry, lines: [] });
		// A department alone in its area has the area's gaps too; say each once.
		else unknown.push({ ...entry, lines: [...new Set([...(d.own?.unknowns ?? []), ...(d.area?.unknowns ?? [])])] });
	}
	const { navn, kilde, noter } = a.data.ruleSet;
	return { aar: a.data.year, ruleSet: { navn, kilde, noter: [...noter] }, flagged, none, unknown };
}

/** "Afdeling Tårnhusene (0002-001)" / "Området Vestparken (O1)". */
export function focusEntryName(entry: FocusEntry): string {
	return `${entry.kind === 'omraade' ? 'Området' : 'Afdeling'} ${entry.navn} (${entry.id})`;
}
