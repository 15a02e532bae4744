/**
 * The frame around an exported chart, so the image explains itself when pasted into Word: the
 * title, a line with the unit and the period, the legend, the chart, and at the foot the source
 * line and, for demo data, the demo note. Pure string building (no DOM), so it is unit-tested;
 * chart-svg.ts hands it the chart's own SVG, map-frame.ts the map as an embedded image.
 *
 * The result is a standalone SVG document: an XML declaration, the SVG namespace, a white
 * background, every text as <text> (searchable, selectable, sharp at any size), and whole-pixel
 * width and height so the PNG at twice the size is exactly 2 × width by 2 × height.
 *
 * SVG does not wrap text, so long titles and legends are broken into lines here by an estimate of
 * the text's width (an average glyph of 0.6 em, 0.66 em in bold: DejaVu Sans, the widest common fallback, averages about that); the
 * estimate errs wide, so a line may break early but does not run off the image.
 */
import { captionLine, type ExportMeta } from '../formats/export-meta.ts';
import type { LegendEntry } from './legend.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { escapeXml } from '../formats/xml-text.ts';

export interface ChartMeta extends ExportMeta {
	legend?: LegendEntry[];
}

/** The chart to frame: SVG markup (an <svg> element with its xmlns) and its size in pixels. */
export interface InnerChart {
	markup: string;
	width: number;
	height: number;
}

export interface FramedChart {
	/** The standalone SVG document. */
	svg: string;
	width: number;
	height: number;
	/** The title, for alt text. */
	title: string;
}

export const FRAME = {
	pad: 16,
	minWidth: 360,
	font: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif",
	ink: '#1d2329',
	muted: '#5b6670',
	demo: '#b34700',
	title: { size: 17, line: 22 },
	caption: { size: 13, line: 18 },
	legend: { size: 12, line: 20 },
	foot: { size: 11, line: 15 }
} as const;

/** Estimated width of a text in pixels. */
export function textWidth(text: string, size: number, bold = false): number {
	return [...text].length * size * (bold ? 0.66 : 0.6);
}

/** Words into lines no wider than `max` (a word longer than a line gets a line of its own). */
export function wrapText(text: string, size: number, max: number, bold = false): string[] {
	const lines: string[] = [];
	for (const paragraph of text.split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (line && textWidth(candidate, size, bold) > max) {
				lines.push(line);
				line = word;
			} else {
				line = candidate;
			}
		}
		lines.push(line);
	}
	return lines;
}

interface Placed {
	entry: LegendEntry;
	x: number;
	row: number;
	/** The label's lines: a label wider than the frame wraps within its entry. */
	lines: string[];
}

const SYMBOL_WIDTH: Record<LegendEntry['shape'], number> = { line: 28, box: 14, hatch: 14, dot: 10 };
const SYMBOL_GAP = 6;
const ENTRY_GAP = 16;

/** Legend entries flowed into rows that fit `max`. */
function layoutLegend(entries: readonly LegendEntry[], max: number): { placed: Placed[]; height: number } {
	const { size, line } = FRAME.legend;
	const placed: Placed[] = [];
	let x = 0;
	let row = 0;
	for (const entry of entries) {
		const symbol = SYMBOL_WIDTH[entry.shape] + SYMBOL_GAP;
		const lines = wrapText(entry.label, size, max - symbol);
		const width = symbol + Math.max(...lines.map((l) => textWidth(l, size)));
		if (x > 0 && x + width > max) {
			x = 0;
			row += 1;
		}
		placed.push({ entry, x, row, lines });
		row += lines.length - 1;
		x = lines.length > 1 ? max : x + width + ENTRY_GAP;
	}
	const rows = placed.length ? placed[placed.length - 1]!.row + placed[placed.length - 1]!.lines.length : 0;
	return { placed, height: rows * line };
}

function symbolMarkup(entry: LegendEntry, x: number, y: number): string {
	const mid = y + FRAME.legend.line / 2;
	const color = escapeXml(entry.color);
	switch (entry.shape) {
		case 'line': {
			const dash = entry.dash ? ` stroke-dasharray="${escapeXml(entry.dash)}"` : '';
			return `<line x1="${x + 1}" x2="${x + 27}" y1="${mid}" y2="${mid}" stroke="${color}" stroke-width="${entry.width ?? 2}"${dash}/>`;
		}
		case 'box':
			return `<rect x="${x}" y="${mid - 6}" width="14" height="12" rx="2" fill="${color}"/>`;
		case 'hatch':
			return `<rect x="${x}" y="${mid - 6}" width="14" height="12" fill="${color}" stroke="#5f5f5f" stroke-width="1"/><rect x="${x}" y="${mid - 6}" width="14" height="12" fill="url(#bb-hatch)" stroke="#5f5f5f" stroke-width="1"/>`;
		case 'dot':
			return `<circle cx="${x + 5}" cy="${mid}" r="4" fill="${color}" stroke="${escapeXml(entry.stroke ?? '#ffffff')}" stroke-width="1"/>`;
	}
}

function hatchDefs(entries: readonly LegendEntry[]): string {
	const hatch = entries.find((e) => e.shape === 'hatch');
	if (!hatch) return '';
	return `<defs><pattern id="bb-hatch" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><line x1="0" y1="0" x2="0" y2="5" stroke="${escapeXml(hatch.stroke ?? '#7a7a7a')}" stroke-width="1.5"/></pattern></defs>`;
}

function textMarkup(lines: readonly string[], x: number, y: number, size: number, lineHeight: number, attrs: string): string {
	// y is the top of the block; a baseline sits about 0.8 em below the top of its line box.
	return lines
		.map(
			(line, i) =>
				`<text x="${x}" y="${Math.round(y + i * lineHeight + (lineHeight - size) / 2 + size * 0.8)}" font-size="${size}"${attrs}>${escapeXml(line)}</text>`
		)
		.join('');
}

/** An <svg> start tag with the SVG namespace, whatever the serialiser wrote. */
function withNamespace(markup: string): string {
	const start = markup.indexOf('<svg');
	if (start < 0) throw new Error('chart export: the chart is not an SVG');
	const tagEnd = markup.indexOf('>', start);
	const tag = markup.slice(start, tagEnd);
	return / xmlns="http:\/\/www\.w3\.org\/2000\/svg"/.test(tag)
		? markup.slice(start)
		: `<svg xmlns="http://www.w3.org/2000/svg"${markup.slice(start + 4)}`;
}

/** The chart framed with its title, caption, legend, source line and demo note. */
export function frameChart(inner: InnerChart, meta: ChartMeta): FramedChart {
	const t = exportStrings(meta.lang);
	const { pad } = FRAME;
	const width = Math.ceil(Math.max(inner.width, FRAME.minWidth) + 2 * pad);
	const max = width - 2 * pad;
	const parts: string[] = [];
	let y = pad;

	const titleLines = wrapText(meta.title, FRAME.title.size, max, true);
	parts.push(textMarkup(titleLines, pad, y, FRAME.title.size, FRAME.title.line, ` font-weight="700" fill="${FRAME.ink}"`));
	y += titleLines.length * FRAME.title.line;

	const caption = captionLine(meta);
	if (caption) {
		const lines = wrapText(caption, FRAME.caption.size, max);
		parts.push(textMarkup(lines, pad, y, FRAME.caption.size, FRAME.caption.line, ` fill="${FRAME.muted}"`));
		y += lines.length * FRAME.caption.line;
	}

	const legend = meta.legend ?? [];
	if (legend.length) {
		y += 6;
		const { placed, height } = layoutLegend(legend, max);
		for (const p of placed) {
			const top = y + p.row * FRAME.legend.line;
			const symbolWidth = SYMBOL_WIDTH[p.entry.shape];
			parts.push(symbolMarkup(p.entry, pad + p.x, top));
			parts.push(
				textMarkup(p.lines, pad + p.x + symbolWidth + SYMBOL_GAP, top, FRAME.legend.size, FRAME.legend.line, ` fill="${FRAME.ink}"`)
			);
		}
		y += height;
	}

	y += 8;
	const chartX = pad + Math.floor((max - inner.width) / 2);
	parts.push(`<g transform="translate(${chartX},${Math.round(y)})">${withNamespace(inner.markup)}</g>`);
	y += inner.height + 10;

	const foot: { text: string; fill: string; weight: string }[] = [];
	if (meta.note) foot.push({ text: meta.note, fill: FRAME.muted, weight: '' });
	foot.push({ text: t.sourceLine, fill: FRAME.muted, weight: '' });
	if (meta.demo) foot.push({ text: t.demoNote, fill: FRAME.demo, weight: ' font-weight="700"' });
	for (const line of foot) {
		const lines = wrapText(line.text, FRAME.foot.size, max, line.weight !== '');
		parts.push(textMarkup(lines, pad, y, FRAME.foot.size, FRAME.foot.line, ` fill="${line.fill}"${line.weight}`));
		y += lines.length * FRAME.foot.line;
	}

	const height = Math.ceil(y + pad);
	const title = escapeXml(meta.title);
	const svg =
		'<?xml version="1.0" encoding="UTF-8"?>\n' +
		`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${title}" font-family="${escapeXml(FRAME.font)}">` +
		`<title>${title}</title>` +
		hatchDefs(legend) +
		`<rect width="${width}" height="${height}" fill="#ffffff"/>` +
		parts.join('') +
		'</svg>\n';
	return { svg, width, height, title: meta.title };
}
