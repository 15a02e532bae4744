/**
 * A department's housing type as the page's language says it: the register's known types
 * (familie, ældre, ungdom) from the string table, anything else the register holds as it stands
 * (it is the data's own word), a missing one as null.
 */
import { HOUSING_TYPES, type HousingType } from '../core/input-contract.ts';
import type { Strings } from './strings.ts';

export function housingTypeName(value: string | null | undefined, t: Strings): string | null {
	if (value == null || value === '') return null;
	return (HOUSING_TYPES as readonly string[]).includes(value) ? t.housingTypeName[value as HousingType] : value;
}
