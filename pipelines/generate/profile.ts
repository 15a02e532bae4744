/**
 * Base levels of a department, drawn so that the country as a whole looks like the published
 * national figures in ../shared/DOMAIN.md: vacancy 6.5 ‰ (October 2024; regions from under 1 ‰ to
 * about 13 ‰, youth housing about 16 ‰), turnover 10.4 % in family and 39.9 % in youth housing
 * (2019), rent 899 kr./m² (2023), loss from vacancy 5.4 kr./m² (2021).
 *
 * Departments vary a lot around those levels (a log-normal factor per department, another per
 * municipality and one per region); calibrate() then rescales the drawn levels so that the
 * dwelling-weighted national figure hits the target for the drawn set, whatever the seed.
 */
import type { HousingType } from '../../src/lib/core/input-contract.ts';
import type { MunicipalityGeo } from './municipality-table.ts';
import { mixSeed, Rng } from './rng.ts';
import type { Department, Profile } from './world.ts';

interface TypeBase {
	/** Share of departments of this type. */
	share: number;
	vacancy: number;
	turnover: number;
	outside: number;
	residentsPerDwelling: number;
	m2PerDwelling: number;
	/** Median dwellings and the log-normal spread. */
	medianDwellings: number;
	sizeSigma: number;
}

/**
 * Per housing type. Family vacancy is set a little under the national 6.5 ‰ so that, with youth
 * housing at 16 ‰, the mix lands on 6.5 ‰. Residents aged 18-64 per dwelling are few in housing
 * for the elderly; the country-wide mean comes to about 1.1. Sizes give about 75 dwellings per
 * department and about 75 m² per dwelling (600,000 dwellings in about 8,000 departments).
 */
export const TYPE_BASE: Record<HousingType, TypeBase> = {
	familie: {
		share: 0.8,
		vacancy: 0.0059,
		turnover: 0.104,
		outside: 0.27,
		residentsPerDwelling: 1.22,
		m2PerDwelling: 80,
		medianDwellings: 60,
		sizeSigma: 0.8
	},
	ældre: {
		share: 0.12,
		vacancy: 0.006,
		turnover: 0.14,
		outside: 0.5,
		residentsPerDwelling: 0.15,
		m2PerDwelling: 68,
		medianDwellings: 28,
		sizeSigma: 0.6
	},
	ungdom: {
		share: 0.08,
		vacancy: 0.016,
		turnover: 0.399,
		outside: 0.12,
		residentsPerDwelling: 1.2,
		m2PerDwelling: 45,
		medianDwellings: 45,
		sizeSigma: 0.6
	}
};

/** The year the vacancy target was published, and the middle of the period trends turn around. */
const VACANCY_YEAR = 2024;
export const TREND_CENTRE = 2017.5;

/** National rent in 2023 (kr./m²), the calibration target. */
export const RENT_2023 = 899;
/** Median provisions in 2023 (kr./m²) for a department with maintenance score 3. */
const PROVISIONS_2023 = 125;

/** Region (DAGI REGIONKODE) factors: the capital has almost no vacancy, the periphery the most. */
const REGION: Record<string, { vacancy: number; rent: number; outside: number }> = {
	'1084': { vacancy: 0.3, rent: 1.12, outside: 0.95 }, // Hovedstaden
	'1085': { vacancy: 1.6, rent: 0.95, outside: 1.08 }, // Sjælland
	'1083': { vacancy: 1.3, rent: 0.93, outside: 1.05 }, // Syddanmark
	'1082': { vacancy: 0.9, rent: 0.98, outside: 0.97 }, // Midtjylland
	'1081': { vacancy: 1.7, rent: 0.92, outside: 1.03 } // Nordjylland
};

export interface MunicipalityFactors {
	vacancy: number;
	rent: number;
	outside: number;
}

/** A municipality's own factors, drawn from its own stream so they do not depend on order. */
export function municipalityFactors(seed: number, geo: MunicipalityGeo): MunicipalityFactors {
	const rng = new Rng(mixSeed(seed, Number(geo.kode), 0x6b6f6d));
	const region = REGION[geo.region] ?? { vacancy: 1, rent: 1, outside: 1 };
	return {
		vacancy: region.vacancy * rng.factor(0.25),
		rent: region.rent * rng.factor(0.05),
		outside: region.outside * rng.factor(0.1)
	};
}

export function drawHousingType(rng: Rng): HousingType {
	const u = rng.next();
	if (u < TYPE_BASE.familie.share) return 'familie';
	if (u < TYPE_BASE.familie.share + TYPE_BASE.ældre.share) return 'ældre';
	return 'ungdom';
}

/** Construction year: most social housing is from 1960-1999; some is new. */
export function drawBuilt(rng: Rng): number {
	const u = rng.next();
	if (u < 0.1) return rng.int(1930, 1959);
	if (u < 0.45) return rng.int(1960, 1979);
	if (u < 0.7) return rng.int(1980, 1999);
	if (u < 0.94) return rng.int(2000, 2009);
	return rng.int(2010, 2024);
}

export function drawDwellings(rng: Rng, type: HousingType): number {
	const base = TYPE_BASE[type];
	const n = Math.round(base.medianDwellings * Math.exp(base.sizeSigma * rng.normal()));
	return Math.min(600, Math.max(10, n));
}

export function drawFloorArea(rng: Rng, type: HousingType, dwellings: number): number {
	return Math.round(dwellings * TYPE_BASE[type].m2PerDwelling * rng.uniform(0.88, 1.12));
}

/** Newer buildings cost more per m²; the mean over the construction years above is about 1. */
function ageRentFactor(built: number): number {
	if (built >= 2000) return 1.2;
	if (built >= 1980) return 1.02;
	return 0.92;
}

export function drawProfile(
	rng: Rng,
	type: HousingType,
	built: number,
	muni: MunicipalityFactors,
	trend: { vacancy: number; outside: number }
): Profile {
	const base = TYPE_BASE[type];
	const maintenance = Math.min(5, Math.max(1, Math.round(3.4 + 0.9 * rng.normal() - (built < 1970 ? 0.3 : 0))));
	return {
		vacancy: base.vacancy * muni.vacancy * rng.factor(1.0),
		turnover: base.turnover * rng.factor(0.3),
		outside: base.outside * muni.outside * rng.factor(0.3),
		residentsPerDwelling: base.residentsPerDwelling * rng.factor(0.1),
		maintenance,
		provisions: PROVISIONS_2023 * (0.7 + 0.1 * maintenance) * rng.factor(0.3),
		rent: RENT_2023 * muni.rent * ageRentFactor(built) * rng.factor(0.1),
		trendVacancy: trend.vacancy,
		trendOutside: trend.outside
	};
}

/**
 * Rescale the drawn levels so the weighted national figures hit the targets exactly for this set
 * of departments: vacancy and turnover per housing type (weighted by dwellings), rent (weighted by
 * floor area). Story departments keep their scripted levels and are left out.
 */
export function calibrate(departments: readonly Department[]): void {
	const free = departments.filter((d) => !d.story);
	for (const type of Object.keys(TYPE_BASE) as HousingType[]) {
		const ofType = free.filter((d) => d.type === type);
		const dwellings = ofType.reduce((s, d) => s + d.dwellings, 0);
		if (dwellings === 0) continue;
		// Vacancy is calibrated on its reference year (October 2024), trends included.
		const vac =
			ofType.reduce((s, d) => s + d.dwellings * d.profile.vacancy * Math.exp(d.profile.trendVacancy * (VACANCY_YEAR - TREND_CENTRE)), 0) /
			dwellings;
		const turn = ofType.reduce((s, d) => s + d.dwellings * d.profile.turnover, 0) / dwellings;
		for (const d of ofType) {
			d.profile.vacancy = Math.min(0.25, (d.profile.vacancy * TYPE_BASE[type].vacancy) / vac);
			d.profile.turnover = Math.min(0.9, (d.profile.turnover * TYPE_BASE[type].turnover) / turn);
		}
	}
	const floor = free.reduce((s, d) => s + d.floorArea, 0);
	if (floor > 0) {
		const rent = free.reduce((s, d) => s + d.floorArea * d.profile.rent, 0) / floor;
		for (const d of free) d.profile.rent *= RENT_2023 / rent;
	}
	for (const d of free) d.profile.outside = Math.min(0.85, d.profile.outside);
}
