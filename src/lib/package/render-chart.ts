/**
 * Draws a package's chart off screen (browser only): Plot renders the spec's options into a
 * hidden host in the page, so the chart gets the page's fonts and computed styles like the one on
 * screen; then it is framed (chart-svg.ts) and rasterised (chart-png.ts). Plot is the dashboard's
 * own dependency and already loaded on a page with charts.
 */
import { chartPng } from '../images/chart-png.ts';
import { chartSvg } from '../images/chart-svg.ts';
import type { ChartSpec, RenderedChart } from './model.ts';

function offscreenHost(width: number): HTMLDivElement {
	const host = document.createElement('div');
	host.setAttribute('aria-hidden', 'true');
	// Laid out (so computed styles exist) but out of sight and out of the print.
	host.style.cssText = `position:absolute;left:-100000px;top:0;width:${width}px;visibility:hidden;pointer-events:none;font-size:16px`;
	document.body.appendChild(host);
	return host;
}

export async function renderChart(spec: ChartSpec): Promise<RenderedChart> {
	const Plot = await import('@observablehq/plot');
	const host = offscreenHost(Number(spec.options.width) || 720);
	try {
		host.appendChild(Plot.plot(spec.options));
		const framed = chartSvg(host, spec.meta);
		const png = await chartPng(framed);
		return {
			svg: framed.svg,
			png: new Uint8Array(await png.arrayBuffer()),
			width: framed.width,
			height: framed.height,
			title: framed.title
		};
	} finally {
		host.remove();
	}
}
