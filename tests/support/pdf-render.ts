/**
 * A PDF's pages as PNG files, drawn by pdfjs-dist's legacy build (the one meant for Node) on
 * @napi-rs/canvas, the canvas pdf.js itself uses in Node: for the screenshots a test saves of a
 * report, to be looked at. pdf-text.ts installs the polyfill pdf.js needs on Node 20.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import './pdf-text.ts';

// pdf.js 6 calls ArrayBuffer.prototype.transferToFixedLength (Node 21+) when it reads the fonts; on
// Node 20 it silently draws pages without them. The copy below is what the method does.
const buffers = ArrayBuffer.prototype as unknown as { transferToFixedLength?: (length?: number) => ArrayBuffer };
if (!buffers.transferToFixedLength) {
	buffers.transferToFixedLength = function (this: ArrayBuffer, length = this.byteLength) {
		const copy = new ArrayBuffer(length);
		new Uint8Array(copy).set(new Uint8Array(this, 0, Math.min(length, this.byteLength)));
		return copy;
	};
}

/** Writes `<prefix>-<n>.png` for each page at `scale` (1 = 72 dpi) into `dir`; returns the paths. */
export async function renderPdfPages(bytes: Uint8Array, dir: string, prefix: string, scale = 1.5): Promise<string[]> {
	const [pdfjs, { createCanvas }] = await Promise.all([import('pdfjs-dist/legacy/build/pdf.mjs'), import('@napi-rs/canvas')]);
	const standardFontDataUrl = join(import.meta.dirname, '../../node_modules/pdfjs-dist/standard_fonts/');
	const task = pdfjs.getDocument({ data: new Uint8Array(bytes), standardFontDataUrl, verbosity: 0 });
	const doc = await task.promise;
	const paths: string[] = [];
	for (let n = 1; n <= doc.numPages; n++) {
		const page = await doc.getPage(n);
		const viewport = page.getViewport({ scale });
		const canvas = createCanvas(Math.ceil(viewport.width), Math.ceil(viewport.height));
		// pdf.js takes the canvas and fills the page white itself.
		await page.render({ canvas: canvas as unknown as HTMLCanvasElement, viewport }).promise;
		const path = join(dir, `${prefix}-${n}.png`);
		writeFileSync(path, canvas.toBuffer('image/png'));
		paths.push(path);
	}
	await task.destroy();
	return paths;
}
