/**
 * Numbers typed the Danish way (or the English way): every expected value below is what a reader
 * of the typed text means, worked out by hand.
 */
import { describe, expect, it } from 'vitest';
import { parseUserNumber, type NumberRules } from '../../src/lib/i18n/parse-number.ts';

const value = (text: string, rules?: NumberRules) => {
	const r = parseUserNumber(text, rules);
	return r.ok ? r.value : null;
};
const message = (text: string, rules?: NumberRules) => {
	const r = parseUserNumber(text, rules);
	return r.ok ? null : r.message;
};

describe('parseUserNumber', () => {
	it('reads a decimal comma and a decimal point alike', () => {
		expect(value('1,2')).toBe(1.2);
		expect(value('1.2')).toBe(1.2);
		expect(value(' 0,5 ')).toBe(0.5);
		expect(value('12')).toBe(12);
		expect(value('-3,25')).toBe(-3.25);
		expect(value('−3,25')).toBe(-3.25);
	});

	it('reads "1.234" as 1,234 where the field cannot hold thousands', () => {
		expect(value('1.234')).toBe(1.234);
		expect(value('1,234')).toBe(1.234);
	});

	it('refuses "1.234" as ambiguous where the field can hold thousands, saying both readings', () => {
		const m = message('1.234', { thousands: true })!;
		expect(m.da).toContain('1,234');
		expect(m.da).toContain('1.234');
		expect(m.da).toContain('Skriv 1234');
		expect(m.en).toContain('1,234');
		expect(value('0,125', { thousands: true })).toBe(0.125); // a leading 0 cannot be a thousands group
		expect(value('1,25', { thousands: true })).toBe(1.25); // two decimals cannot be a thousands group
	});

	it('reads thousands grouped by dots, commas or spaces where thousands are possible', () => {
		const rules = { thousands: true };
		expect(value('1.234,5', rules)).toBe(1234.5);
		expect(value('1,234.5', rules)).toBe(1234.5);
		expect(value('12.345.678', rules)).toBe(12345678);
		expect(value('1 234', rules)).toBe(1234);
		expect(value('1\u00a0234,5', rules)).toBe(1234.5);
		expect(value('1234', rules)).toBe(1234);
	});

	it('refuses thousands where the field cannot hold them', () => {
		expect(message('1.234,5')?.da).toContain('over 1.000');
		expect(message('1 234')).not.toBeNull();
	});

	it('refuses anything else in words, quoting what was typed', () => {
		for (const bad of ['abc', '1,2,3', '1..2', '1,', ',5', '12a', '1.23.4', '1.2,3', '2e3', '--1', '']) {
			const m = message(bad, { thousands: true });
			expect(m, bad).not.toBeNull();
			if (bad) expect(m!.da, bad).toContain(`«${bad}»`);
		}
		expect(message('')?.da).toBe('Skriv et tal.');
		expect(message('x')?.en).toContain('is not a number');
	});

	it('holds whole numbers and ranges', () => {
		expect(message('2,5', { integer: true })?.da).toContain('helt tal');
		expect(value('2024', { integer: true, min: 2000, max: 2100 })).toBe(2024);
		expect(message('1999', { integer: true, min: 2000 })?.da).toContain('mindst 2000');
		expect(message('-1', { min: 0 })?.en).toContain('at least 0');
		expect(message('31', { integer: true, max: 30 })?.da).toContain('højst 30');
	});

	it('never lets markup through as a value: it is refused as text', () => {
		expect(message('<script>1</script>')?.da).toContain('ikke et tal');
	});
});
