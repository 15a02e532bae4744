/**
 * Which municipality's files hold a unit. Links carry `?kommune=`, so this is normally the hint,
 * checked once; a copied link without it falls back to searching the municipalities in the index.
 * An organisation's municipalities are in the index itself: the hint if it is one of them, else its
 * home (the one with most of its departments).
 */
import type { WebIndex, WebOverview } from '../core/output-contract.ts';
import type { UnitKind } from './unit-kind.ts';

export function overviewHolds(overview: WebOverview, kind: UnitKind, id: string): boolean {
	switch (kind) {
		case 'afdeling':
			return overview.afdelinger.some((d) => d.id === id);
		case 'omraade':
			return overview.omraader.some((a) => a.id === id) || overview.afdelinger.some((d) => d.omraade_id === id);
		case 'boligorganisation':
			return overview.afdelinger.some((d) => d.organisation_id === id);
	}
}

/**
 * The code of the municipality holding the unit, or null when none does. A failure to load the
 * hinted municipality's file is thrown (the page shows it); other municipalities that fail to load
 * are skipped in the search.
 */
export async function findMunicipality(
	index: WebIndex,
	kind: UnitKind,
	id: string,
	hint: string | null,
	load: (kode: string) => Promise<WebOverview>
): Promise<string | null> {
	if (kind === 'boligorganisation') {
		// The index knows every organisation's municipalities, its home (most departments) first.
		const homes = index.organisationer[id];
		if (!homes?.length) return null;
		return hint && homes.includes(hint) ? hint : homes[0]!;
	}
	const codes = index.kommuner.map((k) => k.kode);
	if (hint && codes.includes(hint)) {
		if (overviewHolds(await load(hint), kind, id)) return hint;
	}
	for (const kode of codes) {
		if (kode === hint) continue;
		try {
			if (overviewHolds(await load(kode), kind, id)) return kode;
		} catch {
			// A broken file elsewhere should not stop the search; that municipality's own page says so.
		}
	}
	return null;
}
