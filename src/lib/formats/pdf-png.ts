/**
 * PNG images into a PDF as they are, without decoding them.
 *
 * jsPDF's own PNG reader inflates every image to pixels in JavaScript, filters the rows again and
 * deflates them again; for the package's 1,440-pixel charts that was about 60 % of an
 * organisation's package (a CPU profile: 31 of 52 s under load). PDF reads PNG's compressed rows
 * itself (FlateDecode with the PNG predictors, PDF 1.2), so an 8-bit, non-interlaced PNG without
 * alpha, which is what chart-png.ts makes, goes in as its IDAT chunks joined, byte for byte.
 * Every other PNG (alpha, a palette, 16 bits, interlaced) still goes through jsPDF's reader.
 */

/** A PNG's compressed image data with what a PDF image needs to read it. */
export interface PngStream {
	width: number;
	height: number;
	/** 3 for RGB, 1 for grey. */
	colors: 1 | 3;
	/** The zlib stream: the IDAT chunks' data, joined in order. */
	data: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/**
 * The PNG's image data when a PDF can take it as it is (8 bits, grey or RGB, no interlacing, no
 * transparency chunk), else null. Reads only the chunk headers; a damaged file gives null.
 */
export function pngStream(png: Uint8Array): PngStream | null {
	if (png.length < 33 || SIGNATURE.some((b, i) => png[i] !== b)) return null;
	const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
	let width = 0;
	let height = 0;
	let colors: 1 | 3 | null = null;
	const parts: Uint8Array[] = [];
	let size = 0;
	for (let at = 8; at + 8 <= png.length;) {
		const length = view.getUint32(at);
		const type = String.fromCharCode(png[at + 4]!, png[at + 5]!, png[at + 6]!, png[at + 7]!);
		const start = at + 8;
		if (start + length + 4 > png.length) return null;
		if (type === 'IHDR') {
			width = view.getUint32(start);
			height = view.getUint32(start + 4);
			const [depth, colorType, , , interlace] = png.subarray(start + 8, start + 13);
			if (depth !== 8 || interlace !== 0 || (colorType !== 0 && colorType !== 2)) return null;
			colors = colorType === 2 ? 3 : 1;
		} else if (type === 'tRNS' || type === 'PLTE') {
			// A colour made transparent, or a palette: jsPDF's reader handles those.
			return null;
		} else if (type === 'IDAT') {
			parts.push(png.subarray(start, start + length));
			size += length;
		} else if (type === 'IEND') {
			break;
		}
		at = start + length + 4;
	}
	if (!colors || !width || !height || !parts.length) return null;
	const data = new Uint8Array(size);
	let offset = 0;
	for (const part of parts) {
		data.set(part, offset);
		offset += part.length;
	}
	return { width, height, colors, data };
}

/** What jsPDF's image readers return (the fields its writer reads). */
interface JsPdfImage {
	alias: unknown;
	index: number;
	data: string;
	width: number;
	height: number;
	bitsPerComponent: number;
	colorSpace: string;
	filter?: string;
	decodeParameters?: string;
}

type ProcessPng = (this: unknown, data: Uint8Array, index: number, alias: unknown, ...rest: unknown[]) => JsPdfImage | undefined;

/**
 * Binary string, as jsPDF keeps stream data: one char per byte, in slices (apply's argument
 * limit). `apply` with the typed array, not a spread, which walks an iterator and was ten times slower.
 */
function binaryString(bytes: Uint8Array): string {
	let out = '';
	for (let i = 0; i < bytes.length; i += 0x2000) {
		out += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x2000) as unknown as number[]);
	}
	return out;
}

/**
 * Makes `doc` (one jsPDF document) embed PNGs that pngStream() accepts unchanged. jsPDF copies
 * its readers onto each document when it is made (its plugin API), so this changes only `doc`.
 */
export function embedPngsAsTheyAre(doc: object): void {
	const target = doc as { processPNG?: ProcessPng };
	const own = target.processPNG;
	if (typeof own !== 'function') throw new Error('pdf: this jsPDF has no PNG reader');
	target.processPNG = function (this: unknown, data, index, alias, ...rest) {
		const stream = data instanceof Uint8Array ? pngStream(data) : null;
		if (!stream) return own.call(this, data, index, alias, ...rest);
		return {
			alias,
			index,
			data: binaryString(stream.data),
			width: stream.width,
			height: stream.height,
			bitsPerComponent: 8,
			colorSpace: stream.colors === 3 ? 'DeviceRGB' : 'DeviceGray',
			filter: 'FlateDecode',
			// 15: each row names its own PNG filter, as PNG rows do.
			decodeParameters: `/Predictor 15 /Colors ${stream.colors} /BitsPerComponent 8 /Columns ${stream.width}`
		};
	};
}
