/**
 * The shape of a synthetic Denmark before it is written out: organisations, areas and departments,
 * each department with the base levels its yearly figures are drawn around.
 */
import type { Position } from 'geojson';
import type { HousingType } from '../../src/lib/core/input-contract.ts';

export type Scale = 'demo' | 'national' | 'national10';
export const SCALES: readonly Scale[] = ['demo', 'national', 'national10'];

export const FIRST_YEAR = 2010;
export const LAST_YEAR = 2025;

export interface Organisation {
	id: string;
	name: string;
}

export interface Area {
	id: string;
	name: string;
	kommune: string;
	center: [number, number];
	radiusKm: number;
	/** Closed, counter-clockwise outer ring (RFC 7946). */
	ring: Position[];
}

/** A department's base levels, before year effects, trends and noise. */
export interface Profile {
	/** Probability a dwelling stands vacant with a loss (0.0065 = 6.5 ‰). */
	vacancy: number;
	/** Move-outs per dwelling per year. */
	turnover: number;
	/** Share of residents 18-64 outside the labour market. */
	outside: number;
	residentsPerDwelling: number;
	/** Maintenance score 1-5 in the first year. */
	maintenance: number;
	/** Provisions, kr. per m² per year in 2023. */
	provisions: number;
	/** Rent, kr. per m² per year in 2023. */
	rent: number;
	/** Yearly log-slopes of vacancy and outside share, centred on the middle of the period. */
	trendVacancy: number;
	trendOutside: number;
}

/** What a story sets for one year, overriding the drawn levels. */
export interface StoryYear {
	vacancy?: number;
	turnover?: number;
	outside?: number;
	maintenance?: number;
	/** Multiplier on provisions (a renovation plan raises them). */
	provisionsFactor?: number;
	/** Fixed counts, for the small department that needs suppression. */
	residents?: number;
	outsideCount?: number;
}

export interface Department {
	id: string;
	name: string;
	organisation: Organisation;
	kommune: string;
	areaId: string | null;
	type: HousingType;
	built: number;
	lon: number;
	lat: number;
	dwellings: number;
	floorArea: number;
	/** Years with no rows at all (a gap in the export). */
	missingYears: readonly number[];
	profile: Profile;
	/** Story override per year; also keeps this department out of the national calibration. */
	story?: (year: number) => StoryYear;
}

/** A story in the demo, for HISTORIER.md and the tests. */
export interface Story {
	id: string;
	/** Danish title and description. */
	title: string;
	description: string;
	areaId: string | null;
	departmentIds: string[];
}

export interface World {
	scale: Scale;
	seed: number;
	kommuner: string[];
	organisations: Organisation[];
	areas: Area[];
	departments: Department[];
	stories: Story[];
}

/** The first year a department has key figures: the year after it was built, at the earliest 2010. */
export function firstYear(d: Department): number {
	return Math.max(FIRST_YEAR, d.built + 1);
}
