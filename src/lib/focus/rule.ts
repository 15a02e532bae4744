/**
 * Focus rules as plain data: what makes a department or an area need special focus.
 *
 * A rule set is JSON-serialisable as it stands, so the same object lives in the URL, in a saved
 * file and in the editor. Its field names are Danish because supervisors save, read and edit the
 * file themselves (as they do the CSV inputs); see rule-file.ts for the file's frame.
 *
 * Five kinds of rule, each about one indicator of the catalogue except the combination:
 * - `niveau`      the value in the chosen year compared with a limit (`fraflytning > 20 %`);
 * - `tendens`     the value rose (or fell) in each of the last `aar` years;
 * - `afstand`     the value compared with a multiple of the municipality's (or country's) value;
 * - `vedvarende`  the value beyond a limit in each of the last `aar` years, the chosen one included;
 * - `kombination` at least `mindst` of its rules hold ("2 af 4", as the official lists use).
 *
 * A `niveau` or `vedvarende` rule may carry a limit per housing type (`graenser`), because what is
 * normal differs by type: LBF counted 10,4 % turnover in family housing and 39,9 % in youth housing
 * in 2019, so one limit for both flags every youth department. A department of a type with its own
 * limit is judged by that; any other department, and every area, by `graense` (an area's figure is a
 * sum over departments of mixed types, so no type's limit is its own).
 *
 * An `afstand` rule with the country needs no limits by type: a department is compared with the
 * country's published figure for its own type where LBF has one (evaluate.ts, core/country-by-type.ts).
 */
import type { IndicatorId } from '../core/indicators.ts';
import type { HousingType } from '../core/input-contract.ts';

export const COMPARISONS = ['>', '>=', '<', '<='] as const;
export type Comparison = (typeof COMPARISONS)[number];

/** The two unit kinds a rule set may apply to. */
export const FOCUS_UNIT_KINDS = ['afdeling', 'omraade'] as const;
export type FocusUnitKind = (typeof FOCUS_UNIT_KINDS)[number];

export const REFERENCES = ['kommune', 'land'] as const;
export type Reference = (typeof REFERENCES)[number];

export const TREND_DIRECTIONS = ['stigende', 'faldende'] as const;
export type TrendDirection = (typeof TREND_DIRECTIONS)[number];

interface RuleBase {
	/** Optional label shown before the reason, e.g. "40+-område". */
	navn?: string;
}

/** Limits for some housing types, each replacing `graense` for units of that type. */
export type TypeLimits = Partial<Record<HousingType, number>>;

export interface LevelRule extends RuleBase {
	type: 'niveau';
	indikator: IndicatorId;
	sammenligning: Comparison;
	graense: number;
	graenser?: TypeLimits;
}

export interface TrendRule extends RuleBase {
	type: 'tendens';
	indikator: IndicatorId;
	retning: TrendDirection;
	/** Consecutive year-on-year changes in that direction, ending in the chosen year. */
	aar: number;
}

export interface DistanceRule extends RuleBase {
	type: 'afstand';
	indikator: IndicatorId;
	sammenligning: Comparison;
	/** The unit's value is compared with faktor × the reference's value in the same year. */
	faktor: number;
	reference: Reference;
}

export interface PersistenceRule extends RuleBase {
	type: 'vedvarende';
	indikator: IndicatorId;
	sammenligning: Comparison;
	graense: number;
	graenser?: TypeLimits;
	/** Years in a row, the chosen year included. */
	aar: number;
}

export interface CombinationRule extends RuleBase {
	type: 'kombination';
	mindst: number;
	regler: Rule[];
}

export type AtomicRule = LevelRule | TrendRule | DistanceRule | PersistenceRule;
export type Rule = AtomicRule | CombinationRule;
export type RuleType = Rule['type'];
export const RULE_TYPES: readonly RuleType[] = ['niveau', 'tendens', 'afstand', 'vedvarende', 'kombination'];

export interface RuleSet {
	navn: string;
	/** Where the rules come from (a law, an agreement, the municipality's own choice). */
	kilde: string;
	/** Which units the rules are applied to. */
	enheder: FocusUnitKind[];
	/** Plain-Danish caveats, e.g. the official criteria the data cannot evaluate. */
	noter: string[];
	/** A unit needs focus when any of these holds. */
	regler: Rule[];
}

/** Three-valued: a suppressed or missing figure can neither trigger nor clear a rule. */
export type Truth = 'ja' | 'nej' | 'ukendt';

/** The limit a unit of a housing type (or of none) is judged by, and the type when its own limit applies. */
export function limitFor(
	rule: { graense: number; graenser?: TypeLimits },
	type: HousingType | null | undefined
): { limit: number; type: HousingType | null } {
	const own = type ? rule.graenser?.[type] : undefined;
	return own === undefined ? { limit: rule.graense, type: null } : { limit: own, type: type! };
}

/** `a op b`. */
export function compare(a: number, op: Comparison, b: number): boolean {
	switch (op) {
		case '>':
			return a > b;
		case '>=':
			return a >= b;
		case '<':
			return a < b;
		case '<=':
			return a <= b;
	}
}

/** The comparison as printed: `>`, `≥`, `<`, `≤`. */
export const COMPARISON_SYMBOL: Record<Comparison, string> = { '>': '>', '>=': '≥', '<': '<', '<=': '≤' };

/** Kleene AND: any 'nej' decides; otherwise any 'ukendt' leaves it open. */
export function all(values: readonly Truth[]): Truth {
	if (values.includes('nej')) return 'nej';
	if (values.includes('ukendt')) return 'ukendt';
	return 'ja';
}

/** At least k of the values hold: certain only when the unknowns cannot change the answer. */
export function atLeast(k: number, values: readonly Truth[]): Truth {
	const yes = values.filter((v) => v === 'ja').length;
	const unknown = values.filter((v) => v === 'ukendt').length;
	if (yes >= k) return 'ja';
	if (yes + unknown < k) return 'nej';
	return 'ukendt';
}
