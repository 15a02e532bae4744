/** The units with a detail page, named as the output contract names their levels. */
export type UnitKind = 'afdeling' | 'omraade' | 'boligorganisation';

/** The route segment of each kind's detail page: /afdeling/[id], /omraade/[id], /organisation/[id]. */
export const UNIT_ROUTE: Record<UnitKind, string> = {
	afdeling: 'afdeling',
	omraade: 'omraade',
	boligorganisation: 'organisation'
};
