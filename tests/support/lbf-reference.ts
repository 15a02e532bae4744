/**
 * Landsbyggefonden's published vacancy for the whole country, October 2024, as
 * data/reference/landstal-lbf.csv gives it (3.884 of 596.952 dwellings, 6,5 ‰): the reference row
 * the unit tests build their cases from.
 */
import type { ReferenceRow } from '../../src/lib/core/reference.ts';

export const LBF_VACANCY_2024: ReferenceRow = {
	niveau: 'land',
	enhed_id: 'DK',
	enhed_navn: 'Hele landet',
	indikator: 'ledighed',
	aar: 2024,
	periode: 'oktober 2024',
	boligtype: null,
	taeller: 3884,
	naevner: 596952,
	vaerdi: 6.5,
	decimaler: 1,
	kilde: 'Landsbyggefonden, ledighedsstatistik, oktober 2024',
	url: 'https://ledigeboliger.lbf.dk/'
};
