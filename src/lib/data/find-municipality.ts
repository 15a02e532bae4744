/**
 * Which municipality's files hold a unit. Links carry `?kommune=`, so this is normally the hint,
 * checked once; a copied link without it (or with another municipality's) falls back to the
 * municipalities that hold the unit, the first in the index's order. An organisation's
 * municipalities are in the index itself: the hint if it is one of them, else its home (the one
 * with most of its departments). The questions about departments and areas are answered by a
 * UnitLookup (the dashboard's reads afdelinger.parquet: db/queries/parquet-units.ts).
 */
import type { WebIndex } from '../core/output-contract.ts';
import type { UnitKind } from './unit-kind.ts';

export interface UnitLookup {
	/** Whether municipality `kode`'s own departments hold the unit (as overblik.json lists them). */
	holds(kode: string, kind: UnitKind, id: string): Promise<boolean>;
	/** Every municipality whose departments hold the unit. */
	holders(kind: UnitKind, id: string): Promise<Set<string>>;
}

/**
 * The code of the municipality holding the unit, or null when none does. A failure to read is
 * thrown (the page shows it).
 */
export async function findMunicipality(
	index: Pick<WebIndex, 'kommuner' | 'organisationer'>,
	kind: UnitKind,
	id: string,
	hint: string | null,
	lookup: UnitLookup
): Promise<string | null> {
	if (kind === 'boligorganisation') {
		// The index knows every organisation's municipalities, its home (most departments) first.
		const homes = index.organisationer[id];
		if (!homes?.length) return null;
		return hint && homes.includes(hint) ? hint : homes[0]!;
	}
	const codes = index.kommuner.map((k) => k.kode);
	if (hint && codes.includes(hint) && (await lookup.holds(hint, kind, id))) return hint;
	const holders = await lookup.holders(kind, id);
	return codes.find((kode) => kode !== hint && holders.has(kode)) ?? null;
}

/**
 * The municipality a page for the unit opens in when `hint` (its `?kommune=`) is right, before
 * anything is read: an organisation's hint if it is one of its municipalities, else its home; a
 * department's or area's hint if the index knows it. Null when there is nothing to go on.
 */
export function hintedMunicipality(
	index: Pick<WebIndex, 'kommuner' | 'organisationer'>,
	kind: UnitKind,
	id: string,
	hint: string | null
): string | null {
	if (kind === 'boligorganisation') {
		const homes = index.organisationer[id];
		return homes?.length ? (hint && homes.includes(hint) ? hint : homes[0]!) : null;
	}
	return hint && index.kommuner.some((k) => k.kode === hint) ? hint : null;
}

/**
 * The municipalities whose rows a unit's page in `kode` loads: an organisation's every
 * municipality (index.json's organisationer, home first), so its pages cover the whole
 * organisation; else the unit's own.
 */
export function unitCodes(index: Pick<WebIndex, 'organisationer'>, kind: UnitKind, id: string, kode: string): string[] {
	const all = kind === 'boligorganisation' ? (index.organisationer[id] ?? []) : [];
	return all.includes(kode) ? all : [kode, ...all];
}
