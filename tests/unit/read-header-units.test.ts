/**
 * A count's unit in parentheses after its heading (`Boliger (antal)`), as statistics print it, is
 * left out when the whole heading names no column (pipelines/read/headers.ts, COUNT_UNIT); other
 * parentheses are kept, since they may change the column (bad/header-units shows the report).
 */
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../pipelines/read/headers.ts';
import { IssueCollector } from '../../pipelines/read/issues.ts';

const ALLOWED = ['afdeling_id', 'aar', 'boliger', 'ledige_boliger', 'fraflytninger', 'beboere_18_64', 'husleje_kr_m2'];

function columns(headers: string[]): { index: Record<string, number>; unknown: string[] } {
	const issues = new IssueCollector();
	const map = mapHeaders('noegletal.csv', headers, 1, ALLOWED, ['afdeling_id', 'aar'], issues);
	return {
		index: Object.fromEntries([...(map?.index ?? [])].sort((a, b) => a[1] - b[1])),
		unknown: issues
			.list()
			.filter((i) => i.code === 'unknown-column')
			.map((i) => i.found!)
	};
}

describe('a count unit after a heading', () => {
	it('reads (antal), (stk.) and (i alt) as the heading without them', () => {
		expect(columns(['Afdeling', 'År', 'Boliger (antal)', 'Ledige boliger (stk.)', 'Fraflytninger (i alt)'])).toEqual({
			index: { afdeling_id: 0, aar: 1, boliger: 2, ledige_boliger: 3, fraflytninger: 4 },
			unknown: []
		});
	});

	it('keeps other parentheses: (ledige) changes what is counted, (kr.) is not per m²', () => {
		expect(columns(['afdeling_id', 'aar', 'Boliger (ledige)', 'Husleje (kr.)'])).toEqual({
			index: { afdeling_id: 0, aar: 1 },
			unknown: ['Boliger (ledige)', 'Husleje (kr.)']
		});
	});

	it('reads a heading whose parenthesis is part of its name as before', () => {
		// `Beboere (18-64)` names beboere_18_64 whole; the unit rule is never asked.
		expect(columns(['afdeling_id', 'aar', 'Beboere (18-64)']).index).toEqual({ afdeling_id: 0, aar: 1, beboere_18_64: 2 });
	});
});

describe('rent per m² spelled out', () => {
	it('reads "Husleje (kr. pr. m²)", "Husleje pr. m² (kr.)" and "Årlig husleje pr. m²" as husleje_kr_m2', () => {
		for (const heading of ['Husleje (kr. pr. m²)', 'Husleje pr. m² (kr.)', 'Årlig husleje pr. m²', 'Husleje pr m2']) {
			expect(columns(['afdeling_id', 'aar', heading]), heading).toEqual({
				index: { afdeling_id: 0, aar: 1, husleje_kr_m2: 2 },
				unknown: []
			});
		}
	});
});
