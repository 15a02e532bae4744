/**
 * The focus flags of one organisation's departments and areas, taken from the municipality's
 * assessment (the same evaluation the focus list shows), so the organisation's page and its report
 * say what /fokus says under the same rules: which of its departments and areas need special focus
 * and why, which need none, and which cannot be judged. Plain data; the texts are Danish, as the
 * evaluator's reasons are.
 */
import type { Assessment } from './assess.ts';
import type { FocusUnitKind } from '../focus/rule.ts';
import { focusCount, type FocusCount } from './focus-count.ts';
import type { Lang } from '../i18n/lang.ts';
import { supervisionStrings } from '../i18n/supervision-strings.ts';

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
	/** Flagged areas (that hold any of the organisation's departments) first, then departments flagged by their own rules. */
	flagged: FocusEntry[];
	/** The same count the focus list and the agendas show. */
	count: FocusCount;
	/** Departments that need no special focus. */
	none: FocusEntry[];
	/** Departments and areas the rules cannot judge. */
	unknown: FocusEntry[];
}

/** `lang`: the language of the lines the module writes (the reasons come in the assessment's). */
export function organisationFocus(a: Assessment, organisationId: string, lang: Lang = 'da'): OrganisationFocus {
	return focusOf(a, organisationId, lang);
}

/** The whole municipality's focus flags (its own report), judged and counted as each organisation's are. */
export function municipalityFocus(a: Assessment, lang: Lang = 'da'): OrganisationFocus {
	return focusOf(a, null, lang);
}

function focusOf(a: Assessment, organisationId: string | null, lang: Lang): OrganisationFocus {
	const s = supervisionStrings(lang);
	const departments = organisationId === null ? a.departments : a.departments.filter((d) => d.organisation_id === organisationId);
	const areaIds = new Set(departments.flatMap((d) => (d.omraade_id ? [d.omraade_id] : [])));
	const count = focusCount(a, organisationId);
	// The flagged units, counted once each (focus-count.ts); a department flagged only through its
	// area is named under the area rather than counted again.
	const flagged: FocusEntry[] = count.units.map((u) => {
		if (u.kind === 'afdeling') {
			const d = departments.find((x) => x.id === u.id)!;
			const area = d.area?.status === 'fokus' ? [s.inArea(d.area.unit.navn)] : [];
			return { kind: u.kind, id: u.id, navn: u.navn, lines: [...u.focus.reasons, ...area] };
		}
		const inArea = departments.filter((d) => d.omraade_id === u.id && d.own?.status !== 'fokus');
		const named = inArea.length ? [s.departmentsInArea(inArea.map((d) => `${d.navn} (${d.id})`).join(', '))] : [];
		return { kind: u.kind, id: u.id, navn: u.navn, lines: [...u.focus.reasons, ...named] };
	});
	const none: FocusEntry[] = [];
	const unknown: FocusEntry[] = [];
	// In the areas' order (by name, as agendaData sorts them).
	for (const area of a.data.areas) {
		if (!areaIds.has(area.id)) continue;
		const focus = a.areaFocus.get(area.id);
		if (focus?.status === 'ukendt') unknown.push({ kind: 'omraade', id: area.id, navn: area.navn, lines: focus.unknowns });
	}
	for (const d of departments) {
		const entry = { kind: 'afdeling' as const, id: d.id, navn: d.navn };
		if (d.status === 'ingen') none.push({ ...entry, lines: [] });
		// A department alone in its area has the area's gaps too; say each once.
		else if (d.status === 'ukendt')
			unknown.push({ ...entry, lines: [...new Set([...(d.own?.unknowns ?? []), ...(d.area?.unknowns ?? [])])] });
	}
	const { navn, kilde, noter } = a.data.ruleSet;
	return { aar: a.data.year, ruleSet: { navn, kilde, noter: [...noter] }, flagged, none, unknown, count };
}

/** "Afdeling Tårnhusene (0002-001)" / "Området Vestparken (O1)". */
export function focusEntryName(entry: FocusEntry): string {
	return `${entry.kind === 'omraade' ? 'Området' : 'Afdeling'} ${entry.navn} (${entry.id})`;
}
