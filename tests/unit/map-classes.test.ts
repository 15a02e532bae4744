/**
 * Class breaks of the area map: one fixed set per indicator (scales.ts), the same for every
 * municipality and year. The expected bounds are the published figures and their multiples, worked
 * out by hand in the comments. Labels put a no-break space before the unit, like every figure on
 * the dashboard (i18n/format.ts).
 */
import { describe, expect, it } from 'vitest';
import { breaksForOverview, classIndex, classLabels, colorFor, palette, roundTo } from '../../src/lib/map/classes.ts';
import { scaleFor } from '../../src/lib/map/scales.ts';
import { indicator, INDICATOR_IDS, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { ClassBasis, WebOverview } from '../../src/lib/core/output-contract.ts';

const ledighed = indicator('ledighed'); // ‰, 1 decimal, higher is worse
const husleje = indicator('husleje'); // kr./m², 0 decimals, higher is worse
const vedligehold = indicator('vedligeholdelsesstand'); // score, 1 decimal, lower is worse
const henlaeggelser = indicator('henlaeggelser'); // kr./m², 0 decimals, lower is worse, no published figure
const lejetab = indicator('lejetab'); // kr./m², 1 decimal, no published figure

// ColorBrewer YlOrRd, 5 classes and 4 classes (light to dark), as published by ColorBrewer.
const YLORRD5 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#f03b20', '#bd0026'];
const YLORRD4 = ['#ffffb2', '#fecc5c', '#fd8d3c', '#e31a1c'];

/** An overview's class basis for every indicator (ClassBasis, written by pipelines/build/class-basis.ts). */
const withBasis = (basis?: ClassBasis): Pick<WebOverview, 'klassegrundlag'> => ({
	klassegrundlag: basis ? (Object.fromEntries(INDICATOR_IDS.map((id) => [id, basis])) as Record<IndicatorId, ClassBasis>) : {}
});
const basis = (kvintiler: number[], kommuner: number, fra = 2010, til = 2025): ClassBasis => ({ kvintiler, kommuner, i_alt: 98, fra, til });

describe('fixed breaks from published figures', () => {
	it('vacancy: ½, 1, 2 and 4 times the national 6,5 ‰, whatever the municipality', () => {
		const a = breaksForOverview(withBasis(basis([3, 3, 3, 3], 3)), ledighed)!;
		const b = breaksForOverview(withBasis(basis([40, 40, 40, 40], 3)), ledighed)!;
		expect(a.bounds).toEqual([0, 3, 6.5, 13, 26, Infinity]);
		expect(b.bounds).toEqual(a.bounds);
		expect(a.colors).toEqual(YLORRD5);
		expect(classLabels(a, ledighed, 'da')).toEqual([
			'0,0–3,0\u00a0‰',
			'3,0–6,5\u00a0‰',
			'6,5–13,0\u00a0‰',
			'13,0–26,0\u00a0‰',
			'26,0\u00a0‰ og derover'
		]);
		expect(classLabels(a, ledighed, 'en').at(-1)).toBe('26.0\u00a0‰ or more');
		expect(a.basis.da).toContain('6,5 ‰');
		expect(a.basis.da).toContain('Landsbyggefonden');
	});

	it('rent: classes of 100 kr. around the national 899 kr./m², with a thousands separator', () => {
		const b = breaksForOverview(withBasis(), husleje)!;
		expect(b.bounds).toEqual([0, 750, 850, 950, 1050, Infinity]);
		expect(classLabels(b, husleje, 'da')[4]).toBe('1.050\u00a0kr./m² og derover');
		expect(classIndex(b, 899)).toBe(2);
	});

	it('maintenance score: one class per step of the scale; lower is worse, so the lowest class is darkest', () => {
		const b = breaksForOverview(withBasis(), vedligehold)!;
		expect(b.bounds).toEqual([1, 2, 3, 4, 5]);
		expect(b.colors).toEqual([...YLORRD4].reverse());
		expect(classLabels(b, vedligehold, 'da')).toEqual(['1,0–2,0', '2,0–3,0', '3,0–4,0', '4,0–5,0']);
		expect(classIndex(b, 5)).toBe(3);
	});

	it('outside the labour market: the statutory 30 % and 40 % are bounds', () => {
		const b = breaksForOverview(withBasis(), indicator('uden_for_arbejdsmarked'))!;
		expect(b.bounds).toContain(30);
		expect(b.bounds).toContain(40);
		expect(classIndex(b, 40)).toBe(classIndex(b, 45));
		expect(classIndex(b, 39.9)).toBe(classIndex(b, 30));
	});
});

describe('breaks from the municipalities’ quintiles, never the loaded sum', () => {
	it('provisions: the quintiles to two significant digits, from 0, saying they are all 98 municipalities', () => {
		// quintiles 61.4, 96.2, 148.7, 243 → 61, 96, 150, 240 (two significant digits)
		const b = breaksForOverview(withBasis(basis([61.4, 96.2, 148.7, 243], 98, 2015, 2024)), henlaeggelser)!;
		expect(b.bounds).toEqual([0, 61, 96, 150, 240, Infinity]);
		expect(b.basis.da).toContain('kvintilerne af kommunernes tal i årene 2015–2024 (alle 98 kommuner)');
		expect(b.basis.da).not.toContain('landstal');
	});

	it('with three municipalities loaded the legend says so, and that it is not the country', () => {
		const b = breaksForOverview(withBasis(basis([2.74, 4.31, 6.77, 10.8], 3)), lejetab)!;
		// one decimal kept: 2,7 4,3 6,8 11
		expect(b.bounds).toEqual([0, 2.7, 4.3, 6.8, 11, Infinity]);
		expect(b.basis.da).toContain('de indlæste kommuner, 3 af 98, ikke landets fordeling');
		expect(b.basis.en).toContain('the loaded municipalities, 3 of 98');
	});

	it('with one municipality: its own years, said as such', () => {
		const b = scaleFor(lejetab, basis([1, 2, 3, 4], 1, 2020, 2020))!;
		expect(b.basis.da).toContain('i årene 2020 (kun 1 af 98 kommuner er i data, så det er kommunens egne år');
	});

	it('equal quintiles merge into one bound; a quintile of 0 is the first bound; a negative one opens the first class', () => {
		expect(scaleFor(lejetab, basis([0, 0, 2, 2], 5))!.bounds).toEqual([0, 2, Infinity]);
		expect(scaleFor(henlaeggelser, basis([-20, 10, 30, 50], 5))!.bounds).toEqual([-Infinity, -20, 10, 30, 50, Infinity]);
	});

	it('no municipality figure gives no classes (the map is all "no data")', () => {
		expect(breaksForOverview(withBasis(), henlaeggelser)).toBeNull();
		expect(breaksForOverview(withBasis(basis([], 0)), lejetab)).toBeNull();
	});
});

describe('classIndex and colorFor', () => {
	const b = breaksForOverview(withBasis(), ledighed)!; // 0 3 6.5 13 26 ∞

	it('puts a lower bound into its own class and any value beyond the last bound into the last', () => {
		expect(classIndex(b, 0)).toBe(0);
		expect(classIndex(b, 3)).toBe(1);
		expect(classIndex(b, 6.5)).toBe(2);
		expect(classIndex(b, 26)).toBe(4);
		expect(classIndex(b, 400)).toBe(4);
	});
	it('classifies the value as printed, so the tooltip and the legend agree', () => {
		expect(classIndex(b, 6.44)).toBe(1); // shown as 6,4
		expect(classIndex(b, 6.46)).toBe(2); // shown as 6,5
	});
	it('gives -1 and no colour for missing or suppressed, never a class', () => {
		expect(classIndex(b, null)).toBe(-1);
		expect(classIndex(b, undefined)).toBe(-1);
		expect(classIndex(b, Number.NaN)).toBe(-1);
		expect(colorFor(b, null)).toBeNull();
		expect(colorFor(b, 7)).toBe(YLORRD5[2]);
	});
});

describe('palette', () => {
	it('runs light to dark when higher is worse and dark to light when lower is worse', () => {
		expect(palette(5, 'higher')).toEqual(YLORRD5);
		expect(palette(5, 'lower')).toEqual(['#bd0026', '#f03b20', '#fd8d3c', '#fecc5c', '#ffffb2']);
		expect(palette(1, 'lower')).toEqual(['#feb24c']);
	});
});

describe('roundTo', () => {
	it('rounds half away from zero like the labels', () => {
		expect(roundTo(2.45, 1)).toBe(2.5);
		expect(roundTo(0.05, 1)).toBe(0.1);
		expect(roundTo(1249.5, 0)).toBe(1250);
	});
});
