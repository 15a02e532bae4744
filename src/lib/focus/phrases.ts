/**
 * The Danish words of the focus list: a rule described ("Fraflytning > 20 %") and the pieces of a
 * reason with its figures ("24,1 % > 20 %", "stigende siden 2022 (fra 18,2 %)").
 *
 * Figures print as the dashboard prints them (format.ts). A limit or a factor typed by a user
 * prints with as few decimals as it needs, so `20` reads "20 %" and not "20,0 %".
 */
import { indicator, type IndicatorId } from '../core/indicators.ts';
import { NBSP, formatTick, formatValue } from '../i18n/format.ts';
import { COMPARISON_SYMBOL, type Comparison, type Reference, type Rule } from './rule.ts';

/** An indicator's value as shown: `24,1 %`. */
export function shownValue(id: IndicatorId, value: number): string {
	return formatValue(indicator(id), value, 'da');
}

/** A limit typed by a user, with the indicator's unit: `20 %`, `1,5 ‰`, `2,5`. */
export function shownLimit(id: IndicatorId, value: number): string {
	const unit = indicator(id).unit.da;
	// formatTick prints a number with the decimals it needs (at most 2), which is what a limit wants.
	const number = formatTick(value, 'da');
	return unit ? `${number}${NBSP}${unit}` : number;
}

/** A factor: `1,5`. */
export function shownFactor(value: number): string {
	return formatTick(value, 'da');
}

export function indicatorName(id: IndicatorId): string {
	return indicator(id).name.da;
}

/** `> 20 %` */
export function comparisonText(id: IndicatorId, op: Comparison, limit: number): string {
	return `${COMPARISON_SYMBOL[op]} ${shownLimit(id, limit)}`;
}

export const REFERENCE_OWNER: Record<Reference, string> = { kommune: 'kommunens', land: 'landets' };

function years(n: number): string {
	return n === 1 ? '1 år' : `${n} år`;
}

/** One line saying what a rule asks, for the editor, the agenda and the saved file's reader. */
export function describeRule(rule: Rule): string {
	const label = rule.navn ? `${rule.navn}: ` : '';
	switch (rule.type) {
		case 'niveau':
			return `${label}${indicatorName(rule.indikator)} ${comparisonText(rule.indikator, rule.sammenligning, rule.graense)}`;
		case 'tendens':
			return `${label}${indicatorName(rule.indikator)} ${rule.retning} ${years(rule.aar)} i træk`;
		case 'afstand':
			return `${label}${indicatorName(rule.indikator)} ${COMPARISON_SYMBOL[rule.sammenligning]} ${shownFactor(rule.faktor)} × ${REFERENCE_OWNER[rule.reference]} niveau`;
		case 'vedvarende':
			return `${label}${indicatorName(rule.indikator)} ${comparisonText(rule.indikator, rule.sammenligning, rule.graense)} ${years(rule.aar)} i træk`;
		case 'kombination':
			return `${label}mindst ${rule.mindst} af ${rule.regler.length}: ${rule.regler.map(describeRule).join('; ')}`;
	}
}
