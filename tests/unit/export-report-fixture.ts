/**
 * A small report written out by hand for the DOCX and PDF tests: headings, a paragraph with the
 * characters that must survive (æøå, ‰, ², the en dash, a no-break space), a table with figures, a
 * suppressed value and a hostile name, and a chart image.
 */
import { PNG } from 'pngjs';
import type { Report } from '../../src/lib/formats/report.ts';

/** A 40 × 20 PNG, blue on white: stands in for a chart; `shade` makes each one different. */
export function tinyPng(shade = 0): Uint8Array {
	const png = new PNG({ width: 40, height: 20 });
	for (let i = 0; i < png.data.length; i += 4) {
		const x = (i / 4) % 40;
		png.data.set(x < 20 ? [shade % 256, 114, 178, 255] : [255, 255, 255, 255], i);
	}
	return new Uint8Array(PNG.sync.write(png));
}

export const REPORT: Report = {
	title: 'Dokumentationspakke 2025: Boligselskabet Lærkereden',
	subtitle: 'Aarhus Kommune · Boligbarometer',
	lang: 'da',
	demo: true,
	blocks: [
		{ kind: 'paragraph', text: 'Demodata: tallene er syntetiske', style: 'demo' },
		{ kind: 'heading', level: 1, text: 'Nøgletal 2025' },
		{ kind: 'paragraph', text: 'Ledighed 6,5\u00a0‰ og husleje 899\u00a0kr./m² – Ærø, Øster Åby og Ålborg.' },
		{
			kind: 'table',
			table: {
				title: 'Nøgletal 2025',
				columns: [{ header: 'Nøgletal' }, { header: 'Enhed' }, { header: 'Lærkereden 2025', numeric: true }],
				rows: [
					['Ledighed', '‰', { value: 6.54, decimals: 1 }],
					['Husleje', 'kr./m²', { value: 1234.4, decimals: 0 }],
					['Uden for arbejdsmarkedet', '%', { none: 'suppressed' }],
					['=SUM(A1) "citat"; to\nlinjer', '', { value: -0.4, decimals: 1 }]
				]
			}
		},
		{ kind: 'heading', level: 2, text: 'Ledighed (‰)' },
		{ kind: 'image', png: tinyPng(), width: 40, height: 20, alt: 'Ledighed – Boligselskabet Lærkereden' },
		{ kind: 'list', items: ['Mål: ledigheden under 5,0\u00a0‰', 'Fraflytning over 20\u00a0%'] },
		{ kind: 'heading', level: 1, text: 'Afdelinger' },
		{ kind: 'heading', level: 2, text: 'Engparken Øst, blok 1 (2101-001)' },
		{ kind: 'paragraph', text: 'Note 🏠 med −3 (minus) i teksten', style: 'note' }
	]
};
