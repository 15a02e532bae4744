/**
 * An agreed target, as a row of the optional input aftaler.csv (see data/README.md) and as the
 * dashboard drafts new ones. Field names are the CSV's column names.
 *
 * Example: Boligforeningen Fjordlys agreed in 2023 to bring vacancy in department 2101-001 down
 * from 9 ‰ (2022) to at most 5 ‰ by 2026:
 *     maal_id=F23-1 niveau=afdeling enhed_id=2101-001 indikator=ledighed basisaar=2022
 *     basisvaerdi=9 maalaar=2026 maalvaerdi=5 retning=ned aftaleaar=2023
 *     aftaledokument="Aftaledokument 2023, Boligforeningen Fjordlys" …
 */
import { indicator, type IndicatorId } from './indicators.ts';

/** The unit a target is about: a department, an area, an organisation or the municipality. */
export const TARGET_LEVELS = ['afdeling', 'omraade', 'boligorganisation', 'kommune'] as const;
export type TargetLevel = (typeof TARGET_LEVELS)[number];

/** 'ned': the value should come down to the target or below; 'op': up to it or above. */
export const TARGET_DIRECTIONS = ['ned', 'op'] as const;
export type TargetDirection = (typeof TARGET_DIRECTIONS)[number];

export const LEVEL_NAME: Record<TargetLevel, string> = {
	afdeling: 'afdeling',
	omraade: 'område',
	boligorganisation: 'boligorganisation',
	kommune: 'kommune'
};

export interface Target {
	maal_id: string;
	niveau: TargetLevel;
	/** Department id, area id, organisation id or municipality code, after `niveau`. */
	enhed_id: string;
	indikator: IndicatorId;
	basisaar: number;
	/**
	 * The value the agreement started from, as agreed (the data may since have been revised).
	 * Null in the published aftaler.json when it is a person-based figure whose base-year cell of
	 * the unit is withheld: the agreed base then concerns a group the privacy rule protects, so the
	 * ingest does not publish it (pipelines/build/target-baselines.ts; issue 9). Null also when the
	 * input left the cell empty (unknown): for a figure not about persons that is all it can mean
	 * (targets/status.ts, rule 6).
	 */
	basisvaerdi: number | null;
	maalaar: number;
	maalvaerdi: number;
	retning: TargetDirection;
	/** The agreement document the target comes from, e.g. "Aftaledokument 2023, Fjordlys". */
	aftaledokument: string;
	/** The year the agreement was made. */
	aftaleaar: number;
	/** The organisation whose agreement it is; null for the municipality's joint targets. */
	boligorganisation_id: string | null;
	beskrivelse: string;
}

/** The direction that means better for an indicator: down when a higher value is worse. */
export function defaultDirection(id: IndicatorId): TargetDirection {
	return indicator(id).worse === 'higher' ? 'ned' : 'op';
}

/** Does a value meet the target's value in its direction? */
export function meets(direction: TargetDirection, value: number, target: number): boolean {
	return direction === 'ned' ? value <= target : value >= target;
}
