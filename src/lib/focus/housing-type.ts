/** A register's housing type as the focus rules know it; anything else (none, or unknown) is null. */
import { HOUSING_TYPES, type HousingType } from '../core/input-contract.ts';

export function housingType(value: string | null | undefined): HousingType | null {
	return (HOUSING_TYPES as readonly string[]).includes(value ?? '') ? (value as HousingType) : null;
}
