/**
 * The input contract: which files and columns a municipality's export may hold, and the header
 * spellings we accept for each. Documented for users in data/README.md; keep the two in step.
 *
 * Shared by the pipeline (to read) and the dashboard (to write aftaler.csv and the like later),
 * so no DOM and no Node imports here.
 */

/** The raw count and value columns of a noegletal*.csv file. */
export const RAW_COLUMNS = [
	'boliger',
	'ledige_boliger',
	'fraflytninger',
	'beboere_18_64',
	'uden_for_arbejdsmarked_18_64',
	'vedligeholdelsesstand',
	'areal_m2',
	'husleje_kr_m2',
	'lejetab_kr',
	'henlaeggelser_kr'
] as const;
export type RawColumn = (typeof RAW_COLUMNS)[number];

/** Columns of afdelinger.csv, the department register. */
export const DEPARTMENT_COLUMNS = [
	'afdeling_id',
	'afdeling_navn',
	'boligorganisation_id',
	'boligorganisation_navn',
	'kommune_kode',
	'omraade_id',
	'boligtype',
	'opfoerelsesaar',
	'lat',
	'lon'
] as const;
export type DepartmentColumn = (typeof DEPARTMENT_COLUMNS)[number];

export const REQUIRED_DEPARTMENT_COLUMNS: readonly DepartmentColumn[] = [
	'afdeling_id',
	'afdeling_navn',
	'boligorganisation_id',
	'boligorganisation_navn',
	'kommune_kode'
];

/** Key columns of a noegletal*.csv file; every other column must be a RawColumn. */
export const KEY_FIGURE_KEYS = ['afdeling_id', 'aar'] as const;

export const HOUSING_TYPES = ['familie', 'ældre', 'ungdom'] as const;
export type HousingType = (typeof HOUSING_TYPES)[number];

/**
 * Raw columns that count whole things: a value with decimals there is an error (data/README.md).
 * Not `uden_for_arbejdsmarked_18_64`, which is in full-time persons (a yearly average).
 */
export const WHOLE_COLUMNS: readonly RawColumn[] = ['boliger', 'ledige_boliger', 'fraflytninger', 'beboere_18_64'];

/** Raw columns that are amounts of something and so can be checked as counts (not negative). */
export const COUNT_COLUMNS: readonly RawColumn[] = [
	'boliger',
	'ledige_boliger',
	'fraflytninger',
	'beboere_18_64',
	'uden_for_arbejdsmarked_18_64',
	'areal_m2',
	'lejetab_kr',
	'henlaeggelser_kr'
];

/** Pairs where the first may never exceed the second in the same row. */
export const NOT_ABOVE: readonly [RawColumn, RawColumn, { da: string }][] = [
	['ledige_boliger', 'boliger', { da: 'flere ledige boliger end boliger' }],
	['uden_for_arbejdsmarked_18_64', 'beboere_18_64', { da: 'flere uden for arbejdsmarkedet end beboere på 18-64 år' }]
];

/**
 * Columns of aftaler.csv, the agreed targets (optional input; see src/lib/core/target.ts and
 * data/README.md). maal_id, retning, boligorganisation_id and beskrivelse may be left out.
 */
export const TARGET_COLUMNS = [
	'maal_id',
	'niveau',
	'enhed_id',
	'indikator',
	'basisaar',
	'basisvaerdi',
	'maalaar',
	'maalvaerdi',
	'retning',
	'aftaledokument',
	'aftaleaar',
	'boligorganisation_id',
	'beskrivelse'
] as const;
export const REQUIRED_TARGET_COLUMNS: readonly (typeof TARGET_COLUMNS)[number][] = [
	'niveau',
	'enhed_id',
	'indikator',
	'basisaar',
	'basisvaerdi',
	'maalaar',
	'maalvaerdi',
	'aftaledokument',
	'aftaleaar'
];

/**
 * Columns of indsatser.csv, the project bank (optional input; see
 * src/lib/core/intervention.ts and data/README.md).
 */
export const INTERVENTION_COLUMNS = [
	'indsats_id',
	'indsats_navn',
	'indsatstype',
	'afdelinger',
	'omraader',
	'startaar',
	'slutaar',
	'finansiering',
	'politisk_maal',
	'indikatorer',
	'beskrivelse'
] as const;
export const REQUIRED_INTERVENTION_COLUMNS: readonly (typeof INTERVENTION_COLUMNS)[number][] = [
	'indsats_id',
	'indsats_navn',
	'indsatstype',
	'startaar'
];

/**
 * Columns of referencetal.csv, published reference figures (optional input; see
 * src/lib/core/reference.ts and data/README.md). taeller, naevner, enhed_navn, periode, boligtype
 * and url may be left empty.
 */
export const REFERENCE_COLUMNS = [
	'niveau',
	'enhed_id',
	'enhed_navn',
	'indikator',
	'aar',
	'periode',
	'boligtype',
	'taeller',
	'naevner',
	'vaerdi',
	'kilde',
	'url'
] as const;
export const REQUIRED_REFERENCE_COLUMNS: readonly (typeof REFERENCE_COLUMNS)[number][] = [
	'niveau',
	'enhed_id',
	'indikator',
	'aar',
	'vaerdi',
	'kilde'
];

/** Years we accept as plausible for key figures and construction. */
export const YEAR_RANGE = { keyFigures: [2000, 2100], construction: [1850, 2100] } as const;

/**
 * Accepted header spellings, after normalisation (see normaliseHeader). The canonical name is
 * always accepted; these are the extra spellings seen in real exports.
 */
export const HEADER_ALIASES: Record<string, string> = {
	// afdelinger.csv
	afdelingsid: 'afdeling_id',
	afdelingid: 'afdeling_id',
	afdelingsnr: 'afdeling_id',
	afdelingsnummer: 'afdeling_id',
	afdeling: 'afdeling_id',
	afdelingsnavn: 'afdeling_navn',
	navn: 'afdeling_navn',
	boligorganisationsid: 'boligorganisation_id',
	boligorganisationid: 'boligorganisation_id',
	organisationid: 'boligorganisation_id',
	organisationsid: 'boligorganisation_id',
	boligselskabid: 'boligorganisation_id',
	boligorganisation: 'boligorganisation_navn',
	boligorganisationsnavn: 'boligorganisation_navn',
	organisation: 'boligorganisation_navn',
	organisationsnavn: 'boligorganisation_navn',
	boligselskab: 'boligorganisation_navn',
	kommunekode: 'kommune_kode',
	komkode: 'kommune_kode',
	kommunenr: 'kommune_kode',
	omraadeid: 'omraade_id',
	boligomraadeid: 'omraade_id',
	omraade: 'omraade_id',
	type: 'boligtype',
	opfoerelsesaar: 'opfoerelsesaar',
	opfoert: 'opfoerelsesaar',
	byggeaar: 'opfoerelsesaar',
	breddegrad: 'lat',
	latitude: 'lat',
	laengdegrad: 'lon',
	longitude: 'lon',
	lng: 'lon',
	// noegletal*.csv
	aar: 'aar',
	year: 'aar',
	antalboliger: 'boliger',
	ledige: 'ledige_boliger',
	ledigeboliger: 'ledige_boliger',
	fraflyttede: 'fraflytninger',
	fraflytninger: 'fraflytninger',
	beboere1864: 'beboere_18_64',
	udenforarbejdsmarked1864: 'uden_for_arbejdsmarked_18_64',
	udenforarbejdsmarkedet1864: 'uden_for_arbejdsmarked_18_64',
	vedligeholdelse: 'vedligeholdelsesstand',
	areal: 'areal_m2',
	arealm2: 'areal_m2',
	boligareal: 'areal_m2',
	huslejekrm2: 'husleje_kr_m2',
	husleje: 'husleje_kr_m2',
	// Spelled out per m² (LBF's sheets, "Husleje (kr. pr. m²)"): the same column. "Husleje (kr.)"
	// alone stays unknown: it may be a whole rent, not per m².
	huslejeprm2: 'husleje_kr_m2',
	huslejekrprm2: 'husleje_kr_m2',
	huslejeprm2kr: 'husleje_kr_m2',
	aarlighuslejeprm2: 'husleje_kr_m2',
	lejetab: 'lejetab_kr',
	lejetabkr: 'lejetab_kr',
	henlaeggelser: 'henlaeggelser_kr',
	henlaeggelserkr: 'henlaeggelser_kr',
	// aftaler.csv
	maalid: 'maal_id',
	maal: 'maal_id',
	enhed: 'enhed_id',
	enhedsid: 'enhed_id',
	noegletal: 'indikator',
	basis: 'basisvaerdi',
	maalvaerdien: 'maalvaerdi',
	aftale: 'aftaledokument',
	// referencetal.csv
	enhedsnavn: 'enhed_navn',
	link: 'url',
	// indsatser.csv
	indsats: 'indsats_navn',
	indsatsnavn: 'indsats_navn',
	typeafindsats: 'indsatstype',
	start: 'startaar',
	slut: 'slutaar',
	politiskmaal: 'politisk_maal'
};

/**
 * Normalise a header for matching: lower case; æ→ae, ø→oe, å→aa (and the Swedish/German forms);
 * strip accents, spaces, hyphens, underscores, dots and brackets. 'Afdelings-id' → 'afdelingsid',
 * 'År' → 'aar', 'uden_for_arbejdsmarked_18_64' → 'udenforarbejdsmarked1864'.
 */
export function normaliseHeader(header: string): string {
	return header
		.trim()
		.toLowerCase()
		.replace(/æ|ä/g, 'ae')
		.replace(/ø|ö/g, 'oe')
		.replace(/å/g, 'aa')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/m²/g, 'm2')
		.replace(/[^a-z0-9]/g, '');
}

const CANONICAL = new Map<string, string>();
for (const name of [
	...DEPARTMENT_COLUMNS,
	...KEY_FIGURE_KEYS,
	...RAW_COLUMNS,
	...TARGET_COLUMNS,
	...INTERVENTION_COLUMNS,
	...REFERENCE_COLUMNS
]) {
	CANONICAL.set(normaliseHeader(name), name);
}
for (const [alias, name] of Object.entries(HEADER_ALIASES)) CANONICAL.set(normaliseHeader(alias), name);

/** The canonical column a header means, or null when we do not know it. */
export function canonicalColumn(header: string): string | null {
	return CANONICAL.get(normaliseHeader(header)) ?? null;
}
