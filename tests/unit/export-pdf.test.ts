/**
 * The report as PDF (src/lib/formats/pdf.ts): text extracted with pdf.js holds the title, the
 * headings (also as bookmarks), the figures as the screen prints them and æøå, ‰, ², – intact;
 * characters the standard font lacks are replaced, never garble the line.
 */
import { describe, expect, it } from 'vitest';
import { isWinAnsi, winAnsi } from '../../src/lib/formats/pdf-text.ts';
import { reportPdf } from '../../src/lib/formats/pdf.ts';
import { pdfText } from '../support/pdf-text.ts';
import { REPORT } from './export-report-fixture.ts';

describe('winAnsi', () => {
	it('keeps what Helvetica has and replaces the rest', () => {
		expect(winAnsi('æøå ÆØÅ ‰ ² – — € “” ‘’ • … \u00a0')).toBe('æøå ÆØÅ ‰ ² – — € “” ‘’ • … \u00a0');
		expect(winAnsi('−3 \u202f1\u2009000')).toBe('-3 \u00a01 000');
		expect(winAnsi('Hjem 🏠 sødt ✓')).toBe('Hjem ? sødt ?');
		expect(winAnsi('a\tb')).toBe('a b');
		// Decomposed å (a + combining ring) becomes the one character WinAnsi has.
		expect(winAnsi('A\u030arhus')).toBe('Århus');
		expect(isWinAnsi('Ω')).toBe(false);
	});
});

describe('reportPdf', async () => {
	const bytes = await reportPdf(REPORT);
	const { pages, title, outline } = await pdfText(bytes);
	// pdf.js returns the no-break space as a plain space; compare on plain spaces.
	const all = pages.join('\n').replaceAll('\u00a0', ' ');
	/** The text with wrapped lines joined, for phrases that may wrap. */
	const flowing = all.replace(/\s+/g, ' ');

	it('is a PDF with the title in its properties and the headings as bookmarks', () => {
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		expect(title).toBe('Dokumentationspakke 2025: Boligselskabet Lærkereden');
		expect(outline).toEqual([
			'Dokumentationspakke 2025: Boligselskabet Lærkereden',
			'Nøgletal 2025',
			'Ledighed (‰)',
			'Afdelinger',
			'Engparken Øst, blok 1 (2101-001)'
		]);
	});

	it('holds the headings and the text with æøå, ‰, ² and – intact', () => {
		for (const text of [
			'Dokumentationspakke 2025: Boligselskabet Lærkereden',
			'Aarhus Kommune · Boligbarometer',
			'Demodata: tallene er syntetiske',
			'Nøgletal 2025',
			'Ledighed (‰)',
			'Engparken Øst, blok 1 (2101-001)',
			'Ledighed 6,5 ‰ og husleje 899 kr./m² – Ærø, Øster Åby og Ålborg.',
			'Mål: ledigheden under 5,0 ‰'
		]) {
			expect(flowing).toContain(text);
		}
	});

	it('holds the table figures as the screen prints them and the suppressed one as a dash', () => {
		// A table row comes out as one line: the cells in order, separated by spaces.
		const lines = all.split('\n');
		expect(lines).toContain('Nøgletal Enhed Lærkereden 2025');
		expect(lines).toContain('Ledighed ‰ 6,5');
		expect(lines).toContain('Husleje kr./m² 1.234');
		expect(lines).toContain('Uden for arbejdsmarkedet % –');
		expect(flowing).toContain('=SUM(A1) "citat"; to linjer -0,4');
	});

	it('replaces what the font lacks instead of garbling the line', () => {
		expect(all).toContain('Note ? med -3 (minus) i teksten');
	});

	it('puts the source line and the page number in the footer', () => {
		expect(pages[0]!.replaceAll('\u00a0', ' ')).toContain(
			'Kilde: Landsbyggefonden / kommunens egne data · Boligbarometer · Demodata: tallene er syntetiske'
		);
		expect(pages[0]).toContain(`1 / ${pages.length}`);
	});
});
