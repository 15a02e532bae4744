/**
 * An intervention in the project bank (projektbank): a holistic plan, a renovation, a letting
 * agreement, a social project. A row of the optional input indsatser.csv (see data/README.md);
 * field names are the CSV's column names.
 *
 * Years, not dates: the key figures are yearly, and a chart marks the year a plan began and ended.
 */
import type { IndicatorId } from './indicators.ts';

export const INTERVENTION_TYPES = ['helhedsplan', 'renovering', 'udlejningsaftale', 'boligsocial', 'andet'] as const;
export type InterventionType = (typeof INTERVENTION_TYPES)[number];

export const INTERVENTION_TYPE_NAME: Record<InterventionType, string> = {
	helhedsplan: 'Helhedsplan',
	renovering: 'Renovering',
	udlejningsaftale: 'Udlejningsaftale',
	boligsocial: 'Boligsocialt projekt',
	andet: 'Anden indsats'
};

export interface Intervention {
	indsats_id: string;
	indsats_navn: string;
	indsatstype: InterventionType;
	/** Department ids the intervention covers (may be empty when it names areas). */
	afdelinger: string[];
	/** Area ids the intervention covers: all their departments. */
	omraader: string[];
	startaar: number;
	/** null while it runs with no end agreed. */
	slutaar: number | null;
	/** Who pays, e.g. "Landsbyggefonden, 45 mio. kr." */
	finansiering: string;
	/** The political goal it serves, e.g. from the municipality's housing policy. */
	politisk_maal: string;
	/** The key figures it means to move. */
	indikatorer: IndicatorId[];
	beskrivelse: string;
}

/** Does the intervention cover this department (directly or through its area)? */
export function coversDepartment(i: Intervention, afdelingId: string, omraadeId: string | null): boolean {
	return i.afdelinger.includes(afdelingId) || (omraadeId !== null && i.omraader.includes(omraadeId));
}

/** Does the intervention cover this area (as a whole, or some of its departments)? */
export function coversArea(i: Intervention, omraadeId: string, departmentIds: readonly string[]): boolean {
	return i.omraader.includes(omraadeId) || i.afdelinger.some((d) => departmentIds.includes(d));
}

/** "2018-2024", "2018-" while it runs. */
export function periodText(i: Intervention): string {
	if (i.slutaar === null) return `${i.startaar}-`;
	return i.slutaar === i.startaar ? String(i.startaar) : `${i.startaar}-${i.slutaar}`;
}
