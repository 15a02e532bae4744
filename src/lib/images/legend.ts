/**
 * Legends for exported charts. On the page a chart's legend is HTML beside Plot's SVG; an exported
 * image must carry its own, so these describe the same entries as data for the chart frame to
 * draw. Colours and dashes come from the same palette as the page.
 */
import { HIGHLIGHT, MUTED, lineStyle } from '../charts/palette.ts';
import type { TrendSeries } from '../charts/trend.ts';

export interface LegendEntry {
	label: string;
	shape: 'line' | 'box' | 'hatch' | 'dot';
	/** Line or fill colour; for 'hatch' the background under the lines. */
	color: string;
	/** SVG stroke-dasharray for a line; '' or absent for solid. */
	dash?: string;
	/** Line width. */
	width?: number;
	/** The hatch lines' colour, or a dot's outline. */
	stroke?: string;
}

/** One line per series, styled as on the chart. */
export function trendLegend(series: readonly Pick<TrendSeries, 'key' | 'label' | 'isUnit'>[]): LegendEntry[] {
	return series.map((s) => {
		const style = lineStyle(s.key, s.isUnit);
		return { label: s.label, shape: 'line', color: style.color, dash: style.dash, width: style.width };
	});
}

/** The highlighted unit and the other departments. */
export function peersLegend(unitLabel: string, othersLabel: string): LegendEntry[] {
	return [
		{ label: unitLabel, shape: 'box', color: HIGHLIGHT },
		{ label: othersLabel, shape: 'box', color: MUTED }
	];
}
