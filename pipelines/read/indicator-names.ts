/**
 * A key figure as a register file names it: by its id or its Danish or English name, matched like
 * a header (case, spaces, hyphens and Danish letters aside), so `Uden for arbejdsmarkedet` works.
 */
import { normaliseHeader } from '../../src/lib/core/input-contract.ts';
import { activeIndicators, type IndicatorId } from '../../src/lib/core/indicators.ts';

/** The key figure the name stands for in the catalogue in effect (declared ones too), null when none has that name. */
export function indicatorByName(name: string): IndicatorId | null {
	const key = normaliseHeader(name);
	// Ids first: a declared indicator's name may not take a built-in's id.
	const all = activeIndicators();
	return (
		all.find((ind) => normaliseHeader(ind.id) === key)?.id ??
		all.find((ind) => normaliseHeader(ind.name.da) === key || normaliseHeader(ind.name.en) === key)?.id ??
		null
	);
}
