/**
 * sameTrendRows: a detail page keeps the trend rows it drew from the Parquet when the database's
 * are the same rows in the same order; any difference of value, order or count is a difference.
 */
import { describe, expect, it } from 'vitest';
import { sameTrendRows, type TrendRow } from '../../src/lib/db/queries/trend.ts';

const row = (over: Partial<TrendRow> = {}): TrendRow => ({
	serie: 'boligorganisation',
	enhed_id: '1001',
	aar: 2024,
	indikator: 'ledighed',
	vaerdi: 4.25,
	diskretioneret: false,
	...over
});

describe('sameTrendRows', () => {
	it('holds for equal rows in separate objects, withheld figures (null) included', () => {
		const a = [row(), row({ aar: 2025, vaerdi: null, diskretioneret: true }), row({ serie: 'land', enhed_id: 'DK' })];
		const b = [row(), row({ aar: 2025, vaerdi: null, diskretioneret: true }), row({ serie: 'land', enhed_id: 'DK' })];
		expect(sameTrendRows(a, b)).toBe(true);
		expect(sameTrendRows([], [])).toBe(true);
	});

	it('fails on any one field differing', () => {
		const base = [row()];
		expect(sameTrendRows(base, [row({ serie: 'kommune' })])).toBe(false);
		expect(sameTrendRows(base, [row({ enhed_id: '1002' })])).toBe(false);
		expect(sameTrendRows(base, [row({ aar: 2023 })])).toBe(false);
		expect(sameTrendRows(base, [row({ indikator: 'fraflytning' })])).toBe(false);
		expect(sameTrendRows(base, [row({ vaerdi: 4.2500001 })])).toBe(false);
		expect(sameTrendRows(base, [row({ vaerdi: null })])).toBe(false);
		expect(sameTrendRows(base, [row({ diskretioneret: true })])).toBe(false);
	});

	it('tells 0 from -0, and fails on another order or another count', () => {
		expect(sameTrendRows([row({ vaerdi: 0 })], [row({ vaerdi: -0 })])).toBe(false);
		const a = row({ aar: 2024 });
		const b = row({ aar: 2025 });
		expect(sameTrendRows([a, b], [b, a])).toBe(false);
		expect(sameTrendRows([a, b], [a])).toBe(false);
	});
});
