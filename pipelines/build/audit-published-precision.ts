/**
 * How exactly a published figure tells the attacker its count: published rounding as an
 * interval.
 *
 * A person-based figure is published as a rate, value = scale * count / residents, and the
 * attacker knows the residents; so value tells him count to within the value's rounding times
 * residents / scale. The finest publication decides: noegletal.parquet, aggregater.parquet and
 * their Arrow twins under web/ carry the full double (computed from exact decimals, so off by at
 * most a few units in the last place: about 1e-15 relative); web/<kode>/overblik.json carries 4
 * decimals of the same rates and so tells less; the browser's exports are drawn from the Arrow
 * twins. If the full double were ever dropped, PUBLISHED_DECIMALS is where the audit learns it.
 */

/** Decimals of the most precise publication of a person-based rate; null for a full double. */
export const PUBLISHED_DECIMALS: number | null = null;

/** Relative error of a double computed as scale * (double)t / (double)n: four roundings, each half a unit of 2^-52. */
const DOUBLE_RELATIVE = 4 * 2 ** -53;

/** Half the width, in persons, of the interval the attacker reads a published count into. */
export function countHalfWidth(count: number, residents: number, scale: number, decimals: number | null = PUBLISHED_DECIMALS): number {
	if (decimals === null) return Math.abs(count) * DOUBLE_RELATIVE;
	return (0.5 * 10 ** -decimals * residents) / scale;
}
