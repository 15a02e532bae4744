/**
 * The benchmarks under a key figure's card on a unit's page (src/lib/detail/card-benchmarks.ts):
 * the country, the municipality's region, and the unit's housing type's published references. The
 * rows are data/reference/landstal-lbf.csv's, copied by hand; which ones apply is worked out by hand
 * from that file: Aarhus (0751) is in Region Midtjylland (1082), Vejle (0630) in Syddanmark (1083).
 */
import { describe, expect, it } from 'vitest';
import { benchmarkCaption } from '../../src/lib/core/national-benchmark.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { cardBenchmarks, sharedHousingType } from '../../src/lib/detail/card-benchmarks.ts';
import { LBF_VACANCY_2024 } from '../support/lbf-reference.ts';

const row = (over: Partial<ReferenceRow>): ReferenceRow => ({ ...LBF_VACANCY_2024, ...over });
const RENT = { indikator: 'husleje', aar: 2021, periode: '1. januar 2021', taeller: null, naevner: null, decimaler: 0 } as const;
const RENT_SOURCE = 'Landsbyggefonden, huslejestatistik 2021';
const referencetal: ReferenceRow[] = [
	row({}),
	row({ niveau: 'region', enhed_id: '1082', enhed_navn: 'Region Midtjylland', taeller: 1620, naevner: 124282, vaerdi: 13.0 }),
	row({ boligtype: 'ungdom', taeller: 710, naevner: 44207, vaerdi: 16.1 }),
	row({ boligtype: 'familie', taeller: 3092, naevner: 508821, vaerdi: 6.1 }),
	row({ ...RENT, vaerdi: 857, kilde: RENT_SOURCE }),
	row({ ...RENT, boligtype: 'familie', vaerdi: 835, kilde: RENT_SOURCE }),
	row({
		...RENT,
		niveau: 'region',
		enhed_id: '1083',
		enhed_navn: 'Region Syddanmark',
		boligtype: 'familie',
		vaerdi: 737,
		kilde: RENT_SOURCE
	})
];
const context = { daekning: { antal: 3, i_alt: 98 }, referencetal };
const captions = (b: ReturnType<typeof cardBenchmarks>) => b.map((x) => [benchmarkCaption(x, 'da'), x.value]);

describe('the benchmarks under a card', () => {
	it('a youth department in Aarhus, vacancy 2024: the country, Midtjylland, and youth housing in the country', () => {
		const b = cardBenchmarks({ indikator: 'ledighed', aar: 2024, aggregate: 9.9, context, kommuneKode: '0751', boligtype: 'ungdom' });
		expect(captions(b)).toEqual([
			['Hele landet, LBF oktober 2024', 6.5],
			['Region Midtjylland, LBF oktober 2024', 13.0],
			['Hele landet, ungdomsboliger, LBF oktober 2024', 16.1]
		]);
	});

	it('a family department in Vejle, rent 2021: the country, family housing in the country and in Syddanmark', () => {
		const b = cardBenchmarks({ indikator: 'husleje', aar: 2021, aggregate: 700, context, kommuneKode: '0630', boligtype: 'familie' });
		expect(captions(b)).toEqual([
			['Hele landet, LBF 1. januar 2021', 857],
			['Hele landet, familieboliger, LBF 1. januar 2021', 835],
			['Region Syddanmark, familieboliger, LBF 1. januar 2021', 737]
		]);
	});

	it('a unit of mixed or unknown housing type gets no type’s figure; without a reference the loaded sum has its own name', () => {
		const mixed = cardBenchmarks({ indikator: 'ledighed', aar: 2024, aggregate: 9.9, context, kommuneKode: '0630', boligtype: null });
		expect(captions(mixed)).toEqual([['Hele landet, LBF oktober 2024', 6.5]]);
		const unpublished = cardBenchmarks({
			indikator: 'ledighed',
			aar: 2023,
			aggregate: 9.9,
			context,
			kommuneKode: '0751',
			boligtype: 'ungdom'
		});
		expect(captions(unpublished)).toEqual([['De indlæste kommuner (3 af 98)', 9.9]]);
		const alone = cardBenchmarks({
			indikator: 'ledighed',
			aar: 2023,
			aggregate: 9.9,
			context: { ...context, daekning: { antal: 1, i_alt: 98 } },
			kommuneKode: '0751',
			boligtype: null
		});
		expect(alone).toEqual([]);
	});

	it('sharedHousingType: one known type shared by all, else null', () => {
		expect(sharedHousingType(['ungdom', 'ungdom'])).toBe('ungdom');
		expect(sharedHousingType(['ungdom', 'familie'])).toBeNull();
		expect(sharedHousingType([null])).toBeNull();
		expect(sharedHousingType(['kollegium'])).toBeNull();
		expect(sharedHousingType([])).toBeNull();
	});
});
