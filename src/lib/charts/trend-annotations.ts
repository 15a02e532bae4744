/**
 * What a trend chart draws besides the series: an agreed target as the straight path from its base
 * to its target value (dashed, ending in a diamond at the target year), and an intervention's start
 * and end as vertical rules, so a reader sees what happened after a plan began. Their labels sit
 * in a band above the plot frame with leader lines down to their years: never over the data.
 */
import * as Plot from '@observablehq/plot';
import { OKABE_ITO } from './palette.ts';

export interface TrendTarget {
	/** "Mål: højst 5 ‰ i 2026" */
	label: string;
	basisaar: number;
	/** Null when the published targets withhold it (privacy): then only the target is drawn, no path. */
	basisvaerdi: number | null;
	maalaar: number;
	maalvaerdi: number;
}

export interface TrendIntervention {
	/** "Helhedsplan for Svalehøj" */
	label: string;
	startaar: number;
	slutaar: number | null;
}

export const TARGET_COLOR = OKABE_ITO.green;
export const INTERVENTION_COLOR = OKABE_ITO.vermillion;

/** Years the annotations reach, so the x axis can extend to a target year ahead of the data. */
export function annotationYears(targets: readonly TrendTarget[] = [], interventions: readonly TrendIntervention[] = []): number[] {
	return [
		...targets.flatMap((t) => [t.basisaar, t.maalaar]),
		...interventions.flatMap((i) => (i.slutaar === null ? [i.startaar] : [i.startaar, i.slutaar]))
	];
}

/** One label in the band above the chart, with the year its leader points at. */
export interface AnnotationLabel {
	kind: 'target' | 'intervention';
	text: string;
	aar: number;
	/** For a target: the target value, where its leader starts (the diamond). */
	vaerdi: number | null;
	/** Row in the band, 0 at the top. */
	row: number;
	/** Text runs right of the leader ('start') or, near the right edge, left of it ('end'). */
	anchor: 'start' | 'end';
}

export const LABEL_FONT = 11;
/** Height of a row of labels in the band above the chart. */
export const LABEL_ROW = 15;
/** Space between the band and the frame: room for the y axis label, which Plot puts there. */
export const BAND_GAP = 20;
const LABEL_PAD = 3;
const LABEL_SPACING = 8;

/**
 * An estimate of a label's width: 0,6 em a character (0,66 in bold), the same rule as the export
 * frame uses (images/chart-frame.ts); errs wide, so labels may sit a row lower than needed but
 * never overlap.
 */
export function labelWidth(text: string, bold: boolean): number {
	return text.length * LABEL_FONT * (bold ? 0.66 : 0.6);
}

/**
 * The labels of the targets and interventions, placed in rows of a band ABOVE the plot frame, so
 * a label never covers a line or a point: each at the x of its year, running right of its leader
 * unless that would leave the chart, and in the first row where it overlaps no label already
 * placed. `x` maps a year to its pixel; `right` is the chart's right edge.
 */
export function layoutAnnotations(
	targets: readonly TrendTarget[] = [],
	interventions: readonly TrendIntervention[] = [],
	x: (aar: number) => number,
	right: number
): AnnotationLabel[] {
	const wanted: Omit<AnnotationLabel, 'row' | 'anchor'>[] = [
		...interventions.flatMap((i) => [
			{ kind: 'intervention' as const, text: `${i.label} begynder`, aar: i.startaar, vaerdi: null },
			// The end says only "slut": the start's label names the intervention.
			...(i.slutaar === null ? [] : [{ kind: 'intervention' as const, text: 'slut', aar: i.slutaar, vaerdi: null }])
		]),
		...targets.map((t) => ({ kind: 'target' as const, text: t.label, aar: t.maalaar, vaerdi: t.maalvaerdi }))
	].sort((a, b) => a.aar - b.aar);
	const rows: [number, number][][] = [];
	return wanted.map((label) => {
		const width = labelWidth(label.text, label.kind === 'target');
		const at = x(label.aar);
		const anchor = at + LABEL_PAD + width > right ? 'end' : 'start';
		const span: [number, number] = anchor === 'start' ? [at, at + LABEL_PAD + width] : [at - LABEL_PAD - width, at];
		let row = rows.findIndex((taken) => taken.every(([a, b]) => span[1] + LABEL_SPACING <= a || span[0] >= b + LABEL_SPACING));
		if (row < 0) row = rows.push([]) - 1;
		rows[row]!.push(span);
		return { ...label, row, anchor };
	});
}

/** The top margin that holds `rows` rows of labels above the frame. */
export function bandHeight(rows: number): number {
	return rows > 0 ? rows * LABEL_ROW + BAND_GAP : 0;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The paths, diamonds and rules inside the frame, and the labels in the band above it with a
 * leader from each label down to its year (a target's to its diamond). The labels are SVG text,
 * so they read in the SVG and PNG exports too.
 */
export function annotationMarks(
	targets: readonly TrendTarget[] = [],
	interventions: readonly TrendIntervention[] = [],
	labels: readonly AnnotationLabel[] = []
): Plot.Markish[] {
	const marks: Plot.Markish[] = [];
	const events = interventions.flatMap((i) => [i.startaar, ...(i.slutaar === null ? [] : [i.slutaar])]);
	if (events.length) {
		marks.push(Plot.ruleX(events, { stroke: INTERVENTION_COLOR, strokeWidth: 1.5, strokeDasharray: '3 3' }));
	}
	for (const t of targets) {
		const goal = { aar: t.maalaar, vaerdi: t.maalvaerdi };
		if (t.basisvaerdi !== null) {
			const path = [{ aar: t.basisaar, vaerdi: t.basisvaerdi }, goal];
			marks.push(
				Plot.lineY(path, { x: 'aar', y: 'vaerdi', stroke: TARGET_COLOR, strokeWidth: 2, strokeDasharray: '1 4', strokeLinecap: 'round' })
			);
		}
		marks.push(Plot.dot([goal], { x: 'aar', y: 'vaerdi', symbol: 'diamond', r: 5, fill: TARGET_COLOR }));
	}
	if (labels.length) marks.push(labelMark(labels));
	return marks;
}

/** A render-function mark (Plot's documented escape hatch) drawing the band's labels and leaders. */
function labelMark(labels: readonly AnnotationLabel[]): Plot.RenderFunction {
	return (_index, scales, _values, dimensions, context) => {
		const doc = context.document;
		const group = doc.createElementNS(SVG_NS, 'g');
		group.setAttribute('aria-hidden', 'true');
		group.setAttribute('data-annotations', '');
		const x = scales.x!;
		const y = scales.y;
		for (const label of labels) {
			const color = label.kind === 'target' ? TARGET_COLOR : INTERVENTION_COLOR;
			const at = x(label.aar) as number;
			const baseline = label.row * LABEL_ROW + LABEL_FONT + 2;
			// The leader: from under the label to the frame's top, or for a target down to its diamond.
			const bottom = label.vaerdi != null && y ? (y(label.vaerdi) as number) - 6 : dimensions.marginTop;
			const leader = doc.createElementNS(SVG_NS, 'line');
			for (const [k, v] of Object.entries({ x1: at, x2: at, y1: baseline + 3, y2: bottom })) leader.setAttribute(k, String(v));
			leader.setAttribute('stroke', color);
			leader.setAttribute('stroke-width', '1');
			leader.setAttribute('stroke-dasharray', label.kind === 'target' ? '1 3' : '3 3');
			const text = doc.createElementNS(SVG_NS, 'text');
			text.setAttribute('x', String(label.anchor === 'start' ? at + LABEL_PAD : at - LABEL_PAD));
			text.setAttribute('y', String(baseline));
			text.setAttribute('text-anchor', label.anchor);
			text.setAttribute('font-size', String(LABEL_FONT));
			text.setAttribute('fill', color);
			if (label.kind === 'target') text.setAttribute('font-weight', '600');
			text.setAttribute('data-annotation', label.kind);
			text.textContent = label.text;
			group.append(leader, text);
		}
		return group;
	};
}
