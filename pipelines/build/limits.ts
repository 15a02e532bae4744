/**
 * What the build can hold: exact sums (aggregates.ts) need every numerator and denominator term
 * under MAX_TERM. A value that large is almost surely a typo (kroner in øre, a missing decimal
 * comma), so it is reported as an input error before anything is written.
 */
import { activeIndicators } from '../../src/lib/core/indicators.ts';
import { keyFigureColumn, type InputIssue, type ParsedInput } from '../read/model.ts';
import { MAX_TERM } from './aggregates.ts';

export function checkLimits(input: ParsedInput): InputIssue[] {
	const issues: InputIssue[] = [];
	const kf = input.keyFigures;
	for (const ind of activeIndicators()) {
		const value = keyFigureColumn(kf, ind.numerator);
		const weight = keyFigureColumn(kf, ind.denominator);
		for (let r = 0; r < kf.length; r++) {
			const term = ind.aggregation === 'weighted_mean' ? value[r]! * weight[r]! : value[r]!;
			const tooLarge = Math.abs(term) >= MAX_TERM ? term : Math.abs(weight[r]!) >= MAX_TERM ? weight[r]! : null;
			if (tooLarge === null) continue;
			issues.push({
				severity: 'error',
				code: 'value-too-large',
				file: 'noegletal*.csv',
				line: 0,
				column: 0,
				message: `Afdeling "${kf.afdeling_id[r]}" har i ${kf.aar[r]} et tal for ${ind.name.da.toLowerCase()}, der er for stort: forventede under ${MAX_TERM.toExponential()}, fandt ${tooLarge}. Er der faldet et decimalkomma ud?`,
				expected: `< ${MAX_TERM}`,
				found: String(tooLarge)
			});
			if (issues.length >= 20) return issues;
		}
	}
	return issues;
}
