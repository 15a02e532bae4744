/**
 * The indicator catalogue: the one place that says what a key figure is.
 *
 * Imported by the pipeline (Node) and the dashboard (browser) alike, so it holds no DOM and no
 * Node imports. Every indicator is stored as two raw sums, a numerator and a denominator, so that
 * any level (department, area, organisation, municipality, country) is
 *
 *     value = scale * sum(numerator) / sum(denominator)
 *
 * For a ratio of counts or sums the numerator is a raw column. For a weighted mean the numerator
 * is value * weight, summed, and the denominator the sum of the weights. Never a mean of rates.
 */
import type { RawColumn } from './input-contract.ts';

export const INDICATOR_IDS = [
	'ledighed',
	'fraflytning',
	'uden_for_arbejdsmarked',
	'vedligeholdelsesstand',
	'henlaeggelser',
	'husleje',
	'lejetab'
] as const;

export type IndicatorId = (typeof INDICATOR_IDS)[number];

/** How a level's value is formed from its departments. */
export type Aggregation =
	/** scale * sum(numerator column) / sum(denominator column) */
	| 'ratio'
	/** sum(value column * weight column) / sum(weight column) */
	| 'weighted_mean';

export interface Indicator {
	id: IndicatorId;
	name: { da: string; en: string };
	/** Short unit as printed after a number: '‰', '%', 'kr./m²', '' (score). */
	unit: { da: string; en: string };
	aggregation: Aggregation;
	/** For 'ratio': the numerator column. For 'weighted_mean': the value column. */
	numerator: RawColumn;
	/** For 'ratio': the denominator column. For 'weighted_mean': the weight column. */
	denominator: RawColumn;
	/** Multiplier applied to numerator/denominator: 1000 for per mille, 100 for per cent. */
	scale: number;
	/** Which direction is worse: 'higher' means a rising value is bad news. */
	worse: 'higher' | 'lower';
	/** True when the figure counts residents, so small groups must be suppressed (see privacy). */
	personBased: boolean;
	/** Decimals shown in the dashboard and exports. */
	decimals: number;
	/** Plausible range of a department's value, for the synthetic data and sanity warnings. */
	domain: [number, number];
	definition: { da: string; en: string };
	source: string;
}

export const INDICATORS: readonly Indicator[] = [
	{
		id: 'ledighed',
		name: { da: 'Ledighed', en: 'Vacancy' },
		unit: { da: '‰', en: '‰' },
		aggregation: 'ratio',
		numerator: 'ledige_boliger',
		denominator: 'boliger',
		scale: 1000,
		worse: 'higher',
		personBased: false,
		decimals: 1,
		domain: [0, 100],
		definition: {
			da: 'Ledige boliger, der giver afdelingen et lejetab, pr. 1.000 boliger. Boliger under renovering, boliger til kommunal anvisning og boliger, der betales i opsigelsesperioden, tæller ikke med.',
			en: 'Vacant dwellings that cause the department a loss, per 1,000 dwellings. Dwellings under renovation, at the municipality’s disposal, or still paid for during notice are excluded.'
		},
		source: 'Landsbyggefonden (LBF), ledighedsstatistik; kommunens egne data'
	},
	{
		id: 'fraflytning',
		name: { da: 'Fraflytning', en: 'Turnover' },
		unit: { da: '%', en: '%' },
		aggregation: 'ratio',
		numerator: 'fraflytninger',
		denominator: 'boliger',
		scale: 100,
		worse: 'higher',
		personBased: false,
		decimals: 1,
		domain: [0, 100],
		definition: {
			da: 'Husstande, der flytter fra afdelingen i løbet af året (flytning internt i afdelingen tæller ikke), i procent af boligerne.',
			en: 'Households moving out of the department during the year (moves within the department excluded), as a percentage of dwellings.'
		},
		source: 'Landsbyggefonden (LBF), fraflytningsstatistik'
	},
	{
		id: 'uden_for_arbejdsmarked',
		name: { da: 'Uden for arbejdsmarkedet', en: 'Outside the labour market' },
		unit: { da: '%', en: '%' },
		aggregation: 'ratio',
		numerator: 'uden_for_arbejdsmarked_18_64',
		denominator: 'beboere_18_64',
		scale: 100,
		worse: 'higher',
		personBased: true,
		decimals: 1,
		domain: [0, 100],
		definition: {
			da: 'Beboere på 18-64 år uden for arbejdsmarked og uddannelse, opgjort i fuldtidspersoner, i procent af beboerne på 18-64 år.',
			en: 'Residents aged 18-64 outside employment and education, in full-time persons, as a percentage of residents aged 18-64.'
		},
		source: 'Danmarks Statistik via Landsbyggefonden (LBF); diskretioneret'
	},
	{
		id: 'vedligeholdelsesstand',
		name: { da: 'Vedligeholdelsesstand', en: 'Maintenance state' },
		unit: { da: '', en: '' },
		aggregation: 'weighted_mean',
		numerator: 'vedligeholdelsesstand',
		denominator: 'boliger',
		scale: 1,
		worse: 'lower',
		personBased: false,
		decimals: 1,
		domain: [1, 5],
		definition: {
			da: 'Vurderingen i styringsrapporten fra 1 (dårlig) til 5 (meget god), vægtet med antal boliger.',
			en: 'The assessment in the governance report from 1 (poor) to 5 (very good), weighted by dwellings.'
		},
		source: 'Boligorganisationens styringsrapport'
	},
	{
		id: 'henlaeggelser',
		name: { da: 'Henlæggelser', en: 'Maintenance provisions' },
		unit: { da: 'kr./m²', en: 'DKK/m²' },
		aggregation: 'ratio',
		numerator: 'henlaeggelser_kr',
		denominator: 'areal_m2',
		scale: 1,
		worse: 'lower',
		personBased: false,
		decimals: 0,
		domain: [0, 1000],
		definition: {
			da: 'Årets henlæggelser til planlagt og periodisk vedligeholdelse i kroner pr. m² boligareal.',
			en: 'The year’s provisions for planned and periodic maintenance in DKK per m² of floor area.'
		},
		source: 'Afdelingens regnskab via Landsbyggefonden (LBF)'
	},
	{
		id: 'husleje',
		name: { da: 'Husleje', en: 'Rent' },
		unit: { da: 'kr./m²', en: 'DKK/m²' },
		aggregation: 'weighted_mean',
		numerator: 'husleje_kr_m2',
		denominator: 'areal_m2',
		scale: 1,
		worse: 'higher',
		personBased: false,
		decimals: 0,
		domain: [300, 2500],
		definition: {
			da: 'Gennemsnitlig årlig husleje pr. m², vægtet med boligareal.',
			en: 'Average yearly rent per m², weighted by floor area.'
		},
		source: 'Landsbyggefonden (LBF), huslejestatistik'
	},
	{
		id: 'lejetab',
		name: { da: 'Lejetab', en: 'Loss from vacancy' },
		unit: { da: 'kr./m²', en: 'DKK/m²' },
		aggregation: 'ratio',
		numerator: 'lejetab_kr',
		denominator: 'areal_m2',
		scale: 1,
		worse: 'higher',
		personBased: false,
		decimals: 1,
		domain: [0, 200],
		definition: {
			da: 'Tab ved boliger, der ikke er udlejet, i kroner pr. m² boligareal.',
			en: 'Loss from dwellings not let, in DKK per m² of floor area.'
		},
		source: 'Afdelingens regnskab via Landsbyggefonden (LBF)'
	}
];

const BY_ID = new Map(INDICATORS.map((i) => [i.id, i]));

export function indicator(id: IndicatorId): Indicator {
	const found = BY_ID.get(id);
	if (!found) throw new Error(`unknown indicator: ${id}`);
	return found;
}

export function isIndicatorId(value: string): value is IndicatorId {
	return BY_ID.has(value as IndicatorId);
}

/**
 * A level's value from its summed numerator and denominator; null where the denominator is 0
 * or missing (a rate over nothing is not 0).
 */
export function valueFromSums(ind: Indicator, numerator: number | null, denominator: number | null): number | null {
	if (numerator == null || denominator == null || !(denominator > 0)) return null;
	return (ind.scale * numerator) / denominator;
}
