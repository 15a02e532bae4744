/**
 * Ready-made rule sets, each naming its source. The official criteria are restricted to the
 * figures this data has (the share outside the labour market); the criteria it cannot evaluate
 * are named in `noter`, so no one mistakes a hit here for a place on the official list.
 *
 * Sources: turnover by housing type from LBF (see TURNOVER_LIMITS); the criteria as summarised in DOMAIN.md ("Official thresholds"); Copenhagen's 40 % and
 * 50 % from "Aftale om supplerende anvisning i København" in KL and BL's pamphlet "Styringsdialog"
 * (June 2010), the seed 000.
 */
import { isIndicatorId } from '../core/indicators.ts';
import type { Rule, RuleSet } from './rule.ts';

export interface Preset {
	id: string;
	ruleSet: RuleSet;
	/**
	 * The preset's words in English, field by field (preset-words.ts pairs them with the Danish):
	 * the name, the source, each note, and the names of its named rules in the order they appear.
	 */
	en: PresetEnglish;
}

export interface PresetEnglish {
	navn: string;
	kilde: string;
	noter: string[];
	regler: string[];
}

/**
 * Turnover differs by housing type: LBF counted 10,4 % in family housing and 39,9 % in youth housing
 * in 2019 (temastatistik 2020:7; DOMAIN.md and the reference figures quote it). The example's limit is
 * about 10 percentage points above the type's national figure, so youth housing is judged against
 * youth housing's normal and not the family limit.
 */
export const TURNOVER_LIMITS = { graense: 20, graenser: { ungdom: 50 } } as const;

const TURNOVER_NOTE =
	'Fraflytning: grænsen ligger ca. 10 procentpoint over Landsbyggefondens landstal for boligtypen i 2019: 20 % for familieboliger (landstal 10,4 %) og 50 % for ungdomsboliger (landstal 39,9 %, hvor det er normalt, at mange flytter hvert år). For ældreboliger har Landsbyggefonden ikke offentliggjort et tal; de vurderes efter grænsen på 20 %. Kilde: Landsbyggefonden, temastatistik 2020:7, fraflytninger i den almene boligsektor 2019.';

const TURNOVER_NOTE_EN =
	'Turnover: the limit lies about 10 percentage points above Landsbyggefonden’s national figure for the housing type in 2019: 20 % for family housing (national figure 10.4 %) and 50 % for youth housing (national figure 39.9 %, where many moving out each year is normal). Landsbyggefonden has published no figure for housing for the elderly; it is judged by the limit of 20 %. Source: Landsbyggefonden, thematic statistics 2020:7, moves out of social housing 2019.';

const OUTSIDE_18_64_EN =
	'The figure here is residents aged 18-64 outside the labour market and education as a percentage of residents aged 18-64.';

const OUTSIDE_18_64 = 'Tallet her er beboere på 18-64 år uden for arbejdsmarked og uddannelse i procent af beboerne på 18-64 år.';

export const PRESETS: readonly Preset[] = [
	{
		id: 'tidlig-indsats',
		en: {
			navn: 'Early attention (example)',
			kilde: 'An example for preventive governance dialogue; adjust the limits to the municipality.',
			noter: [TURNOVER_NOTE_EN],
			regler: ['Early attention']
		},
		ruleSet: {
			navn: 'Tidlig opmærksomhed (eksempel)',
			kilde: 'Eksempel til den forebyggende styringsdialog; tilpas grænserne til kommunen.',
			enheder: ['afdeling', 'omraade'],
			noter: [TURNOVER_NOTE],
			regler: [
				{
					type: 'kombination',
					navn: 'Tidlig opmærksomhed',
					mindst: 2,
					regler: [
						{
							type: 'niveau',
							indikator: 'fraflytning',
							sammenligning: '>',
							graense: TURNOVER_LIMITS.graense,
							graenser: { ...TURNOVER_LIMITS.graenser }
						},
						{ type: 'tendens', indikator: 'ledighed', retning: 'stigende', aar: 3 },
						{ type: 'afstand', indikator: 'ledighed', sammenligning: '>=', faktor: 1.5, reference: 'kommune' },
						{ type: 'vedvarende', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 30, aar: 2 }
					]
				}
			]
		}
	},
	{
		id: 'udsat-2018',
		en: {
			navn: 'Vulnerable housing area (2018 criteria)',
			kilde:
				'The official criteria for vulnerable housing areas from 2018: an area with at least 1,000 residents that meets 2 of 4 criteria.',
			noter: [
				'Only the labour market criterion (over 40 % outside the labour market or education) can be assessed with these data. An area on the official list must meet 2 of 4 criteria; an area flagged here meets one of them.',
				'Cannot be assessed with these data: convictions for offences against the Criminal Code etc. (at least 3 times the national average), share aged 30-59 with only basic education (over 60 %), average gross income (under 55 % of the region’s average) and the requirement of at least 1,000 residents.',
				OUTSIDE_18_64_EN
			],
			regler: ['Labour market criterion (2018)']
		},
		ruleSet: {
			navn: 'Udsat boligområde (kriterier fra 2018)',
			kilde:
				'De officielle kriterier for udsatte boligområder fra 2018: et område med mindst 1.000 beboere, der opfylder 2 af 4 kriterier.',
			enheder: ['omraade'],
			noter: [
				'Kun arbejdsmarkedskriteriet (over 40 % uden for arbejdsmarked eller uddannelse) kan vurderes med disse data. Et område på den officielle liste skal opfylde 2 af 4 kriterier; et område, der flages her, opfylder ét af dem.',
				'Kan ikke vurderes med disse data: dømte for overtrædelse af straffeloven m.v. (mindst 3 gange landsgennemsnittet), andel på 30-59 år med kun grunduddannelse (over 60 %), gennemsnitlig bruttoindkomst (under 55 % af regionens gennemsnit) og kravet om mindst 1.000 beboere.',
				OUTSIDE_18_64
			],
			regler: [
				{
					type: 'niveau',
					navn: 'Arbejdsmarkedskriteriet (2018)',
					indikator: 'uden_for_arbejdsmarked',
					sammenligning: '>',
					graense: 40
				}
			]
		}
	},
	{
		id: 'forebyggelse-2021',
		en: {
			navn: 'Prevention area (2021 criteria)',
			kilde: 'The official criteria for prevention areas from 2021: over 30 % non-Western residents and 2 of 4 criteria.',
			noter: [
				'Only the labour market criterion (over 30 % outside the labour market or education) can be assessed with these data. A prevention area must also have over 30 % non-Western residents and meet 2 of 4 criteria; an area flagged here meets one of them.',
				'Cannot be assessed with these data: the share of immigrants and descendants from non-Western countries (over 30 %), convictions (at least 2 times the national average), share with only basic education (over 60 %) and average gross income (under 65 % of the region’s average).',
				OUTSIDE_18_64_EN
			],
			regler: ['Labour market criterion (2021)']
		},
		ruleSet: {
			navn: 'Forebyggelsesområde (kriterier fra 2021)',
			kilde: 'De officielle kriterier for forebyggelsesområder fra 2021: over 30 % ikke-vestlige beboere og 2 af 4 kriterier.',
			enheder: ['omraade'],
			noter: [
				'Kun arbejdsmarkedskriteriet (over 30 % uden for arbejdsmarked eller uddannelse) kan vurderes med disse data. Et forebyggelsesområde skal også have over 30 % ikke-vestlige beboere og opfylde 2 af 4 kriterier; et område, der flages her, opfylder ét af dem.',
				'Kan ikke vurderes med disse data: andelen af indvandrere og efterkommere fra ikke-vestlige lande (over 30 %), dømte (mindst 2 gange landsgennemsnittet), andel med kun grunduddannelse (over 60 %) og gennemsnitlig bruttoindkomst (under 65 % af regionens gennemsnit).',
				OUTSIDE_18_64
			],
			regler: [
				{
					type: 'niveau',
					navn: 'Arbejdsmarkedskriteriet (2021)',
					indikator: 'uden_for_arbejdsmarked',
					sammenligning: '>',
					graense: 30
				}
			]
		}
	},
	{
		id: 'koebenhavn-40-50',
		en: {
			navn: 'Copenhagen’s 40+ and 50+ areas',
			kilde:
				'Agreement on supplementary allocation in Copenhagen, quoted in KL and BL’s pamphlet on governance dialogue (June 2010): areas where more than 40 % and more than 50 % of residents are outside the labour market.',
			noter: [
				'The agreement speaks of residents; the figure here is residents aged 18-64, so the share is not quite the same. ' +
					OUTSIDE_18_64_EN
			],
			regler: ['50+ area', '40+ area']
		},
		ruleSet: {
			navn: 'Københavns 40+- og 50+-områder',
			kilde:
				'Aftale om supplerende anvisning i København, gengivet i KL og BL: "Styringsdialog" (juni 2010): områder, hvor mere end 40 % og mere end 50 % af beboerne står uden for arbejdsmarkedet.',
			enheder: ['omraade'],
			noter: ['Aftalen taler om beboerne; tallet her er beboerne på 18-64 år, så andelen er ikke helt den samme. ' + OUTSIDE_18_64],
			regler: [
				{ type: 'niveau', navn: '50+-område', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 50 },
				{ type: 'niveau', navn: '40+-område', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 40 }
			]
		}
	}
];

/**
 * The indicator ids the official criteria's full presets read (issue 15): a municipality that
 * declares these in indikatorer.csv (data/README.md, "indikatorer.csv", gives them as the worked
 * examples) gets the 2018 and 2021 criteria with all four of their figures.
 */
export const OFFICIAL_CRITERIA_IDS = { convictions: 'domme_pr_1000', basicSchooling: 'kun_grundskole', income: 'indkomstniveau' } as const;

const FULL_NOTE =
	'Tallene for domme, uddannelse og indkomst er kommunens egne nøgletal (indikatorer.csv: domme_pr_1000, kun_grundskole, indkomstniveau); de officielle opgørelser afgrænser dem lidt anderledes (fx indkomsten for 15-64-årige uden uddannelsessøgende).';

const FULL_NOTE_EN =
	'The figures for convictions, education and income are the municipality’s own key figures (indikatorer.csv: domme_pr_1000, kun_grundskole, indkomstniveau); the official counts define them slightly differently (e.g. income for those aged 15-64 excluding students).';

function criteriaLimits(year: 2018 | 2021): [labour: number, convictions: number, income: number] {
	return year === 2018 ? [40, 3, 55] : [30, 2, 65];
}

/** The English names of officialCriteria's four rules, in their order. */
function officialCriteriaNames(year: 2018 | 2021): string[] {
	const [labour, convictions, income] = criteriaLimits(year);
	return [
		`Labour market: over ${labour} %`,
		`Convictions: at least ${convictions} times the national average`,
		'Education: over 60 % with only basic schooling',
		`Income: under ${income} % of the region’s`
	];
}

function officialCriteria(year: 2018 | 2021): Rule[] {
	const [labour, convictions, income] = criteriaLimits(year);
	return [
		{ type: 'niveau', navn: `Arbejdsmarkedet: over ${labour} %`, indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: labour },
		{
			type: 'afstand',
			navn: `Domme: mindst ${convictions} gange landsgennemsnittet`,
			indikator: OFFICIAL_CRITERIA_IDS.convictions,
			sammenligning: '>=',
			faktor: convictions,
			reference: 'land'
		},
		{
			type: 'niveau',
			navn: 'Uddannelse: over 60 % med kun grundskole',
			indikator: OFFICIAL_CRITERIA_IDS.basicSchooling,
			sammenligning: '>',
			graense: 60
		},
		{
			type: 'niveau',
			navn: `Indkomst: under ${income} % af regionens`,
			indikator: OFFICIAL_CRITERIA_IDS.income,
			sammenligning: '<',
			graense: income
		}
	];
}

/**
 * The official criteria with every figure, offered (availablePresets) only when the data declares
 * the three indicators of OFFICIAL_CRITERIA_IDS.
 */
export const FULL_PRESETS: readonly Preset[] = [
	{
		id: 'udsat-2018-fuld',
		en: {
			navn: 'Vulnerable housing area (2018 criteria, all four)',
			kilde:
				'The official criteria for vulnerable housing areas from 2018: an area with at least 1,000 residents that meets 2 of 4 criteria.',
			noter: ['The requirement of at least 1,000 residents cannot be assessed with these data.', FULL_NOTE_EN, OUTSIDE_18_64_EN],
			regler: ['2 of 4 criteria (2018)', ...officialCriteriaNames(2018)]
		},
		ruleSet: {
			navn: 'Udsat boligområde (kriterier fra 2018, alle fire)',
			kilde:
				'De officielle kriterier for udsatte boligområder fra 2018: et område med mindst 1.000 beboere, der opfylder 2 af 4 kriterier.',
			enheder: ['omraade'],
			noter: ['Kravet om mindst 1.000 beboere kan ikke vurderes med disse data.', FULL_NOTE, OUTSIDE_18_64],
			regler: [{ type: 'kombination', navn: '2 af 4 kriterier (2018)', mindst: 2, regler: officialCriteria(2018) }]
		}
	},
	{
		id: 'forebyggelse-2021-fuld',
		en: {
			navn: 'Prevention area (2021 criteria, all four)',
			kilde: 'The official criteria for prevention areas from 2021: over 30 % non-Western residents and 2 of 4 criteria.',
			noter: [
				'The share of immigrants and descendants from non-Western countries (over 30 %) cannot be assessed with these data.',
				FULL_NOTE_EN,
				OUTSIDE_18_64_EN
			],
			regler: ['2 of 4 criteria (2021)', ...officialCriteriaNames(2021)]
		},
		ruleSet: {
			navn: 'Forebyggelsesområde (kriterier fra 2021, alle fire)',
			kilde: 'De officielle kriterier for forebyggelsesområder fra 2021: over 30 % ikke-vestlige beboere og 2 af 4 kriterier.',
			enheder: ['omraade'],
			noter: [
				'Andelen af indvandrere og efterkommere fra ikke-vestlige lande (over 30 %) kan ikke vurderes med disse data.',
				FULL_NOTE,
				OUTSIDE_18_64
			],
			regler: [{ type: 'kombination', navn: '2 af 4 kriterier (2021)', mindst: 2, regler: officialCriteria(2021) }]
		}
	}
];

/** The presets this data can evaluate: PRESETS, and FULL_PRESETS when it declares their indicators. */
export function availablePresets(): readonly Preset[] {
	const full = Object.values(OFFICIAL_CRITERIA_IDS).every((id) => isIndicatorId(id));
	return full ? [...PRESETS, ...FULL_PRESETS] : PRESETS;
}

export const DEFAULT_PRESET_ID = 'tidlig-indsats';

export function preset(id: string): Preset | undefined {
	return availablePresets().find((p) => p.id === id);
}

/** The preset a rule set is, unchanged, if any: so a URL can say `regler=udsat-2018`. */
export function presetOf(ruleSet: RuleSet): Preset | undefined {
	const text = JSON.stringify(ruleSet);
	return availablePresets().find((p) => JSON.stringify(p.ruleSet) === text);
}

/** What an edited preset is called: its name with " (ændret)", so a list never claims rules it no longer has. */
export const EDITED_SUFFIX = ' (ændret)';

/**
 * The name of a rule set after an edit of its rules: a preset's own name, once the rules differ from
 * the preset's, becomes "<name> (ændret)"; any other name (the user's own, or one already marked)
 * stays as it is.
 */
export function nameAfterEdit(ruleSet: RuleSet): string {
	if (presetOf(ruleSet)) return ruleSet.navn;
	return [...PRESETS, ...FULL_PRESETS].some((p) => p.ruleSet.navn === ruleSet.navn) ? `${ruleSet.navn}${EDITED_SUFFIX}` : ruleSet.navn;
}
