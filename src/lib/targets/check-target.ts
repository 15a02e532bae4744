/**
 * Checking a target drafted in the browser before it is added: the same rules the pipeline applies
 * to a line of aftaler.csv that concern the target alone (the register checks happen on ingest).
 * Returns the problems in Danish; none means the target can be written.
 */
import { YEAR_RANGE } from '../core/input-contract.ts';
import { isIndicatorId } from '../core/indicators.ts';
import { TARGET_DIRECTIONS, TARGET_LEVELS, type Target } from '../core/target.ts';

export function checkTarget(value: unknown): string[] {
	const t = value as Partial<Record<keyof Target, unknown>> | null;
	if (typeof t !== 'object' || t === null) return ['Målet er tomt.'];
	const problems: string[] = [];
	const [from, to] = YEAR_RANGE.keyFigures;
	const text = (key: keyof Target, what: string) => {
		if (typeof t[key] !== 'string' || (t[key] as string).trim() === '') problems.push(`${what} mangler.`);
	};
	const year = (key: keyof Target, what: string) => {
		const v = t[key];
		if (typeof v !== 'number' || !Number.isInteger(v) || v < from || v > to)
			problems.push(`${what} skal være et årstal fra ${from} til ${to}.`);
	};
	const number = (key: keyof Target, what: string) => {
		if (typeof t[key] !== 'number' || !Number.isFinite(t[key])) problems.push(`${what} skal være et tal.`);
	};
	text('maal_id', 'Målets id');
	if (!TARGET_LEVELS.includes(t.niveau as Target['niveau'])) problems.push('Vælg et niveau.');
	text('enhed_id', 'Enheden');
	if (typeof t.indikator !== 'string' || !isIndicatorId(t.indikator)) problems.push('Vælg et nøgletal.');
	year('basisaar', 'Basisåret');
	number('basisvaerdi', 'Basisværdien');
	year('maalaar', 'Målåret');
	number('maalvaerdi', 'Målværdien');
	if (!TARGET_DIRECTIONS.includes(t.retning as Target['retning'])) problems.push('Vælg en retning.');
	text('aftaledokument', 'Aftaledokumentet');
	year('aftaleaar', 'Aftaleåret');
	if (t.boligorganisation_id !== null && typeof t.boligorganisation_id !== 'string') problems.push('Boligorganisationen er ugyldig.');
	if (typeof t.beskrivelse !== 'string') problems.push('Beskrivelsen er ugyldig.');
	if (typeof t.basisaar === 'number' && typeof t.maalaar === 'number' && t.maalaar < t.basisaar) {
		problems.push('Målåret ligger før basisåret.');
	}
	return problems;
}
