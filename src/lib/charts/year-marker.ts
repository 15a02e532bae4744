/**
 * The chosen year's marker on a drawn trend chart (the wide grey rule trend.ts asks Plot for), moved
 * to another year without drawing the chart again: a change of year alone changes nothing else a
 * trend chart draws (issue 12: Observable Plot's redraw of the whole SVG was most of a year
 * change's chart time). The position comes from the x scale Plot drew the chart with
 * (`chart.scale('x')`), so the marker stands exactly where Plot itself would have put it.
 */

/** The class trend.ts gives the marker's mark, so it can be found in the drawn SVG. */
export const YEAR_MARKER_CLASS = 'year-marker';

/** What Plot returns: an SVG (or a figure around one) that also gives its scales. */
export interface DrawnChart extends Element {
	scale?: (name: 'x') => { apply?: (value: number) => number } | undefined;
}

/**
 * Moves the marker of `chart` to `year`. Returns false when it cannot (no marker drawn, no x
 * scale, or a year the scale does not place): then the chart must be drawn again.
 */
export function moveYearMarker(chart: DrawnChart, year: number): boolean {
	const apply = chart.scale?.('x')?.apply;
	const lines = chart.querySelectorAll(`g.${YEAR_MARKER_CLASS} line`);
	if (!apply || lines.length !== 1) return false;
	const x = apply(year);
	if (!Number.isFinite(x)) return false;
	const line = lines[0]!;
	line.setAttribute('x1', String(x));
	line.setAttribute('x2', String(x));
	return true;
}
