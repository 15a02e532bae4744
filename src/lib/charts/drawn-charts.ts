/**
 * The trend charts a TrendChart has drawn, kept by everything they show but the year: choosing a
 * key figure shown before puts its chart back instead of Observable Plot drawing it again (issue
 * 12: Plot's redraw was the chart's part of a change). The year marker of a chart put back is then
 * moved to the year now chosen (year-marker.ts). A few charts only, the least recently shown
 * dropped first; the key is the drawing's whole input, so a chart is reused only where Plot would
 * draw the same.
 */
import type { TrendInput } from './trend.ts';
import type { DrawnChart } from './year-marker.ts';

/** A drawn chart and the year its marker stands at. */
export interface DrawnTrend {
	element: DrawnChart;
	year: number | null;
}

/** Enough for every built-in key figure and a few declared ones. */
const KEEP = 12;

/** Everything a drawing depends on except the chosen year. */
function drawingKey(input: TrendInput): string {
	const { indicator, lang, series, years, width, height, targets, interventions } = input;
	return JSON.stringify([indicator.id, lang, width, height ?? null, years, series, targets ?? null, interventions ?? null]);
}

export class DrawnCharts {
	readonly #charts = new Map<string, DrawnTrend>();

	/** The chart for `input`, drawn by `draw` (at input.year) unless one is kept for it. */
	get(input: TrendInput, draw: () => DrawnChart): DrawnTrend {
		const key = drawingKey(input);
		const kept = this.#charts.get(key);
		// Map keeps insertion order: taken out and put back, the chart is the most recently shown.
		this.#charts.delete(key);
		const entry = kept ?? { element: draw(), year: input.year };
		this.#charts.set(key, entry);
		while (this.#charts.size > KEEP) this.#charts.delete(this.#charts.keys().next().value!);
		return entry;
	}

	clear(): void {
		this.#charts.clear();
	}
}
