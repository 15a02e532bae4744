/**
 * The synthetic country for the `national` and `national10` scales: all 98 municipalities,
 * housing organisations of about 16 departments each, areas of 2-12 departments, and
 * departments placed on land near each municipality's anchors.
 */
import type { HousingType } from '../../src/lib/core/input-contract.ts';
import { AreaPlacer, areaRing, areaScale, departmentPointInArea, looseDepartmentPoint, round6, type LonLat } from './geography.ts';
import { MUNICIPALITY_GEO } from './municipality-table.ts';
import { areaName, departmentName, organisationName } from './names.ts';
import {
	calibrate,
	drawBuilt,
	drawDwellings,
	drawFloorArea,
	drawHousingType,
	drawProfile,
	municipalityFactors,
	type MunicipalityFactors
} from './profile.ts';
import { DepartmentIds } from './department-ids.ts';
import { mixSeed, Rng } from './rng.ts';
import { FIRST_YEAR, LAST_YEAR, firstYear, type Area, type Department, type Organisation, type World } from './world.ts';

export const DEPARTMENTS: Record<'national' | 'national10', number> = { national: 8000, national10: 80000 };

/**
 * Rough relative amounts of social housing: the big cities and the western suburbs of Copenhagen
 * hold much of it, the small islands little. Every other municipality weighs 1.
 */
const WEIGHT: Record<string, number> = {
	'0101': 10,
	'0751': 6,
	'0461': 4,
	'0851': 4,
	'0561': 2.5,
	'0147': 2,
	'0630': 2,
	'0621': 2,
	'0730': 2,
	'0265': 2,
	'0169': 2,
	'0167': 2,
	'0153': 2,
	'0165': 2,
	'0615': 1.8,
	'0607': 1.6,
	'0657': 1.5,
	'0791': 1.5,
	'0183': 1.5,
	'0175': 1.5,
	'0151': 1.5,
	'0159': 1.5,
	'0217': 1.5,
	'0259': 1.5,
	'0330': 1.5,
	'0370': 1.4,
	'0540': 1.4,
	'0740': 1.3,
	'0813': 1.3,
	'0860': 1.3,
	'0825': 0.15,
	'0741': 0.2,
	'0563': 0.2,
	'0492': 0.25,
	'0482': 0.4,
	'0155': 0.4,
	'0187': 0.5
};

const DEPARTMENTS_PER_ORGANISATION = 16;
const SHARE_IN_AREAS = 0.6;
/** Mean departments per area as drawn below (2 + a capped log-normal around 3.5). */
const MEAN_AREA_SIZE = 5.5;

/** Split n over weights by the largest-remainder method, so the parts add up to n exactly. */
export function allocate(n: number, weights: readonly number[]): number[] {
	const total = weights.reduce((s, w) => s + w, 0);
	const exact = weights.map((w) => (n * w) / total);
	const parts = exact.map(Math.floor);
	let rest = n - parts.reduce((s, x) => s + x, 0);
	const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
	for (const { i } of order) {
		if (rest-- <= 0) break;
		parts[i] = (parts[i] ?? 0) + 1;
	}
	return parts;
}

/** Now and then an export misses a year or two in the middle of a department's history. */
function drawMissingYears(rng: Rng, first: number): number[] {
	if (!rng.chance(0.005) || LAST_YEAR - first < 4) return [];
	const start = rng.int(first + 1, LAST_YEAR - 2);
	return rng.chance(0.5) ? [start] : [start, start + 1];
}

export function nationalWorld(scale: 'national' | 'national10', seed: number): World {
	const rng = new Rng(mixSeed(seed, 0x6e6174));
	const geos = MUNICIPALITY_GEO;
	const counts = allocate(
		DEPARTMENTS[scale],
		geos.map((g) => WEIGHT[g.kode] ?? 1)
	);

	// Organisations: each has a home municipality; one in ten also owns departments next door.
	const organisations: Organisation[] = [];
	const orgsIn = new Map<string, Organisation[]>();
	let orgNumber = 1000;
	geos.forEach((geo, i) => {
		const own: Organisation[] = [];
		const n = Math.max(1, Math.round((counts[i] ?? 0) / DEPARTMENTS_PER_ORGANISATION));
		for (let k = 0; k < n; k++) own.push({ id: String(++orgNumber), name: organisationName(rng) });
		organisations.push(...own);
		orgsIn.set(geo.kode, [...(orgsIn.get(geo.kode) ?? []), ...own]);
	});
	for (const geo of geos) {
		for (const org of orgsIn.get(geo.kode)?.slice() ?? []) {
			if (!rng.chance(0.1)) continue;
			const neighbour = nearest(geo.center, geo.kode);
			orgsIn.set(neighbour, [...(orgsIn.get(neighbour) ?? []), org]);
		}
	}

	const ids = new DepartmentIds();
	const areas: Area[] = [];
	const departments: Department[] = [];
	geos.forEach((geo, i) => {
		const n = counts[i] ?? 0;
		const muni = municipalityFactors(seed, geo);
		const orgs = orgsIn.get(geo.kode) ?? [];
		const placer = new AreaPlacer(geo);
		const scaleAreas = areaScale(geo, (n * SHARE_IN_AREAS) / MEAN_AREA_SIZE);
		const muniAreas: Area[] = [];
		let made = 0;
		let areaNo = 0;
		while (made < n * SHARE_IN_AREAS) {
			const size = Math.min(n - made, 2 + Math.min(10, Math.floor(rng.factor(0.6) * 3.5)));
			const radiusKm = scaleAreas * rng.uniform(0.2, 0.45);
			const center = placer.place(rng, radiusKm);
			const area: Area = {
				id: `${geo.kode}-O${String(++areaNo).padStart(3, '0')}`,
				name: areaName(rng),
				kommune: geo.kode,
				center,
				radiusKm,
				ring: areaRing(rng, center, radiusKm)
			};
			areas.push(area);
			muniAreas.push(area);
			const primary = rng.pick(orgs);
			// An area drifts as a whole: its departments share one trend.
			const trend = { vacancy: 0.05 * rng.normal(), outside: 0.015 * rng.normal() };
			for (let k = 0; k < size; k++) {
				const org = rng.chance(0.75) ? primary : rng.pick(orgs);
				departments.push(makeDepartment(rng, ids, org, geo.kode, area, departmentPointInArea(rng, center, radiusKm), muni, trend, k));
				made++;
			}
		}
		while (made < n) {
			const trend = { vacancy: 0.03 * rng.normal(), outside: 0.01 * rng.normal() };
			departments.push(makeDepartment(rng, ids, rng.pick(orgs), geo.kode, null, looseDepartmentPoint(rng, geo, muniAreas), muni, trend, 0));
			made++;
		}
	});

	calibrate(departments);
	departments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	return {
		scale,
		seed,
		kommuner: geos.map((g) => g.kode),
		organisations,
		areas,
		departments,
		stories: []
	};
}

function makeDepartment(
	rng: Rng,
	ids: DepartmentIds,
	org: Organisation,
	kommune: string,
	area: Area | null,
	[lon, lat]: LonLat,
	muni: MunicipalityFactors,
	trend: { vacancy: number; outside: number },
	index: number
): Department {
	const type: HousingType = drawHousingType(rng);
	const built = drawBuilt(rng);
	const dwellings = drawDwellings(rng, type);
	const d: Department = {
		id: ids.take(org),
		name: departmentName(rng, area?.name ?? null, index),
		organisation: org,
		kommune,
		areaId: area?.id ?? null,
		type,
		built,
		lon: round6(lon),
		lat: round6(lat),
		dwellings,
		floorArea: drawFloorArea(rng, type, dwellings),
		missingYears: [],
		profile: drawProfile(rng, type, built, muni, trend)
	};
	d.missingYears = drawMissingYears(rng, Math.max(FIRST_YEAR, firstYear(d)));
	return d;
}

function nearest(center: [number, number], self: string): string {
	let best = self;
	let bestD = Infinity;
	for (const g of MUNICIPALITY_GEO) {
		if (g.kode === self) continue;
		const d = Math.hypot(g.center[0] - center[0], (g.center[1] - center[1]) * 1.8);
		if (d < bestD) {
			bestD = d;
			best = g.kode;
		}
	}
	return best;
}
