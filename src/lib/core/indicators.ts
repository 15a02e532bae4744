/**
 * The indicator catalogue: the one place that says what a key figure is.
 *
 * Imported by the pipeline (Node) and the dashboard (browser) alike, so it holds no DOM and no
 * Node imports. Every indicator is stored as two raw sums, a numerator and a denominator, so that
 * any level (department, area, organisation, municipality, country) is
 *
 *     value = scale * sum(numerator) / sum(denominator)
 *
 * For a ratio of counts or sums the numerator is a raw column. For a weighted mean the numerator
 * is value * weight, summed, and the denominator the sum of the weights. Never a mean of rates.
 *
 * The seven built-in indicators are declared in builtin-indicators.ts as rows of indikatorer.csv
 * (indicator-declaration.ts); a municipality may declare more in its own indikatorer.csv. The
 * catalogue in effect is the built-ins plus the declared ones of the data at hand: the pipeline's
 * read step and the dashboard's index load set it with useDeclaredIndicators(), once per input or
 * page life; INDICATORS and INDICATOR_IDS stay the built-in seven.
 *
 * Why module state rather than a catalogue passed along (issue 15 weighed it): indicator(id) and
 * activeIndicators() are read in 46 files, most of them pure formatters, rules and exporters that
 * take plain data far from where data loads; threading a catalogue (or a Svelte context, which
 * pure modules and the pipeline cannot read) through all of them would touch nearly every file and
 * change no behaviour. It is safe because it is set in exactly three places, each before anything
 * reads the data it belongs to:
 * - the browser: loadIndex() (data/web-files.ts), once per page life (its promise is cached), and
 *   a page reads one data folder (/data/); the root layout (src/routes/+layout.svelte) renders no
 *   page until the index, and with it the catalogue, is there, so nothing reads it earlier;
 * - the pipeline: readInput() resets it to the built-ins at its start and sets the input's
 *   declared ones before it reads the key figures; build() sets it again from
 *   ParsedInput.indicators at its start. The CLI runs one ingest per process.
 * The one way to break it is two ingests interleaved in one process (read A, read B, build A): no
 * command does that, and the tests run their ingests one after another (each test file in its
 * own module instance). Whoever needs concurrent ingests in one process must pass the catalogue.
 */
import { BUILTIN_DECLARATIONS } from './builtin-indicators.ts';
import { declareIndicator, NO_LIMIT, type Indicator } from './indicator-declaration.ts';
import { COUNT_COLUMNS, NOT_ABOVE, RAW_COLUMNS } from './input-contract.ts';

export type { Aggregation, Indicator, IndicatorKind } from './indicator-declaration.ts';

export const INDICATOR_IDS = [
	'ledighed',
	'fraflytning',
	'uden_for_arbejdsmarked',
	'vedligeholdelsesstand',
	'henlaeggelser',
	'husleje',
	'lejetab'
] as const;

export type BuiltinIndicatorId = (typeof INDICATOR_IDS)[number];
/**
 * An indicator's id: one of the built-in seven or one a municipality declared. `string & {}` keeps
 * the built-in ids as suggestions while any declared id is allowed; isIndicatorId() says whether
 * the catalogue in effect has it.
 */
export type IndicatorId = BuiltinIndicatorId | (string & {});

/** The built-in seven, from their declarations (a wrong built-in row is a programming error). */
export const INDICATORS: readonly Indicator[] = BUILTIN_DECLARATIONS.map((row) => {
	const { indicator, problems } = declareIndicator(row, true);
	if (!indicator) throw new Error(`built-in indicator ${row.indikator}: ${problems.map((p) => p.message).join(' ')}`);
	return indicator;
});

let active: readonly Indicator[] = INDICATORS;
let byId = new Map(INDICATORS.map((i) => [i.id, i]));

/**
 * Make the catalogue in effect the built-in seven plus `declared` (in their order). Called by the
 * read step for each input and by the dashboard when it loads web/index.json; `[]` goes back to the
 * built-ins. A declared id equal to a built-in one is the read step's error, never passed here.
 */
export function useDeclaredIndicators(declared: readonly Indicator[]): void {
	active = [...INDICATORS, ...declared.filter((d) => !INDICATORS.some((b) => b.id === d.id))];
	byId = new Map(active.map((i) => [i.id, i]));
}

/** The catalogue in effect: the built-in seven, then the declared ones. */
export function activeIndicators(): readonly Indicator[] {
	return active;
}

/** The declared indicators in effect (none unless the data declares some). */
export function declaredIndicators(): readonly Indicator[] {
	return active.slice(INDICATORS.length);
}

export function indicator(id: IndicatorId): Indicator {
	const found = byId.get(id);
	if (!found) throw new Error(`unknown indicator: ${id}`);
	return found;
}

export function isIndicatorId(value: string): value is IndicatorId {
	return byId.has(value);
}

/**
 * Whether an indicator is a score on a bounded scale (the maintenance state, 1 to 5): a weighted
 * mean with no unit and both ends of its range given. Such a figure is labelled "skala 1–5" where
 * others print their unit, and its chart has no zero line. A declared figure without a unit that is
 * a ratio (say, persons per dwelling) is not a score: it is printed bare and starts at 0.
 */
export function isScore(ind: Pick<Indicator, 'unit' | 'kind' | 'domain'>): boolean {
	return ind.unit.da === '' && ind.kind === 'vaegtet_gennemsnit' && ind.domain[1] < NO_LIMIT;
}

/**
 * A level's value from its summed numerator and denominator; null where the denominator is 0
 * or missing (a rate over nothing is not 0).
 */
export function valueFromSums(ind: Indicator, numerator: number | null, denominator: number | null): number | null {
	if (numerator == null || denominator == null || !(denominator > 0)) return null;
	return (ind.scale * numerator) / denominator;
}

/**
 * The key-figure columns the catalogue in effect reads: the built-in RAW_COLUMNS, then the columns
 * declared indicators name that are not among them, in declaration order.
 */
export function keyFigureColumns(): readonly string[] {
	const columns: string[] = [...RAW_COLUMNS];
	for (const ind of declaredIndicators()) for (const c of [ind.numerator, ind.denominator]) if (!columns.includes(c)) columns.push(c);
	return columns;
}

/**
 * Columns that may never be negative: the built-in counts, and every column a declared indicator
 * sums (a share's or ratio's numerator and denominator, a weighted mean's weight).
 */
export function nonNegativeColumns(): ReadonlySet<string> {
	const columns = new Set<string>(COUNT_COLUMNS);
	for (const ind of declaredIndicators()) {
		if (ind.kind !== 'vaegtet_gennemsnit') columns.add(ind.numerator);
		columns.add(ind.denominator);
	}
	return columns;
}

/** Pairs where the first may never exceed the second in a row: NOT_ABOVE and each declared share (`andel`). */
export function notAbovePairs(): readonly [string, string, { da: string }][] {
	const pairs: [string, string, { da: string }][] = [...NOT_ABOVE];
	for (const ind of declaredIndicators()) {
		if (ind.kind !== 'andel' || pairs.some(([n, d]) => n === ind.numerator && d === ind.denominator)) continue;
		pairs.push([
			ind.numerator,
			ind.denominator,
			{ da: `${ind.numerator} større end ${ind.denominator} (${ind.name.da.toLowerCase()} er en andel)` }
		]);
	}
	return pairs;
}
