/**
 * What a trend chart draws besides the series: an agreed target as the straight path from its base
 * to its target value (dashed, ending in a diamond at the target year), and an intervention's start
 * and end as vertical rules with a short label, so a reader sees what happened after a plan began.
 * Labels are text marks, so they read in the SVG and PNG exports too.
 */
import * as Plot from '@observablehq/plot';
import { OKABE_ITO } from './palette.ts';

export interface TrendTarget {
	/** "Mål: højst 5 ‰ i 2026" */
	label: string;
	basisaar: number;
	basisvaerdi: number;
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
/** A white outline behind label text, so it stays readable where it crosses a line. */
const HALO = { stroke: 'white', strokeWidth: 3, paintOrder: 'stroke' } as const;
export const INTERVENTION_COLOR = OKABE_ITO.vermillion;

/** Years the annotations reach, so the x axis can extend to a target year ahead of the data. */
export function annotationYears(targets: readonly TrendTarget[] = [], interventions: readonly TrendIntervention[] = []): number[] {
	return [
		...targets.flatMap((t) => [t.basisaar, t.maalaar]),
		...interventions.flatMap((i) => (i.slutaar === null ? [i.startaar] : [i.startaar, i.slutaar]))
	];
}

export function annotationMarks(targets: readonly TrendTarget[] = [], interventions: readonly TrendIntervention[] = []): Plot.Markish[] {
	const marks: Plot.Markish[] = [];
	const events = interventions.flatMap((i) => [
		{ aar: i.startaar, text: `${i.label} begynder` },
		// The end says only "slut": two long labels a few years apart would run into each other.
		...(i.slutaar === null ? [] : [{ aar: i.slutaar, text: 'slut' }])
	]);
	if (events.length) {
		marks.push(
			Plot.ruleX(events, { x: 'aar', stroke: INTERVENTION_COLOR, strokeWidth: 1.5, strokeDasharray: '3 3' }),
			Plot.text(events, {
				x: 'aar',
				text: 'text',
				frameAnchor: 'top',
				textAnchor: 'start',
				dx: 3,
				dy: 2,
				fontSize: 11,
				fill: INTERVENTION_COLOR,
				lineWidth: 9,
				...HALO
			})
		);
	}
	for (const t of targets) {
		const path = [
			{ aar: t.basisaar, vaerdi: t.basisvaerdi },
			{ aar: t.maalaar, vaerdi: t.maalvaerdi }
		];
		marks.push(
			Plot.lineY(path, { x: 'aar', y: 'vaerdi', stroke: TARGET_COLOR, strokeWidth: 2, strokeDasharray: '1 4', strokeLinecap: 'round' }),
			Plot.dot([path[1]], { x: 'aar', y: 'vaerdi', symbol: 'diamond', r: 5, fill: TARGET_COLOR }),
			Plot.text([{ ...path[1], text: t.label }], {
				x: 'aar',
				y: 'vaerdi',
				text: 'text',
				textAnchor: 'end',
				dx: -8,
				dy: -11,
				fontSize: 11,
				fontWeight: 600,
				fill: TARGET_COLOR,
				...HALO
			})
		);
	}
	return marks;
}
