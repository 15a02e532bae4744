/**
 * A department's key figures year by year: its base levels (profile.ts) times a national year
 * effect, its area's trend and some noise, or a story's scripted levels; then raw counts drawn
 * from them, so numerators never exceed denominators.
 */
import { LAST_YEAR, firstYear, type Department } from './world.ts';
import type { Rng } from './rng.ts';
import { TREND_CENTRE } from './profile.ts';

export interface YearFigures {
	aar: number;
	boliger: number;
	ledige_boliger: number;
	fraflytninger: number;
	beboere_18_64: number;
	/** Full-time persons: up to two decimals. */
	uden_for_arbejdsmarked_18_64: number;
	vedligeholdelsesstand: number;
	areal_m2: number;
	husleje_kr_m2: number;
	lejetab_kr: number;
	henlaeggelser_kr: number;
}

/**
 * National year effects, 1 at the calibration years (vacancy 2024, turnover 2019): vacancy was
 * higher after the financial crisis; the share outside the labour market fell until 2019, rose in
 * 2020 and fell again.
 */
const YEAR_EFFECT: Record<number, { vacancy: number; turnover: number; outside: number }> = {
	2010: { vacancy: 1.45, turnover: 1.06, outside: 1.12 },
	2011: { vacancy: 1.4, turnover: 1.05, outside: 1.1 },
	2012: { vacancy: 1.35, turnover: 1.05, outside: 1.08 },
	2013: { vacancy: 1.25, turnover: 1.04, outside: 1.06 },
	2014: { vacancy: 1.15, turnover: 1.03, outside: 1.04 },
	2015: { vacancy: 1.05, turnover: 1.02, outside: 1.01 },
	2016: { vacancy: 1.0, turnover: 1.01, outside: 0.99 },
	2017: { vacancy: 0.95, turnover: 1.01, outside: 0.97 },
	2018: { vacancy: 0.95, turnover: 1.0, outside: 0.96 },
	2019: { vacancy: 0.95, turnover: 1.0, outside: 0.95 },
	2020: { vacancy: 1.0, turnover: 0.96, outside: 1.0 },
	2021: { vacancy: 1.0, turnover: 0.97, outside: 0.97 },
	2022: { vacancy: 0.95, turnover: 0.98, outside: 0.94 },
	2023: { vacancy: 0.97, turnover: 0.98, outside: 0.93 },
	2024: { vacancy: 1.0, turnover: 0.97, outside: 0.92 },
	2025: { vacancy: 1.0, turnover: 0.97, outside: 0.92 }
};

/** Yearly growth of rent and provisions, relative to 2023. */
const RENT_GROWTH = 1.022;
const PROVISIONS_GROWTH = 1.025;
/**
 * A year's rent lost per unit of vacancy rate. 1 would be exact for a rate that held all year;
 * kept as a knob because high vacancy sits where rents are low, which pulls the national loss down.
 */
const LOSS_SHARE = 1.08;

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Rows for every year the department reports, oldest first. */
export function departmentYears(d: Department, rng: Rng): YearFigures[] {
	const rows: YearFigures[] = [];
	const p = d.profile;
	let maintenance = p.maintenance;
	for (let year = firstYear(d); year <= LAST_YEAR; year++) {
		const effect = YEAR_EFFECT[year] ?? { vacancy: 1, turnover: 1, outside: 1 };
		const story = d.story?.(year) ?? {};
		const t = year - TREND_CENTRE;

		// Maintenance drifts slowly: now and then a step up or down, back towards 3-4.
		if (year > firstYear(d) && rng.chance(0.08)) maintenance += maintenance >= 4 ? -1 : maintenance <= 2 ? 1 : rng.pick([-1, 1]);
		maintenance = Math.min(5, Math.max(1, maintenance));
		const score = story.maintenance ?? maintenance;

		// Noise is drawn whether or not a story overrides, so a story never shifts the random
		// stream of the years and departments after it.
		const vacancyNoise = rng.factor(0.25);
		const turnoverNoise = rng.factor(0.08);
		const outsideNoise = rng.factor(0.05);
		const vacancy = Math.min(0.3, story.vacancy ?? p.vacancy * effect.vacancy * Math.exp(p.trendVacancy * t) * vacancyNoise);
		const turnover = Math.min(0.95, story.turnover ?? p.turnover * effect.turnover * turnoverNoise);
		const outsideShare = Math.min(0.9, story.outside ?? p.outside * effect.outside * Math.exp(p.trendOutside * t) * outsideNoise);

		const ledige = rng.binomial(d.dwellings, vacancy);
		const fraflytninger = rng.binomial(d.dwellings, turnover);
		const residentsDrawn = Math.max(0, Math.round(d.dwellings * p.residentsPerDwelling * rng.factor(0.025)));
		const residents = story.residents ?? residentsDrawn;
		const outsideDrawn = Math.min(residents, round2(residents * outsideShare * rng.factor(0.08)));
		const outside = story.outsideCount ?? outsideDrawn;
		const rent = Math.round(p.rent * RENT_GROWTH ** (year - 2023) * rng.factor(0.01));
		const loss = Math.round(d.floorArea * rent * vacancy * LOSS_SHARE * rng.factor(0.3));
		const provisions = Math.round(
			d.floorArea * p.provisions * PROVISIONS_GROWTH ** (year - 2023) * (story.provisionsFactor ?? 1) * rng.factor(0.1)
		);

		if (d.missingYears.includes(year)) continue;
		rows.push({
			aar: year,
			boliger: d.dwellings,
			ledige_boliger: ledige,
			fraflytninger,
			beboere_18_64: residents,
			uden_for_arbejdsmarked_18_64: outside,
			vedligeholdelsesstand: score,
			areal_m2: d.floorArea,
			husleje_kr_m2: rent,
			lejetab_kr: loss,
			henlaeggelser_kr: provisions
		});
	}
	return rows;
}
