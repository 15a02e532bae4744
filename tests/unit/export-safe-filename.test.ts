/**
 * File names for the package (src/lib/formats/safe-filename.ts): readable, with æøå kept, and
 * acceptable to Windows. Expected names written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { MAX_NAME_LENGTH, safeFileName } from '../../src/lib/formats/safe-filename.ts';
import { PathSet } from '../../src/lib/formats/zip.ts';

describe('safeFileName', () => {
	it('keeps Danish letters, spaces and ordinary punctuation', () => {
		expect(safeFileName('Boligselskabet Lærkereden, afd. 3 (Ærø)')).toBe('Boligselskabet Lærkereden, afd. 3 (Ærø)');
		expect(safeFileName('Ledighed - udvikling', 'csv')).toBe('Ledighed - udvikling.csv');
		expect(safeFileName('Ø', 'png')).toBe('Ø.png');
	});

	it('replaces each run of < > : " / \\ | ? * and control characters with one dash', () => {
		expect(safeFileName('a<b>c:d"e/f\\g|h?i*j')).toBe('a-b-c-d-e-f-g-h-i-j');
		expect(safeFileName('Bolig/Nord: "Øst"', 'zip')).toBe('Bolig-Nord- -Øst-.zip');
		expect(safeFileName('To\nlinjer\tog\u0007klokke')).toBe('To-linjer-og-klokke');
		expect(safeFileName('<<>>')).toBe('-');
	});

	it('drops trailing dots and spaces and leading dots', () => {
		expect(safeFileName('Afd. 3. ')).toBe('Afd. 3');
		expect(safeFileName('...skjult')).toBe('skjult');
		expect(safeFileName('  mellemrum   inde  ', 'txt')).toBe('mellemrum inde.txt');
	});

	it('avoids the reserved device names, with or without an extension', () => {
		expect(safeFileName('CON')).toBe('_CON');
		expect(safeFileName('con', 'txt')).toBe('_con.txt');
		expect(safeFileName('Nul.')).toBe('_Nul');
		expect(safeFileName('COM1')).toBe('_COM1');
		expect(safeFileName('lpt9.backup')).toBe('_lpt9.backup');
		expect(safeFileName('Console')).toBe('Console');
		expect(safeFileName('COM10')).toBe('COM10');
	});

	it('limits the length without splitting a character, and keeps the extension', () => {
		const long = 'Æ'.repeat(200);
		expect(safeFileName(long, 'docx')).toBe(`${'Æ'.repeat(MAX_NAME_LENGTH)}.docx`);
		// An emoji is two UTF-16 units; cutting between them would leave half a character.
		const emoji = `${'a'.repeat(MAX_NAME_LENGTH - 1)}🏠`;
		expect(safeFileName(emoji)).toBe('a'.repeat(MAX_NAME_LENGTH - 1));
		expect(safeFileName(`${'b'.repeat(MAX_NAME_LENGTH - 1)}. c`)).toBe('b'.repeat(MAX_NAME_LENGTH - 1));
	});

	it('never returns an empty name', () => {
		expect(safeFileName('')).toBe('fil');
		expect(safeFileName(' . ', 'csv')).toBe('fil.csv');
	});

	it('composes decomposed letters (macOS writes å as a + ring)', () => {
		expect(safeFileName('A\u030arhus')).toBe('Århus');
	});
});

describe('PathSet', () => {
	it('numbers a repeated path, comparing without case as Windows does', () => {
		const paths = new PathSet();
		expect(paths.claim('data/Ledighed.csv')).toBe('data/Ledighed.csv');
		expect(paths.claim('data/ledighed.csv')).toBe('data/ledighed (2).csv');
		expect(paths.claim('data/Ledighed.csv')).toBe('data/Ledighed (3).csv');
		expect(paths.claim('Mappe')).toBe('Mappe');
		expect(paths.claim('Mappe')).toBe('Mappe (2)');
		expect(paths.claim('a.b/navn')).toBe('a.b/navn');
		expect(paths.claim('a.b/navn')).toBe('a.b/navn (2)');
	});
});
