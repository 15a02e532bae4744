/**
 * The words of the focus list, Danish first and English second: a rule described
 * ("Fraflytning > 20 %") and the pieces of a reason with its figures ("24,1 % > 20 %",
 * "stigende siden 2022 (fra 18,2 %)"). Documents for the Danish process use the Danish words; the
 * pages use the reader's language.
 *
 * Figures print as the dashboard prints them (format.ts). A limit or a factor typed by a user
 * prints with as few decimals as it needs, so `20` reads "20 %" and not "20,0 %".
 */
import { indicator, type IndicatorId } from '../core/indicators.ts';
import type { HousingType } from '../core/input-contract.ts';
import { NBSP, formatTick, formatValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { presetText } from './preset-words.ts';
import { COMPARISON_SYMBOL, type Comparison, type Reference, type Rule, type TrendDirection, type TypeLimits } from './rule.ts';

/** An indicator's value as shown: `24,1 %`. */
export function shownValue(id: IndicatorId, value: number, lang: Lang = 'da'): string {
	return formatValue(indicator(id), value, lang);
}

/** A limit typed by a user, with the indicator's unit: `20 %`, `1,5 ‰`, `2,5`. */
export function shownLimit(id: IndicatorId, value: number, lang: Lang = 'da'): string {
	const unit = indicator(id).unit[lang];
	// formatTick prints a number with the decimals it needs (at most 2), which is what a limit wants.
	const number = formatTick(value, lang);
	return unit ? `${number}${NBSP}${unit}` : number;
}

/** A factor: `1,5`. */
export function shownFactor(value: number, lang: Lang = 'da'): string {
	return formatTick(value, lang);
}

export function indicatorName(id: IndicatorId, lang: Lang = 'da'): string {
	return indicator(id).name[lang];
}

/** `> 20 %` */
export function comparisonText(id: IndicatorId, op: Comparison, limit: number, lang: Lang = 'da'): string {
	return `${COMPARISON_SYMBOL[op]} ${shownLimit(id, limit, lang)}`;
}

/** Whose figure: "kommunens" / "the municipality's". */
export const REFERENCE_OWNER: Record<Lang, Record<Reference, string>> = {
	da: { kommune: 'kommunens', land: 'landets' },
	en: { kommune: 'the municipality’s', land: 'the country’s' }
};

/** A housing type in the plural, as a limit for it is named: "ungdomsboliger". */
export const HOUSING_TYPE_PLURAL: Record<Lang, Record<HousingType, string>> = {
	da: { familie: 'familieboliger', ældre: 'ældreboliger', ungdom: 'ungdomsboliger' },
	en: { familie: 'family housing', ældre: 'housing for the elderly', ungdom: 'youth housing' }
};

export const DIRECTION_WORD: Record<Lang, Record<TrendDirection, string>> = {
	da: { stigende: 'stigende', faldende: 'faldende' },
	en: { stigende: 'rising', faldende: 'falling' }
};

/** The small words of the reasons and descriptions. */
export const FOCUS_WORDS = {
	da: {
		since: 'siden',
		from: 'fra',
		inARow: 'i træk',
		years: (n: number) => (n === 1 ? '1 år' : `${n} år`),
		level: 'niveau',
		atLeast: (k: number, n: number) => `mindst ${k} af ${n}`,
		met: (k: number, n: number) => `${k} af ${n} opfyldt`,
		limitFor: (type: HousingType) => `grænse for ${HOUSING_TYPE_PLURAL.da[type]}`,
		suppressedIn: (years: string) => `diskretioneret i ${years}`,
		missingFor: (years: string) => `mangler for ${years}`,
		figureOf: (owner: string) => `${owner} tal`,
		typeFigure: (type: HousingType) => `tal for ${HOUSING_TYPE_PLURAL.da[type]}`,
		and: 'og'
	},
	en: {
		since: 'since',
		from: 'from',
		inARow: 'in a row',
		years: (n: number) => (n === 1 ? '1 year' : `${n} years`),
		level: 'level',
		atLeast: (k: number, n: number) => `at least ${k} of ${n}`,
		met: (k: number, n: number) => `${k} of ${n} met`,
		limitFor: (type: HousingType) => `limit for ${HOUSING_TYPE_PLURAL.en[type]}`,
		suppressedIn: (years: string) => `suppressed in ${years}`,
		missingFor: (years: string) => `missing for ${years}`,
		figureOf: (owner: string) => `${owner} figure`,
		typeFigure: (type: HousingType) => `figure for ${HOUSING_TYPE_PLURAL.en[type]}`,
		and: 'and'
	}
} satisfies Record<Lang, unknown>;

/** "(ungdomsboliger > 50 %; ældreboliger > 15 %)", or '' without limits by housing type. */
function typeLimitsText(id: IndicatorId, op: Comparison, limits: TypeLimits | undefined, lang: Lang): string {
	const entries = Object.entries(limits ?? {}) as [HousingType, number][];
	if (entries.length === 0) return '';
	return ` (${entries.map(([type, limit]) => `${HOUSING_TYPE_PLURAL[lang][type]} ${comparisonText(id, op, limit, lang)}`).join('; ')})`;
}

/** One line saying what a rule asks, for the editor, the agenda and the saved file's reader. */
export function describeRule(rule: Rule, lang: Lang = 'da'): string {
	const w = FOCUS_WORDS[lang];
	const label = rule.navn ? `${presetText(rule.navn, lang)}: ` : '';
	switch (rule.type) {
		case 'niveau':
			return `${label}${indicatorName(rule.indikator, lang)} ${comparisonText(rule.indikator, rule.sammenligning, rule.graense, lang)}${typeLimitsText(rule.indikator, rule.sammenligning, rule.graenser, lang)}`;
		case 'tendens':
			return `${label}${indicatorName(rule.indikator, lang)} ${DIRECTION_WORD[lang][rule.retning]} ${w.years(rule.aar)} ${w.inARow}`;
		case 'afstand':
			return `${label}${indicatorName(rule.indikator, lang)} ${COMPARISON_SYMBOL[rule.sammenligning]} ${shownFactor(rule.faktor, lang)} × ${REFERENCE_OWNER[lang][rule.reference]} ${w.level}`;
		case 'vedvarende':
			return `${label}${indicatorName(rule.indikator, lang)} ${comparisonText(rule.indikator, rule.sammenligning, rule.graense, lang)}${typeLimitsText(rule.indikator, rule.sammenligning, rule.graenser, lang)} ${w.years(rule.aar)} ${w.inARow}`;
		case 'kombination':
			return `${label}${w.atLeast(rule.mindst, rule.regler.length)}: ${rule.regler.map((r) => describeRule(r, lang)).join('; ')}`;
	}
}
