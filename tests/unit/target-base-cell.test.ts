/** The base cell of a target table, worked by hand: the value and year, withheld, or missing. */
import { describe, expect, it } from 'vitest';
import type { Target } from '../../src/lib/core/target.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { baseCell } from '../../src/lib/targets/base-cell.ts';

const target: Target = {
	maal_id: 'NY-1',
	niveau: 'omraade',
	enhed_id: '0751-O01',
	indikator: 'fraflytning',
	basisaar: 2022,
	basisvaerdi: 14.4,
	maalaar: 2025,
	maalvaerdi: 10,
	retning: 'ned',
	aftaledokument: 'Aftaledokument 2024',
	aftaleaar: 2024,
	boligorganisation_id: '2101',
	beskrivelse: ''
};

describe('a target’s base cell', () => {
	it('shows the agreed value and its year', () => {
		expect(baseCell(target, { basisSkjult: false })).toBe(`14,4${NBSP}% (2022)`);
		expect(baseCell(target, { basisSkjult: false }, 'en')).toBe(`14.4${NBSP}% (2022)`);
	});
	it('says "diskretioneret" only when the base is withheld', () => {
		expect(baseCell(target, { basisSkjult: true })).toBe('– (diskretioneret)');
		expect(baseCell(target, { basisSkjult: true }, 'en')).toBe('– (suppressed)');
	});
	it('shows a base the input left empty as a dash with its year, not as suppressed', () => {
		expect(baseCell({ ...target, basisvaerdi: null }, { basisSkjult: false })).toBe('– (2022)');
	});
});
