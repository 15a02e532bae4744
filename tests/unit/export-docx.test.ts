/**
 * The report as Word (src/lib/formats/docx.ts): the .docx unzips, its document.xml has the title
 * and headings in Word's heading styles, the table's figures as the screen prints them, the
 * suppressed value as a dash, the hostile name as text, and the chart as a PNG part, stored as it
 * is (PNG is compressed already).
 */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { reportDocx } from '../../src/lib/formats/docx.ts';
import { REPORT, tinyPng } from './export-report-fixture.ts';

/** The text of each paragraph with its style, from document.xml. */
function paragraphs(xml: string): { style: string | null; text: string }[] {
	return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
		const body = m[1] ?? m[2] ?? '';
		const style = /<w:pStyle w:val="([^"]+)"/.exec(body)?.[1] ?? null;
		const text = [...body.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((t) => (t[0] === '<w:br/>' ? '\n' : t[1])).join('');
		return { style, text: text.replaceAll('&amp;', '&').replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"') };
	});
}

describe('reportDocx', async () => {
	const bytes = await reportDocx(REPORT);
	const files = unzipSync(bytes);
	const xml = strFromU8(files['word/document.xml']!);
	const ps = paragraphs(xml);

	it('is a zip with the parts Word needs', () => {
		expect(Object.keys(files)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']));
	});

	it('has the title and the headings in Word heading styles', () => {
		expect(ps.filter((p) => p.style && /^(Title|Heading\d)$/.test(p.style)).map((p) => [p.style, p.text])).toEqual([
			['Title', 'Dokumentationspakke 2025: Boligselskabet Lærkereden'],
			['Heading1', 'Nøgletal 2025'],
			['Heading2', 'Ledighed (‰)'],
			['Heading1', 'Afdelinger'],
			['Heading2', 'Engparken Øst, blok 1 (2101-001)']
		]);
	});

	it('writes the figures as the screen prints them, the suppressed one as a dash, names as text', () => {
		const texts = ps.map((p) => p.text);
		expect(texts).toContain('6,5');
		expect(texts).toContain('1.234');
		expect(texts).toContain('–');
		expect(texts).toContain('-0,4');
		expect(texts).toContain('=SUM(A1) "citat"; to\nlinjer');
		expect(texts).toContain('Ledighed 6,5\u00a0‰ og husleje 899\u00a0kr./m² – Ærø, Øster Åby og Ålborg.');
		expect(xml).toContain('<w:tbl>');
		expect(xml).toContain('<w:tblHeader/>');
		expect(xml).not.toContain('<w:fldSimple');
	});

	it('embeds the chart as a PNG with its title as alternative text', () => {
		const media = Object.keys(files).filter((f) => f.startsWith('word/media/'));
		expect(media).toHaveLength(1);
		expect([...files[media[0]!]!.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
		expect(xml).toContain('descr="Ledighed – Boligselskabet Lærkereden"');
	});

	it('stores the chart as it is and deflates the text parts', () => {
		const methods: Record<string, number> = {};
		unzipSync(bytes, { filter: (f) => ((methods[f.name] = f.compression), false) });
		const media = Object.keys(methods).filter((f) => f.startsWith('word/media/'));
		expect(media.map((f) => methods[f])).toEqual([0]);
		// The fixture's chart, byte for byte.
		expect(files[media[0]!]).toEqual(tinyPng());
		expect(methods['word/document.xml']).toBe(8);
		expect(methods['[Content_Types].xml']).toBe(8);
	});

	it('sets Danish as the language', () => {
		expect(strFromU8(files['word/styles.xml']!)).toContain('w:val="da-DK"');
	});
});
