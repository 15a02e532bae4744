/**
 * The indicator catalogue turned into SQL over the key-figure table `kf` (one row per
 * department and year, one DOUBLE column per raw column, NULL when missing, and one BOOLEAN
 * `s_<indicator>` per person-based indicator saying the cell is suppressed; see key-figures.ts).
 *
 * A department's figure:
 *   ratio:          taeller = numerator,         naevner = denominator, vaerdi = scale * taeller / naevner
 *   weighted_mean:  taeller = value * weight,    naevner = weight,      vaerdi = scale * value
 * A weighted mean's own value does not depend on its weight, so a department with a rent but
 * no floor area still shows its rent; it only cannot enter an aggregate.
 * vaerdi is NULL when an input is missing or the denominator is 0 (a rate over nothing is not 0).
 * Person-based figures never publish taeller/naevner, and their vaerdi is NULL when suppressed.
 *
 * Aggregates use the same taeller/naevner, summed over departments that have both.
 */
import { activeIndicators, type Indicator } from '../../src/lib/core/indicators.ts';
import { columnNames, type ColumnName } from '../../src/lib/core/output-schema.ts';

/**
 * The catalogue in effect (built-in and declared, see src/lib/core/indicators.ts) in id order:
 * noegletal.parquet is sorted by afdeling_id, aar, indikator.
 */
export function sortedIndicators(): readonly Indicator[] {
	return [...activeIndicators()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The person-based indicators in effect, in id order: the privacy rule and the audit apply to each. */
export function personBasedIndicators(): readonly Indicator[] {
	return sortedIndicators().filter((i) => i.personBased);
}

/** The BOOLEAN column of `kf` marking suppressed cells of a person-based indicator. */
export function suppressionColumn(ind: Indicator): string {
	return `s_${ind.id}`;
}

const q = (column: string) => `"${column}"`;

/** The numerator as summed: the raw numerator, or value * weight for a weighted mean. */
export function taellerSql(ind: Indicator): string {
	return ind.aggregation === 'weighted_mean' ? `(${q(ind.numerator)} * ${q(ind.denominator)})` : q(ind.numerator);
}

export function naevnerSql(ind: Indicator): string {
	return q(ind.denominator);
}

/** The department's own value before suppression. */
function valueSql(ind: Indicator): string {
	if (ind.aggregation === 'weighted_mean') return `(${ind.scale} * ${q(ind.numerator)})`;
	return `CASE WHEN ${q(ind.denominator)} > 0 THEN ${ind.scale} * ${q(ind.numerator)} / ${q(ind.denominator)} END`;
}

/** The noegletal columns that come from the indicator's struct; afdeling_id and aar come from kf. */
type StructColumn = Exclude<ColumnName<'noegletal'>, 'afdeling_id' | 'aar'>;
export const STRUCT_COLUMNS = columnNames('noegletal').filter((c): c is StructColumn => c !== 'afdeling_id' && c !== 'aar');

/**
 * One struct per indicator for `unnest`, in id order, with the noegletal fields plus `ix` (the
 * indicator's position in sortedIndicators()) and `present` (the row is written when either the
 * numerator or the denominator is given).
 */
export function keyFigureStructsSql(): string {
	const structs = sortedIndicators().map((ind, ix) => {
		const s = ind.personBased ? `coalesce(${q(suppressionColumn(ind))}, false)` : 'false';
		const vaerdi = ind.personBased ? `CASE WHEN ${s} THEN NULL ELSE ${valueSql(ind)} END` : valueSql(ind);
		const taeller = ind.personBased ? 'NULL::DOUBLE' : taellerSql(ind);
		const naevner = ind.personBased ? 'NULL::DOUBLE' : naevnerSql(ind);
		const present = `(${q(ind.numerator)} IS NOT NULL OR ${q(ind.denominator)} IS NOT NULL)`;
		// One expression per noegletal column the struct carries: the compiler asks for each.
		const fields: Record<StructColumn, string> = {
			indikator: `'${ind.id}'`,
			vaerdi: `${vaerdi}::DOUBLE`,
			diskretioneret: s,
			taeller: `${taeller}::DOUBLE`,
			naevner: `${naevner}::DOUBLE`
		};
		const columns = STRUCT_COLUMNS.map((c) => `'${c}': ${fields[c]}`).join(', ');
		return `{'ix': ${ix}::UTINYINT, ${columns}, 'present': ${present}}`;
	});
	return `[${structs.join(',\n ')}]`;
}
