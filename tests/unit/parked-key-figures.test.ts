/**
 * The key-figure table put aside in a file while the privacy audit runs
 * (pipelines/build/parked-key-figures.ts), and the privacy inputs made in SharedArrayBuffers
 * (suppression.ts, shared-arrays.ts) so that the audit needs neither the table nor copies of it.
 * Values worked out by hand: three rows of two departments, with a missing value (NaN), -0 and the
 * smallest double, which only a byte-for-byte round trip keeps.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RAW_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { departmentOfRows } from '../../pipelines/build/key-figures.ts';
import { parkKeyFigures, PARKED_FILE } from '../../pipelines/build/parked-key-figures.ts';
import { sharedCopies } from '../../pipelines/build/shared-arrays.ts';
import { privacyInputs } from '../../pipelines/build/suppression.ts';
import { parsedInput } from './parsed-input.ts';

let dir = '';
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = '';
});

/** d2 before d1 in the register, so a row's department index is not its position. */
function input() {
	useDeclaredIndicators([]);
	return parsedInput({
		departments: [
			{ afdeling_id: 'd2', kommune_kode: '0101', boligorganisation_id: 'o1' },
			{ afdeling_id: 'd1', kommune_kode: '0101', boligorganisation_id: 'o1' }
		],
		rows: [
			{ afdeling_id: 'd1', aar: 2020, boliger: 10, beboere_18_64: -0, uden_for_arbejdsmarked_18_64: 5e-324 },
			{ afdeling_id: 'd1', aar: 2021, boliger: 12.5, beboere_18_64: 40, uden_for_arbejdsmarked_18_64: 7 },
			{ afdeling_id: 'd2', aar: 2020, beboere_18_64: 25, uden_for_arbejdsmarked_18_64: 3 }
		]
	});
}

describe('parkKeyFigures', () => {
	it('empties the table but for its length, and writes its years and columns to one file', async () => {
		dir = mkdtempSync(join(tmpdir(), 'parked-'));
		const parsed = input();
		await parkKeyFigures(parsed, departmentOfRows(parsed), dir);
		expect(parsed.keyFigures.length).toBe(3);
		expect(parsed.keyFigures.afdeling_id).toEqual([]);
		expect(parsed.keyFigures.aar.length).toBe(0);
		for (const c of RAW_COLUMNS) expect(parsed.keyFigures.values[c].length).toBe(0);
		// 3 rows: 4 bytes of year and 8 of each of the ten columns.
		expect(statSync(join(dir, PARKED_FILE)).size).toBe(3 * (4 + 8 * RAW_COLUMNS.length));
	});

	it('restores every value bit for bit, each row its department id, and deletes the file', async () => {
		dir = mkdtempSync(join(tmpdir(), 'parked-'));
		const parsed = input();
		const parked = await parkKeyFigures(parsed, departmentOfRows(parsed), dir);
		await parked.restore();
		const kf = parsed.keyFigures;
		expect(kf.length).toBe(3);
		expect(kf.afdeling_id).toEqual(['d1', 'd1', 'd2']);
		expect([...kf.aar]).toEqual([2020, 2021, 2020]);
		expect([...kf.values.boliger]).toEqual([10, 12.5, NaN]);
		expect(Object.is(kf.values.beboere_18_64[0], -0)).toBe(true);
		expect([...kf.values.beboere_18_64].slice(1)).toEqual([40, 25]);
		expect([...kf.values.uden_for_arbejdsmarked_18_64]).toEqual([5e-324, 7, 3]);
		expect([...kf.values.lejetab_kr]).toEqual([NaN, NaN, NaN]);
		expect(existsSync(join(dir, PARKED_FILE))).toBe(false);
	});
});

describe('parkKeyFigures with release', () => {
	it("gives the columns' memory back at once: views kept of them read as empty, and restore still has every value", async () => {
		dir = mkdtempSync(join(tmpdir(), 'parked-'));
		const parsed = input();
		const kept = parsed.keyFigures.values.boliger;
		const years = parsed.keyFigures.aar;
		const parked = await parkKeyFigures(parsed, departmentOfRows(parsed), dir, true);
		expect(kept.length).toBe(0);
		expect(years.length).toBe(0);
		await parked.restore();
		expect([...parsed.keyFigures.values.boliger]).toEqual([10, 12.5, NaN]);
		expect([...parsed.keyFigures.aar]).toEqual([2020, 2021, 2020]);
	});
});

describe('privacy inputs in SharedArrayBuffers', () => {
	it("hold their own copies of the table's columns, so they survive the table being parked", async () => {
		dir = mkdtempSync(join(tmpdir(), 'parked-'));
		const parsed = input();
		const rowDepartment = departmentOfRows(parsed);
		const inputs = privacyInputs(parsed, rowDepartment, Int32Array.of(1, 0));
		await parkKeyFigures(parsed, rowDepartment, dir);
		const p = inputs.get('uden_for_arbejdsmarked')!;
		for (const a of [p.department, p.year, p.numerator, p.denominator, p.rank]) expect(a.buffer).toBeInstanceOf(SharedArrayBuffer);
		expect([...p.department]).toEqual([1, 1, 0]);
		expect([...p.year]).toEqual([2020, 2021, 2020]);
		expect([...p.numerator]).toEqual([5e-324, 7, 3]);
		expect([...p.denominator]).toEqual([-0, 40, 25]);
	});

	it('sharedCopies copies an array once, and leaves one already shared as it is', () => {
		const shared = sharedCopies();
		const plain = Float64Array.of(1.5, 2);
		const copy = shared(plain);
		expect(copy.buffer).toBeInstanceOf(SharedArrayBuffer);
		expect([...copy]).toEqual([1.5, 2]);
		expect(shared(plain)).toBe(copy);
		expect(shared(copy)).toBe(copy);
	});
});
