/**
 * Where fictional areas and departments go: near the bundled anchors of a municipality (points
 * with land around them, see municipality-table.ts), so that nothing lands in the sea, and with
 * area polygons that do not overlap where we can avoid it.
 */
import type { Position } from 'geojson';
import { MUNICIPALITY_GEO, type MunicipalityGeo } from './municipality-table.ts';
import type { Rng } from './rng.ts';

export type LonLat = [number, number];

const KM_PER_DEG_LAT = 110.574;
const kmPerDegLon = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

const BY_CODE = new Map(MUNICIPALITY_GEO.map((m) => [m.kode, m]));

export function municipalityGeo(kode: string): MunicipalityGeo {
	const geo = BY_CODE.get(kode);
	if (!geo) throw new Error(`no bundled geography for municipality ${kode}`);
	return geo;
}

/** Coordinates rounded to 6 decimals (about 0.1 m): enough, and the same bytes everywhere. */
export function round6(x: number): number {
	return Math.round(x * 1e6) / 1e6;
}

export function offsetKm([lon, lat]: LonLat, km: number, angle: number): LonLat {
	return [lon + (km * Math.cos(angle)) / kmPerDegLon(lat), lat + (km * Math.sin(angle)) / KM_PER_DEG_LAT];
}

/** Distance in km on a local flat approximation; fine within a municipality. */
export function distanceKm(a: LonLat, b: LonLat): number {
	const dx = (a[0] - b[0]) * kmPerDegLon((a[1] + b[1]) / 2);
	const dy = (a[1] - b[1]) * KM_PER_DEG_LAT;
	return Math.hypot(dx, dy);
}

/** A uniformly random point in a disc. */
export function pointInDisc(rng: Rng, center: LonLat, radiusKm: number): LonLat {
	return offsetKm(center, radiusKm * Math.sqrt(rng.next()), 2 * Math.PI * rng.next());
}

/**
 * An irregular, star-shaped ring around a centre: every vertex lies between 0.85 and 1.15 radii
 * out, so a point within 0.7 radii is always inside. Angles increase, which in lon/lat is
 * counter-clockwise, as RFC 7946 wants for outer rings.
 */
export function areaRing(rng: Rng, center: LonLat, radiusKm: number, vertices = 14): Position[] {
	const start = rng.next() * 2 * Math.PI;
	const ring: Position[] = [];
	for (let i = 0; i < vertices; i++) {
		const angle = start + (2 * Math.PI * i) / vertices;
		const [lon, lat] = offsetKm(center, radiusKm * rng.uniform(0.85, 1.15), angle);
		ring.push([round6(lon), round6(lat)]);
	}
	ring.push([...(ring[0] as Position)]);
	return ring;
}

/**
 * How much to shrink areas in a municipality crowded with them, so they fit beside each other
 * near its anchors: 1 where there is room, down to 0.4 in the capital.
 */
export function areaScale(geo: MunicipalityGeo, expectedAreas: number): number {
	// Anchors of a small municipality overlap, so the room is also capped by its own size.
	const room = Math.min(
		geo.anchors.reduce((s, [, , margin]) => s + margin * margin, 0),
		0.6 * geo.radiusKm * geo.radiusKm
	);
	return Math.min(1, Math.max(0.4, Math.sqrt(room / (expectedAreas * 0.5))));
}

/** Places area centres in one municipality, keeping them apart. */
export class AreaPlacer {
	private readonly placed: { center: LonLat; radiusKm: number }[] = [];

	constructor(private readonly geo: MunicipalityGeo) {}

	place(rng: Rng, radiusKm: number): LonLat {
		let best: LonLat | null = null;
		let bestGap = -Infinity;
		for (let attempt = 0; attempt < 60; attempt++) {
			const candidate = this.candidate(rng, radiusKm);
			let gap = Infinity;
			for (const p of this.placed) gap = Math.min(gap, distanceKm(p.center, candidate) - 1.05 * (p.radiusKm + radiusKm));
			if (gap >= 0) {
				best = candidate;
				break;
			}
			// Crowded: keep the least overlapping try.
			if (gap > bestGap) {
				bestGap = gap;
				best = candidate;
			}
		}
		const center = best as LonLat;
		this.placed.push({ center, radiusKm });
		return center;
	}

	private candidate(rng: Rng, radiusKm: number): LonLat {
		const [lon, lat, margin] = rng.pick(this.geo.anchors);
		return pointInDisc(rng, [lon, lat], Math.max(0, margin - radiusKm));
	}
}

/**
 * A department outside any area: near one of the municipality's anchors, and outside the areas
 * already placed (a department drawn inside an area's polygon but not in it would confuse a map
 * reader). Gives up after a few tries in a crowded municipality.
 */
export function looseDepartmentPoint(rng: Rng, geo: MunicipalityGeo, avoid: readonly { center: LonLat; radiusKm: number }[] = []): LonLat {
	let point: LonLat = geo.center;
	for (let attempt = 0; attempt < 20; attempt++) {
		const [lon, lat, margin] = rng.pick(geo.anchors);
		point = pointInDisc(rng, [lon, lat], margin * 0.7);
		if (avoid.every((a) => distanceKm(a.center, point) > a.radiusKm * 1.2)) break;
	}
	return point;
}

/** A department inside an area: within 0.7 of its radius, so inside its ring (see areaRing). */
export function departmentPointInArea(rng: Rng, center: LonLat, radiusKm: number): LonLat {
	return pointInDisc(rng, center, radiusKm * 0.65);
}
