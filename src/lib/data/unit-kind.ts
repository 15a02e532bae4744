/** The units with a detail page, named as the output contract names their levels. */
export type UnitKind = 'afdeling' | 'omraade' | 'boligorganisation';

/** The route segment of each kind's detail page: /afdeling/[id], /omraade/[id], /organisation/[id]. */
export const UNIT_ROUTE: Record<UnitKind, string> = {
	afdeling: 'afdeling',
	omraade: 'omraade',
	boligorganisation: 'organisation'
};

/** The kind of unit whose detail page SvelteKit's route id names (`/afdeling/[id]`…), else null. */
export function unitKindOfRoute(routeId: string | null): UnitKind | null {
	const kind = (Object.keys(UNIT_ROUTE) as UnitKind[]).find((k) => routeId === `/${UNIT_ROUTE[k]}/[id]`);
	return kind ?? null;
}
