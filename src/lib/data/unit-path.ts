import { UNIT_ROUTE, type UnitKind } from './unit-kind.ts';

/** The path of a unit's detail page; ids are data, so they are encoded. */
export function unitPath(kind: UnitKind, id: string): string {
	return `/${UNIT_ROUTE[kind]}/${encodeURIComponent(id)}`;
}
