/**
 * The overview's headline figures from the hand-made fixture's overblik.json; the expected figures
 * are worked out by hand from tests/fixtures/make-output-mini.ts.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebOverview } from '../../src/lib/core/output-contract.ts';
import { indicator } from '../../src/lib/core/indicators.ts';
import { headline } from '../../src/lib/overview/headline.ts';

const overview = JSON.parse(
	readFileSync(join(import.meta.dirname, '../fixtures/output-mini/web/0751/overblik.json'), 'utf8')
) as WebOverview;
const years = [2022, 2023, 2024];

describe('headline', () => {
	it('compares the chosen year with the year before and the country', () => {
		const h = headline(overview, indicator('ledighed'), 2024, years);
		// 2024: 7 vacant of 450 dwellings (A4 missing); 2023: 5 of 500
		expect(h.value?.vaerdi).toBeCloseTo(15.556, 3);
		expect(h.previousYear).toBe(2023);
		expect(h.previous?.vaerdi).toBe(10);
		expect(h.change).toBeCloseTo(5.556, 3);
		expect(h.direction).toBe('worse'); // vacancy: higher is worse
		expect(h.country?.vaerdi).toBe(6.5);
	});

	it('reads the direction from the catalogue: a higher maintenance score is better', () => {
		const h = headline(overview, indicator('vedligeholdelsesstand'), 2024, years);
		// 2024: (4*100 + 3*200 + 4*100 + 5*50 + 2*50) / 500 = 3.5; 2023: 1450 / 500 = 2.9
		expect(h.value?.vaerdi).toBeCloseTo(3.5, 9);
		expect(h.change).toBeCloseTo(0.6, 9);
		expect(h.direction).toBe('better');
	});

	it('calls a change that rounds to zero unchanged', () => {
		// 3.1 mio. kr. over 40,000 m² every year
		expect(headline(overview, indicator('henlaeggelser'), 2024, years).direction).toBe('unchanged');
	});

	it('has no change for the first year', () => {
		const h = headline(overview, indicator('ledighed'), 2022, years);
		expect(h).toMatchObject({ previousYear: null, previous: null, change: null, direction: null });
		expect(h.value?.vaerdi).toBe(8); // 4 of 500
	});
});
