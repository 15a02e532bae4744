/**
 * The country's figure by housing type, for focus rules that compare a department with the country
 * ("afstand … landets"): LBF publishes some key figures for each housing type (vacancy in October
 * 2024: 6,1 ‰ family, 1,9 ‰ elderly, 16,1 ‰ youth housing; turnover 2019: 10,4 % family, 39,9 %
 * youth), and a department is fairly compared with its own type's national level, not the mix of
 * all types. Only the published figures (referencetal.csv rows for the country with a `boligtype`)
 * count: the loaded departments are never summed by type and called "landets".
 */
import type { IndicatorId } from './indicators.ts';
import { HOUSING_TYPES, type HousingType } from './input-contract.ts';
import type { BenchmarkPoint } from './national-benchmark.ts';
import type { ReferenceRow } from './reference.ts';

export type TypeSeries = Partial<Record<HousingType, Partial<Record<IndicatorId, BenchmarkPoint[]>>>>;

/** Per housing type, per key figure: the published country figure in each year it exists, by year. */
export function countryByTypeForRules(references: readonly ReferenceRow[]): TypeSeries {
	const result: TypeSeries = {};
	for (const type of HOUSING_TYPES) {
		const rows = references.filter((r) => r.niveau === 'land' && r.enhed_id === 'DK' && r.boligtype === type);
		if (rows.length === 0) continue;
		const byIndicator: Partial<Record<IndicatorId, BenchmarkPoint[]>> = {};
		for (const r of [...rows].sort((a, b) => a.aar - b.aar)) {
			(byIndicator[r.indikator] ??= []).push({ aar: r.aar, vaerdi: r.vaerdi, diskretioneret: false });
		}
		result[type] = byIndicator;
	}
	return result;
}
