/** Bytes to text to rows: decode.ts, delimiter.ts, parse-csv.ts. */
import fc from 'fast-check';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { decode } from '../../pipelines/read/decode.ts';
import { detectDelimiter, detectNewline, separatorLine, type Delimiter, type Newline } from '../../pipelines/read/delimiter.ts';
import { parseCsv, type QuoteError } from '../../pipelines/read/parse-csv.ts';

function rows(text: string, delimiter: Delimiter = ';', newline: Newline = '\n') {
	const out: { line: number; fields: string[] }[] = [];
	const errors: QuoteError[] = [];
	parseCsv(text, delimiter, newline, {
		row(row) {
			const fields: string[] = [];
			for (let i = 0; i < row.count; i++) fields.push(row.text(i));
			out.push({ line: row.line, fields });
		},
		quoteError(error) {
			errors.push(error);
		}
	});
	return { rows: out, errors };
}

describe('decode', () => {
	it('reads UTF-8 with and without BOM, and says which', () => {
		const plain = decode(Buffer.from('a;ø\n', 'utf8'));
		expect(plain).toEqual({ ok: true, text: 'a;ø\n', encoding: 'utf-8' });
		const bom = decode(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a;ø\n', 'utf8')]));
		expect(bom).toEqual({ ok: true, text: 'a;ø\n', encoding: 'utf-8-bom' });
	});

	it('falls back to Windows-1252 for bytes that are not UTF-8', () => {
		const bytes = iconv.encode('Æblehaven;Søndergård;€\n', 'windows-1252');
		expect([...bytes.subarray(0, 1)]).toEqual([0xc6]);
		expect(decode(bytes)).toEqual({ ok: true, text: 'Æblehaven;Søndergård;€\n', encoding: 'windows-1252' });
	});

	it('refuses NUL bytes, other control characters and undefined Windows-1252 bytes, with the line', () => {
		expect(decode(Buffer.from('a\nb\nc\u0000d'))).toEqual({ ok: false, line: 3, found: 'et NUL-tegn (byte 0x00)' });
		expect(decode(Buffer.from('a\u0007b'))).toMatchObject({ ok: false, line: 1, found: 'et styretegn (byte 0x07)', before: 'a' });
		expect(decode(Buffer.from([0x61, 0x0a, 0xe6, 0x81]))).toMatchObject({ ok: false, line: 2 });
		// UTF-16 without a BOM: a NUL in every other byte.
		expect(decode(Buffer.from('afdeling_id;aar\n', 'utf16le'))).toMatchObject({
			ok: false,
			line: 1,
			found: expect.stringContaining('UTF-16 uden byte order mark')
		});
	});

	it('reads UTF-16 with a byte order mark, little- and big-endian, and refuses broken UTF-16', () => {
		const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\tø\r\n🏠', 'utf16le')]);
		expect(decode(le)).toEqual({ ok: true, text: 'a\tø\r\n🏠', encoding: 'utf-16le' });
		const be = Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a;ø\n', 'utf16le').swap16()]);
		expect(decode(be)).toEqual({ ok: true, text: 'a;ø\n', encoding: 'utf-16be' });
		expect(decode(Buffer.from([0xff, 0xfe, 0x61, 0x00, 0x62]))).toMatchObject({ ok: false, line: 1 });
		expect(decode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\nb\u0007', 'utf16le')]))).toMatchObject({
			ok: false,
			line: 2,
			found: 'et styretegn (U+0007)'
		});
	});

	it('refuses a UTF-8 file with a foreign byte at that byte, and keeps Windows-1252 without UTF-8 sequences', () => {
		// "ø" in UTF-8 on line 1, then "æ" as the Windows-1252 byte 0xE6 on line 2.
		const mixed = Buffer.concat([Buffer.from('Søparken;x\nK', 'utf8'), Buffer.from([0xe6]), Buffer.from('r;y\n')]);
		expect(decode(mixed)).toMatchObject({
			ok: false,
			line: 2,
			before: 'Søparken;x\nK',
			mixed: { offset: 13, byte: 0xe6, example: 'ø', exampleLine: 1 }
		});
		// A UTF-8 BOM says UTF-8 as well.
		const bom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf, 0x61, 0xe6])]);
		expect(decode(bom)).toMatchObject({ ok: false, line: 1, mixed: { offset: 4, example: '' } });
		// Only Windows-1252 letters: Windows-1252, as before.
		expect(decode(iconv.encode('Kærgården;Ø\n', 'windows-1252'))).toMatchObject({ ok: true, encoding: 'windows-1252' });
	});

	it('keeps tabs and both kinds of line break', () => {
		expect(decode(Buffer.from('a\tb\r\nc'))).toMatchObject({ ok: true, text: 'a\tb\r\nc' });
	});
});

describe('delimiter and newline', () => {
	it('takes the separator that occurs most in the header, outside quotes', () => {
		expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
		expect(detectDelimiter('a,b,c\n1;2;3')).toBe(',');
		expect(detectDelimiter('a\tb\tc')).toBe('\t');
		expect(detectDelimiter('"x;y;z",b,c\n')).toBe(',');
		expect(detectDelimiter('a;b,c')).toBe(';'); // a tie goes to ;
		expect(detectDelimiter('afdeling_id')).toBe(',');
	});
	it("takes Excel's sep= line, and nothing else, as the separator", () => {
		expect(separatorLine('sep=;\na,b,c')).toBe(';');
		expect(separatorLine('sep=,\r\na;b;c')).toBe(',');
		expect(separatorLine('sep=\t\na;b')).toBe('\t');
		expect(separatorLine('sep=\\t\na;b')).toBe('\t'); // written with a backslash
		expect(separatorLine('SEP=;;;;\n')).toBe(';'); // trailing separators from a spreadsheet
		expect(separatorLine('"sep=;"\n')).toBe(';');
		expect(separatorLine('sep=;')).toBe(';');
		expect(separatorLine('sep=|\na|b')).toBeNull();
		expect(separatorLine('separator;b\n')).toBeNull();
		expect(separatorLine('afdeling_id;sep=;\n')).toBeNull();
	});
	it('takes the first line break', () => {
		expect(detectNewline('a\r\nb\nc')).toBe('\r\n');
		expect(detectNewline('a\nb\r\n')).toBe('\n');
		expect(detectNewline('a\rb')).toBe('\r');
		expect(detectNewline('a')).toBe('\n');
	});
});

describe('parseCsv', () => {
	it('numbers rows by the physical line they start on, also after quoted line breaks', () => {
		const text = 'id;navn\n1;"To\nlinjer"\n2;"Tre\r\nlinjer\nher"\n3;x\n';
		const { rows: out } = rows(text);
		expect(out.map((r) => r.line)).toEqual([1, 2, 4, 7, 8]);
		expect(out[1]!.fields).toEqual(['1', 'To\nlinjer']);
		expect(out[2]!.fields).toEqual(['2', 'Tre\r\nlinjer\nher']);
		expect(out[4]!.fields).toEqual(['']); // the empty line after the last break
	});

	it('keeps doubled quotes, separators inside quotes and stray quotes mid-field', () => {
		const { rows: out, errors } = rows('a;"b;""c""";d "e" f\n');
		expect(errors).toEqual([]);
		expect(out[0]!.fields).toEqual(['a', 'b;"c"', 'd "e" f']);
	});

	it('reports an unterminated quote with its line and field', () => {
		const { errors } = rows('a;b\n1;2\n3;"x\n4;5\n');
		expect(errors).toEqual([{ kind: 'unterminated', line: 3, column: 2 }]);
	});

	it('reports text after a closing quote with its line and field', () => {
		const { errors } = rows('a;b;c\n1;2;3\n4;"x"y;6\n');
		expect(errors[0]).toMatchObject({ kind: 'malformed', line: 3, column: 2, after: 'y' });
	});

	it('counts CR LF, LF and lone CR each as one line in an unquoted file', () => {
		const { rows: out } = rows('a;b\r\n1;2\r\n3;4\n5;6\r\n', ';', '\r\n');
		// The lone LF is not this file's line break, so "4\n5" is one field, but it moves the lines.
		expect(out.map((r) => [r.line, r.fields])).toEqual([
			[1, ['a', 'b']],
			[2, ['1', '2']],
			[3, ['3', '4\n5', '6']],
			[5, ['']]
		]);
	});

	it('gives the same fields as papaparse for any text without quotes (the fast path)', () => {
		const cell = fc.stringMatching(/^[a-zæøå0-9 ,;.\t-]{0,6}$/);
		fc.assert(
			fc.property(
				fc.array(fc.array(cell, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 20 }),
				fc.constantFrom<Delimiter>(';', ',', '\t'),
				fc.constantFrom<Newline>('\n', '\r\n'),
				(table, delimiter, newline) => {
					const text = table.map((r) => r.join(delimiter)).join(newline);
					const ours = rows(text, delimiter, newline).rows.map((r) => r.fields);
					const theirs = Papa.parse<string[]>(text, { delimiter, newline }).data;
					expect(ours).toEqual(theirs);
				}
			),
			{ numRuns: 300, seed: 1234 }
		);
	});
});
