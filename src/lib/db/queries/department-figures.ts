/**
 * What the overview's map and department table show of each department: its key figures over
 * the years and its number of dwellings (the latest year that gives one), from the municipality's
 * tables. The dwellings are the denominator of an indicator counted per dwelling (the catalogue
 * says which), so no extra column is needed.
 */
import { INDICATORS, type IndicatorId } from '../../core/indicators.ts';
import { asNullableNumber, asString, type QueryRunner } from '../runner.ts';
import { MUNICIPALITY_KEY_FIGURES_SQL, addPoint, type IndicatorSeries } from './municipality-figures.ts';

export interface DepartmentFigures {
	/** Per department id: its key figures over the years. */
	series: Map<string, IndicatorSeries>;
	/** Per department id: its dwellings in the latest year with a count. */
	dwellings: Map<string, number>;
}

/** The first indicator whose denominator is the number of dwellings (vacancy). */
export const DWELLINGS_INDICATOR: IndicatorId = INDICATORS.find((i) => i.aggregation === 'ratio' && i.denominator === 'boliger')!.id;

/** $1 the municipality, $2 an indicator whose denominator is the dwellings. */
export const DEPARTMENT_DWELLINGS_SQL = `
SELECT k.afdeling_id, arg_max(k.naevner, k.aar) AS boliger
FROM noegletal k JOIN afdelinger a ON a.afdeling_id = k.afdeling_id
WHERE a.kommune_kode = $1 AND k.indikator = $2 AND k.naevner IS NOT NULL
GROUP BY k.afdeling_id
ORDER BY k.afdeling_id`;

export async function queryDepartmentFigures(run: QueryRunner, kommune: string): Promise<DepartmentFigures> {
	// One after another: the browser database has one connection.
	const keyFigures = await run(MUNICIPALITY_KEY_FIGURES_SQL, [kommune]);
	const dwellingRows = await run(DEPARTMENT_DWELLINGS_SQL, [kommune, DWELLINGS_INDICATOR]);
	const series = new Map<string, IndicatorSeries>();
	for (const row of keyFigures) addPoint(series, row);
	const dwellings = new Map<string, number>();
	for (const row of dwellingRows) {
		const count = asNullableNumber(row.boliger);
		if (count != null) dwellings.set(asString(row.afdeling_id), count);
	}
	return { series, dwellings };
}
