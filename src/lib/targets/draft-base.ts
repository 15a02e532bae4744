/**
 * The base value a target drafted in the browser may carry into what the dashboard writes: the
 * list of drafts, aftaler.csv, the organisation's agenda and the draft agreement document (a public
 * aftaledokument, DOMAIN.md "Privacy").
 *
 * For a person-based key figure it is the unit's published figure for the base year, rounded as
 * the dashboard shows it, or null when that figure is withheld or missing. A base typed by hand is
 * a figure about the unit's residents that no audit has seen: 25 % typed for a department of 12
 * whose figure is withheld names 3 persons, the leak the ingest closes for aftaler.json
 * (pipelines/build/target-baselines.ts, issue 9). The browser cannot apply the ingest's test
 * itself (it never sees the residents), so it takes only what is published already, which tells
 * nothing new. Other key figures keep the base as typed.
 */
import { indicator } from '../core/indicators.ts';
import type { SeriesPoint } from '../core/output-contract.ts';
import type { Target } from '../core/target.ts';

/** The published figure of the base year, rounded to the key figure's decimals; null when withheld or missing. */
export function publishedBase(target: Pick<Target, 'indikator' | 'basisaar'>, series: readonly SeriesPoint[] | undefined): number | null {
	const point = series?.find((p) => p.aar === target.basisaar);
	if (!point || point.diskretioneret || point.vaerdi == null || !Number.isFinite(point.vaerdi)) return null;
	const factor = 10 ** indicator(target.indikator).decimals;
	return Math.round(point.vaerdi * factor) / factor;
}

/** The draft as it may be written: a person-based figure's base replaced by the published one (or null). */
export function withPublishableBase<T extends Target>(target: T, series: readonly SeriesPoint[] | undefined): T {
	if (!indicator(target.indikator).personBased) return target;
	const basisvaerdi = publishedBase(target, series);
	return basisvaerdi === target.basisvaerdi ? target : { ...target, basisvaerdi };
}
