/**
 * A small hand-made input shared by the build tests; every figure the tests expect is worked out
 * by hand from these rows in the tests' comments.
 */
import { parsedInput } from './parsed-input.ts';

// Departments: A1, A2 in area O1 and organisation B1; A3 in area O2, organisation B2; all three in
// 0101. A4 in 0147, organisation B2, no area.
/** A name that must survive byte for byte: Danish letters, quotes, a semicolon, an emoji, markup. */
export const HOSTILE_NAME = 'Æblehaven "Syd"; 🏠 <script>alert(1)</script>';

export const smallInput = parsedInput({
	departments: [
		// prettier-ignore
		{ afdeling_id: 'A1', afdeling_navn: HOSTILE_NAME, kommune_kode: '0101', boligorganisation_id: 'B1', omraade_id: 'O1', lat: 55.68, lon: 12.55 },
		{ afdeling_id: 'A2', kommune_kode: '0101', boligorganisation_id: 'B1', omraade_id: 'O1', lat: 55.7, lon: 12.5 },
		{ afdeling_id: 'A3', kommune_kode: '0101', boligorganisation_id: 'B2', omraade_id: 'O2' },
		{ afdeling_id: 'A4', kommune_kode: '0147', boligorganisation_id: 'B2', lat: 55.67, lon: 12.53 }
	],
	// Area O1 is the square 12.54-12.56 E, 55.69-55.71 N; O2 has no polygon.
	areas: {
		type: 'FeatureCollection',
		features: [
			{
				type: 'Feature',
				properties: { omraade_id: 'O1', omraade_navn: 'Øster Gård' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[12.54, 55.69],
							[12.56, 55.69],
							[12.56, 55.71],
							[12.54, 55.71],
							[12.54, 55.69]
						]
					]
				}
			}
		]
	},
	// Out of order on purpose: the build must sort.
	unsorted: true,
	rows: [
		{ afdeling_id: 'A2', aar: 2024, boliger: 300, ledige_boliger: 6 },
		{ afdeling_id: 'A1', aar: 2024, ledige_boliger: 2 }, // no dwellings given this year
		// prettier-ignore
		{ afdeling_id: 'A1', aar: 2023, boliger: 100, ledige_boliger: 3, fraflytninger: 10, areal_m2: 7000, husleje_kr_m2: 900, vedligeholdelsesstand: 4, lejetab_kr: 14000, henlaeggelser_kr: 700000, beboere_18_64: 200, uden_for_arbejdsmarked_18_64: 50 },
		// prettier-ignore
		{ afdeling_id: 'A2', aar: 2023, boliger: 300, ledige_boliger: 1, fraflytninger: 30, areal_m2: 21000, husleje_kr_m2: 1000, vedligeholdelsesstand: 2, lejetab_kr: 0, henlaeggelser_kr: 2100000, beboere_18_64: 500, uden_for_arbejdsmarked_18_64: 100 },
		// prettier-ignore
		{ afdeling_id: 'A3', aar: 2023, boliger: 50, ledige_boliger: 0, fraflytninger: 5, areal_m2: 3500, husleje_kr_m2: 800, vedligeholdelsesstand: 3, lejetab_kr: 3500, henlaeggelser_kr: 175000, beboere_18_64: 80, uden_for_arbejdsmarked_18_64: 20 },
		// A rent but no floor area: the department shows its rent, no aggregate can weigh it.
		// prettier-ignore
		{ afdeling_id: 'A4', aar: 2023, boliger: 200, ledige_boliger: 4, fraflytninger: 20, husleje_kr_m2: 1200, vedligeholdelsesstand: 5, beboere_18_64: 300, uden_for_arbejdsmarked_18_64: 60 }
	]
});
