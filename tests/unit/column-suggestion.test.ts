/**
 * A misspelt heading's likely column (pipelines/read/column-suggestion.ts), distances worked by
 * hand, and the messages that name it.
 */
import { describe, expect, it } from 'vitest';
import { nearestColumn, slips } from '../../pipelines/read/column-suggestion.ts';
import { mapHeaders } from '../../pipelines/read/headers.ts';
import { IssueCollector } from '../../pipelines/read/issues.ts';

const KEY_FIGURES = ['afdeling_id', 'aar', 'boliger', 'ledige_boliger', 'fraflytninger'];

describe('slips', () => {
	it('counts a letter left out, added, changed, and two swapped as one slip each', () => {
		expect(slips('ledigeboliger', 'ledigebolier')).toBe(1); // g left out
		expect(slips('boliger', 'bolliger')).toBe(1); // l added
		expect(slips('boliger', 'boliher')).toBe(1); // g → h
		expect(slips('fraflytninger', 'fralfytninger')).toBe(1); // fl swapped
		expect(slips('afdelingid', 'afdelingsidd')).toBe(2); // s and d added
		expect(slips('aar', 'aar')).toBe(0);
	});
});

describe('nearestColumn', () => {
	it('names the column a heading is one or two slips from, compared as the reader matches headings', () => {
		expect(nearestColumn('ledige_bolier', KEY_FIGURES)).toBe('ledige_boliger');
		expect(nearestColumn('Fralfytninger', KEY_FIGURES)).toBe('fraflytninger');
		// "afdelingsidd" is one slip from the accepted spelling "afdelingsid".
		expect(nearestColumn('Afdelings-idd', KEY_FIGURES)).toBe('afdeling_id');
	});
	it('names none for a heading far from every column, a short one, or the column itself', () => {
		expect(nearestColumn('Bemærkninger', KEY_FIGURES)).toBeNull();
		// "boligerr" is 8 letters: two slips allowed, but only "boliger" is that near.
		expect(nearestColumn('boligerr', KEY_FIGURES)).toBe('boliger');
		// 3 letters, one slip allowed: "aa" is too short to guess from.
		expect(nearestColumn('aa', KEY_FIGURES)).toBeNull();
		expect(nearestColumn('boliger', KEY_FIGURES)).toBeNull();
	});
});

describe('the header messages', () => {
	it('ask "Mente du" for an unknown heading and name the slipped heading for a missing column', () => {
		const issues = new IssueCollector();
		mapHeaders('noegletal.csv', ['afdelings_idd', 'aar', 'ledige_bolier'], 1, KEY_FIGURES, ['afdeling_id', 'aar'], issues);
		const messages = issues.list().map((i) => `${i.line}:${i.column} ${i.message}`);
		expect(messages).toContain(
			'1:0 Kolonnen "afdeling_id" mangler i kolonnenavnene i linje 1: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "afdelings_idd", "aar", "ledige_bolier". Kolonne 1, "afdelings_idd", ligner: ret stavningen til "afdeling_id".'
		);
		expect(messages).toContain(
			'1:3 Kolonnen "ledige_bolier" kendes ikke og bliver ikke læst: forventede en af kolonnerne afdeling_id, aar, boliger, ledige_boliger, fraflytninger, fandt "ledige_bolier". Mente du "ledige_boliger"?'
		);
	});
});
