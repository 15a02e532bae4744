/**
 * A key figure as a register file names it: by its id or its Danish or English name, matched like
 * a header (case, spaces, hyphens and Danish letters aside), so `Uden for arbejdsmarkedet` works.
 */
import { normaliseHeader } from '../../src/lib/core/input-contract.ts';
import { INDICATORS, type IndicatorId } from '../../src/lib/core/indicators.ts';

const INDICATOR_BY_KEY = new Map<string, IndicatorId>();
for (const ind of INDICATORS) {
	for (const name of [ind.id, ind.name.da, ind.name.en]) INDICATOR_BY_KEY.set(normaliseHeader(name), ind.id);
}

/** The key figure the name stands for, null when the catalogue has none by that name. */
export function indicatorByName(name: string): IndicatorId | null {
	return INDICATOR_BY_KEY.get(normaliseHeader(name)) ?? null;
}
