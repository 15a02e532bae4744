/**
 * The text of a PDF with where each piece stands and how large it is printed: for the print tests
 * (a page printed to A4 by Chromium), which check that no text is smaller than a limit and that the
 * first page is not left empty. Sizes and positions in PostScript points (1/72 in).
 */
import { join } from 'node:path';
import './pdf-text.ts';

export interface PlacedText {
	page: number;
	text: string;
	/** The printed size: the text matrix's vertical scale. */
	size: number;
	/** Distance of the baseline from the page's top. */
	top: number;
}

export async function pdfTextSizes(bytes: Uint8Array): Promise<{ pages: { width: number; height: number }[]; items: PlacedText[] }> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const standardFontDataUrl = join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
	const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
	const doc = await task.promise;
	const pages: { width: number; height: number }[] = [];
	const items: PlacedText[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const [x0, y0, x1, y1] = page.view as [number, number, number, number];
		pages.push({ width: x1 - x0, height: y1 - y0 });
		for (const item of (await page.getTextContent()).items) {
			if (!('str' in item) || !item.str.trim()) continue;
			const [, , c, d, , f] = item.transform as number[];
			items.push({ page: n, text: item.str, size: Math.hypot(c!, d!), top: y1 - f! });
		}
	}
	await task.destroy();
	return { pages, items };
}
