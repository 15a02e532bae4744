/**
 * A rendered Observable Plot chart as a standalone SVG document (browser only).
 *
 * Plot's <svg> leans on the page: it inherits the font and the text colour (axes and labels are
 * drawn in `currentColor`), and a tooltip may be open. Outside the page none of that holds, so the
 * copy gets what it needs inlined from the computed style: the font family and size on the root,
 * and `currentColor` replaced by the colour it stands for. Plot's own <style> element travels
 * inside the SVG. The open tooltip, an artefact of the mouse, is left out. Then chart-frame.ts adds
 * the title, caption, legend, source line and demo note.
 */
import { frameChart, type ChartMeta, type FramedChart, type InnerChart } from './chart-frame.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The chart's <svg> in a container: Plot's root (with a figure, Plot wraps the svg in one). */
export function findChartSvg(container: Element): SVGSVGElement | null {
	if (container.matches('svg')) return container as SVGSVGElement;
	// Plot's root carries a class "plot-<hash>"; a legend beside it may hold small SVGs of its own.
	return container.querySelector<SVGSVGElement>('svg[class^="plot"]') ?? container.querySelector<SVGSVGElement>('svg');
}

/** The chart's size in pixels, from its width and height attributes (Plot always writes them). */
function sizeOf(svg: SVGSVGElement): { width: number; height: number } {
	const width = Number(svg.getAttribute('width')) || svg.getBoundingClientRect().width;
	const height = Number(svg.getAttribute('height')) || svg.getBoundingClientRect().height;
	return { width: Math.ceil(width), height: Math.ceil(height) };
}

/** What inlineChart() takes from the chart's computed style. */
export interface InlineStyle {
	fontFamily: string;
	fontSize: string;
	color: string;
}

/** The computed font and colour of a chart's <svg> (it must be in the document). */
export function inlineStyle(svg: SVGSVGElement): InlineStyle {
	const style = getComputedStyle(svg);
	return { fontFamily: style.fontFamily, fontSize: style.fontSize, color: style.color };
}

/**
 * The chart's SVG with its computed font and colours inlined and the tooltip removed. `style` is
 * the computed style when the caller knows it already (a chart drawn outside the document).
 */
export function inlineChart(svg: SVGSVGElement, style: InlineStyle = inlineStyle(svg)): InnerChart {
	const color = style.color || '#1d2329';
	const clone = svg.cloneNode(true) as SVGSVGElement;
	// Plot labels a tip mark's group "tip"; an open tooltip is where the mouse happened to be.
	for (const tip of clone.querySelectorAll('[aria-label="tip"]')) tip.remove();
	clone.setAttribute('font-family', style.fontFamily);
	clone.setAttribute('font-size', style.fontSize);
	clone.setAttribute('fill', color);
	clone.setAttribute('overflow', 'visible');
	clone.style.setProperty('color', color);
	clone.style.removeProperty('max-width');
	for (const element of [clone, ...clone.querySelectorAll('*')]) {
		for (const name of ['fill', 'stroke', 'color']) {
			if (element.getAttribute(name) === 'currentColor') element.setAttribute(name, color);
		}
	}
	if (!clone.getAttribute('xmlns')) clone.setAttributeNS('http://www.w3.org/2000/xmlns/', 'xmlns', SVG_NS);
	const markup = new XMLSerializer().serializeToString(clone);
	return { markup, ...sizeOf(svg) };
}

/** The chart in `container` framed as a standalone SVG document (`style` as for inlineChart). */
export function chartSvg(container: Element, meta: ChartMeta, style?: InlineStyle): FramedChart {
	const svg = findChartSvg(container);
	if (!svg) throw new Error('chart export: no chart drawn yet');
	return frameChart(inlineChart(svg, style ?? inlineStyle(svg)), meta);
}
