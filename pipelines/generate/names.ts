/**
 * Fictional names for departments, areas and housing organisations.
 *
 * Invented figures must never sit on a real, named neighbourhood (see ../shared/geo/README.md), so
 * names are built from plant, bird and landscape words plus a suffix, placed at random in a
 * municipality. A common compound may still exist somewhere in Denmark as a street or estate, but
 * never where we put it; and the well-known, publicly listed areas below are refused outright.
 */
import type { Rng } from './rng.ts';

const STEMS = [
	'Solsikke',
	'Lærke',
	'Kastanje',
	'Hyldebær',
	'Kløver',
	'Hvede',
	'Hassel',
	'Røn',
	'Ask',
	'Elme',
	'Birke',
	'Bøge',
	'Ege',
	'Pile',
	'Linde',
	'Valmue',
	'Kornblomst',
	'Anemone',
	'Vibe',
	'Spurve',
	'Stære',
	'Svale',
	'Måge',
	'Trane',
	'Hejre',
	'Ugle',
	'Ravne',
	'Eng',
	'Mose',
	'Kær',
	'Lyng',
	'Bakke',
	'Dal',
	'Fjord',
	'Strand',
	'Mølle',
	'Kilde',
	'Sø',
	'Ager',
	'Toft',
	'Kirsebær',
	'Æble',
	'Blomme',
	'Pære',
	'Tjørne',
	'Syrene',
	'Rose',
	'Lavendel',
	'Humle',
	'Snerle',
	'Tidsel',
	'Mjødurt',
	'Stenbræk',
	'Engblomme',
	'Rørdrum',
	'Viber',
	'Glente',
	'Musvåge',
	'Drossel',
	'Gærde',
	'Kæruld',
	'Hvidtjørn',
	'Perikon',
	'Kamille',
	'Fyrre',
	'Gran',
	'Løvfald',
	'Smørblomst',
	'Forglemmigej'
] as const;

const SUFFIXES = [
	'parken',
	'haven',
	'gården',
	'vænget',
	'høj',
	'toften',
	'engen',
	'lunden',
	'bakken',
	'marken',
	'stien',
	'vej',
	'huse',
	'hegnet',
	'krogen',
	'løkken',
	'gårdene',
	'husene',
	'hus',
	'bo',
	'tofterne',
	'haverne',
	'kvarteret',
	'slugten',
	'skrænten'
] as const;

const QUARTERS = ['Nord', 'Syd', 'Øst', 'Vest'] as const;

const ORGANISATION_KINDS = [
	'Boligselskabet',
	'Boligforeningen',
	'Den almene boligforening',
	'Boligfællesskabet',
	'Lejerforeningen'
] as const;

/**
 * Publicly named housing areas (the government's lists of vulnerable and prevention areas
 * 2018-2024, and other estates often in the news), lower case. Best effort: a generated name that
 * equals one of these is replaced. Generated names are also checked against this list in the tests.
 */
export const REAL_AREA_NAMES: readonly string[] = [
	'gellerupparken',
	'toveshøj',
	'bispehaven',
	'herredsvang',
	'skovgårdsparken',
	'rosenhøj',
	'langkærparken',
	'trigeparken',
	'skjoldhøjparken',
	'vollsmose',
	'korsløkkeparken',
	'ejerslykke',
	'mjølnerparken',
	'tingbjerg',
	'utterslevhuse',
	'aldersrogade',
	'bispeparken',
	'blågården',
	'lundtoftegade',
	'hørgården',
	'husumgård',
	'akacieparken',
	'nørrebro park',
	'finlandsparken',
	'løget by',
	'agervang',
	'motalavej',
	'ringparken',
	'schackenborgvænge',
	'sebbersundvej',
	'stengårdsvej',
	'skovparken',
	'skovgården',
	'charlotteager',
	'gadehavegård',
	'tåstrupgård',
	'taastrupgaard',
	'nøjsomhed',
	'vapnagaard',
	'vejleåparken',
	'værebro park',
	'kildeparken',
	'holmebæk',
	'askerød',
	'hedelyngen',
	'karens minde',
	'brøndby strand',
	'munkebo',
	'degnegården',
	'solvang',
	'ydre vesterbro',
	'fuglekvarteret',
	'søndermarken',
	'bøgeparken',
	'birkeparken',
	'nørremarken',
	'petersminde',
	'sundholmen',
	'lindholm',
	'kokkedal vest',
	'hvissinge'
];

const REAL = new Set(REAL_AREA_NAMES);

/** True when a name (or its first part before a comma or quarter) is a real, listed area. */
export function isRealAreaName(name: string): boolean {
	const lower = name.toLowerCase().trim();
	if (REAL.has(lower)) return true;
	const base = lower.replace(/\s+(nord|syd|øst|vest)$/u, '');
	return REAL.has(base);
}

function compound(rng: Rng): string {
	for (;;) {
		const stem = rng.pick(STEMS);
		const suffix = rng.pick(SUFFIXES);
		// 'Ege' + 'engen' reads badly; drop the stem's final e before a suffix starting with e.
		const joined = stem.endsWith('e') && suffix.startsWith('e') ? stem.slice(0, -1) + suffix : stem + suffix;
		const name = joined.charAt(0).toUpperCase() + joined.slice(1);
		if (!isRealAreaName(name)) return name;
	}
}

/** An area name such as 'Engparken Øst' or 'Svalehaven'. */
export function areaName(rng: Rng): string {
	const base = compound(rng);
	return rng.chance(0.2) ? `${base} ${rng.pick(QUARTERS)}` : base;
}

/** A department name: usually the area's name with a part, else a name of its own. */
export function departmentName(rng: Rng, area: string | null, index: number): string {
	if (area && rng.chance(0.7)) {
		const part = rng.chance(0.5) ? `afd. ${index + 1}` : `${rng.pick(['etape', 'blok', 'del'])} ${index + 1}`;
		return `${area}, ${part}`;
	}
	return compound(rng);
}

export function organisationName(rng: Rng): string {
	return `${rng.pick(ORGANISATION_KINDS)} ${compound(rng)}`;
}
