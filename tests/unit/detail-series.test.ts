/** From trend rows to chart series, and finding which municipality holds a unit. */
import { describe, expect, it } from 'vitest';
import type { WebIndex, WebOverview } from '../../src/lib/core/output-contract.ts';
import type { TrendRow } from '../../src/lib/db/queries/trend.ts';
import { trendSeries } from '../../src/lib/charts/trend-series.ts';
import { findMunicipality } from '../../src/lib/data/find-municipality.ts';
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
	const overviews: Record<string, WebOverview> = {
		'0101': { kode: '0101', omraader: [{ id: 'K1' }], afdelinger: [{ id: 'K-1', organisation_id: 'B9', omraade_id: 'K1' }] } as WebOverview,
		'0751': { kode: '0751', omraader: [{ id: 'O1' }], afdelinger: [{ id: 'A1', organisation_id: 'B1', omraade_id: 'O1' }] } as WebOverview
	};
	const loader = () => {
		const loaded: string[] = [];
		const load = async (kode: string) => {
			loaded.push(kode);
			return overviews[kode]!;
		};
		return { loaded, load };
	};

	it('trusts a correct hint and loads nothing else', async () => {
		const { loaded, load } = loader();
		expect(await findMunicipality(index, 'afdeling', 'A1', '0751', load)).toBe('0751');
		expect(loaded).toEqual(['0751']);
	});

	it('searches the index when the hint is missing or wrong', async () => {
		expect(await findMunicipality(index, 'boligorganisation', 'B1', null, loader().load)).toBe('0751');
		expect(await findMunicipality(index, 'omraade', 'K1', '0751', loader().load)).toBe('0101');
		expect(await findMunicipality(index, 'afdeling', 'nope', '0751', loader().load)).toBeNull();
	});

	it('reports a broken hinted file but skips broken files while searching', async () => {
		const broken = async (kode: string) => {
			if (kode === '0101') throw new DataFileError('web/0101/overblik.json', 'corrupt');
			return overviews[kode]!;
		};
		await expect(findMunicipality(index, 'afdeling', 'A1', '0101', broken)).rejects.toBeInstanceOf(DataFileError);
		expect(await findMunicipality(index, 'afdeling', 'A1', null, broken)).toBe('0751');
	});
});
