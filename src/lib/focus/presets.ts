/**
 * Ready-made rule sets, each naming its source. There is one preset per official criteria set
 * (2018, 2021), built for the catalogue in effect: when the data has all four figures (the
 * labour market built in; convictions, schooling and income declared in indikatorer.csv as
 * OFFICIAL_CRITERIA_IDS) it evaluates "2 af 4"; when it lacks some, it evaluates those it has and
 * names each one it cannot in `noter`, so no one mistakes a hit here for a place on the official
 * list.
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

/** The presets for the catalogue in effect (the official two depend on which figures the data declares). */
export function availablePresets(): readonly Preset[] {
	return [
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
		officialPreset(2018),
		officialPreset(2021),
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
}

/**
 * The indicator ids the official criteria read beyond the built-in labour-market figure: a
 * municipality that declares these in indikatorer.csv (data/README.md, "indikatorer.csv", gives
 * them as the worked examples) gets the 2018 and 2021 criteria with all four of their figures.
 */
export const OFFICIAL_CRITERIA_IDS = { convictions: 'domme_pr_1000', basicSchooling: 'kun_grundskole', income: 'indkomstniveau' } as const;

/** A text in Danish and its English twin (the preset's `en`, paired by preset-words.ts). */
interface Words {
	da: string;
	en: string;
}

const DECLARED_NOTE: Words = {
	da: 'Tallene for domme, uddannelse og indkomst er kommunens egne nøgletal (indikatorer.csv: domme_pr_1000, kun_grundskole, indkomstniveau); de officielle opgørelser afgrænser dem lidt anderledes (fx indkomsten for 15-64-årige uden uddannelsessøgende).',
	en: 'The figures for convictions, education and income are the municipality’s own key figures (indikatorer.csv: domme_pr_1000, kun_grundskole, indkomstniveau); the official counts define them slightly differently (e.g. income for those aged 15-64 excluding students).'
};

/**
 * The convictions criterion compares with the national rate: a published figure in referencetal.csv,
 * or the data's own sum only when it covers every municipality (national-benchmark.ts); and a
 * person-based country figure the privacy audit withheld is no figure. Said, so an area "that
 * cannot be judged" on it is understood.
 */
const NATIONAL_NOTE: Words = {
	da: `Dommekriteriet sammenlignes med landsgennemsnittet: tallet tages fra referencetal.csv (niveau land, indikator ${OFFICIAL_CRITERIA_IDS.convictions}) eller fra data, når de dækker hele landet. Findes det ikke for året, kan kriteriet ikke vurderes, og det står ved hvert område.`,
	en: `The convictions criterion compares with the national average: the figure comes from referencetal.csv (level land, indicator ${OFFICIAL_CRITERIA_IDS.convictions}) or from the data when they cover the whole country. Where there is none for the year, the criterion cannot be assessed, and each area says so.`
};

interface Criterion {
	rule: Rule & { indikator: string };
	/** The rule's name in English. */
	nameEn: string;
	/** The criterion in words, for the note when the data cannot evaluate it. */
	words: Words;
}

/** The four criteria of DOMAIN.md, "Official thresholds", with the year's limits. */
function officialCriteria(year: 2018 | 2021): Criterion[] {
	const [labour, convictions, income] = year === 2018 ? [40, 3, 55] : [30, 2, 65];
	return [
		{
			rule: {
				type: 'niveau',
				navn: `Arbejdsmarkedet: over ${labour} %`,
				indikator: 'uden_for_arbejdsmarked',
				sammenligning: '>',
				graense: labour
			},
			nameEn: `Labour market: over ${labour} %`,
			words: {
				da: `over ${labour} % uden for arbejdsmarked eller uddannelse`,
				en: `over ${labour} % outside the labour market or education`
			}
		},
		{
			rule: {
				type: 'afstand',
				navn: `Domme: mindst ${convictions} gange landsgennemsnittet`,
				indikator: OFFICIAL_CRITERIA_IDS.convictions,
				sammenligning: '>=',
				faktor: convictions,
				reference: 'land'
			},
			nameEn: `Convictions: at least ${convictions} times the national average`,
			words: {
				da: `dømte for overtrædelse af straffeloven m.v. (mindst ${convictions} gange landsgennemsnittet; indikator ${OFFICIAL_CRITERIA_IDS.convictions})`,
				en: `convictions for offences against the Criminal Code etc. (at least ${convictions} times the national average; indicator ${OFFICIAL_CRITERIA_IDS.convictions})`
			}
		},
		{
			rule: {
				type: 'niveau',
				navn: 'Uddannelse: over 60 % med kun grundskole',
				indikator: OFFICIAL_CRITERIA_IDS.basicSchooling,
				sammenligning: '>',
				graense: 60
			},
			nameEn: 'Education: over 60 % with only basic schooling',
			words: {
				da: `andel på 30-59 år med kun grunduddannelse (over 60 %; indikator ${OFFICIAL_CRITERIA_IDS.basicSchooling})`,
				en: `share aged 30-59 with only basic education (over 60 %; indicator ${OFFICIAL_CRITERIA_IDS.basicSchooling})`
			}
		},
		{
			rule: {
				type: 'niveau',
				navn: `Indkomst: under ${income} % af regionens`,
				indikator: OFFICIAL_CRITERIA_IDS.income,
				sammenligning: '<',
				graense: income
			},
			nameEn: `Income: under ${income} % of the region’s`,
			words: {
				da: `gennemsnitlig bruttoindkomst (under ${income} % af regionens gennemsnit; indikator ${OFFICIAL_CRITERIA_IDS.income})`,
				en: `average gross income (under ${income} % of the region’s average; indicator ${OFFICIAL_CRITERIA_IDS.income})`
			}
		}
	];
}

const OFFICIAL = {
	2018: {
		id: 'udsat-2018',
		navn: {
			da: 'Udsat boligområde (kriterier fra 2018)',
			en: 'Vulnerable housing area (2018 criteria)'
		},
		kilde: {
			da: 'De officielle kriterier for udsatte boligområder fra 2018: et område med mindst 1.000 beboere, der opfylder 2 af 4 kriterier.',
			en: 'The official criteria for vulnerable housing areas from 2018: an area with at least 1,000 residents that meets 2 of 4 criteria.'
		},
		/** What no indikatorer.csv can give: the area's size is not a rate. */
		outside: { da: 'kravet om mindst 1.000 beboere', en: 'the requirement of at least 1,000 residents' },
		list: {
			da: 'Et område på den officielle liste skal opfylde 2 af 4 kriterier',
			en: 'An area on the official list must meet 2 of 4 criteria'
		}
	},
	2021: {
		id: 'forebyggelse-2021',
		navn: { da: 'Forebyggelsesområde (kriterier fra 2021)', en: 'Prevention area (2021 criteria)' },
		kilde: {
			da: 'De officielle kriterier for forebyggelsesområder fra 2021: over 30 % ikke-vestlige beboere og 2 af 4 kriterier.',
			en: 'The official criteria for prevention areas from 2021: over 30 % non-Western residents and 2 of 4 criteria.'
		},
		outside: {
			da: 'andelen af indvandrere og efterkommere fra ikke-vestlige lande (over 30 %)',
			en: 'the share of immigrants and descendants from non-Western countries (over 30 %)'
		},
		list: {
			da: 'Et forebyggelsesområde skal også have over 30 % ikke-vestlige beboere og opfylde 2 af 4 kriterier',
			en: 'A prevention area must also have over 30 % non-Western residents and meet 2 of 4 criteria'
		}
	}
} as const;

/**
 * One official criteria set as a preset for the catalogue in effect. With all four figures: "2 af
 * 4". With fewer: an area is flagged when it meets at least one criterion the data can evaluate
 * (it may then be on the list, depending on the criteria not evaluated), and the notes name every
 * criterion left out. The id is the same in every form, so `?regler=udsat-2018` opens the form the
 * data at hand can evaluate. Every note is written in Danish and English side by side.
 */
function officialPreset(year: 2018 | 2021): Preset {
	const o = OFFICIAL[year];
	const criteria = officialCriteria(year);
	const evaluable = criteria.filter((c) => isIndicatorId(c.rule.indikator));
	const missing = criteria.filter((c) => !isIndicatorId(c.rule.indikator));
	const declared = evaluable.some((c) => c.rule.indikator !== 'uden_for_arbejdsmarked');
	const noter: Words[] = [];
	let regler: Rule[];
	let names: string[];
	const list = (lang: 'da' | 'en', words: (Words | null)[]) =>
		words
			.filter((w): w is Words => w !== null)
			.map((w) => w[lang])
			.join(', ');
	if (missing.length === 0) {
		regler = [{ type: 'kombination', navn: `2 af 4 kriterier (${year})`, mindst: 2, regler: criteria.map((c) => c.rule) }];
		names = [`2 of 4 criteria (${year})`, ...criteria.map((c) => c.nameEn)];
		noter.push({
			da: `Alle fire kriterier har nøgletal i data. Kan ikke vurderes med disse data: ${o.outside.da}.`,
			en: `All four criteria have key figures in the data. Cannot be assessed with these data: ${o.outside.en}.`
		});
	} else if (!declared) {
		const [labour] = criteria;
		regler = [{ ...labour!.rule, navn: `Arbejdsmarkedskriteriet (${year})` } as Rule];
		names = [`Labour market criterion (${year})`];
		const left = [year === 2021 ? o.outside : null, ...missing.map((c) => c.words), year === 2018 ? o.outside : null];
		const ids = Object.values(OFFICIAL_CRITERIA_IDS).join(', ');
		noter.push(
			{
				da: `Kun arbejdsmarkedskriteriet (${labour!.words.da}) kan vurderes med disse data. ${o.list.da}; et område, der flages her, opfylder ét af dem.`,
				en: `Only the labour market criterion (${labour!.words.en}) can be assessed with these data. ${o.list.en}; an area flagged here meets one of them.`
			},
			{
				da: `Kan ikke vurderes med disse data: ${list('da', left)}. Deklarér ${ids} i indikatorer.csv for at vurdere alle fire.`,
				en: `Cannot be assessed with these data: ${list('en', left)}. Declare ${ids} in indikatorer.csv to assess all four.`
			}
		);
	} else {
		regler = [
			{
				type: 'kombination',
				navn: `Mindst 1 af de ${evaluable.length} kriterier, der kan vurderes (${year})`,
				mindst: 1,
				regler: evaluable.map((c) => c.rule)
			}
		];
		names = [`At least 1 of the ${evaluable.length} criteria that can be assessed (${year})`, ...evaluable.map((c) => c.nameEn)];
		const left = [...missing.map((c) => c.words), o.outside];
		noter.push(
			{
				da: `${evaluable.length} af 4 kriterier kan vurderes med disse data. ${o.list.da}; et område, der flages her, opfylder mindst ét af dem, der kan vurderes, og kan være på listen afhængigt af dem, der ikke kan.`,
				en: `${evaluable.length} of 4 criteria can be assessed with these data. ${o.list.en}; an area flagged here meets at least one of those that can be assessed, and may be on the list depending on those that cannot.`
			},
			{ da: `Kan ikke vurderes med disse data: ${list('da', left)}.`, en: `Cannot be assessed with these data: ${list('en', left)}.` }
		);
	}
	if (declared) noter.push(DECLARED_NOTE);
	if (evaluable.some((c) => c.rule.indikator === OFFICIAL_CRITERIA_IDS.convictions)) noter.push(NATIONAL_NOTE);
	noter.push({ da: OUTSIDE_18_64, en: OUTSIDE_18_64_EN });
	return {
		id: o.id,
		en: { navn: o.navn.en, kilde: o.kilde.en, noter: noter.map((n) => n.en), regler: names },
		ruleSet: { navn: o.navn.da, kilde: o.kilde.da, enheder: ['omraade'], noter: noter.map((n) => n.da), regler }
	};
}

/** Ids the full criteria had while they stood beside the labour-market-only presets; old links still open. */
const FORMER_IDS: Readonly<Record<string, string>> = { 'udsat-2018-fuld': 'udsat-2018', 'forebyggelse-2021-fuld': 'forebyggelse-2021' };

/** Names earlier versions gave presets, so an edit of one is still marked as edited. */
const FORMER_NAMES = ['Udsat boligområde (kriterier fra 2018, alle fire)', 'Forebyggelsesområde (kriterier fra 2021, alle fire)'];

export const DEFAULT_PRESET_ID = 'tidlig-indsats';

export function preset(id: string): Preset | undefined {
	const wanted = FORMER_IDS[id] ?? id;
	return availablePresets().find((p) => p.id === wanted);
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
	const names = [...availablePresets().map((p) => p.ruleSet.navn), ...FORMER_NAMES];
	return names.includes(ruleSet.navn) ? `${ruleSet.navn}${EDITED_SUFFIX}` : ruleSet.navn;
}
