/** da-DK (and en-GB) number formats of the dashboard, against strings written out by hand. */
import { describe, expect, it } from 'vitest';
import {
	NBSP,
	formatChange,
	formatCount,
	formatNumber,
	formatTick,
	formatValue,
	formatYear,
	showValue,
	valueText
} from '../../src/lib/i18n/format.ts';
import { indicator } from '../../src/lib/core/indicators.ts';

/** `~` marks the no-break space between a number and its unit. */
const s = (text: string) => text.replaceAll('~', NBSP);

describe('formatValue (da)', () => {
	it('prints each unit as the catalogue says, with a decimal comma', () => {
		expect(formatValue(indicator('ledighed'), 6.5, 'da')).toBe(s('6,5~‰'));
		expect(formatValue(indicator('fraflytning'), 12.34, 'da')).toBe(s('12,3~%'));
		expect(formatValue(indicator('uden_for_arbejdsmarked'), 40, 'da')).toBe(s('40,0~%'));
		expect(formatValue(indicator('husleje'), 899.4, 'da')).toBe(s('899~kr./m²'));
		expect(formatValue(indicator('husleje'), 1234.5, 'da')).toBe(s('1.235~kr./m²'));
		expect(formatValue(indicator('lejetab'), 5.44, 'da')).toBe(s('5,4~kr./m²'));
		expect(formatValue(indicator('vedligeholdelsesstand'), 3.25, 'da')).toBe('3,3');
	});

	it('never prints -0', () => {
		expect(formatValue(indicator('ledighed'), -0.01, 'da')).toBe(s('0,0~‰'));
	});

	it('uses the English units and a decimal point in English', () => {
		expect(formatValue(indicator('ledighed'), 6.5, 'en')).toBe(s('6.5~‰'));
		expect(formatValue(indicator('husleje'), 1234, 'en')).toBe(s('1,234~DKK/m²'));
	});
});

describe('plain numbers', () => {
	it('groups thousands with a point in Danish', () => {
		expect(formatCount(1234, 'da')).toBe('1.234');
		expect(formatCount(596952, 'da')).toBe('596.952');
		expect(formatNumber(1234.56, 1, 'da')).toBe('1.234,6');
	});

	it('prints ticks with only the decimals they need, and years without a separator', () => {
		expect(formatTick(0, 'da')).toBe('0');
		expect(formatTick(2.5, 'da')).toBe('2,5');
		expect(formatTick(1000, 'da')).toBe('1.000');
		expect(formatYear(2024)).toBe('2024');
	});
});

describe('formatChange', () => {
	it('signs a change and names rate differences as points', () => {
		expect(formatChange(indicator('ledighed'), 0.44, 'da')).toBe(s('+0,4~promillepoint'));
		expect(formatChange(indicator('fraflytning'), -2.26, 'da')).toBe(s('-2,3~pct.-point'));
		expect(formatChange(indicator('husleje'), 30, 'da')).toBe(s('+30~kr./m²'));
		expect(formatChange(indicator('vedligeholdelsesstand'), 0.04, 'da')).toBe('0,0');
		expect(formatChange(indicator('fraflytning'), 1, 'en')).toBe(s('+1.0~pp'));
	});
});

describe('missing and suppressed', () => {
	const ind = indicator('uden_for_arbejdsmarked');

	it('shows a dash with the reason, never 0', () => {
		expect(showValue(ind, { vaerdi: null, diskretioneret: false }, 'da')).toEqual({
			state: 'missing',
			text: '–',
			reason: 'mangler'
		});
		expect(showValue(ind, { vaerdi: null, diskretioneret: true }, 'da')).toEqual({
			state: 'suppressed',
			text: '–',
			reason: 'diskretioneret: kunne afsløre færre end 5 personer'
		});
		expect(showValue(ind, undefined, 'da').reason).toBe('mangler');
		expect(showValue(ind, { vaerdi: 0, diskretioneret: false }, 'da').text).toBe(s('0,0~%'));
	});

	it('treats a suppressed flag as suppressed even if a value slipped through', () => {
		expect(showValue(ind, { vaerdi: 12, diskretioneret: true }, 'da').text).toBe('–');
	});

	it('puts the reason in brackets for one-line text such as tooltips', () => {
		expect(valueText(ind, { vaerdi: null, diskretioneret: true }, 'en')).toBe('– (suppressed: could reveal fewer than 5 persons)');
		expect(valueText(ind, { vaerdi: 12.34, diskretioneret: false }, 'da')).toBe(s('12,3~%'));
	});
});
