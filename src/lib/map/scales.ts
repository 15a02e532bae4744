/**
 * The map's class bounds per indicator: ONE set for every municipality and every year, so two
 * maps side by side, or one map in two years, use a colour for the same values.
 *
 * The bounds are chosen to mean something, each stated in the legend with its source:
 * - where an official critical value or a published national figure exists (DOMAIN.md,
 *   /work/shared/reference/landstal-lbf.csv), the bounds are that value and simple multiples of it;
 * - for a municipality's own indicator (indikatorer.csv) with enough area values, the quintiles of
 *   its area values in the data (web/index.json's `kvantiler`, Indicator.quantiles);
 * - where none of these exists (maintenance provisions, loss from vacancy; a declared indicator
 *   with too few area values), the quintiles of the municipalities' figures over every year
 *   (ClassBasis, `klassegrundlag` of overblik.json and land.json, the same in every file), and the
 *   legend says how many of the 98 municipalities they rest on. Never the sum over the loaded
 *   departments: with three municipalities loaded that is no country's figure.
 * A first or last bound of ±Infinity makes an open class ("under 3,0 ‰", "26,0 ‰ og derover").
 */
import type { Indicator, IndicatorId } from '../core/indicators.ts';
import type { ClassBasis } from '../core/output-contract.ts';
import type { Lang } from '../i18n/lang.ts';
import { formatNumber } from '../i18n/format.ts';

export interface ClassScale {
	/** Ascending bounds, one more than there are classes; ±Infinity at an open end. */
	bounds: number[];
	/** What the bounds are and where they come from, for the legend. */
	basis: Record<Lang, string>;
}

type Text = Record<Lang, string>;

/** Published figures and criteria the bounds are made of (transcribed, not computed). */
const FIXED: Partial<Record<IndicatorId, ClassScale>> = {
	// LBF: 6,5 ‰ nationally, October 2024; the regions range from 0,8 to 13,0 ‰.
	ledighed: {
		bounds: [0, 3, 6.5, 13, 26, Infinity],
		basis: {
			da: 'Grænserne er det halve, det hele, det dobbelte og det firedobbelte af landstallet 6,5 ‰ (Landsbyggefonden, ledighedsstatistik, oktober 2024).',
			en: 'The bounds are half, once, twice and four times the national figure of 6.5 ‰ (Landsbyggefonden, vacancy statistics, October 2024).'
		}
	},
	// LBF: 10,4 % in family housing, 39,9 % in youth housing, 2019.
	fraflytning: {
		bounds: [0, 5.2, 10.4, 20.8, 39.9, Infinity],
		basis: {
			da: 'Grænserne er det halve, det hele og det dobbelte af landstallet for familieboliger, 10,4 %, og landstallet for ungdomsboliger, 39,9 % (Landsbyggefonden, temastatistik 2020:7, tal for 2019).',
			en: 'The bounds are half, once and twice the national figure for family housing, 10.4 %, and the national figure for youth housing, 39.9 % (Landsbyggefonden, thematic statistics 2020:7, figures for 2019).'
		}
	},
	// The statutory criteria: more than 30 % (prevention area, 2021) and 40 % (vulnerable area, 2018).
	uden_for_arbejdsmarked: {
		bounds: [0, 20, 30, 40, 50, Infinity],
		basis: {
			da: '30 % og 40 % er lovens kriterier for forebyggelsesområde (fra 2021) og udsat boligområde (fra 2018); 20 % og 50 % deler resten.',
			en: '30 % and 40 % are the statutory criteria for a prevention area (from 2021) and a vulnerable housing area (from 2018); 20 % and 50 % divide the rest.'
		}
	},
	vedligeholdelsesstand: {
		bounds: [1, 2, 3, 4, 5],
		basis: {
			da: 'Styringsrapportens skala fra 1 (dårlig) til 5 (meget god), ét trin pr. klasse.',
			en: 'The governance report’s scale from 1 (poor) to 5 (very good), one step a class.'
		}
	},
	// LBF: 899 kr./m² on 1 January 2023; the middle class holds it.
	husleje: {
		bounds: [0, 750, 850, 950, 1050, Infinity],
		basis: {
			da: 'Midterklassen 850–950 kr./m² rummer landstallet 899 kr./m² (Landsbyggefonden, huslejestatistik 2023); de øvrige klasser er 100 kr. brede.',
			en: 'The middle class, 850–950 kr./m², holds the national figure of 899 kr./m² (Landsbyggefonden, rent statistics 2023); the other classes are 100 kr. wide.'
		}
	}
};

/**
 * The scale of an indicator: its published bounds, else the quintiles of the municipalities'
 * figures (`basis`, ClassBasis); null when neither gives one (no municipality has a figure).
 */
export function scaleFor(ind: Pick<Indicator, 'id' | 'decimals' | 'unit' | 'quantiles'>, basis: ClassBasis | undefined): ClassScale | null {
	const fixed = FIXED[ind.id];
	if (fixed) return fixed;
	if (ind.quantiles && ind.quantiles.graenser.length > 0) return quantileScale(ind.quantiles, basis);
	const quintiles = (basis?.kvintiler ?? []).filter((v) => Number.isFinite(v));
	if (!basis || quintiles.length === 0) return null;
	const inner = quintiles.map((q) => (q === 0 ? 0 : twoDigits(q, ind.decimals)));
	const distinct = inner.filter((b, i) => i === 0 || b > inner[i - 1]!);
	// Positive quintiles start the first class at 0 ("0–60"); a quintile of 0 is that first bound;
	// a negative one leaves the first class open ("under -20").
	const lowest = distinct[0]!;
	const bounds = lowest > 0 ? [0, ...distinct, Infinity] : lowest === 0 ? [...distinct, Infinity] : [-Infinity, ...distinct, Infinity];
	const span = basis.fra === basis.til ? String(basis.fra) : `${basis.fra}–${basis.til}`;
	const whose: Text =
		basis.kommuner >= basis.i_alt
			? { da: `alle ${basis.i_alt} kommuner`, en: `all ${basis.i_alt} municipalities` }
			: basis.kommuner === 1
				? {
						da: `kun 1 af ${basis.i_alt} kommuner er i data, så det er kommunens egne år, ikke landets fordeling`,
						en: `only 1 of ${basis.i_alt} municipalities is in the data, so these are its own years, not the country's spread`
					}
				: {
						da: `de indlæste kommuner, ${basis.kommuner} af ${basis.i_alt}, ikke landets fordeling`,
						en: `the loaded municipalities, ${basis.kommuner} of ${basis.i_alt}, not the country's spread`
					};
	const text: Text = {
		da: `Ingen officiel grænse: grænserne er kvintilerne af kommunernes tal i årene ${span} (${whose.da}), afrundet til to betydende cifre.`,
		en: `No official bound: the bounds are the quintiles of the municipalities' figures in the years ${span} (${whose.en}), rounded to two significant digits.`
	};
	return { bounds, basis: text };
}

/**
 * Open classes below the first and above the last quintile: "under a", "a–b", ..., "d og derover".
 * The legend says whose areas the quintiles are of: the country's only when every municipality is
 * in the data (`basis`, the same coverage the municipalities' classes state), never by default.
 */
function quantileScale(q: NonNullable<Indicator['quantiles']>, basis: ClassBasis | undefined): ClassScale {
	const years = q.aar[0] === q.aar[1] ? `${q.aar[0]}` : `${q.aar[0]}–${q.aar[1]}`;
	const n = (lang: Lang) => formatNumber(q.antal, 0, lang);
	const where: Text = !basis
		? { da: 'områdernes tal i data', en: "the areas' figures in the data" }
		: basis.kommuner >= basis.i_alt
			? { da: `områdernes tal i alle ${basis.i_alt} kommuner`, en: `the areas' figures in all ${basis.i_alt} municipalities` }
			: {
					da: `områdernes tal i de indlæste kommuner (${basis.kommuner} af ${basis.i_alt}), ikke landets fordeling`,
					en: `the areas' figures in the loaded municipalities (${basis.kommuner} of ${basis.i_alt}), not the country's spread`
				};
	return {
		bounds: [-Infinity, ...q.graenser, Infinity],
		basis: {
			da: `Ingen officiel grænse: grænserne er kvintilerne af ${where.da}, så hver klasse rummer omtrent en femtedel af dem (${n('da')} områdetal fra årene ${years}).`,
			en: `No official bound: the bounds are the quintiles of ${where.en}, so each class holds about a fifth of them (${n('en')} area figures from the years ${years}).`
		}
	};
}

/** Two significant digits, never finer than the indicator prints. */
function twoDigits(x: number, decimals: number): number {
	const magnitude = 10 ** (Math.floor(Math.log10(Math.abs(x))) - 1);
	const step = Math.max(magnitude, 10 ** -decimals);
	return Number((Math.round(x / step) * step).toFixed(decimals));
}
