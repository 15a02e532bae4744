/**
 * The demo's declared indicators (data/sample/indikatorer.csv: domme_pr_1000, kun_grundskole,
 * indkomstniveau), declared as the ingest declares them: for tests that need the catalogue the
 * demo's pages run with, without an ingest.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { declareIndicator, type IndicatorDeclaration } from '../../src/lib/core/indicator-declaration.ts';
import type { Indicator } from '../../src/lib/core/indicators.ts';

export function demoDeclaredIndicators(): Indicator[] {
	const text = readFileSync(new URL('../../data/sample/indikatorer.csv', import.meta.url), 'utf8').replace(/^\uFEFF/, '');
	const rows = Papa.parse<IndicatorDeclaration>(text, { header: true, delimiter: ';', skipEmptyLines: true }).data;
	return rows.map((row) => {
		const { indicator, problems } = declareIndicator(row);
		if (!indicator) throw new Error(`data/sample/indikatorer.csv: ${problems.map((p) => p.message).join(' ')}`);
		return indicator;
	});
}
