/** Danish and English numbers (pipelines/read/numbers.ts), each value worked out by hand. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	AMBIGUOUS,
	COMMA,
	NO_MARK,
	OTHER_DECIMAL,
	OWN_MARKS,
	POINT,
	formatDanish,
	markUse,
	parseNumberText
} from '../../pipelines/read/numbers.ts';

describe('numbers in a ;-separated file (decimal comma)', () => {
	const cases: [string, number | null][] = [
		['12', 12],
		['12,5', 12.5],
		['1234,5', 1234.5],
		['1.234,5', 1234.5],
		['1.234', 1234], // a lone point before three digits groups thousands here
		['1.234.567', 1234567],
		['12.5', 12.5], // not three digits after the point: a decimal
		['55.6761', 55.6761],
		// A point that cannot group thousands is a decimal: a leading 0, or more than three digits before it.
		['0.250', 0.25],
		['-0.500', -0.5],
		['012.345', 12.345],
		['1234.567', 1234.567],
		['1 234.567', 1234.567],
		['1 234', 1234],
		['1\u00a0234,25', 1234.25],
		['1\u202f234', 1234],
		['-3', -3],
		['\u22124', -4],
		['+7', 7],
		['  42  ', 42],
		['1,5E+03', 1500],
		['0,1', 0.1],
		// More digits than a double holds: read as Number() rounds it, to the nearest double.
		['1234567890123456789', Number('1234567890123456789')],
		['tolv', null],
		['12 kr', null],
		['12,5%', null],
		['1.23.4', null],
		['12,', null],
		[',5', null],
		['1 23', null],
		['1,2,3', null],
		['--3', null],
		['1,234,5', null]
	];
	for (const [text, value] of cases) {
		it(`${JSON.stringify(text)} → ${value}`, () => {
			expect(parseNumberText(text, COMMA)).toBe(value);
		});
	}
	it('empty, blank and "-" are missing (NaN)', () => {
		expect(parseNumberText('', COMMA)).toBeNaN();
		expect(parseNumberText('   ', COMMA)).toBeNaN();
		expect(parseNumberText('-', COMMA)).toBeNaN();
		expect(parseNumberText(' - ', COMMA)).toBeNaN();
	});
});

describe('numbers in a ,-separated file (decimal point)', () => {
	const cases: [string, number | null][] = [
		['12.5', 12.5],
		['1.234', 1.234], // the file's own decimal mark
		['1,234', 1234], // the other mark before three digits groups thousands
		['1,234.5', 1234.5],
		['12,5', 12.5],
		['1,234,567', 1234567],
		['57.0488', 57.0488],
		['0,250', 0.25],
		['1234,567', 1234.567]
	];
	for (const [text, value] of cases) {
		it(`${JSON.stringify(text)} → ${value}`, () => {
			expect(parseNumberText(text, POINT)).toBe(value);
		});
	}
});

describe('agreement with Number()', () => {
	it('reads any decimal with up to 15 digits to the same double as Number()', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 999_999_999 }),
				fc.integer({ min: 0, max: 5 }),
				fc.boolean(),
				(mantissa, decimals, negative) => {
					const digits = String(mantissa).padStart(decimals + 1, '0');
					const plain = decimals === 0 ? digits : `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
					const text = (negative ? '-' : '') + plain;
					// The file's own decimal mark is always a decimal, also before exactly three digits.
					expect(parseNumberText(text.replace('.', ','), COMMA)).toBe(Number(text));
					expect(parseNumberText(text, POINT)).toBe(Number(text));
				}
			),
			{ numRuns: 500, seed: 20240601 }
		);
	});
});

describe('formatDanish', () => {
	it('writes a decimal comma', () => {
		expect(formatDanish(60.5)).toBe('60,5');
		expect(formatDanish(40)).toBe('40');
	});
});

describe('how a cell uses the two marks (for the column to decide, decimal-marks.ts)', () => {
	const cases: [string, number, number][] = [
		['1234', COMMA, NO_MARK],
		['12,5', COMMA, OWN_MARKS],
		['1.234,5', COMMA, OWN_MARKS],
		['1.234.567', COMMA, OWN_MARKS],
		['12.5', COMMA, OTHER_DECIMAL],
		['0.250', COMMA, OTHER_DECIMAL],
		['1234.567', COMMA, OTHER_DECIMAL],
		['1,234.5', COMMA, OTHER_DECIMAL],
		['1.234', COMMA, AMBIGUOUS],
		['-12.345', COMMA, AMBIGUOUS],
		['1,234', POINT, AMBIGUOUS],
		['1.234', POINT, OWN_MARKS],
		['12,5', POINT, OTHER_DECIMAL]
	];
	for (const [text, mark, use] of cases) {
		it(`${JSON.stringify(text)} with decimal ${mark === COMMA ? 'comma' : 'point'} → ${use}`, () => {
			expect(markUse(text, 0, text.length, mark as typeof COMMA)).toBe(use);
		});
	}
});
