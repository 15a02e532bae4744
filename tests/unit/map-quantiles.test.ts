/**
 * The map's bounds for a municipality's own indicator (issue 15): the national quintiles of its
 * published area values (pipelines/build/quantiles.ts), stated as such in the legend
 * (src/lib/map/scales.ts). Every expected quantile is worked out by hand in the comments, with
 * DuckDB's quantile_cont rule: position p × (n - 1) in the sorted values, interpolated linearly.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIN_QUANTILE_VALUES, nationalQuantiles } from '../../pipelines/build/quantiles.ts';
import { declareIndicator, type Indicator } from '../../src/lib/core/indicator-declaration.ts';
import { BUILTIN_DECLARATIONS } from '../../src/lib/core/builtin-indicators.ts';
import { breaksFromBasis, classIndex, classLabels } from '../../src/lib/map/classes.ts';
import { scaleFor } from '../../src/lib/map/scales.ts';

/** A declared indicator like the demo's: `decimaler` decimals, lower is better. */
function declared(id: string, decimaler: string): Indicator {
	const row = {
		...BUILTIN_DECLARATIONS[1]!,
		indikator: id,
		navn: `Eget ${id}`,
		navn_en: `Own ${id}`,
		enhed: '‰',
		enhed_en: '‰',
		decimaler
	};
	return declareIndicator(row).indicator!;
}

const convictions = declared('domme_pr_1000', '1');
const coarse = declared('groft', '0');
const few = declared('faa', '1');

let db: DuckDBConnection;

beforeAll(async () => {
	db = await (await DuckDBInstance.create()).connect();
	await db.run(`CREATE TABLE aggregater (niveau VARCHAR, enhed_id VARCHAR, aar INTEGER, indikator VARCHAR, vaerdi DOUBLE)`);
	const rows: string[] = [];
	// domme_pr_1000: ten areas' values 1..10 over two years (5 a year), published.
	for (let v = 1; v <= 10; v++) rows.push(`('omraade', 'O${v}', ${v <= 5 ? 2023 : 2024}, 'domme_pr_1000', ${v})`);
	// Not counted: a withheld area value (NULL), the municipality's and the country's figures.
	rows.push(
		`('omraade', 'O11', 2024, 'domme_pr_1000', NULL)`,
		`('kommune', '0101', 2024, 'domme_pr_1000', 500)`,
		`('land', 'DK', 2024, 'domme_pr_1000', 0)`
	);
	// groft: twelve values 10, 10, ..., 10, 11, 40 (ten tens): the lower quintiles round alike and merge.
	for (let i = 0; i < 10; i++) rows.push(`('omraade', 'O${i}', 2024, 'groft', 10)`);
	rows.push(`('omraade', 'O10', 2024, 'groft', 11)`, `('omraade', 'O11', 2024, 'groft', 40)`);
	// faa: one value fewer than the minimum.
	for (let i = 1; i < MIN_QUANTILE_VALUES; i++) rows.push(`('omraade', 'O${i}', 2024, 'faa', ${i})`);
	await db.run(`INSERT INTO aggregater VALUES ${rows.join(', ')}`);
});

afterAll(() => db?.closeSync());

describe('the area quintiles of a declared indicator', () => {
	it('are taken over every published area value of every year, nothing else', async () => {
		const q = await nationalQuantiles(db, [convictions, coarse, few]);
		// 1..10: 20 % at 0.2 × 9 = 1.8 → 2 + 0.8 = 2.8; 40 % at 3.6 → 4.6; 60 % at 5.4 → 6.4; 80 % at 7.2 → 8.2.
		expect(q.domme_pr_1000).toEqual({ graenser: [2.8, 4.6, 6.4, 8.2], antal: 10, aar: [2023, 2024] });
		// Twelve values, positions 2.2, 4.4, 6.6 and 8.8 are all among the tens: 10, 10, 10, 10 → one bound.
		expect(q.groft).toEqual({ graenser: [10], antal: 12, aar: [2024, 2024] });
		// Nine values are too few to divide into fifths: none, and the map falls back.
		expect(q.faa).toBeUndefined();
	});

	it('make five open-ended classes, the legend saying whose areas they are of, the country only with all 98', () => {
		const ind = { ...convictions, quantiles: { graenser: [2.8, 4.6, 6.4, 8.2], antal: 10, aar: [2023, 2024] as [number, number] } };
		const scale = scaleFor(ind, undefined)!;
		expect(scale.bounds).toEqual([-Infinity, 2.8, 4.6, 6.4, 8.2, Infinity]);
		expect(scale.basis.da).toContain('kvintilerne af områdernes tal i data');
		expect(scale.basis.da).toContain('10 områdetal fra årene 2023–2024');
		expect(scale.basis.en).toContain("quintiles of the areas' figures in the data");
		const coverage = (kommuner: number) => ({ kvintiler: [1, 2, 3, 4], kommuner, i_alt: 98, fra: 2023, til: 2024 });
		// The basis's municipality quintiles do not move the declared bounds; only its coverage is said.
		expect(scaleFor(ind, coverage(98))!.bounds).toEqual(scale.bounds);
		expect(scaleFor(ind, coverage(98))!.basis.da).toContain('områdernes tal i alle 98 kommuner');
		expect(scaleFor(ind, coverage(3))!.basis.da).toContain('de indlæste kommuner (3 af 98), ikke landets fordeling');
		expect(scaleFor(ind, coverage(3))!.basis.en).toContain('loaded municipalities (3 of 98)');
		for (const k of [1, 3, 97]) expect(scaleFor(ind, coverage(k))!.basis.da).not.toMatch(/hele landet|alle 98/);
		const breaks = breaksFromBasis(undefined, ind)!;
		expect(classLabels(breaks, ind, 'da').map((l) => l.replaceAll('\u00a0', ' '))).toEqual([
			'under 2,8 ‰',
			'2,8–4,6 ‰',
			'4,6–6,4 ‰',
			'6,4–8,2 ‰',
			'8,2 ‰ og derover'
		]);
		// 2,74 prints as 2,7 (first class); 2,8 starts the second; 8,19 prints as 8,2 and is in the last.
		expect([classIndex(breaks, 2.74), classIndex(breaks, 2.8), classIndex(breaks, 8.19)]).toEqual([0, 1, 4]);
	});

	it('without area quintiles, a declared indicator takes the municipalities’ quintiles (klassegrundlag), never the loaded sum', () => {
		const basis = { kvintiler: [5, 8, 12.5, 20], kommuner: 3, i_alt: 98, fra: 2024, til: 2024 };
		// Two significant digits: 5, 8, 12.5 → 13, 20; positive, so the first class starts at 0.
		expect(scaleFor(convictions, basis)!.bounds).toEqual([0, 5, 8, 13, 20, Infinity]);
		expect(scaleFor(convictions, basis)!.basis.da).toContain('de indlæste kommuner, 3 af 98');
	});
});
