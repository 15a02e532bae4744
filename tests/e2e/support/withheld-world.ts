/**
 * A hand-made world with withheld figures about residents, for privacy-scan.test.ts: five
 * departments of two organisations in two municipalities, the share outside the labour market in
 * 2023 and 2024 and nothing else.
 *
 *   department  org   municipality  area      residents 18-64 / outside   published?
 *   2101-001    2101  0751          0751-O01  11 / 3 (2023), 13 / 3 (2024)  no: 3 < 5 (primary rule)
 *   2101-002    2101  0751          0751-O01  73 / 6, 73 / 32               no: the area less it gives 2101-001 (secondary)
 *   2101-003    2101  0751          -         93 / 74, 93 / 84              79,6 %, 90,3 %
 *   2101-004    2101  0461          -         77 / 58, 77 / 62              75,3 %, 80,5 %
 *   2102-001    2102  0751          -         76 / 42, 76 / 44              55,3 %, 57,9 %
 *
 * Organisation 2101 spans both municipalities, so its page has a table of its part in each: in
 * 0751 that part is 2101-001..003, a set the pipeline publishes as no unit. The counts were picked
 * (a seeded search) so that every share of a set of departments holding a withheld one, other than
 * a set published as a unit, lies at least 0,6 percentage points from every published figure of
 * either year: a scan for those shares at one or two decimals can only hit a figure that gives a
 * withheld group away, never a published one by chance.
 *
 * Each department has a point (lat/lon, apart enough to hover each on the municipality's map) and
 * the area a square around its two departments' points (omraader.geojson), so the map draws them
 * and its tooltips can be read.
 *
 * Targets (aftaler.csv): T1 on 2101-001 with base 27,3 % in 2023 (3 of 11, the withheld cell: the
 * ingest withholds the base), T2 on 2101-003 (base 79,6 % in 2023, as published).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface WorldDepartment {
	id: string;
	organisation: string;
	kommune: string;
	omraade: string | null;
	/** Where its point is drawn: [lat, lon]. */
	at: [number, number];
	/** Per year: residents aged 18-64 and how many of them are outside the labour market. */
	years: Record<number, { residents: number; outside: number }>;
}

export const WORLD_YEARS = [2023, 2024] as const;
export const WORLD_ORGANISATION = '2101';
export const WORLD_AREA = '0751-O01';

/** A department with its residents and how many are outside the labour market, in 2023 and in 2024. */
const department = (
	id: string,
	kommune: string,
	omraade: string | null,
	at: [number, number],
	[n23, t23, n24, t24]: number[]
): WorldDepartment => ({
	id,
	organisation: id.slice(0, 4),
	kommune,
	omraade,
	at,
	years: { 2023: { residents: n23!, outside: t23! }, 2024: { residents: n24!, outside: t24! } }
});

export const WORLD: readonly WorldDepartment[] = [
	// Aarhus (0751) and Odense (0461), a few kilometres apart.
	department('2101-001', '0751', WORLD_AREA, [56.165, 10.17], [11, 3, 13, 3]),
	department('2101-002', '0751', WORLD_AREA, [56.145, 10.2], [73, 6, 73, 32]),
	department('2101-003', '0751', null, [56.18, 10.24], [93, 74, 93, 84]),
	department('2101-004', '0461', null, [55.396, 10.388], [77, 58, 77, 62]),
	department('2102-001', '0751', null, [56.12, 10.15], [76, 42, 76, 44])
];

/** A drafted target as an older dashboard kept it in localStorage: a typed base for the withheld 2023 figure of 2101-001 (3 of 11). */
export const TYPED_DRAFT = {
	maal_id: 'UDKAST-2025-1',
	niveau: 'afdeling',
	enhed_id: '2101-001',
	indikator: 'uden_for_arbejdsmarked',
	basisaar: 2023,
	basisvaerdi: 27.3,
	maalaar: 2027,
	maalvaerdi: 5,
	retning: 'ned',
	aftaledokument: 'Aftaledokument 2025, Lærkereden',
	aftaleaar: 2025,
	boligorganisation_id: WORLD_ORGANISATION,
	beskrivelse: 'Udkast'
} as const;

export function writeWithheldWorld(dir: string): void {
	mkdirSync(dir, { recursive: true });
	const lines = (rows: string[]) => rows.join('\n') + '\n';
	const comma = (x: number) => String(x).replace('.', ',');
	writeFileSync(
		join(dir, 'afdelinger.csv'),
		lines([
			'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode;omraade_id;boligtype;lat;lon',
			...WORLD.map(
				(d, i) =>
					`${d.id};Toften ${i + 1};${d.organisation};${d.organisation === WORLD_ORGANISATION ? 'Lærkereden' : 'Fjordlys'};${d.kommune};${d.omraade ?? ''};familie;${comma(d.at[0])};${comma(d.at[1])}`
			)
		])
	);
	writeFileSync(
		join(dir, 'noegletal.csv'),
		lines([
			'afdeling_id;aar;beboere_18_64;uden_for_arbejdsmarked_18_64',
			...WORLD.flatMap((d) => WORLD_YEARS.map((y) => `${d.id};${y};${d.years[y]!.residents};${d.years[y]!.outside}`))
		])
	);
	// The area: a square around its departments' points, corners counter-clockwise, closed.
	const [s, w, n, e] = [56.135, 10.155, 56.175, 10.215];
	const area = {
		type: 'Feature',
		properties: { omraade_id: WORLD_AREA, omraade_navn: 'Toftegården' },
		geometry: {
			type: 'Polygon',
			coordinates: [
				[
					[w, s],
					[e, s],
					[e, n],
					[w, n],
					[w, s]
				]
			]
		}
	};
	writeFileSync(join(dir, 'omraader.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [area] }));
	const target = (id: string, unit: string, base: string) =>
		`${id};afdeling;${unit};uden_for_arbejdsmarked;2023;${base};2026;5;ned;Aftaledokument 2024, Lærkereden;2024;${WORLD_ORGANISATION};Mål ${id}`;
	writeFileSync(
		join(dir, 'aftaler.csv'),
		lines([
			'maal_id;niveau;enhed_id;indikator;basisaar;basisvaerdi;maalaar;maalvaerdi;retning;aftaledokument;aftaleaar;boligorganisation_id;beskrivelse',
			target('T1', '2101-001', '27,3'),
			target('T2', '2101-003', '79,6')
		])
	);
}
