import { describe, expect, it } from 'vitest';
import { softBreaks } from '../../src/lib/ui/soft-breaks.ts';

describe('softBreaks', () => {
	it('leaves ordinary names whole, long Danish compounds included', () => {
		expect(softBreaks('Arbejdernes Andelsboligforening')).toEqual(['Arbejdernes Andelsboligforening']);
		// 38 characters, but no word over 30.
		expect(softBreaks('Boligselskabet Sjælland, afdeling Øst')).toEqual(['Boligselskabet Sjælland, afdeling Øst']);
		expect(softBreaks('')).toEqual(['']);
	});

	it('breaks a word over 30 characters after every 15, and only that word', () => {
		const word = 'a'.repeat(40);
		expect(softBreaks(`Afd. ${word} Nord`)).toEqual([`Afd. ${'a'.repeat(15)}`, 'a'.repeat(15), `${'a'.repeat(10)} Nord`]);
		// 31 characters: just over the line.
		expect(softBreaks('b'.repeat(31))).toEqual(['b'.repeat(15), 'b'.repeat(15), 'b']);
		// 30: a word as long as a real one may be, kept whole.
		expect(softBreaks(`x ${'c'.repeat(30)}`)).toEqual([`x ${'c'.repeat(30)}`]);
	});

	it('never splits a character: emoji, a combining ring, æøå, and gives the name back', () => {
		const family = '👨‍👩‍👧'; // one character of five code points
		const ring = 'a\u030a'; // "å" as a and a combining ring
		const word = `${family.repeat(16)}${ring.repeat(16)}`; // 32 characters
		const pieces = softBreaks(word);
		expect(pieces).toEqual([family.repeat(15), family + ring.repeat(14), ring.repeat(2)]);
		expect(pieces.join('')).toBe(word);
		const hostile = `<script>${'ø'.repeat(40)}</script>`;
		expect(softBreaks(hostile).join('')).toBe(hostile);
	});
});
