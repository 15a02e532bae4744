/**
 * Colours and line styles for the charts. Okabe & Ito's palette stays distinguishable with the
 * common colour-vision deficiencies (https://jfly.uni-koeln.de/color/); the benchmark lines also
 * differ in dash pattern, so nothing depends on colour alone. Yellow is left out: too pale on white.
 */
import type { TrendKey } from './trend-key.ts';

export const OKABE_ITO = {
	black: '#000000',
	orange: '#E69F00',
	skyBlue: '#56B4E9',
	green: '#009E73',
	blue: '#0072B2',
	vermillion: '#D55E00',
	purple: '#CC79A7'
} as const;

/** Bars of the peers that are not the unit. */
export const MUTED = '#B8B8B8';

export interface LineStyle {
	color: string;
	/** SVG stroke-dasharray; '' for a solid line. */
	dash: string;
	width: number;
}

/** The unit itself: the strongest line. */
export const UNIT_STYLE: LineStyle = { color: OKABE_ITO.blue, dash: '', width: 3 };

/** The benchmarks, by level. */
export const BENCHMARK_STYLE: Record<TrendKey, LineStyle> = {
	afdeling: UNIT_STYLE,
	omraade: { color: OKABE_ITO.orange, dash: '7 3', width: 2 },
	boligorganisation: { color: OKABE_ITO.green, dash: '2 3', width: 2 },
	kommune: { color: OKABE_ITO.purple, dash: '10 3 2 3', width: 2 },
	land: { color: OKABE_ITO.black, dash: '4 4', width: 1.5 },
	// Published figures: solid, as facts; often single years, which the chart draws as points.
	reference: { color: OKABE_ITO.black, dash: '', width: 2 },
	regionReference: { color: OKABE_ITO.skyBlue, dash: '', width: 2 }
};

export function lineStyle(key: TrendKey, isUnit: boolean): LineStyle {
	return isUnit ? UNIT_STYLE : BENCHMARK_STYLE[key];
}

/** The highlighted unit among its peers. */
export const HIGHLIGHT = OKABE_ITO.vermillion;
