/**
 * The one catalogue format: an indicator declared as a row of `indikatorer.csv` (data/README.md,
 * "indikatorer.csv"). The built-in seven are rows of this format too (builtin-indicators.ts), and
 * a municipality's own rows are read by the pipeline (pipelines/read/read-indicators.ts), published
 * in web/index.json as the same rows and read again in the browser: every indicator, built in or
 * declared, becomes an `Indicator` through `declareIndicator` below, so there is one path.
 *
 * No DOM and no Node imports: the pipeline and the dashboard import this alike.
 */

/** The columns of indikatorer.csv, in the order data/README.md documents them. */
export const INDICATOR_COLUMNS = [
	'indikator',
	'navn',
	'navn_en',
	'beskrivelse',
	'beskrivelse_en',
	'enhed',
	'enhed_en',
	'art',
	'taeller',
	'naevner',
	'skala',
	'personer',
	'bedre',
	'decimaler',
	'min',
	'maks',
	'kilde',
	'kilde_en'
] as const;
export type IndicatorColumn = (typeof INDICATOR_COLUMNS)[number];

export const REQUIRED_INDICATOR_COLUMNS: readonly IndicatorColumn[] = ['indikator', 'navn', 'art', 'taeller', 'naevner', 'personer'];

/** One row of indikatorer.csv as text, the cells trimmed; a column left out is ''. */
export type IndicatorDeclaration = { readonly [C in IndicatorColumn]: string };

/**
 * The kinds (`art`) an indicator may be:
 * - `andel`: a share of counts (numerator counts a part of what the denominator counts, so it can
 *   never be larger), e.g. vacant dwellings of dwellings;
 * - `forhold`: a ratio of two sums (kroner per m², convictions per resident), any two sums;
 * - `vaegtet_gennemsnit`: a mean of the numerator column (the value) weighted by the denominator
 *   column (the weight), e.g. rent per m² weighted by floor area.
 */
export const INDICATOR_KINDS = ['andel', 'forhold', 'vaegtet_gennemsnit'] as const;
export type IndicatorKind = (typeof INDICATOR_KINDS)[number];

/** How a level's value is formed from its departments. */
export type Aggregation =
	/** scale * sum(numerator column) / sum(denominator column) */
	| 'ratio'
	/** sum(value column * weight column) / sum(weight column) */
	| 'weighted_mean';

export interface Indicator {
	/** A built-in id (INDICATOR_IDS) or a declared one: lower case a-z, 0-9 and _. */
	id: string;
	name: { da: string; en: string };
	/** Short unit as printed after a number: '‰', '%', 'kr./m²', '' (score). */
	unit: { da: string; en: string };
	aggregation: Aggregation;
	/** The declared kind; 'andel' and 'forhold' both aggregate as 'ratio'. */
	kind: IndicatorKind;
	/** For 'ratio': the numerator column. For 'weighted_mean': the value column. */
	numerator: string;
	/** For 'ratio': the denominator column. For 'weighted_mean': the weight column. */
	denominator: string;
	/** Multiplier applied to numerator/denominator: 1000 for per mille, 100 for per cent. */
	scale: number;
	/**
	 * Which direction is worse: 'higher' means a rising value is bad news; null when neither is
	 * (a declared figure that only describes), so nothing colours it good or bad.
	 */
	worse: 'higher' | 'lower' | null;
	/** True when the figure counts residents, so small groups must be suppressed (see privacy). */
	personBased: boolean;
	/** Decimals shown in the dashboard and exports. */
	decimals: number;
	/** Plausible range of a department's value, for the synthetic data and sanity warnings. */
	domain: [number, number];
	definition: { da: string; en: string };
	/** Who publishes it (`kilde`, and `kilde_en` for English pages; the Danish when that is empty). */
	source: { da: string; en: string };
	/** True for the seven the product ships; false for a municipality's own (indikatorer.csv). */
	builtIn: boolean;
	/**
	 * A declared indicator's area quintiles in the data at hand (the country's only with all 98 municipalities) (web/index.json's `kvantiler`,
	 * attached when the dashboard loads the index): the map's class bounds, since no published
	 * figure gives it meaningful ones. Absent in the pipeline and for the built-in seven.
	 */
	quantiles?: NationalQuantiles;
}

/**
 * The quintiles of a declared indicator's area values in the whole country, every year and area
 * with a published figure pooled (pipelines/build/quantiles.ts), rounded to its decimals. One set
 * for every municipality and year, as the built-in seven's fixed bounds are.
 */
export interface NationalQuantiles {
	/** The 20 %, 40 %, 60 % and 80 % quantiles, ascending, equal ones merged. */
	graenser: number[];
	/** How many area-year values they were taken from. */
	antal: number;
	/** The first and last year among them. */
	aar: [number, number];
}

/** What is wrong with one cell of a declaration, in the words the read step prints. */
export interface DeclarationProblem {
	column: IndicatorColumn;
	code: string;
	message: string;
	expected: string;
	found: string;
}

export const INDICATOR_ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;
/** A key-figure column a declaration reads: like the built-in ones, lower case a-z, 0-9 and _. */
export const RAW_COLUMN_PATTERN = /^[a-z][a-z0-9_]{0,59}$/;

const YES = ['ja', 'j', 'yes', 'sand', 'true', '1'];
const NO = ['nej', 'n', 'no', 'falsk', 'false', '0'];
const BETTER: Record<string, 'higher' | 'lower'> = { hoejere: 'lower', højere: 'lower', op: 'lower', lavere: 'higher', ned: 'higher' };
/** The largest plausible value when a declaration gives none (and its kind gives none). */
export const NO_LIMIT = 1e12;

const q = (text: string) => `"${text}"`;

/**
 * An indicator from its row: the Indicator and no problems, or null and every problem found. A
 * number written with a decimal comma is read (`0,5`); `builtIn` says which catalogue it is for.
 */
export function declareIndicator(
	row: IndicatorDeclaration,
	builtIn = false
): { indicator: Indicator | null; problems: DeclarationProblem[] } {
	const problems: DeclarationProblem[] = [];
	const problem = (column: IndicatorColumn, code: string, message: string, expected: string, found: string) =>
		problems.push({ column, code, message, expected, found });
	const required = (column: IndicatorColumn, expected: string): string => {
		const text = row[column];
		if (text === '')
			problem(column, 'missing-value', `Kolonnen ${q(column)} er tom: forventede ${expected}, fandt en tom celle.`, expected, '');
		return text;
	};

	const id = required('indikator', 'et id med små bogstaver a-z, tal og _, fx domme_pr_1000');
	if (id !== '' && !INDICATOR_ID_PATTERN.test(id)) {
		problem(
			'indikator',
			'bad-indicator-id',
			`Indikatorens id kan ikke bruges: forventede 1-40 tegn, små bogstaver a-z, tal og _, begyndende med et bogstav, fandt ${q(id)}.`,
			'a-z, 0-9 og _',
			id
		);
	}
	const navn = required('navn', 'indikatorens danske navn');
	const art = required('art', INDICATOR_KINDS.join(', '));
	const kind = (INDICATOR_KINDS as readonly string[]).includes(art) ? (art as IndicatorKind) : null;
	if (art !== '' && kind === null) {
		problem(
			'art',
			'unknown-kind',
			`Arten kendes ikke: forventede en af ${INDICATOR_KINDS.join(', ')}, fandt ${q(art)}.`,
			INDICATOR_KINDS.join(', '),
			art
		);
	}
	const columnCell = (column: 'taeller' | 'naevner', what: string): string => {
		const text = required(column, what);
		if (text !== '' && !RAW_COLUMN_PATTERN.test(text)) {
			problem(
				column,
				'bad-column-name',
				`Kolonnenavnet kan ikke bruges: forventede navnet på en kolonne i noegletal-filerne med små bogstaver a-z, tal og _, fx domfaeldte, fandt ${q(text)}.`,
				'a-z, 0-9 og _',
				text
			);
		}
		return text;
	};
	const numerator = columnCell(
		'taeller',
		kind === 'vaegtet_gennemsnit' ? 'værdiens kolonne i noegletal-filerne' : 'tællerens kolonne i noegletal-filerne'
	);
	const denominator = columnCell(
		'naevner',
		kind === 'vaegtet_gennemsnit' ? 'vægtens kolonne i noegletal-filerne' : 'nævnerens kolonne i noegletal-filerne'
	);
	if (numerator !== '' && numerator === denominator) {
		problem(
			'naevner',
			'same-columns',
			`Tæller og nævner er samme kolonne: forventede to forskellige kolonner, fandt ${q(numerator)} i begge.`,
			'to forskellige kolonner',
			numerator
		);
	}

	const number = (column: IndicatorColumn, what: string, fallback: number, check: (n: number) => boolean, expected: string): number => {
		const text = row[column];
		if (text === '') return fallback;
		const n = Number(text.replace(',', '.'));
		if (!/^-?\d+([.,]\d+)?$/.test(text) || !Number.isFinite(n) || !check(n)) {
			problem(column, 'bad-number', `${what} kan ikke bruges: forventede ${expected}, fandt ${q(text)}.`, expected, text);
			return fallback;
		}
		return n;
	};
	const scale = number('skala', 'Skalaen', 1, (n) => n > 0, 'et tal over 0, fx 100 for procent eller 1000 for promille');
	const decimals = number(
		'decimaler',
		'Antallet af decimaler',
		1,
		(n) => Number.isInteger(n) && n >= 0 && n <= 3,
		'et helt tal fra 0 til 3'
	);
	const defaultMax = kind === 'andel' ? scale : NO_LIMIT;
	const min = number('min', 'Mindsteværdien', 0, () => true, 'et tal');
	const max = number('maks', 'Højesteværdien', defaultMax, () => true, 'et tal');
	if (row.min !== '' && row.maks !== '' && max <= min) {
		problem(
			'maks',
			'bad-range',
			`Højesteværdien er ikke over mindsteværdien: forventede et tal over ${row.min}, fandt ${q(row.maks)}.`,
			`over ${row.min}`,
			row.maks
		);
	}

	const personText = required('personer', 'ja eller nej: handler tallet om beboere?').toLowerCase();
	const personBased = YES.includes(personText) ? true : NO.includes(personText) ? false : null;
	if (personText !== '' && personBased === null) {
		problem(
			'personer',
			'not-yes-no',
			`Kolonnen "personer" skal sige ja eller nej: forventede ja eller nej, fandt ${q(row.personer)}.`,
			'ja eller nej',
			row.personer
		);
	}
	const betterText = row.bedre.toLowerCase();
	const worse = betterText === '' ? null : (BETTER[betterText] ?? undefined);
	if (worse === undefined) {
		problem(
			'bedre',
			'unknown-direction',
			`Retningen kendes ikke: forventede hoejere, lavere eller en tom celle, fandt ${q(row.bedre)}.`,
			'hoejere, lavere eller tom',
			row.bedre
		);
	}

	if (problems.length > 0 || kind === null || personBased === null || worse === undefined) return { indicator: null, problems };
	return {
		indicator: {
			id,
			name: { da: navn, en: row.navn_en || navn },
			unit: { da: row.enhed, en: row.enhed_en || row.enhed },
			aggregation: kind === 'vaegtet_gennemsnit' ? 'weighted_mean' : 'ratio',
			kind,
			numerator,
			denominator,
			scale,
			worse,
			personBased,
			decimals,
			domain: [min, max],
			definition: { da: row.beskrivelse, en: row.beskrivelse_en || row.beskrivelse },
			source: { da: row.kilde, en: (row.kilde_en ?? '') || row.kilde },
			builtIn
		},
		problems
	};
}

/** A declaration from an Indicator, the inverse of declareIndicator: what index.json publishes. */
export function declarationOf(ind: Indicator): IndicatorDeclaration {
	const kind = ind.kind;
	return {
		indikator: ind.id,
		navn: ind.name.da,
		navn_en: ind.name.en,
		beskrivelse: ind.definition.da,
		beskrivelse_en: ind.definition.en,
		enhed: ind.unit.da,
		enhed_en: ind.unit.en,
		art: kind,
		taeller: ind.numerator,
		naevner: ind.denominator,
		skala: String(ind.scale),
		personer: ind.personBased ? 'ja' : 'nej',
		bedre: ind.worse === null ? '' : ind.worse === 'higher' ? 'lavere' : 'hoejere',
		decimaler: String(ind.decimals),
		min: String(ind.domain[0]),
		maks: String(ind.domain[1]),
		kilde: ind.source.da,
		kilde_en: ind.source.en
	};
}
