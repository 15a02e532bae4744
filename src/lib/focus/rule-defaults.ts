/**
 * A fresh rule of each kind, as the editor adds it: sensible limits for the indicator chosen, so a
 * new rule does something before the supervisor has typed a number.
 */
import { indicator, type IndicatorId } from '../core/indicators.ts';
import { TURNOVER_LIMITS } from './presets.ts';
import type { Rule, RuleType, TypeLimits } from './rule.ts';

/** A limit in the upper part of a department's plausible range: 20 % turnover, 20 ‰ vacancy. */
const LIMITS: Partial<Record<IndicatorId, number>> = {
	ledighed: 20,
	fraflytning: 20,
	uden_for_arbejdsmarked: 40,
	vedligeholdelsesstand: 2.5,
	henlaeggelser: 50,
	husleje: 1200,
	lejetab: 15
};

/** A declared indicator's limit: 60 % up its plausible range, or 0 when it gives none. */
function limitOf(id: IndicatorId): number {
	const known = LIMITS[id];
	if (known !== undefined) return known;
	const [low, high] = indicator(id).domain;
	return high >= 1e12 ? 0 : Number((low + 0.6 * (high - low)).toPrecision(2));
}

/** Limits by housing type where LBF publishes a type's own level (see presets.ts). */
const TYPE_LIMITS: Partial<Record<IndicatorId, TypeLimits>> = { fraflytning: TURNOVER_LIMITS.graenser };

const typeLimits = (id: IndicatorId): { graenser?: TypeLimits } => (TYPE_LIMITS[id] ? { graenser: { ...TYPE_LIMITS[id] } } : {});

export function newRule(type: RuleType, id: IndicatorId = 'fraflytning'): Rule {
	// A declared indicator with no better direction starts as if higher were worse; the supervisor turns it.
	const worse = indicator(id).worse !== 'lower';
	switch (type) {
		case 'niveau':
			return { type, indikator: id, sammenligning: worse ? '>' : '<', graense: limitOf(id), ...typeLimits(id) };
		case 'tendens':
			return { type, indikator: id, retning: worse ? 'stigende' : 'faldende', aar: 3 };
		case 'afstand':
			return { type, indikator: id, sammenligning: worse ? '>=' : '<=', faktor: worse ? 1.5 : 0.75, reference: 'kommune' };
		case 'vedvarende':
			return { type, indikator: id, sammenligning: worse ? '>' : '<', graense: limitOf(id), ...typeLimits(id), aar: 2 };
		case 'kombination':
			return { type, mindst: 2, regler: [newRule('niveau', id), newRule('tendens', id)] };
	}
}

export const RULE_TYPE_NAME: Record<RuleType, string> = {
	niveau: 'Niveau',
	tendens: 'Tendens',
	afstand: 'Afstand til kommunen/landet',
	vedvarende: 'Vedvarende niveau',
	kombination: 'Kombination (k af n)'
};
