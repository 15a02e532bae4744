/**
 * The bundled demo: three municipalities (Aarhus, Odense, Vejle), five fictional housing
 * organisations, ten fictional areas and about fifty departments, with the stories listed in
 * HISTORIER.md. The plan (ids, names, who is where) is fixed, so story ids are the same for every
 * seed; the seed draws the figures, sizes and positions.
 */
import type { HousingType } from '../../src/lib/core/input-contract.ts';
import { AreaPlacer, areaRing, departmentPointInArea, looseDepartmentPoint, municipalityGeo, round6, type LonLat } from './geography.ts';
import { DepartmentIds } from './department-ids.ts';
import { departmentName } from './names.ts';
import { calibrate, drawDwellings, drawFloorArea, drawHousingType, drawProfile, municipalityFactors } from './profile.ts';
import { mixSeed, Rng } from './rng.ts';
import { jittered, RECOVERY, RECOVERY_START, SLIDE, small } from './stories.ts';
import type { Area, Department, Organisation, Story, World } from './world.ts';

export const DEMO_KOMMUNER = ['0461', '0630', '0751'] as const;

const ORGANISATIONS: Organisation[] = [
	{ id: '2101', name: 'Boligselskabet Lærkereden' },
	{ id: '2102', name: 'Boligforeningen Fjordlys' },
	{ id: '2103', name: 'Den almene boligforening Kastanjegården' },
	{ id: '2104', name: 'Boligfællesskabet Hyldebærhaven' },
	{ id: '2105', name: 'Boligselskabet Tranebo' }
];

type Tag = 'slide' | 'recovery' | 'small' | 'late' | 'gap' | 'no-area' | 'span' | 'big-neighbour';

interface Planned {
	org: string;
	type?: HousingType;
	name?: string;
	dwellings?: number;
	built?: number;
	missing?: number[];
	tag?: Tag;
}

interface PlannedArea {
	id: string | null;
	name: string;
	kommune: (typeof DEMO_KOMMUNER)[number];
	tag?: Tag;
	departments: Planned[];
}

const f = (org: string, extra: Omit<Planned, 'org'> = {}): Planned => ({ org, type: 'familie', ...extra });

const PLAN: PlannedArea[] = [
	{
		id: '0751-O01',
		name: 'Engparken Øst',
		kommune: '0751',
		tag: 'slide',
		departments: [f('2101'), f('2101'), f('2101'), f('2101'), f('2101')]
	},
	{
		id: '0751-O02',
		name: 'Solsikkeparken',
		kommune: '0751',
		tag: 'span',
		departments: [f('2101'), f('2101'), f('2102'), f('2102'), { org: '2102', type: 'ungdom', name: 'Solsikkeparken Kollegiet' }]
	},
	{
		id: '0751-O03',
		name: 'Kærgårdsvej',
		kommune: '0751',
		departments: [
			f('2102', { name: 'Tårnet "Øst"' }),
			f('2102'),
			f('2102'),
			{ org: '2102', type: 'ældre', name: 'Kærgårdsvej Ældreboliger' }
		]
	},
	{
		id: '0751-O04',
		name: 'Hvedemarken',
		kommune: '0751',
		departments: [
			f('2101', { name: 'Hvedemarken, Gavlhusene', dwellings: 14, tag: 'small' }),
			f('2101', { name: 'Hvedemarken, afd. 1', dwellings: 46, tag: 'big-neighbour' })
		]
	},
	{
		id: '0461-O01',
		name: 'Svalehøj',
		kommune: '0461',
		tag: 'recovery',
		departments: [f('2103'), f('2103'), f('2103'), f('2103'), f('2104'), f('2104')]
	},
	{ id: '0461-O02', name: 'Birkehøjen', kommune: '0461', departments: [f('2104'), f('2104'), f('2104'), { org: '2104', type: 'ældre' }] },
	{
		id: '0461-O03',
		name: 'Pilegårdsparken',
		kommune: '0461',
		departments: [f('2103'), f('2103', { tag: 'gap', missing: [2016, 2017] }), f('2103')]
	},
	{
		id: '0461-O04',
		name: 'Æblehaven Nord',
		kommune: '0461',
		departments: [f('2104'), f('2104'), f('2104', { name: 'Æblehaven Nord, nybyggeriet', built: 2019, tag: 'late' })]
	},
	{
		id: '0630-O01',
		name: 'Skovbrynet',
		kommune: '0630',
		departments: [f('2105', { name: 'Skovbrynet; blok A-C' }), f('2105'), f('2105'), { org: '2105', type: 'ungdom' }]
	},
	{ id: '0630-O02', name: 'Mølleengen', kommune: '0630', departments: [f('2105'), f('2105'), f('2102'), f('2102')] },
	// Departments outside any area.
	{
		id: null,
		name: '',
		kommune: '0751',
		departments: [{ org: '2101', type: 'ældre' }, { org: '2101' }, { org: '2102' }, { org: '2102', type: 'ungdom' }]
	},
	{ id: null, name: '', kommune: '0461', departments: [{ org: '2103' }, { org: '2103' }, { org: '2104', type: 'ældre' }, { org: '2104' }] },
	{
		id: null,
		name: '',
		kommune: '0630',
		departments: [f('2105', { name: 'Kløvertoften', tag: 'no-area' }), { org: '2105', type: 'ældre' }, { org: '2102' }]
	}
];

export function demoWorld(seed: number): World {
	const rng = new Rng(mixSeed(seed, 0x64656d));
	const orgById = new Map(ORGANISATIONS.map((o) => [o.id, o]));
	const ids = new DepartmentIds();
	const placers = new Map(DEMO_KOMMUNER.map((k) => [k, new AreaPlacer(municipalityGeo(k))]));
	const areas: Area[] = [];
	const departments: Department[] = [];
	const tagged = new Map<Tag, Department[]>();

	for (const planned of PLAN) {
		const geo = municipalityGeo(planned.kommune);
		const muni = municipalityFactors(seed, geo);
		let area: Area | null = null;
		if (planned.id) {
			const radiusKm = rng.uniform(0.3, 0.5);
			const center = (placers.get(planned.kommune) as AreaPlacer).place(rng, radiusKm);
			area = { id: planned.id, name: planned.name, kommune: planned.kommune, center, radiusKm, ring: areaRing(rng, center, radiusKm) };
			areas.push(area);
		}
		// Areas in a story were built together, in the late 1960s, like many real estates of that kind.
		const storyArea = planned.tag === 'slide' || planned.tag === 'recovery';
		planned.departments.forEach((p, index) => {
			const org = orgById.get(p.org) as Organisation;
			const type = p.type ?? drawHousingType(rng);
			const built = p.built ?? (storyArea ? rng.int(1966, 1974) : rng.int(1950, 2005));
			const dwellings = p.dwellings ?? Math.max(20, drawDwellings(rng, type));
			const [lon, lat]: LonLat = area ? departmentPointInArea(rng, area.center, area.radiusKm) : looseDepartmentPoint(rng, geo, areas);
			const trend = { vacancy: 0.02 * rng.normal(), outside: 0.005 * rng.normal() };
			const d: Department = {
				id: ids.take(org),
				name: p.name ?? departmentName(rng, area?.name ?? null, index),
				organisation: org,
				kommune: planned.kommune,
				areaId: area?.id ?? null,
				type,
				built,
				lon: round6(lon),
				lat: round6(lat),
				dwellings,
				floorArea: drawFloorArea(rng, type, dwellings),
				missingYears: p.missing ?? [],
				profile: drawProfile(rng, type, built, muni, trend)
			};
			const jitter = rng.factor(0.2);
			if (planned.tag === 'slide') d.story = jittered(SLIDE, jitter);
			if (planned.tag === 'recovery') d.story = jittered(RECOVERY, jitter);
			if (p.tag === 'small') d.story = small;
			departments.push(d);
			for (const tag of [planned.tag, p.tag]) if (tag) tagged.set(tag, [...(tagged.get(tag) ?? []), d]);
		});
	}

	calibrate(departments);
	departments.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
	const idsOf = (tag: Tag) => (tagged.get(tag) ?? []).map((d) => d.id).sort();
	const one = (tag: Tag) => tagged.get(tag)?.[0] as Department;

	const stories: Story[] = [
		{
			id: 'H1',
			title: 'Et område, der glider',
			description:
				'Ledighed, fraflytning og andelen uden for arbejdsmarkedet stiger år for år fra omkring 2014; vedligeholdelsesstanden falder fra 4 til 2.',
			areaId: '0751-O01',
			departmentIds: idsOf('slide')
		},
		{
			id: 'H2',
			title: 'Et område, der rejser sig efter en indsats',
			description: `Høj ledighed og fraflytning og mange uden for arbejdsmarkedet frem til ${RECOVERY_START - 1}. En helhedsplan med renovering fra ${RECOVERY_START} hæver henlæggelserne med det samme; derefter falder ledighed, fraflytning og andelen uden for arbejdsmarkedet, og vedligeholdelsesstanden stiger.`,
			areaId: '0461-O01',
			departmentIds: idsOf('recovery')
		},
		{
			id: 'H3',
			title: 'En lille afdeling, der skal diskretioneres',
			description: `${one('small').dwellings} boliger, 11-13 beboere på 18-64 år og 2-4 af dem uden for arbejdsmarkedet hvert år. Området har kun én anden afdeling (${one('big-neighbour').id}), så tallet kan heller ikke offentliggøres for området uden at afsløre den lille afdeling ved subtraktion.`,
			areaId: '0751-O04',
			departmentIds: [one('small').id, one('big-neighbour').id]
		},
		{
			id: 'H4',
			title: 'En ny afdeling',
			description: 'Opført i 2019; nøgletal fra 2020.',
			areaId: one('late').areaId,
			departmentIds: [one('late').id]
		},
		{
			id: 'H5',
			title: 'En afdeling med hul i tallene',
			description: 'Ingen rækker for 2016 og 2017 i nogen nøgletalsfil.',
			areaId: one('gap').areaId,
			departmentIds: [one('gap').id]
		},
		{
			id: 'H6',
			title: 'En afdeling uden område',
			description: 'Feltet omraade_id er tomt; afdelingen tæller med i boligorganisationen og kommunen, men ikke i noget område.',
			areaId: null,
			departmentIds: [one('no-area').id]
		},
		{
			id: 'H7',
			title: 'Et område på tværs af to boligorganisationer',
			description: `Afdelinger fra ${[...new Set((tagged.get('span') ?? []).map((d) => d.organisation.name))].sort().join(' og ')}.`,
			areaId: '0751-O02',
			departmentIds: idsOf('span')
		}
	];

	return {
		scale: 'demo',
		seed,
		kommuner: [...DEMO_KOMMUNER],
		organisations: ORGANISATIONS,
		areas: areas.sort((a, b) => (a.id < b.id ? -1 : 1)),
		departments,
		stories
	};
}
