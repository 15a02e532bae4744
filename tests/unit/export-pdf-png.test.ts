/**
 * PNGs into the PDF as they are (src/lib/formats/pdf-png.ts): an 8-bit RGB or grey PNG goes in as
 * its own compressed rows, any other kind through jsPDF's reader, and either way the page shows
 * the same pixels (drawn with pdf.js).
 */
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { pngStream } from '../../src/lib/formats/pdf-png.ts';
import { reportPdf } from '../../src/lib/formats/pdf.ts';
import type { Report } from '../../src/lib/formats/report.ts';
import { renderPdfPages } from '../support/pdf-render.ts';
import { removeTempDirs, tempDir } from '../e2e/support/site.ts';

afterAll(() => removeTempDirs());

const WIDTH = 120;
const HEIGHT = 60;

/** Red on the left, green on the right, a grey stripe: written as `colorType` (0 grey, 2 RGB, 6 RGBA). */
function picture(colorType: 0 | 2 | 6, options: { interlace?: boolean } = {}): Uint8Array {
	const png = new PNG({ width: WIDTH, height: HEIGHT });
	for (let y = 0; y < HEIGHT; y++) {
		for (let x = 0; x < WIDTH; x++) {
			const i = (y * WIDTH + x) * 4;
			const rgb = y >= 25 && y < 35 ? [128, 128, 128] : x < WIDTH / 2 ? [200, 30, 60] : [20, 160, 90];
			png.data.set([...(colorType === 0 ? [rgb[1]!, rgb[1]!, rgb[1]!] : rgb), 255], i);
		}
	}
	const bytes = new Uint8Array(PNG.sync.write(png, { colorType, inputHasAlpha: true }));
	if (options.interlace) bytes[28] = 1; // IHDR's interlace byte (the CRC no longer matches: not read)
	return bytes;
}

/** The chunk types of a PNG in order. */
function chunks(png: Uint8Array): string[] {
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	const types: string[] = [];
	for (let at = 8; at < png.length; at += 12 + view.getUint32(at)) types.push(new TextDecoder().decode(png.subarray(at + 4, at + 8)));
	return types;
}

describe('pngStream', () => {
	it('gives an RGB PNG’s size and its compressed rows, one filter byte and three bytes a pixel each', () => {
		const png = picture(2);
		expect(png[25]).toBe(2);
		const stream = pngStream(png)!;
		expect(stream).toMatchObject({ width: WIDTH, height: HEIGHT, colors: 3 });
		const rows = inflateSync(stream.data);
		expect(rows.length).toBe(HEIGHT * (1 + 3 * WIDTH));
		// The first pixel of the first row: red.
		expect([...rows.subarray(1, 4)]).toEqual([200, 30, 60]);
	});

	it('takes a grey PNG with one colour', () => {
		expect(pngStream(picture(0))).toMatchObject({ width: WIDTH, height: HEIGHT, colors: 1 });
	});

	it('joins a PNG’s several IDAT chunks in order', () => {
		// pngjs writes one IDAT chunk; split it in two by hand.
		const png = picture(2);
		const view = new DataView(png.buffer, png.byteOffset);
		let at = 8;
		while (new TextDecoder().decode(png.subarray(at + 4, at + 8)) !== 'IDAT') at += 12 + view.getUint32(at);
		const length = view.getUint32(at);
		const data = png.subarray(at + 8, at + 8 + length);
		const half = Math.floor(length / 2);
		const chunk = (bytes: Uint8Array) => {
			const out = new Uint8Array(12 + bytes.length);
			new DataView(out.buffer).setUint32(0, bytes.length);
			out.set(new TextEncoder().encode('IDAT'), 4);
			out.set(bytes, 8);
			return out;
		};
		const split = new Uint8Array([
			...png.subarray(0, at),
			...chunk(data.subarray(0, half)),
			...chunk(data.subarray(half)),
			...png.subarray(at + 12 + length)
		]);
		expect(chunks(split).filter((t) => t === 'IDAT')).toHaveLength(2);
		expect(Buffer.from(pngStream(split)!.data).equals(Buffer.from(data))).toBe(true);
	});

	it('leaves alpha, interlacing, 16 bits and damaged files to jsPDF (null)', () => {
		expect(pngStream(picture(6))).toBeNull();
		expect(pngStream(picture(2, { interlace: true }))).toBeNull();
		const deep = picture(2);
		deep[24] = 16;
		expect(pngStream(deep)).toBeNull();
		expect(pngStream(picture(2).subarray(0, 60))).toBeNull();
		expect(pngStream(new TextEncoder().encode('not a png at all, not at all, not at all'))).toBeNull();
	});
});

describe('reportPdf with chart images', () => {
	const report = (png: Uint8Array): Report => ({
		title: 'Billede',
		subtitle: 'Test',
		lang: 'da',
		demo: false,
		blocks: [{ kind: 'image', png, width: WIDTH, height: HEIGHT, alt: 'Rød og grøn' }]
	});

	/** Page 1 drawn by pdf.js, as RGBA pixels. */
	async function drawn(bytes: Uint8Array, name: string): Promise<Buffer> {
		const [path] = await renderPdfPages(bytes, tempDir('pdf-png'), name, 1);
		return PNG.sync.read(readFileSync(path!)).data;
	}

	it('embeds an RGB PNG’s rows unchanged, with the PNG predictor', async () => {
		const png = picture(2);
		const pdf = await reportPdf(report(png));
		const text = new TextDecoder('latin1').decode(pdf);
		expect(text).toContain(`/Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns ${WIDTH}`);
		expect(Buffer.from(pdf).includes(Buffer.from(pngStream(png)!.data))).toBe(true);
	});

	it('draws the same page from the RGB PNG as jsPDF does from the same picture with alpha', async () => {
		const [rgb, rgba] = await Promise.all([reportPdf(report(picture(2))), reportPdf(report(picture(6)))]);
		// The alpha picture went through jsPDF's reader, which writes its own rows (Predictor 11).
		expect(new TextDecoder('latin1').decode(rgba)).toContain('/Predictor 11');
		const [a, b] = [await drawn(rgb, 'rgb'), await drawn(rgba, 'rgba')];
		expect(a.length).toBe(b.length);
		let red = 0;
		let green = 0;
		let differ = 0;
		for (let i = 0; i < a.length; i += 4) {
			if (Math.abs(a[i]! - b[i]!) + Math.abs(a[i + 1]! - b[i + 1]!) + Math.abs(a[i + 2]! - b[i + 2]!) > 6) differ++;
			if (Math.abs(a[i]! - 200) < 8 && Math.abs(a[i + 1]! - 30) < 8 && Math.abs(a[i + 2]! - 60) < 8) red++;
			if (Math.abs(a[i]! - 20) < 8 && Math.abs(a[i + 1]! - 160) < 8 && Math.abs(a[i + 2]! - 90) < 8) green++;
		}
		// 120 × 60 px at 0.75 pt a px, drawn at 1 px a pt: about 45 × 19 px of each colour.
		expect(red).toBeGreaterThan(600);
		expect(green).toBeGreaterThan(600);
		expect(differ).toBe(0);
	});
});
