/**
 * Checking a target drafted in the browser before it is added: the same rules the pipeline applies
 * to a line of aftaler.csv that concern the target alone (the register checks happen on ingest).
 * Returns the problems in the language asked for (Danish by default); none means the target can be written.
 * A person-based figure's base may be null (withheld), as in aftaler.json.
 */
import { YEAR_RANGE } from '../core/input-contract.ts';
import { indicator, isIndicatorId } from '../core/indicators.ts';
import { TARGET_DIRECTIONS, TARGET_LEVELS, type Target } from '../core/target.ts';
import type { Lang } from '../i18n/lang.ts';

/** The problems' words, Danish first; the form and the work file show them in the reader's language. */
export const TARGET_CHECK_WORDS = {
	da: {
		empty: 'Målet er tomt.',
		missing: (what: string) => `${what} mangler.`,
		year: (what: string, from: number, to: number) => `${what} skal være et årstal fra ${from} til ${to}.`,
		number: (what: string) => `${what} skal være et tal.`,
		chooseLevel: 'Vælg et niveau.',
		chooseIndicator: 'Vælg et nøgletal.',
		chooseDirection: 'Vælg en retning.',
		badOrganisation: 'Boligorganisationen er ugyldig.',
		badDescription: 'Beskrivelsen er ugyldig.',
		targetBeforeBase: 'Målåret ligger før basisåret.',
		what: {
			maal_id: 'Målets id',
			enhed_id: 'Enheden',
			basisaar: 'Basisåret',
			basisvaerdi: 'Basisværdien',
			maalaar: 'Målåret',
			maalvaerdi: 'Målværdien',
			aftaledokument: 'Aftaledokumentet',
			aftaleaar: 'Aftaleåret'
		}
	},
	en: {
		empty: 'The target is empty.',
		missing: (what: string) => `${what} is missing.`,
		year: (what: string, from: number, to: number) => `${what} must be a year from ${from} to ${to}.`,
		number: (what: string) => `${what} must be a number.`,
		chooseLevel: 'Choose a level.',
		chooseIndicator: 'Choose a key figure.',
		chooseDirection: 'Choose a direction.',
		badOrganisation: 'The housing organisation is not valid.',
		badDescription: 'The description is not valid.',
		targetBeforeBase: 'The target year is before the base year.',
		what: {
			maal_id: 'The target’s id',
			enhed_id: 'The unit',
			basisaar: 'The base year',
			basisvaerdi: 'The base value',
			maalaar: 'The target year',
			maalvaerdi: 'The target value',
			aftaledokument: 'The agreement document',
			aftaleaar: 'The agreement year'
		}
	}
} satisfies Record<Lang, unknown>;

export function checkTarget(value: unknown, lang: Lang = 'da'): string[] {
	const w = TARGET_CHECK_WORDS[lang];
	const t = value as Partial<Record<keyof Target, unknown>> | null;
	if (typeof t !== 'object' || t === null) return [w.empty];
	const problems: string[] = [];
	const [from, to] = YEAR_RANGE.keyFigures;
	const text = (key: keyof typeof w.what & keyof Target) => {
		if (typeof t[key] !== 'string' || (t[key] as string).trim() === '') problems.push(w.missing(w.what[key]));
	};
	const year = (key: keyof typeof w.what & keyof Target) => {
		const v = t[key];
		if (typeof v !== 'number' || !Number.isInteger(v) || v < from || v > to) problems.push(w.year(w.what[key], from, to));
	};
	const number = (key: keyof typeof w.what & keyof Target) => {
		if (typeof t[key] !== 'number' || !Number.isFinite(t[key])) problems.push(w.number(w.what[key]));
	};
	text('maal_id');
	if (!TARGET_LEVELS.includes(t.niveau as Target['niveau'])) problems.push(w.chooseLevel);
	text('enhed_id');
	if (typeof t.indikator !== 'string' || !isIndicatorId(t.indikator)) problems.push(w.chooseIndicator);
	year('basisaar');
	// A person-based figure's base may be null: its base-year figure is withheld, and a base typed
	// instead would name the group the rule protects (targets/draft-base.ts).
	const personBased = typeof t.indikator === 'string' && isIndicatorId(t.indikator) && indicator(t.indikator).personBased;
	if (!(personBased && t.basisvaerdi === null)) number('basisvaerdi');
	year('maalaar');
	number('maalvaerdi');
	if (!TARGET_DIRECTIONS.includes(t.retning as Target['retning'])) problems.push(w.chooseDirection);
	text('aftaledokument');
	year('aftaleaar');
	if (t.boligorganisation_id !== null && typeof t.boligorganisation_id !== 'string') problems.push(w.badOrganisation);
	if (typeof t.beskrivelse !== 'string') problems.push(w.badDescription);
	if (typeof t.basisaar === 'number' && typeof t.maalaar === 'number' && t.maalaar < t.basisaar) {
		problems.push(w.targetBeforeBase);
	}
	return problems;
}
