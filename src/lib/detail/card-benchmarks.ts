/**
 * The benchmarks written under a key figure's card on a unit's page, for the chosen year, by the
 * label rule (core/national-benchmark.ts): the country (a published reference with its source, else
 * the sum over the loaded departments under the name it deserves), the municipality's region where
 * a regional reference is published, and, when every department of the unit has one housing type,
 * the references published for that type (country and region): "Hele landet, ungdomsboliger 16,1 ‰,
 * LBF oktober 2024". A reference for another housing type is never shown.
 */
import type { BenchmarkContext } from '../charts/benchmark-series.ts';
import { coverageOf } from '../charts/benchmark-series.ts';
import type { IndicatorId } from '../core/indicators.ts';
import { HOUSING_TYPES, type HousingType } from '../core/input-contract.ts';
import {
	COUNTRY_LABEL,
	findReference,
	nationalBenchmark,
	referenceSource,
	regionalBenchmark,
	type Benchmark
} from '../core/national-benchmark.ts';
import { HOUSING_TYPE_PLURAL } from '../focus/phrases.ts';

export interface CardBenchmarkInput {
	indikator: IndicatorId;
	aar: number;
	/** The sum over the loaded departments that year (the trend's `land` point); null when missing or withheld. */
	aggregate: number | null;
	context: BenchmarkContext;
	/** The unit's municipality, for its region. */
	kommuneKode: string | null;
	/** The unit's housing type when all its departments share one; null otherwise. */
	boligtype: HousingType | null;
}

export function cardBenchmarks(input: CardBenchmarkInput): Benchmark[] {
	const references = input.context.referencetal ?? [];
	const { indikator, aar, boligtype } = input;
	const out: Benchmark[] = [];
	const country = nationalBenchmark({ indikator, aar, aggregate: input.aggregate, coverage: coverageOf(input.context), references });
	if (country) out.push(country);
	const region = input.kommuneKode ? regionalBenchmark(references, input.kommuneKode, indikator, aar) : null;
	if (region) out.push(region);
	if (boligtype === null) return out;
	const plural = { da: HOUSING_TYPE_PLURAL.da[boligtype], en: HOUSING_TYPE_PLURAL.en[boligtype] };
	const typeCountry = findReference(references, 'land', 'DK', indikator, aar, boligtype);
	if (typeCountry) {
		out.push({
			kind: 'reference',
			value: typeCountry.vaerdi,
			decimals: typeCountry.decimaler,
			label: { da: `${COUNTRY_LABEL.da}, ${plural.da}`, en: `${COUNTRY_LABEL.en}, ${plural.en}` },
			source: referenceSource(typeCountry),
			row: typeCountry
		});
	}
	const typeRegion = input.kommuneKode ? regionalBenchmark(references, input.kommuneKode, indikator, aar, boligtype) : null;
	if (typeRegion) {
		out.push({ ...typeRegion, label: { da: `${typeRegion.label.da}, ${plural.da}`, en: `${typeRegion.label.en}, ${plural.en}` } });
	}
	return out;
}

/** The one housing type all the given departments share, or null (none, several, or one not in the catalogue). */
export function sharedHousingType(types: readonly (string | null | undefined)[]): HousingType | null {
	const distinct = new Set(types);
	if (distinct.size !== 1) return null;
	const only = [...distinct][0];
	return only != null && (HOUSING_TYPES as readonly string[]).includes(only) ? (only as HousingType) : null;
}
