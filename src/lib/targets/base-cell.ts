/**
 * A target's base as one table cell, the same on the page and in the agenda's tables: the agreed
 * value with its year, "– (diskretioneret)" when it is withheld for privacy (status.ts, rule 6),
 * or "– (2022)" when the input gave none: a missing turnover base is not a secret, and calling it
 * suppressed would tell the reader something false about the data.
 */
import type { Target } from '../core/target.ts';
import { shownLimit } from '../focus/phrases.ts';
import { NO_VALUE } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { supervisionStrings } from '../i18n/supervision-strings.ts';
import type { TargetEvaluation } from './status.ts';

export function baseCell(target: Target, evaluation: Pick<TargetEvaluation, 'basisSkjult'>, lang: Lang = 'da'): string {
	if (evaluation.basisSkjult) return `${NO_VALUE} (${supervisionStrings(lang).suppressedShort})`;
	const value = target.basisvaerdi === null ? NO_VALUE : shownLimit(target.indikator, target.basisvaerdi, lang);
	return `${value} (${target.basisaar})`;
}
