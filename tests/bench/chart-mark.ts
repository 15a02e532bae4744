/**
 * The benchmarks' in-page note of the first chart: an init script (installed before any of the
 * page's own scripts) that sets window.__chartAt, ms after navigation start, when a chart first
 * carries data-chart-ready="true", so neither Playwright's polling nor its round trips are counted.
 * A string, as tsx's keepNames would otherwise give the page a `__name` helper it does not have.
 */
export const MARK_CHART = `(() => {
	new MutationObserver((_, o) => {
		if (!document.querySelector('[data-chart-ready="true"]')) return;
		window.__chartAt = performance.now();
		o.disconnect();
	}).observe(document, { attributes: true, childList: true, subtree: true });
})();`;
