/**
 * The benchmarks' own observation of the first chart, independent of the app and of Playwright's
 * polling: an init script (installed before any of the page's scripts) with a MutationObserver
 * that looks for the first chart the benchmark waits for (data-chart-ready="true") which holds a
 * drawn Plot mark, a line's path with a `d`, a dot's circle or a bar's rect, so an empty placeholder
 * or a frame whose chart has no marks yet does not count; and, at the first animation frame after
 * that (when it can be painted), notes performance.now() in window.__chartObservedAt. Our charts keep
 * Plot's mark names as data-mark (charts/plot-a11y.ts), the floor's as aria-label.
 *
 * A string, as tsx's keepNames would otherwise give the page a `__name` helper it does not have.
 */
export const OBSERVE_CHART = `(() => {
	const marks = ['line', 'dot', 'bar', 'barY', 'barX', 'cell'].flatMap((m) => ['g[aria-label="' + m + '"]', 'g[data-mark="' + m + '"]']).join(', ');
	const drawn = (mark) =>
		mark.localName === 'path' ? (mark.getAttribute('d') ?? '').length > 1 : mark.localName === 'circle' || mark.localName === 'rect';
	const found = () => {
		for (const chart of document.querySelectorAll('[data-chart-ready="true"]')) {
			for (const group of chart.querySelectorAll(marks)) {
				if (!group.closest('svg')) continue;
				for (const mark of group.querySelectorAll('path, circle, rect')) if (drawn(mark)) return true;
			}
		}
		return false;
	};
	new MutationObserver((_, o) => {
		if (!found()) return;
		o.disconnect();
		requestAnimationFrame(() => (window.__chartObservedAt = performance.now()));
	}).observe(document, { attributes: true, childList: true, subtree: true });
})();`;

/**
 * In-page code that resolves with window.__chartObservedAt once it is set (within 60 s), for
 * page.evaluate after the benchmark's own wait for the chart.
 */
export const CHART_OBSERVED_AT = `new Promise((resolve, reject) => {
	const start = performance.now();
	const look = () => {
		if (window.__chartObservedAt != null) return resolve(window.__chartObservedAt);
		if (performance.now() - start > 60000) return reject(new Error('no chart with marks within 60 s'));
		setTimeout(look, 20);
	};
	look();
})`;
