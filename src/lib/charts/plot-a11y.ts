/**
 * A drawn Observable Plot chart as ONE accessible image. Plot names every mark's <g> with
 * aria-label ("rule", "line", "dot", "x-axis tick"), which a <g> without a role may not carry
 * (axe-core: aria-prohibited-attr, serious) and which a screen reader would read as noise. The
 * chart's <svg> keeps the name trendAriaLabel()/peersOptions() gave it and becomes role="img"; the
 * figures themselves are in the table beneath every chart. A mark Plot draws again later (the tip,
 * on every pointer move) is quietened the same way as it appears.
 */
export function asOneImage(chart: Element): void {
	const svg = chart.localName === 'svg' ? chart : chart.querySelector('svg');
	quieten(chart, svg);
	if (svg?.hasAttribute('aria-label')) svg.setAttribute('role', 'img');
	else svg?.setAttribute('aria-hidden', 'true');
	if (typeof MutationObserver !== 'undefined') {
		new MutationObserver(() => quieten(chart, svg)).observe(chart, { childList: true, subtree: true });
	}
}

function quieten(chart: Element, svg: Element | null): void {
	for (const element of chart.querySelectorAll('[aria-label], [aria-description]')) {
		if (element === svg) continue;
		// Kept as data-mark, so code and tests can still find a mark ("dot", "tip").
		const name = element.getAttribute('aria-label');
		if (name) element.setAttribute('data-mark', name);
		element.removeAttribute('aria-label');
		element.removeAttribute('aria-description');
	}
}
