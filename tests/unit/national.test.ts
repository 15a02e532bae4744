/** The national page's figures (src/lib/overview/national.ts): ranking, coverage and the benchmark's honest label. */
import { describe, expect, it } from 'vitest';
import { INDICATOR_IDS, indicator } from '../../src/lib/core/indicators.ts';
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import type { SeriesPoint, WebNational } from '../../src/lib/core/output-contract.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { LBF_VACANCY_2024 } from '../support/lbf-reference.ts';
import { MUNICIPALITY_COUNT, nationalBenchmarks, nationalRows } from '../../src/lib/overview/national.ts';

const ledighed = indicator('ledighed');
const series = (points: SeriesPoint[]) =>
	Object.fromEntries(INDICATOR_IDS.map((id) => [id, id === 'ledighed' ? points : []])) as WebNational['land'];
const point = (vaerdi: number | null, diskretioneret = false): SeriesPoint => ({ aar: 2024, vaerdi, diskretioneret });
const national = (codes: string[], value: (i: number) => SeriesPoint): WebNational => ({
	kommuner: codes.map((kode, i) => ({ kode, navn: MUNICIPALITY_NAMES[kode]!, series: series([value(i)]) })),
	land: series([point(6.5)])
});

describe('nationalRows', () => {
	it('ranks highest first, ties by code, and puts municipalities without a value last, unranked', () => {
		const rows = nationalRows(
			{
				kommuner: [
					{ kode: '0751', navn: 'Aarhus', series: series([point(3)]) },
					{ kode: '0101', navn: 'København', series: series([point(9)]) },
					{ kode: '0461', navn: 'Odense', series: series([point(3)]) },
					{ kode: '0630', navn: 'Vejle', series: series([point(null, true)]) },
					{ kode: '0147', navn: 'Frederiksberg', series: series([]) }
				],
				land: series([])
			},
			ledighed,
			2024
		);
		expect(rows.map((r) => [r.kode, r.rank])).toEqual([
			['0101', 1],
			['0461', 2],
			['0751', 3],
			['0147', null],
			['0630', null]
		]);
	});
});

describe('nationalBenchmarks', () => {
	const all = Object.keys(MUNICIPALITY_NAMES).filter((k) => k !== '0411');

	it('counts 98 municipalities', () => expect(MUNICIPALITY_COUNT).toBe(98));

	const lbf = LBF_VACANCY_2024;
	const syddanmark: ReferenceRow = { ...lbf, niveau: 'region', enhed_id: '1083', enhed_navn: 'Region Syddanmark', vaerdi: 8.3 };

	it('never shows one loaded municipality as a benchmark: its sum is its own figure', () => {
		expect(
			nationalBenchmarks(
				national(['0751'], () => point(9.7)),
				ledighed,
				2024,
				'da',
				[]
			)
		).toEqual([]);
	});

	it('puts the published reference first, named with its source, then the regions, then the loaded sum by its name', () => {
		const b = nationalBenchmarks(
			national(['0751', '0461'], () => point(9.7)),
			ledighed,
			2024,
			'da',
			[lbf, syddanmark]
		);
		expect(b.map((x) => [x.label, x.point?.vaerdi])).toEqual([
			['Hele landet, LBF oktober 2024', 6.5],
			['Region Syddanmark, LBF oktober 2024', 8.3],
			['De indlæste kommuner (2 af 98)', 6.5]
		]);
		// A reference for another year is not this year's benchmark.
		expect(
			nationalBenchmarks(
				national(['0751', '0461'], () => point(9.7)),
				ledighed,
				2023,
				'da',
				[lbf]
			)[0]!.label
		).toBe('De indlæste kommuner (2 af 98)');
	});

	it('calls 97 of 98 partial, and all 98 "Hele landet"', () => {
		expect(
			nationalBenchmarks(
				national(all.slice(1), () => point(1)),
				ledighed,
				2024,
				'da',
				[]
			)[0]!.label
		).toBe('De indlæste kommuner (97 af 98)');
		expect(
			nationalBenchmarks(
				national(all, () => point(1)),
				ledighed,
				2024,
				'da',
				[]
			)[0]!.label
		).toBe('Hele landet');
		expect(
			nationalBenchmarks(
				national(all, () => point(1)),
				ledighed,
				2024,
				'en',
				[]
			)[0]!.label
		).toBe('Denmark');
	});

	it('ranks all 98 when every municipality is loaded', () => {
		const rows = nationalRows(
			national(all, (i) => point(i)),
			ledighed,
			2024
		);
		expect(rows).toHaveLength(98);
		expect(rows[0]!.kode).toBe(all.at(-1));
		expect(rows.every((r) => r.rank != null)).toBe(true);
	});
});
