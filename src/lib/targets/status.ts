/**
 * Where an agreed target stands in a year: nået (met), på vej (on track), ikke på vej (off
 * track), ikke nået (not met) or ingen data (no data).
 *
 * The rule, in order:
 * 1. The year judged is the chosen year, or the target year when the chosen year is later: a
 *    target for 2024 is judged on 2024's figure, also when 2025's is out.
 * 2. No data when the year judged is before the base year, or the unit's value that year is
 *    missing or suppressed (a suppressed figure can neither meet nor miss a target).
 * 3. Met when the value meets the target value in the target's direction (at or below for 'ned',
 *    at or above for 'op'), also before the target year.
 * 4. Not met when the year judged is the target year and rule 3 did not hold.
 * 5. Before the target year: on track when the value is at or better than the straight path from
 *    the base value in the base year to the target value in the target year; off track otherwise.
 *    A target already met in the base year has no path to follow: it must be held, so the path
 *    is the target value itself and any value that misses it is off track.
 * 6. No data before the target year when the base value is withheld (null in the published
 *    aftaler.json: a person-based figure whose base-year cell is suppressed, issue 9) or the
 *    unit's base-year figure is suppressed: without it there is no path, and a path's value
 *    would give the withheld base away. A base the input left empty on a figure that is not about
 *    persons (vacancy, turnover, ...) is no secret, only unknown: the same status, but said so, not
 *    called suppressed (the ingest withholds only person-based bases).
 *
 * Values are compared at the precision the dashboard shows (the indicator's decimals), the path
 * value included, so the status never contradicts the figures printed beside it.
 */
import type { SeriesPoint } from '../core/output-contract.ts';
import { indicator } from '../core/indicators.ts';
import { shownLimit, shownValue } from '../focus/phrases.ts';
import { meets, type Target } from '../core/target.ts';
import type { Lang } from '../i18n/lang.ts';

export const TARGET_STATUSES = ['naaet', 'paa_vej', 'ikke_paa_vej', 'ikke_naaet', 'ingen_data'] as const;
export type TargetStatus = (typeof TARGET_STATUSES)[number];

export const STATUS_LABEL: Record<TargetStatus, string> = {
	naaet: 'Nået',
	paa_vej: 'På vej',
	ikke_paa_vej: 'Ikke på vej',
	ikke_naaet: 'Ikke nået',
	ingen_data: 'Ingen data'
};

/** The labels by language: Danish in the documents, the reader's on the pages. */
export const STATUS_LABELS: Record<Lang, Record<TargetStatus, string>> = {
	da: STATUS_LABEL,
	en: { naaet: 'Met', paa_vej: 'On track', ikke_paa_vej: 'Off track', ikke_naaet: 'Not met', ingen_data: 'No data' }
};

/** The explanations' words, Danish first. */
const WORDS = {
	da: {
		atMost: 'højst',
		atLeast: 'mindst',
		in: 'i',
		beforeBase: (aar: number, base: number) => `${aar} er før målets basisår ${base}.`,
		suppressed: (aar: number) => `Tallet for ${aar} er diskretioneret (det kunne afsløre færre end 5 personer).`,
		noFigure: (aar: number) => `Der er intet tal for ${aar}.`,
		met: (shown: string, goal: string) => `${shown}: målet (${goal}) er nået.`,
		notMet: (shown: string, goal: string) => `${shown}: målet (${goal}) er ikke nået.`,
		held: (goal: string, base: number) => `målet (${goal}) var nået i basisåret ${base} og skal holdes`,
		path: (from: string, base: number, goal: string, bound: string, expected: string, aar: number) =>
			`den lige vej fra ${from} i ${base} til ${goal} giver ${bound} ${expected} i ${aar}`,
		baseWithheld: (shown: string) => `${shown}; basisværdien er diskretioneret, så vejen til målet kan ikke vises.`,
		noBase: (shown: string) => `${shown}; målet har ingen basisværdi i aftaler.csv, så vejen til målet kan ikke vises.`
	},
	en: {
		atMost: 'at most',
		atLeast: 'at least',
		in: 'in',
		beforeBase: (aar: number, base: number) => `${aar} is before the target’s base year ${base}.`,
		suppressed: (aar: number) => `The figure for ${aar} is suppressed (it could reveal fewer than 5 persons).`,
		noFigure: (aar: number) => `There is no figure for ${aar}.`,
		met: (shown: string, goal: string) => `${shown}: the target (${goal}) is met.`,
		notMet: (shown: string, goal: string) => `${shown}: the target (${goal}) is not met.`,
		held: (goal: string, base: number) => `the target (${goal}) was met in the base year ${base} and must be held`,
		path: (from: string, base: number, goal: string, bound: string, expected: string, aar: number) =>
			`the straight path from ${from} in ${base} to ${goal} gives ${bound} ${expected} in ${aar}`,
		baseWithheld: (shown: string) => `${shown}; the base value is suppressed, so the path to the target cannot be shown.`,
		noBase: (shown: string) => `${shown}; the target has no base value in aftaler.csv, so the path to the target cannot be shown.`
	}
} satisfies Record<Lang, unknown>;

export interface TargetEvaluation {
	status: TargetStatus;
	/** The year judged (rule 1). */
	aar: number;
	/** The unit's value that year, rounded as shown; null when there is none. */
	seneste: number | null;
	/** The path's value that year (rule 5); null when the path did not decide. */
	forventet: number | null;
	/** One plain-Danish sentence with the figures. */
	forklaring: string;
	/**
	 * True when the unit's own figure for the base year is suppressed, or the ingest withheld the
	 * base of a person-based figure: the agreed base value then concerns fewer than 5 persons and
	 * is not printed (DOMAIN.md, "Privacy"). False for a base that is merely missing (rule 6).
	 */
	basisSkjult: boolean;
}

function round(target: Target, value: number): number {
	const factor = 10 ** indicator(target.indikator).decimals;
	return Math.round(value * factor) / factor;
}

/** "højst 5 ‰ i 2026" */
export function targetText(target: Target, lang: Lang = 'da'): string {
	const w = WORDS[lang];
	const bound = target.retning === 'ned' ? w.atMost : w.atLeast;
	return `${bound} ${shownLimit(target.indikator, target.maalvaerdi, lang)} ${w.in} ${target.maalaar}`;
}

/** The straight path's value in a year, unrounded; the target value once the base meets it; null without a base. */
export function pathValue(target: Target, year: number): number | null {
	const base = target.basisvaerdi;
	if (base === null) return null;
	if (meets(target.retning, base, target.maalvaerdi)) return target.maalvaerdi;
	if (year >= target.maalaar) return target.maalvaerdi;
	if (year <= target.basisaar) return base;
	const share = (year - target.basisaar) / (target.maalaar - target.basisaar);
	return base + (target.maalvaerdi - base) * share;
}

/** The target's status in `year`, judged on the unit's series (rule in the file comment). */
export function targetStatus(target: Target, series: readonly SeriesPoint[], year: number, lang: Lang = 'da'): TargetEvaluation {
	const id = target.indikator;
	const w = WORDS[lang];
	const aar = Math.min(year, target.maalaar);
	const basisSkjult =
		(target.basisvaerdi === null && indicator(id).personBased) || series.find((p) => p.aar === target.basisaar)?.diskretioneret === true;
	const none = (forklaring: string): TargetEvaluation => ({
		status: 'ingen_data',
		aar,
		seneste: null,
		forventet: null,
		forklaring,
		basisSkjult
	});
	if (aar < target.basisaar) return none(w.beforeBase(aar, target.basisaar));
	const point = series.find((p) => p.aar === aar);
	if (point?.diskretioneret) return none(w.suppressed(aar));
	if (point?.vaerdi == null || !Number.isFinite(point.vaerdi)) return none(w.noFigure(aar));

	const value = round(target, point.vaerdi);
	const shown = `${shownValue(id, value, lang)} ${w.in} ${aar}`;
	const goal = targetText(target, lang);
	if (meets(target.retning, value, target.maalvaerdi)) {
		return { status: 'naaet', aar, seneste: value, forventet: null, forklaring: w.met(shown, goal), basisSkjult };
	}
	if (aar >= target.maalaar) {
		return {
			status: 'ikke_naaet',
			aar,
			seneste: value,
			forventet: null,
			forklaring: w.notMet(shown, goal),
			basisSkjult
		};
	}
	// A withheld base (rule 6), or one the series marks suppressed (an output written before the
	// ingest withheld such bases), gives no path: its value would give the base away.
	const base = basisSkjult ? null : target.basisvaerdi;
	if (base === null) {
		const forklaring = basisSkjult ? w.baseWithheld(shown) : w.noBase(shown);
		return { status: 'ingen_data', aar, seneste: value, forventet: null, forklaring, basisSkjult };
	}
	const expected = round(target, pathValue(target, aar)!);
	const onTrack = meets(target.retning, value, expected);
	const bound = target.retning === 'ned' ? w.atMost : w.atLeast;
	const path = meets(target.retning, base, target.maalvaerdi)
		? w.held(goal, target.basisaar)
		: w.path(shownLimit(id, base, lang), target.basisaar, goal, bound, shownValue(id, expected, lang), aar);
	return {
		status: onTrack ? 'paa_vej' : 'ikke_paa_vej',
		aar,
		seneste: value,
		forventet: expected,
		forklaring: `${shown}; ${path}.`,
		basisSkjult
	};
}
