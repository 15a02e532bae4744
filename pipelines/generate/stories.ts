/**
 * The stories in the demo data: scripted paths that a reader of the dashboard should be able to
 * find again (an area that slides, one that recovers after an intervention from 2018). Levels are
 * given at a few key years and interpolated in between.
 */
import type { StoryYear } from './world.ts';

type Keyframe = [
	year: number,
	levels: Required<Pick<StoryYear, 'vacancy' | 'turnover' | 'outside' | 'maintenance'>> & Pick<StoryYear, 'provisionsFactor'>
];

/** Linear interpolation between keyframes; flat before the first and after the last. */
export function curve(frames: readonly Keyframe[]): (year: number) => StoryYear {
	return (year) => {
		const first = frames[0];
		const last = frames[frames.length - 1];
		if (!first || !last) return {};
		if (year <= first[0]) return { ...first[1] };
		if (year >= last[0]) return { ...last[1] };
		let i = 0;
		while ((frames[i + 1]?.[0] ?? Infinity) < year) i++;
		const [y0, a] = frames[i] as Keyframe;
		const [y1, b] = frames[i + 1] as Keyframe;
		const w = (year - y0) / (y1 - y0);
		const mix = (x: number, y: number) => x + (y - x) * w;
		return {
			vacancy: mix(a.vacancy, b.vacancy),
			turnover: mix(a.turnover, b.turnover),
			outside: mix(a.outside, b.outside),
			maintenance: Math.round(mix(a.maintenance, b.maintenance)),
			provisionsFactor: mix(a.provisionsFactor ?? 1, b.provisionsFactor ?? 1)
		};
	};
}

/** Each department of a story area gets its own level around the area's path. */
export function jittered(path: (year: number) => StoryYear, factor: number): (year: number) => StoryYear {
	return (year) => {
		const s = path(year);
		return {
			...s,
			vacancy: s.vacancy === undefined ? undefined : s.vacancy * factor,
			turnover: s.turnover === undefined ? undefined : s.turnover * Math.sqrt(factor),
			outside: s.outside === undefined ? undefined : Math.min(0.85, s.outside * Math.sqrt(factor))
		};
	};
}

/** An area that slides: fine around 2010, worse every year from about 2014. */
export const SLIDE = curve([
	[2010, { vacancy: 0.004, turnover: 0.085, outside: 0.26, maintenance: 4 }],
	[2014, { vacancy: 0.006, turnover: 0.095, outside: 0.29, maintenance: 4 }],
	[2020, { vacancy: 0.024, turnover: 0.145, outside: 0.38, maintenance: 3 }],
	[2025, { vacancy: 0.048, turnover: 0.2, outside: 0.47, maintenance: 2 }]
]);

/**
 * An area in trouble that recovers after a holistic plan (helhedsplan) with renovation from 2018:
 * provisions go up at once, the rest improves over the following years.
 */
export const RECOVERY_START = 2018;
export const RECOVERY = curve([
	[2010, { vacancy: 0.03, turnover: 0.17, outside: 0.44, maintenance: 2 }],
	[2017, { vacancy: 0.042, turnover: 0.19, outside: 0.47, maintenance: 2, provisionsFactor: 1 }],
	[2018, { vacancy: 0.04, turnover: 0.185, outside: 0.465, maintenance: 2, provisionsFactor: 1.5 }],
	[2021, { vacancy: 0.016, turnover: 0.13, outside: 0.4, maintenance: 3, provisionsFactor: 1.5 }],
	[2025, { vacancy: 0.007, turnover: 0.105, outside: 0.33, maintenance: 4, provisionsFactor: 1.4 }]
]);

/**
 * A small department: 11-13 residents aged 18-64, 2-4 of them outside the labour market, every
 * year. Published as is, a reader could single out a group of 1-4 persons.
 */
const SMALL_RESIDENTS = [12, 12, 13, 12, 11, 12, 12, 13, 12, 12, 11, 12, 13, 12, 12, 12];
const SMALL_OUTSIDE = [3, 3, 2.5, 3, 3.5, 4, 3, 2, 3, 3, 3.5, 3, 3, 2.5, 3, 3];
export function small(year: number): StoryYear {
	const i = Math.min(SMALL_RESIDENTS.length - 1, Math.max(0, year - 2010));
	return { residents: SMALL_RESIDENTS[i], outsideCount: SMALL_OUTSIDE[i] };
}
