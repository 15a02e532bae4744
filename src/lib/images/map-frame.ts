/**
 * The area map as an image with its legend (browser only). The map is a WebGL canvas, captured
 * at twice the screen resolution right after a render (AreaMap.snapshot()), embedded in an SVG
 * frame with the same title, caption, legend, source line and demo note as every chart, and
 * rasterised by chart-png.ts.
 */
import type { Indicator } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import { HATCH_COLOR, MISSING_COLOR, classLabels, type ClassBreaks } from '../map/classes.ts';
import { MAP_STRINGS } from '../map/strings.ts';
import { frameChart, type ChartMeta, type FramedChart } from './chart-frame.ts';
import type { LegendEntry } from './legend.ts';

/** The map captured at twice the resolution, with the size it is shown at (CSS pixels) and its legend. */
export interface MapCapture {
	canvas: HTMLCanvasElement;
	width: number;
	height: number;
	legend?: LegendEntry[];
}

/** The map legend's entries, as Legend.svelte shows them: the classes, "no data" and a department. */
export function mapLegend(ind: Indicator, breaks: ClassBreaks | null, lang: Lang): LegendEntry[] {
	const strings = MAP_STRINGS[lang];
	const labels = breaks ? classLabels(breaks, ind, lang) : [];
	return [
		...labels.map((label, i): LegendEntry => ({ label, shape: 'box', color: breaks!.colors[i]! })),
		{ label: strings.legendMissing, shape: 'hatch', color: MISSING_COLOR, stroke: HATCH_COLOR },
		{ label: strings.legendArea, shape: 'dot', color: '#ffffff', stroke: '#2f2f2d' },
		{ label: strings.legendDepartment, shape: 'dot', color: '#ffffff', stroke: '#3c3c3a' }
	];
}

/**
 * The captured map framed like a chart. `canvas` holds the map at some device-pixel ratio; it is
 * shown at `width` × `height` CSS pixels, so the PNG at twice that size uses every captured pixel.
 */
export function mapChart(canvas: HTMLCanvasElement, width: number, height: number, meta: ChartMeta): FramedChart {
	const w = Math.round(width);
	const h = Math.round(height);
	const href = canvas.toDataURL('image/png');
	const markup =
		`<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}">` +
		`<image href="${href}" x="0" y="0" width="${w}" height="${h}" preserveAspectRatio="none"/>` +
		`<rect x="0.5" y="0.5" width="${w - 1}" height="${h - 1}" fill="none" stroke="#c8c8c2"/></svg>`;
	return frameChart({ markup, width: w, height: h }, meta);
}
