/**
 * The text of a PDF, page by page, with pdfjs-dist's legacy build (the one meant for Node).
 *
 * pdfjs-dist 6 calls Promise.withResolvers, which Node 20 lacks (it arrived in Node 22); the
 * polyfill below is the one MDN gives for it.
 */
import { join } from 'node:path';

const promise = Promise as unknown as { withResolvers?: () => unknown };
if (!promise.withResolvers) {
	promise.withResolvers = function withResolvers() {
		let resolve!: (value: unknown) => void;
		let reject!: (reason?: unknown) => void;
		const p = new Promise((a, b) => {
			resolve = a;
			reject = b;
		});
		return { promise: p, resolve, reject };
	};
}

export interface PdfText {
	pages: string[];
	/** The title from the document's properties. */
	title: string | null;
	/** The outline (bookmarks), top level. */
	outline: string[];
}

/** Each page's text items joined by spaces (or by a line break where pdf.js marks one). */
export async function pdfText(bytes: Uint8Array): Promise<PdfText> {
	const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
	const standardFontDataUrl = join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
	const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
	const doc = await task.promise;
	const pages: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const content = await page.getTextContent();
		let text = '';
		for (const item of content.items) {
			if (!('str' in item)) continue;
			text += item.str + (item.hasEOL ? '\n' : '');
		}
		pages.push(text);
	}
	const meta = await doc.getMetadata();
	const info = meta.info as { Title?: string };
	const outline = ((await doc.getOutline()) ?? []).map((o) => o.title);
	await task.destroy();
	return { pages, title: info.Title ?? null, outline };
}
