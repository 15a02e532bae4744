/**
 * When a hidden count is safe from the attacker (issue 9, DOMAIN.md "Privacy").
 *
 * The attacker narrows a hidden count (persons outside the labour market in a department, or in
 * a hidden aggregate) to a range [lo, hi] out of its `total` residents. It stays protected when
 * the range is at least MIN_PERSONS wide, or is the whole 0..total (he learns nothing he did not
 * know from the residents alone). The complement (persons inside, total - count) has the range
 * [total - hi, total - lo]: the same width, and whole exactly when the count's is, so one test
 * covers both.
 *
 * "The whole 0..total" is what the residents alone tell him. Where the reference figures
 * (referencetal.json) with the residents already tell him more (`given`, an outer bound of the
 * range they alone leave: audit-publisher-ranges.ts), the exposure is their publisher's, and the
 * count is protected when our figures leave him all of that range: they add nothing to it. With
 * no `given` that is the whole 0..total, as before. (The complement again has the mirrored range.)
 */
import { MIN_PERSONS } from './privacy.ts';

/**
 * Persons the solver's answers may be off by: HiGHS keeps constraints to 1e-7, and published
 * doubles carry about 1e-15 relative error. A range short of 5 by less than this is no more
 * revealing than one of 5.
 */
export const PERSON_TOLERANCE = 1e-6;

/** A range of persons [lo, hi]. */
export interface PersonRange {
	lo: number;
	hi: number;
}

export function isProtected(lo: number, hi: number, total: number, given?: PersonRange): boolean {
	if (hi - lo >= MIN_PERSONS - PERSON_TOLERANCE) return true;
	return lo <= (given?.lo ?? 0) + PERSON_TOLERANCE && hi >= (given?.hi ?? total) - PERSON_TOLERANCE;
}
