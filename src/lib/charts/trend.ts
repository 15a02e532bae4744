/**
 * Plot options for a key figure over the years: one line per series (the unit and each of its
 * benchmarks), a dot per year, the chosen year marked, and a tooltip. Pure: the same input gives
 * the same options, so the series, scales and formats are unit-tested without a browser.
 *
 * Missing and suppressed years are NaN, which Plot draws as a gap, never as 0. Every number on the
 * chart goes through the da-DK (or en-GB) formatters; Plot's own default is en-US.
 */
import * as Plot from '@observablehq/plot';
import type { SeriesPoint } from '../core/output-contract.ts';
import { isScore, type Indicator } from '../core/indicators.ts';
import { formatTick, formatYear, unitOf, valueText } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';
import { lineStyle } from './palette.ts';
import type { TrendKey } from './trend-key.ts';
import { YEAR_MARKER_CLASS } from './year-marker.ts';
import {
	annotationMarks,
	annotationYears,
	bandHeight,
	layoutAnnotations,
	type TrendIntervention,
	type TrendTarget
} from './trend-annotations.ts';

export type { TrendKey };

export interface TrendSeries {
	key: TrendKey;
	/** Shown in the legend, the table and the tooltip; text only. */
	label: string;
	/** The unit the page is about (drawn strongest); the others are benchmarks. */
	isUnit: boolean;
	points: SeriesPoint[];
}

export interface TrendInput {
	indicator: Indicator;
	lang: Lang;
	series: TrendSeries[];
	/** Every year in the data, so all charts on a page share one x axis. */
	years: number[];
	/** The chosen year, marked with a rule; null for none. */
	year: number | null;
	width: number;
	height?: number;
	/** Agreed targets to draw as paths (trend-annotations.ts). */
	targets?: TrendTarget[];
	/** Interventions whose start and end to mark. */
	interventions?: TrendIntervention[];
}

export interface TrendDatum {
	key: TrendKey;
	label: string;
	aar: number;
	/** NaN when missing or suppressed: a gap in the line. */
	vaerdi: number;
	tip: string;
}

/**
 * A series' points in year order, with a missing point for each year between two of them that has
 * none: a year absent from the whole input (no file has 2021) would otherwise be bridged by the
 * line, though the chart's note says a gap is a year without a figure.
 */
export function withMissingYears(points: readonly SeriesPoint[]): SeriesPoint[] {
	const sorted = [...points].sort((a, b) => a.aar - b.aar);
	const filled: SeriesPoint[] = [];
	for (const p of sorted) {
		const last = filled.at(-1);
		for (let aar = last ? last.aar + 1 : p.aar; aar < p.aar; aar++) filled.push({ aar, vaerdi: null, diskretioneret: false });
		filled.push(p);
	}
	return filled;
}

export function trendData(input: Pick<TrendInput, 'indicator' | 'lang' | 'series'>): TrendDatum[][] {
	return input.series.map((s) =>
		withMissingYears(s.points).map((p) => ({
			key: s.key,
			label: s.label,
			aar: p.aar,
			vaerdi: p.vaerdi == null || p.diskretioneret ? NaN : p.vaerdi,
			tip: `${s.label}\n${formatYear(p.aar)}: ${valueText(input.indicator, p, input.lang)}`
		}))
	);
}

/** Year ticks that fit the width: every year when there is room, else every second, third … */
export function yearTicks(years: number[], width: number): number[] {
	const sorted = [...years].sort((a, b) => a - b);
	const fit = Math.max(2, Math.floor(width / 56));
	const step = Math.ceil(sorted.length / fit);
	const last = sorted.at(-1);
	return sorted.filter((y) => last !== undefined && (last - y) % step === 0);
}

/** Every year from the first to the last. */
function yearRange(years: number[]): number[] {
	const from = Math.min(...years);
	const to = Math.max(...years);
	return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

export function trendAriaLabel(input: Pick<TrendInput, 'indicator' | 'lang' | 'series' | 'years'>): string {
	const unit = unitOf(input.indicator, input.lang);
	const name = `${input.indicator.name[input.lang]}${unit ? ` (${unit})` : ''}`;
	const from = Math.min(...input.years);
	const to = Math.max(...input.years);
	return strings(input.lang).trendAria(
		name,
		from,
		to,
		input.series.map((s) => s.label)
	);
}

const MARGIN = { left: 48, right: 16 } as const;

const isReference = (key: TrendKey) => key === 'reference' || key === 'regionReference';

export function trendOptions(input: TrendInput): Plot.PlotOptions {
	const { indicator, lang, width } = input;
	const data = trendData(input);
	// A score (1-5) has no zero; every other figure is a rate or an amount and starts at 0.
	const score = isScore(indicator);
	const dataYears = input.years.length ? input.years : [...new Set(data.flat().map((d) => d.aar))];
	// A target year ahead of the data widens the axis, so the target's path is not cut off.
	const extra = annotationYears(input.targets, input.interventions);
	// Every year from the first to the last: a year no file holds still has its place and tick.
	const known = [...dataYears, ...extra];
	const years = known.length ? yearRange(known) : known;
	const marks: Plot.Markish[] = [];
	if (!score) marks.push(Plot.ruleY([0], { stroke: '#999' }));
	// Classed so a change of year can move it without a redraw (year-marker.ts).
	if (input.year != null) marks.push(Plot.ruleX([input.year], { stroke: '#ddd', strokeWidth: 8, className: YEAR_MARKER_CLASS }));
	for (const [i, s] of input.series.entries()) {
		const style = lineStyle(s.key, s.isUnit);
		const points = data[i]!;
		marks.push(
			Plot.lineY(points, {
				x: 'aar',
				y: 'vaerdi',
				stroke: style.color,
				strokeWidth: style.width,
				strokeDasharray: style.dash || undefined
			}),
			// A published reference is often a single year: its points are drawn as large as the unit's.
			Plot.dot(points, {
				x: 'aar',
				y: 'vaerdi',
				fill: style.color,
				r: s.isUnit || isReference(s.key) ? 3.5 : 2.5,
				className: 'trend-points'
			})
		);
	}
	// The annotations' labels go in a band above the frame; its rows are laid out here, with the
	// same x scale Plot will use, so the band's height is known before Plot draws.
	const [x0, x1] = [Math.min(...years), Math.max(...years)];
	const left = MARGIN.left;
	const right = width - MARGIN.right;
	const xOf = (aar: number) => (x1 === x0 ? (left + right) / 2 : left + ((aar - x0) / (x1 - x0)) * (right - left));
	const labels = layoutAnnotations(input.targets, input.interventions, xOf, width);
	const band = bandHeight(labels.length ? Math.max(...labels.map((l) => l.row)) + 1 : 0);
	marks.push(...annotationMarks(input.targets, input.interventions, labels));
	marks.push(Plot.tip(data.flat(), Plot.pointer({ x: 'aar', y: 'vaerdi', title: 'tip' })));
	return {
		width,
		height: (input.height ?? 260) + band,
		marginLeft: MARGIN.left,
		marginRight: MARGIN.right,
		...(band ? { marginTop: band } : {}),
		ariaLabel: trendAriaLabel({ ...input, years }),
		style: { fontSize: '13px' },
		x: {
			domain: [Math.min(...years), Math.max(...years)],
			ticks: yearTicks(years, width),
			tickFormat: (d: number) => formatYear(d),
			label: null
		},
		y: {
			...(score ? { domain: indicator.domain } : { zero: true, nice: true }),
			grid: true,
			tickFormat: (d: number) => formatTick(d, lang),
			label: unitOf(indicator, lang) || null
		},
		marks
	};
}
