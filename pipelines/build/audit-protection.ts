/**
 * When a hidden count is safe from the attacker (issue 9, DOMAIN.md "Privacy").
 *
 * The attacker narrows a hidden count (persons outside the labour market in a department, or in
 * a hidden aggregate) to a range [lo, hi] out of its `total` residents. It stays protected when
 * the range is at least MIN_PERSONS wide, or is the whole 0..total (he learns nothing he did not
 * know from the residents alone). The complement (persons inside, total - count) has the range
 * [total - hi, total - lo]: the same width, and whole exactly when the count's is, so one test
 * covers both.
 */
import { MIN_PERSONS } from './privacy.ts';

/**
 * Persons the solver's answers may be off by: HiGHS keeps constraints to 1e-7, and published
 * doubles carry about 1e-15 relative error. A range short of 5 by less than this is no more
 * revealing than one of 5.
 */
export const PERSON_TOLERANCE = 1e-6;

export function isProtected(lo: number, hi: number, total: number): boolean {
	if (hi - lo >= MIN_PERSONS - PERSON_TOLERANCE) return true;
	return lo <= PERSON_TOLERANCE && hi >= total - PERSON_TOLERANCE;
}
