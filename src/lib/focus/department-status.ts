/**
 * A department's focus status for the agreement document, which must name "the departments that
 * need no special focus". A department needs focus when its own rules flag it or its area's do
 * (a plan for an area concerns every department in it); it needs none only when every evaluation
 * that applies to it says so; otherwise it cannot be judged (a rule set for areas only says nothing
 * about a department without an area).
 */
import type { FocusStatus, UnitFocus } from './evaluate.ts';

export function departmentStatus(own: UnitFocus | null, area: UnitFocus | null): FocusStatus {
	const applicable = [own, area].filter((f): f is UnitFocus => f !== null);
	if (applicable.some((f) => f.status === 'fokus')) return 'fokus';
	if (applicable.length > 0 && applicable.every((f) => f.status === 'ingen')) return 'ingen';
	return 'ukendt';
}

export const FOCUS_STATUS_LABEL: Record<FocusStatus, string> = {
	fokus: 'Særlig fokus',
	ingen: 'Ingen særlig fokus',
	ukendt: 'Kan ikke vurderes'
};
