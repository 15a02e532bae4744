/** From trend rows to chart series, and finding which municipality holds a unit. */
import { describe, expect, it } from 'vitest';
import type { WebIndex } from '../../src/lib/core/output-contract.ts';
import type { TrendRow } from '../../src/lib/db/queries/trend.ts';
import { trendSeries } from '../../src/lib/charts/trend-series.ts';
import { findMunicipality, type UnitLookup } from '../../src/lib/data/find-municipality.ts';
import type { UnitKind } from '../../src/lib/data/unit-kind.ts';
import { DataFileError } from '../../src/lib/data/data-error.ts';

const row = (serie: TrendRow['serie'], enhed_id: string, aar: number, vaerdi: number | null, diskretioneret = false): TrendRow => ({
	serie,
	enhed_id,
	aar,
	indikator: 'ledighed',
	vaerdi,
	diskretioneret
});

describe('trendSeries', () => {
	const rows: TrendRow[] = [
		row('land', 'DK', 2022, 7),
		row('land', 'DK', 2023, 6.8),
		row('afdeling', 'A4', 2022, 20),
		row('afdeling', 'A4', 2024, null, true),
		row('kommune', '0751', 2023, 10),
		row('boligorganisation', 'B2', 2022, 5),
		{ ...row('afdeling', 'A4', 2023, 99), indikator: 'fraflytning' }
	];
	const label = (key: string, id: string) => `${key}:${id}`;

	it('orders unit, organisation, municipality, country and fills every year', () => {
		const series = trendSeries(rows, 'afdeling', 'ledighed', [2024, 2022, 2023], label);
		expect(series.map((s) => [s.key, s.label, s.isUnit])).toEqual([
			['afdeling', 'afdeling:A4', true],
			['boligorganisation', 'boligorganisation:B2', false],
			['kommune', 'kommune:0751', false],
			['land', 'land:DK', false]
		]);
		expect(series[0]!.points).toEqual([
			{ aar: 2022, vaerdi: 20, diskretioneret: false },
			{ aar: 2023, vaerdi: null, diskretioneret: false }, // no row: missing, not 0
			{ aar: 2024, vaerdi: null, diskretioneret: true }
		]);
	});

	it('marks an area’s own series as the unit', () => {
		const series = trendSeries([row('omraade', 'O1', 2022, 7.5), row('land', 'DK', 2022, 7)], 'omraade', 'ledighed', [2022], label);
		expect(series.map((s) => [s.key, s.isUnit])).toEqual([
			['omraade', true],
			['land', false]
		]);
	});
});

describe('findMunicipality', () => {
	const index = {
		kommuner: [
			{ kode: '0101', navn: 'København' },
			{ kode: '0751', navn: 'Aarhus' }
		],
		// Each organisation's municipalities, home first (index.json's organisationer).
		organisationer: { B1: ['0751'], B9: ['0101'] }
	} as unknown as WebIndex;
	// Each municipality's departments: [department, area]; area O1 lies in both municipalities.
	const departments: Record<string, [string, string][]> = {
		'0101': [
			['K-1', 'K1'],
			['K-2', 'O1']
		],
		'0751': [['A1', 'O1']]
	};
	const lookup = (broken = false) => {
		const asked: string[] = [];
		const column = (kind: UnitKind) => (kind === 'afdeling' ? 0 : 1);
		const value: UnitLookup = {
			async holds(kode, kind, id) {
				asked.push(kode);
				if (broken) throw new DataFileError('afdelinger.parquet', 'corrupt');
				return (departments[kode] ?? []).some((d) => d[column(kind)] === id);
			},
			async holders(kind, id) {
				asked.push('*');
				if (broken) throw new DataFileError('afdelinger.parquet', 'corrupt');
				return new Set(Object.keys(departments).filter((kode) => departments[kode]!.some((d) => d[column(kind)] === id)));
			}
		};
		return { asked, lookup: value };
	};

	it('trusts a correct hint and asks nothing else', async () => {
		const { asked, lookup: l } = lookup();
		expect(await findMunicipality(index, 'afdeling', 'A1', '0751', l)).toBe('0751');
		expect(asked).toEqual(['0751']);
	});

	it('asks every municipality when the hint is missing, unknown or wrong, and takes the first in the index', async () => {
		expect(await findMunicipality(index, 'boligorganisation', 'B1', null, lookup().lookup)).toBe('0751');
		expect(await findMunicipality(index, 'omraade', 'K1', '0751', lookup().lookup)).toBe('0101');
		expect(await findMunicipality(index, 'omraade', 'O1', null, lookup().lookup)).toBe('0101');
		expect(await findMunicipality(index, 'omraade', 'O1', '0751', lookup().lookup)).toBe('0751');
		expect(await findMunicipality(index, 'afdeling', 'A1', '9999', lookup().lookup)).toBe('0751');
		expect(await findMunicipality(index, 'afdeling', 'nope', '0751', lookup().lookup)).toBeNull();
	});

	it('reports a file that cannot be read', async () => {
		await expect(findMunicipality(index, 'afdeling', 'A1', '0101', lookup(true).lookup)).rejects.toBeInstanceOf(DataFileError);
		await expect(findMunicipality(index, 'afdeling', 'A1', null, lookup(true).lookup)).rejects.toBeInstanceOf(DataFileError);
	});
});
