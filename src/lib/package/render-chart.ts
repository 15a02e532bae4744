/**
 * Draws a package's charts off screen (browser only): Plot renders the spec's options, the chart
 * is framed (chart-svg.ts) and rasterised (chart-png.ts). Plot is the dashboard's own dependency
 * and already loaded on a page with charts.
 *
 * The charts are drawn outside the document, so a package of hundreds of charts does not make the
 * browser recompute the page's style and layout for each (on a municipality's overview, with its
 * map and department table, that was the largest part of the package's time). Only what the copy
 * takes from the page, the chart's computed font and colour, needs the chart in the document: it
 * is read once for each kind of chart root (its class and its own font and colour attributes,
 * which with the page's fixed styles decide it) and reused for every chart of that kind.
 */
import { chartPng } from '../images/chart-png.ts';
import { chartSvg, findChartSvg, inlineStyle, type InlineStyle } from '../images/chart-svg.ts';
import type { ChartSpec, RenderChart, RenderedChart } from './model.ts';

/** A host as wide as the chart; in the document only while a chart's style is read. */
function host(width: number): HTMLDivElement {
	const element = document.createElement('div');
	element.setAttribute('aria-hidden', 'true');
	// Laid out (so computed styles exist) but out of sight and out of the print.
	element.style.cssText = `position:absolute;left:-100000px;top:0;width:${width}px;visibility:hidden;pointer-events:none;font-size:16px`;
	return element;
}

/** What decides a chart root's computed font and colour, besides the page's fixed styles. */
function styleKey(svg: SVGSVGElement): string {
	return ['class', 'style', 'font-family', 'font-size', 'fill', 'color'].map((name) => svg.getAttribute(name) ?? '').join('\u0000');
}

/** A renderer for one package: it remembers the computed styles it has read. */
export function chartRenderer(): RenderChart {
	const styles = new Map<string, InlineStyle>();

	function styleOf(container: HTMLDivElement, svg: SVGSVGElement): InlineStyle {
		const key = styleKey(svg);
		let style = styles.get(key);
		if (!style) {
			document.body.appendChild(container);
			try {
				style = inlineStyle(svg);
			} finally {
				container.remove();
			}
			styles.set(key, style);
		}
		return style;
	}

	return async (spec: ChartSpec): Promise<RenderedChart> => {
		const Plot = await import('@observablehq/plot');
		const container = host(Number(spec.options.width) || 720);
		container.appendChild(Plot.plot(spec.options));
		const svg = findChartSvg(container);
		if (!svg) throw new Error('chart export: no chart drawn');
		const framed = chartSvg(container, spec.meta, styleOf(container, svg));
		const png = await chartPng(framed);
		return {
			svg: framed.svg,
			png: new Uint8Array(await png.arrayBuffer()),
			width: framed.width,
			height: framed.height,
			title: framed.title
		};
	};
}
