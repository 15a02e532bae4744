/**
 * The built-in seven, declared as rows of indikatorer.csv (indicator-declaration.ts): the same
 * format a municipality uses for its own, read by the same declareIndicator(). indicators.ts
 * turns them into the catalogue; data/README.md ("indikatorer.csv") shows them as a CSV file.
 *
 * No DOM and no Node imports: the pipeline and the dashboard import this alike.
 */
import type { IndicatorDeclaration } from './indicator-declaration.ts';

export const BUILTIN_DECLARATIONS: readonly IndicatorDeclaration[] = [
	{
		indikator: 'ledighed',
		navn: 'Ledighed',
		navn_en: 'Vacancy',
		beskrivelse:
			'Ledige boliger, der giver afdelingen et lejetab, pr. 1.000 boliger. Boliger under renovering, boliger til kommunal anvisning og boliger, der betales i opsigelsesperioden, tæller ikke med.',
		beskrivelse_en:
			'Vacant dwellings that cause the department a loss, per 1,000 dwellings. Dwellings under renovation, at the municipality’s disposal, or still paid for during notice are excluded.',
		enhed: '‰',
		enhed_en: '‰',
		art: 'andel',
		taeller: 'ledige_boliger',
		naevner: 'boliger',
		skala: '1000',
		personer: 'nej',
		bedre: 'lavere',
		decimaler: '1',
		min: '0',
		maks: '100',
		kilde: 'Landsbyggefonden (LBF), ledighedsstatistik; kommunens egne data'
	},
	{
		indikator: 'fraflytning',
		navn: 'Fraflytning',
		navn_en: 'Turnover',
		beskrivelse:
			'Husstande, der flytter fra afdelingen i løbet af året (flytning internt i afdelingen tæller ikke), i procent af boligerne.',
		beskrivelse_en:
			'Households moving out of the department during the year (moves within the department excluded), as a percentage of dwellings.',
		enhed: '%',
		enhed_en: '%',
		art: 'forhold',
		taeller: 'fraflytninger',
		naevner: 'boliger',
		skala: '100',
		personer: 'nej',
		bedre: 'lavere',
		decimaler: '1',
		min: '0',
		maks: '100',
		kilde: 'Landsbyggefonden (LBF), fraflytningsstatistik'
	},
	{
		indikator: 'uden_for_arbejdsmarked',
		navn: 'Uden for arbejdsmarkedet',
		navn_en: 'Outside the labour market',
		beskrivelse: 'Beboere på 18-64 år uden for arbejdsmarked og uddannelse, opgjort i fuldtidspersoner, i procent af beboerne på 18-64 år.',
		beskrivelse_en: 'Residents aged 18-64 outside employment and education, in full-time persons, as a percentage of residents aged 18-64.',
		enhed: '%',
		enhed_en: '%',
		art: 'andel',
		taeller: 'uden_for_arbejdsmarked_18_64',
		naevner: 'beboere_18_64',
		skala: '100',
		personer: 'ja',
		bedre: 'lavere',
		decimaler: '1',
		min: '0',
		maks: '100',
		kilde: 'Danmarks Statistik via Landsbyggefonden (LBF); diskretioneret'
	},
	{
		indikator: 'vedligeholdelsesstand',
		navn: 'Vedligeholdelsesstand',
		navn_en: 'Maintenance state',
		beskrivelse: 'Vurderingen i styringsrapporten fra 1 (dårlig) til 5 (meget god), vægtet med antal boliger.',
		beskrivelse_en: 'The assessment in the governance report from 1 (poor) to 5 (very good), weighted by dwellings.',
		enhed: '',
		enhed_en: '',
		art: 'vaegtet_gennemsnit',
		taeller: 'vedligeholdelsesstand',
		naevner: 'boliger',
		skala: '1',
		personer: 'nej',
		bedre: 'hoejere',
		decimaler: '1',
		min: '1',
		maks: '5',
		kilde: 'Boligorganisationens styringsrapport'
	},
	{
		indikator: 'henlaeggelser',
		navn: 'Henlæggelser',
		navn_en: 'Maintenance provisions',
		beskrivelse: 'Årets henlæggelser til planlagt og periodisk vedligeholdelse i kroner pr. m² boligareal.',
		beskrivelse_en: 'The year’s provisions for planned and periodic maintenance in DKK per m² of floor area.',
		enhed: 'kr./m²',
		enhed_en: 'DKK/m²',
		art: 'forhold',
		taeller: 'henlaeggelser_kr',
		naevner: 'areal_m2',
		skala: '1',
		personer: 'nej',
		bedre: 'hoejere',
		decimaler: '0',
		min: '0',
		maks: '1000',
		kilde: 'Afdelingens regnskab via Landsbyggefonden (LBF)'
	},
	{
		indikator: 'husleje',
		navn: 'Husleje',
		navn_en: 'Rent',
		beskrivelse: 'Gennemsnitlig årlig husleje pr. m², vægtet med boligareal.',
		beskrivelse_en: 'Average yearly rent per m², weighted by floor area.',
		enhed: 'kr./m²',
		enhed_en: 'DKK/m²',
		art: 'vaegtet_gennemsnit',
		taeller: 'husleje_kr_m2',
		naevner: 'areal_m2',
		skala: '1',
		personer: 'nej',
		bedre: 'lavere',
		decimaler: '0',
		min: '300',
		maks: '2500',
		kilde: 'Landsbyggefonden (LBF), huslejestatistik'
	},
	{
		indikator: 'lejetab',
		navn: 'Lejetab',
		navn_en: 'Loss from vacancy',
		beskrivelse: 'Tab ved boliger, der ikke er udlejet, i kroner pr. m² boligareal.',
		beskrivelse_en: 'Loss from dwellings not let, in DKK per m² of floor area.',
		enhed: 'kr./m²',
		enhed_en: 'DKK/m²',
		art: 'forhold',
		taeller: 'lejetab_kr',
		naevner: 'areal_m2',
		skala: '1',
		personer: 'nej',
		bedre: 'lavere',
		decimaler: '1',
		min: '0',
		maks: '200',
		kilde: 'Afdelingens regnskab via Landsbyggefonden (LBF)'
	}
];
