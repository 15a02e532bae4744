/**
 * Sentences with a count read right at 0 and 1 (found on a municipality's own data, branch
 * `shapes`): "Nr. 1 af 1 afdelinger" and "alle 0 aftalte mål" read as slips.
 */
import { describe, expect, it } from 'vitest';
import { strings } from '../../src/lib/i18n/strings.ts';
import { supervisionStrings } from '../../src/lib/i18n/supervision-strings.ts';

describe('a department ranked among its peers', () => {
	it('is the only one when it alone has a value', () => {
		expect(strings('da').peersRank(1, 1)).toBe('Den eneste afdeling med en værdi.');
		expect(strings('en').peersRank(1, 1)).toBe('The only department with a value.');
	});
	it('is counted among several', () => {
		expect(strings('da').peersRank(2, 7)).toBe('Nr. 2 af 7 afdelinger med en værdi, regnet fra den højeste.');
	});
});

describe("what /aftaler's aftaler.csv holds", () => {
	it('says so when the input has no targets', () => {
		expect(supervisionStrings('da').fileHolds(0)).toBe(
			'Inddata har ingen aftalte mål; filen rummer udkastene og kan bruges som aftaler.csv.'
		);
		expect(supervisionStrings('en').fileHolds(0)).toBe(
			'The input has no agreed targets; the file holds the drafts and can be used as aftaler.csv.'
		);
	});
	it('names one target and several', () => {
		expect(supervisionStrings('da').fileHolds(1)).toContain('rummer det ene aftalte mål fra inddata');
		expect(supervisionStrings('da').fileHolds(12)).toContain('rummer alle 12 aftalte mål fra inddata');
		expect(supervisionStrings('en').fileHolds(1)).toContain('holds the one agreed target of the input');
	});
});
