/**
 * The width a chart draws at while the browser prints (Ctrl+P, or Chromium's page.pdf()).
 *
 * The charts draw at their box's width on screen (up to about 1,200 px for a full-width card), and
 * print.css scales an SVG down to the paper (182 mm, about 688 px): a chart drawn at 1,200 px
 * would print its 11 px labels at about 4,5 pt. The browser fires `beforeprint` before it lays the
 * page out for paper, so the charts redraw then, synchronously, at no more than PRINT_CHART_WIDTH
 * (narrower than a card's content on A4, so print.css never scales them: labels print at 8,25 pt),
 * and again at their screen width after `afterprint`. Chromium dispatches both events for printing
 * and for page.pdf() (tests/e2e/print.test.ts prints that way).
 */
import { flushSync } from 'svelte';

/** px; a card's content on A4 less the margins is about 650 px wide. */
export const PRINT_CHART_WIDTH = 600;

class Printing {
	current = $state(false);
}

const printing = new Printing();

if (typeof window !== 'undefined') {
	const set = (on: boolean) => {
		printing.current = on;
		// Draw now: the print layout follows this event, before any later task would run.
		flushSync();
	};
	window.addEventListener('beforeprint', () => set(true));
	window.addEventListener('afterprint', () => set(false));
}

/** The width to draw at: the box's width, and no more than PRINT_CHART_WIDTH while printing. */
export function drawWidth(boxWidth: number): number {
	return printing.current ? Math.min(boxWidth, PRINT_CHART_WIDTH) : boxWidth;
}
