/**
 * A drawn Observable Plot chart as ONE accessible image. Plot names every mark's <g> with
 * aria-label ("rule", "line", "dot", "x-axis tick"), which a <g> without a role may not carry
 * (axe-core: aria-prohibited-attr, serious) and which a screen reader would read as noise. The
 * chart's <svg> keeps the name trendAriaLabel()/peersOptions() gave it and becomes role="img"; the
 * figures themselves are in the table beneath every chart.
 */
export function asOneImage(chart: Element): void {
	const svg = chart.localName === 'svg' ? chart : chart.querySelector('svg');
	for (const element of chart.querySelectorAll('[aria-label], [aria-description]')) {
		if (element === svg) continue;
		element.removeAttribute('aria-label');
		element.removeAttribute('aria-description');
	}
	if (svg?.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
	else svg?.setAttribute('aria-hidden', 'true');
}
