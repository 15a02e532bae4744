/**
 * Plot options for where a unit stands among the municipality's departments in one year: a bar
 * per department with a value, highest first, the unit's departments highlighted, and a rule at
 * the municipality's value. Departments without a value are left out of the chart (the table
 * beside it lists them with the reason). Pure, like trend.ts.
 */
import * as Plot from '@observablehq/plot';
import type { PeerRow } from '../db/queries/peers.ts';
import type { Indicator } from '../core/indicators.ts';
import { formatTick, formatValue, unitOf, valueState } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';
import { BENCHMARK_STYLE, HIGHLIGHT, MUTED } from './palette.ts';

export interface PeersInput {
	indicator: Indicator;
	lang: Lang;
	year: number;
	rows: PeerRow[];
	/** The departments that belong to the page's unit. */
	highlighted: ReadonlySet<string>;
	/** The name the aria label gives the highlighted unit. */
	unitLabel: string;
	/** A reference line, e.g. the municipality's value; null for none. */
	reference: { label: string; value: number } | null;
	width: number;
	height?: number;
}

export interface PeerBar {
	id: string;
	navn: string;
	vaerdi: number;
	highlighted: boolean;
	/** 1 for the highest value; equal values share a rank. */
	rank: number;
	tip: string;
}

/** The departments with a value, highest first, ranked (ties share the better rank). */
export function peerBars(input: Pick<PeersInput, 'indicator' | 'lang' | 'rows' | 'highlighted'>): PeerBar[] {
	const withValue = input.rows
		.filter((r) => valueState(r) === 'value')
		.sort((a, b) => b.vaerdi! - a.vaerdi! || (a.afdeling_id < b.afdeling_id ? -1 : 1));
	const bars: PeerBar[] = [];
	for (const [i, r] of withValue.entries()) {
		const previous = bars[i - 1];
		const rank = previous && previous.vaerdi === r.vaerdi ? previous.rank : i + 1;
		bars.push({
			id: r.afdeling_id,
			navn: r.afdeling_navn,
			vaerdi: r.vaerdi!,
			highlighted: input.highlighted.has(r.afdeling_id),
			rank,
			tip: `${r.afdeling_navn}\n${formatValue(input.indicator, r.vaerdi!, input.lang)}`
		});
	}
	return bars;
}

export function peersOptions(input: PeersInput): Plot.PlotOptions {
	const { indicator, lang } = input;
	const t = strings(lang);
	const bars = peerBars(input);
	const many = bars.length > 40;
	const marks: Plot.Markish[] = [
		Plot.ruleY([0], { stroke: '#999' }),
		Plot.barY(bars, {
			x: 'id',
			y: 'vaerdi',
			fill: (d: PeerBar) => (d.highlighted ? HIGHLIGHT : MUTED)
		}),
		// A tick at each value, so a department at 0 is still seen to be there.
		Plot.tickY(bars, {
			x: 'id',
			y: 'vaerdi',
			stroke: (d: PeerBar) => (d.highlighted ? HIGHLIGHT : '#888'),
			strokeWidth: 2
		})
	];
	// A dot on top keeps the unit findable when its bar is a pixel wide or its value is 0.
	marks.push(
		Plot.dot(
			bars.filter((b) => b.highlighted),
			{ x: 'id', y: 'vaerdi', fill: HIGHLIGHT, stroke: 'white', r: many ? 4 : 5 }
		)
	);
	if (input.reference) {
		const ref = input.reference;
		const style = BENCHMARK_STYLE.kommune;
		marks.push(
			Plot.ruleY([ref.value], { stroke: style.color, strokeWidth: style.width, strokeDasharray: style.dash }),
			Plot.text([ref], {
				y: 'value',
				text: (d: typeof ref) => `${d.label}: ${formatValue(indicator, d.value, lang)}`,
				lineWidth: Infinity,
				// In the right margin, beside the line, so it never covers a bar.
				frameAnchor: 'right',
				textAnchor: 'start',
				dx: 6,
				fill: '#333'
			})
		);
	}
	marks.push(Plot.tip(bars, Plot.pointerX({ x: 'id', y: 'vaerdi', title: 'tip' })));
	const unit = unitOf(indicator, lang);
	const referenceText = input.reference ? `${input.reference.label}: ${formatValue(indicator, input.reference.value, lang)}` : '';
	// Room for the reference label: about 7 px a character at 13 px.
	const marginRight = input.reference ? 16 + referenceText.length * 7 : 16;
	return {
		// A few departments get bars of a sensible width, not a third of the screen each.
		width: Math.min(input.width, 64 + marginRight + bars.length * 48),
		height: input.height ?? 240,
		marginLeft: 48,
		marginRight,
		marginBottom: 28,
		ariaLabel: t.peersAria(`${indicator.name[lang]}${unit ? ` (${unit})` : ''}`, input.year, bars.length, input.unitLabel),
		style: { fontSize: '13px' },
		x: { domain: bars.map((b) => b.id), axis: null, label: null, padding: many ? 0 : 0.15 },
		y: {
			zero: true,
			nice: true,
			grid: true,
			tickFormat: (d: number) => formatTick(d, lang),
			label: unit || null
		},
		marks
	};
}
