/**
 * A framed chart (a standalone SVG document) rasterised to PNG at twice its size, on white
 * (browser only). The SVG is drawn as an image from a blob: URL, which the Content-Security-Policy
 * allows (img-src blob:) and which leaves the canvas untainted, so it can be read back.
 */
import type { FramedChart } from './chart-frame.ts';

/** Twice the screen resolution: sharp when pasted into Word and printed. */
export const PNG_SCALE = 2;

async function loadImage(url: string): Promise<HTMLImageElement> {
	const image = new Image();
	image.decoding = 'async';
	image.src = url;
	await image.decode();
	return image;
}

/** The chart as a PNG Blob of (scale × width) by (scale × height) pixels. */
export async function chartPng(chart: FramedChart, scale = PNG_SCALE): Promise<Blob> {
	const url = URL.createObjectURL(new Blob([chart.svg], { type: 'image/svg+xml' }));
	try {
		const image = await loadImage(url);
		const canvas = document.createElement('canvas');
		canvas.width = Math.round(chart.width * scale);
		canvas.height = Math.round(chart.height * scale);
		// Opaque: Chromium then writes an RGB PNG (no alpha channel), which a PDF takes as it is
		// (formats/pdf-png.ts) and which is smaller; the chart is on white anyway.
		const context = canvas.getContext('2d', { alpha: false });
		if (!context) throw new Error('chart export: no 2D canvas in this browser');
		context.fillStyle = '#ffffff';
		context.fillRect(0, 0, canvas.width, canvas.height);
		context.drawImage(image, 0, 0, canvas.width, canvas.height);
		return await new Promise<Blob>((resolve, reject) =>
			canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('chart export: PNG could not be made'))), 'image/png')
		);
	} finally {
		URL.revokeObjectURL(url);
	}
}
