/** The view in the URL: read with validation and defaults, written in one order. */
import { describe, expect, it } from 'vitest';
import type { WebIndex } from '../../src/lib/core/output-contract.ts';
import { availableIndicators, readParams, searchFor } from '../../src/lib/state/url-params.ts';

const index: WebIndex = {
	schema_version: '1.0.0',
	demo: true,
	years: [2022, 2023, 2024],
	indicators: ['ledighed', 'fraflytning', 'husleje'],
	default_kommune: '0751',
	kommuner: [
		{ kode: '0751', navn: 'Aarhus', afdelinger: 5, omraader: 2, organisationer: 2 },
		{ kode: '0101', navn: 'København', afdelinger: 9, omraader: 3, organisationer: 2 }
	],
	geo: { kommuner: true, omraader: true },
	parquet_bytes: { afdelinger: 0, noegletal: 0, aggregater: 0 },
	raekker: {},
	organisationer: {},
	daekning: { antal: 2, i_alt: 98 },
	referencetal: []
};
const read = (search: string, idx: WebIndex | null = index) => readParams(new URLSearchParams(search), idx);

describe('readParams', () => {
	it('reads a full, valid view', () => {
		expect(read('?ind=fraflytning&aar=2023&kommune=0101&lang=en')).toEqual({
			indicator: 'fraflytning',
			year: 2023,
			kommune: '0101',
			lang: 'en'
		});
	});

	it('falls back to vacancy, the latest year, no municipality and Danish', () => {
		expect(read('')).toEqual({ indicator: 'ledighed', year: 2024, kommune: null, lang: 'da' });
	});

	it('rejects what the catalogue or the data does not hold', () => {
		expect(read('?ind=lejetab&aar=1999&kommune=9999&lang=sv')).toEqual({
			indicator: 'ledighed', // lejetab is in the catalogue but not in this data
			year: 2024,
			kommune: null,
			lang: 'da'
		});
		expect(read('?ind=<script>&aar=20x4&kommune=07511').indicator).toBe('ledighed');
		expect(read('?aar=20x4').year).toBe(2024);
	});

	it('keeps a well-formed year and municipality before the index is loaded', () => {
		expect(read('?aar=2023&kommune=0751', null)).toMatchObject({ year: 2023, kommune: '0751' });
		expect(read('', null).year).toBeNull();
	});

	it('falls back to the first available indicator when vacancy is absent', () => {
		expect(read('', { ...index, indicators: ['husleje', 'fraflytning'] }).indicator).toBe('fraflytning');
	});
});

describe('searchFor', () => {
	it('writes the parameters in one order and leaves Danish out', () => {
		expect(searchFor({ lang: 'en', kommune: '0751', year: 2024, indicator: 'ledighed' })).toBe(
			'?ind=ledighed&aar=2024&kommune=0751&lang=en'
		);
		expect(searchFor({ indicator: 'husleje', year: 2023, kommune: null, lang: 'da' })).toBe('?ind=husleje&aar=2023');
		expect(searchFor({})).toBe('');
	});

	it('round-trips through readParams', () => {
		const view = { indicator: 'fraflytning', year: 2022, kommune: '0101', lang: 'en' } as const;
		expect(read(searchFor(view))).toEqual(view);
	});
});

describe('availableIndicators', () => {
	it('keeps catalogue order and the data’s indicators', () => {
		expect(availableIndicators(index)).toEqual(['ledighed', 'fraflytning', 'husleje']);
		expect(availableIndicators(null)).toHaveLength(7);
	});
});
