/**
 * The label rule: what the dashboard may call "Hele landet". The sum over the departments loaded
 * is the country only when the input covers every municipality; a published reference figure
 * (reference.ts) is the country whenever one exists for the key figure and year. So:
 *
 * - a reference figure for the country, the key figure, the year (and housing type) exists:
 *   the benchmark is that figure, labelled with its source and period ("LBF oktober 2024");
 * - else every municipality is loaded: the sum over the loaded departments, "Hele landet";
 * - else more than one municipality is loaded: the same sum, "De indlæste kommuner (3 af 98)";
 * - else (one municipality): nothing, since the sum is the municipality's own figure.
 *
 * Nothing here ever calls a partial sum the country. Pure and without DOM or Node, so the cards,
 * charts, focus rules, agendas and exports all take the one rule.
 */
import type { IndicatorId } from './indicators.ts';
import type { HousingType } from './input-contract.ts';
import type { ReferenceRow } from './reference.ts';
import { REGION_NAMES, regionOf } from './regions.ts';

export interface Text {
	da: string;
	en: string;
}

/** How many of Denmark's municipalities the input covers. */
export interface Coverage {
	loaded: number;
	total: number;
}

export type Benchmark =
	| { kind: 'reference'; value: number; decimals: number; label: Text; source: Text; row: ReferenceRow }
	| { kind: 'country' | 'loaded'; value: number; label: Text };

export const COUNTRY_LABEL: Text = { da: 'Hele landet', en: 'Denmark' };

/** "De indlæste kommuner (3 af 98)". */
export function loadedLabel(coverage: Coverage): Text {
	return {
		da: `De indlæste kommuner (${coverage.loaded} af ${coverage.total})`,
		en: `Loaded municipalities (${coverage.loaded} of ${coverage.total})`
	};
}

/** Coverage of a list of municipality codes against the country's (codes outside it do not count). */
export function coverageOf(codes: Iterable<string>, all: readonly string[]): Coverage {
	const known = new Set(all);
	const loaded = new Set([...codes].filter((c) => known.has(c)));
	return { loaded: loaded.size, total: all.length };
}

/** What the sum over the loaded departments may be called; null when it says nothing (one municipality). */
export function aggregateLabel(coverage: Coverage): Text | null {
	if (coverage.loaded >= coverage.total) return COUNTRY_LABEL;
	if (coverage.loaded <= 1) return null;
	return loadedLabel(coverage);
}

/** Publishers as the labels shorten them; any other source is named by its first part. */
const SHORT_NAMES: Record<string, string> = { landsbyggefonden: 'LBF', 'danmarks statistik': 'DST' };

/** The source of a reference figure, short: the publisher before the first comma, abbreviated if known. */
export function shortSource(kilde: string): string {
	const publisher = kilde.split(',')[0]!.trim();
	return SHORT_NAMES[publisher.toLowerCase()] ?? publisher;
}

/** "LBF oktober 2024" (the period, or the year when the file gives none). */
export function referenceSource(row: ReferenceRow): Text {
	const when = row.periode || String(row.aar);
	return { da: `${shortSource(row.kilde)} ${when}`, en: `${shortSource(row.kilde)} ${when}` };
}

const sameType = (row: ReferenceRow, boligtype: HousingType | null) => row.boligtype === boligtype;

/** The reference row for a unit (country, region, municipality), key figure, year and housing type. */
export function findReference(
	references: readonly ReferenceRow[],
	niveau: ReferenceRow['niveau'],
	enhedId: string,
	indikator: IndicatorId,
	aar: number,
	boligtype: HousingType | null = null
): ReferenceRow | null {
	return (
		references.find(
			(r) => r.niveau === niveau && r.enhed_id === enhedId && r.indikator === indikator && r.aar === aar && sameType(r, boligtype)
		) ?? null
	);
}

export interface BenchmarkInput {
	indikator: IndicatorId;
	aar: number;
	/** The sum over the loaded departments ('land' in aggregater); null when missing or withheld. */
	aggregate: number | null;
	coverage: Coverage;
	references: readonly ReferenceRow[];
	boligtype?: HousingType | null;
}

function fromReference(row: ReferenceRow, name: Text): Benchmark {
	return { kind: 'reference', value: row.vaerdi, decimals: row.decimaler, label: name, source: referenceSource(row), row };
}

/** The national benchmark for a key figure and year, by the rule above; null when there is none to show. */
export function nationalBenchmark(input: BenchmarkInput): Benchmark | null {
	const row = findReference(input.references, 'land', 'DK', input.indikator, input.aar, input.boligtype ?? null);
	if (row) return fromReference(row, COUNTRY_LABEL);
	const label = aggregateLabel(input.coverage);
	if (label === null || input.aggregate === null) return null;
	return { kind: input.coverage.loaded >= input.coverage.total ? 'country' : 'loaded', value: input.aggregate, label };
}

/** The regional reference for a municipality's region, key figure and year; null when none is published. */
export function regionalBenchmark(
	references: readonly ReferenceRow[],
	kommuneKode: string,
	indikator: IndicatorId,
	aar: number,
	boligtype: HousingType | null = null
): Benchmark | null {
	const region = regionOf(kommuneKode);
	if (region === null) return null;
	const row = findReference(references, 'region', region, indikator, aar, boligtype);
	if (!row) return null;
	const name = row.enhed_navn || REGION_NAMES[region]!;
	return fromReference(row, { da: name, en: name });
}

/** "Hele landet, LBF oktober 2024" or "De indlæste kommuner (3 af 98)": the benchmark's full caption. */
export function benchmarkCaption(benchmark: Benchmark, lang: keyof Text): string {
	return benchmark.kind === 'reference' ? `${benchmark.label[lang]}, ${benchmark.source[lang]}` : benchmark.label[lang];
}

/** A series point as the charts take it. */
export interface BenchmarkPoint {
	aar: number;
	vaerdi: number | null;
	diskretioneret: boolean;
	/**
	 * Where the country's figure comes from, for the words beside it ("landets 6,5 ‰ (LBF oktober
	 * 2024)"): set by countrySeriesForRules, absent on a unit's own points.
	 */
	kilde?: Text;
}

/** The source of the sum over the loaded departments when it is the country (all municipalities loaded). */
export function wholeCountrySource(coverage: Coverage): Text {
	return { da: `alle ${coverage.total} kommuner i data`, en: `all ${coverage.total} municipalities in the data` };
}

export interface BenchmarkSeries {
	/** `reference`: the published figures (points only in the years published); `aggregate`: the sum over the loaded departments. */
	key: 'reference' | 'aggregate';
	label: Text;
	points: BenchmarkPoint[];
}

/**
 * The country's series for a trend chart over `years`: the published reference figures when the
 * key figure has any (a point in each year published, none elsewhere, so gaps stay gaps), and the
 * sum over the loaded departments labelled by aggregateLabel, left out when it says nothing.
 */
export function benchmarkSeries(
	indikator: IndicatorId,
	years: readonly number[],
	aggregate: readonly BenchmarkPoint[],
	coverage: Coverage,
	references: readonly ReferenceRow[],
	boligtype: HousingType | null = null
): BenchmarkSeries[] {
	const series: BenchmarkSeries[] = [];
	const published = years.map((aar) => findReference(references, 'land', 'DK', indikator, aar, boligtype));
	if (published.some((r) => r !== null)) {
		const first = published.find((r) => r !== null)!;
		const source = shortSource(first.kilde);
		series.push({
			key: 'reference',
			label: { da: `${COUNTRY_LABEL.da}, ${source}`, en: `${COUNTRY_LABEL.en}, ${source}` },
			points: years.map((aar, i) => ({ aar, vaerdi: published[i]?.vaerdi ?? null, diskretioneret: false }))
		});
	}
	const label = aggregateLabel(coverage);
	if (label !== null) {
		const byYear = new Map(aggregate.map((p) => [p.aar, p]));
		series.push({
			key: 'aggregate',
			label,
			points: years.map((aar) => byYear.get(aar) ?? { aar, vaerdi: null, diskretioneret: false })
		});
	}
	return series;
}

/**
 * The country's series for rules that compare with the country ("afstand … landets"), per key
 * figure: in each year the published reference, else the sum over the loaded departments when
 * they are every municipality, else nothing (the rule then says it lacks the country's figure).
 * Never the partial sum: a reason may not call it "landets".
 */
export function countrySeriesForRules(
	aggregate: Partial<Record<IndicatorId, readonly BenchmarkPoint[]>>,
	coverage: Coverage,
	references: readonly ReferenceRow[]
): Partial<Record<IndicatorId, BenchmarkPoint[]>> {
	const result: Partial<Record<IndicatorId, BenchmarkPoint[]>> = {};
	const ids = new Set<IndicatorId>([
		...(Object.keys(aggregate) as IndicatorId[]),
		...references.filter((r) => r.niveau === 'land').map((r) => r.indikator)
	]);
	const full = coverage.loaded >= coverage.total;
	for (const id of ids) {
		const own = aggregate[id] ?? [];
		const years = [...new Set([...own.map((p) => p.aar), ...references.filter((r) => r.indikator === id).map((r) => r.aar)])].sort(
			(a, b) => a - b
		);
		result[id] = years.map((aar) => {
			const row = findReference(references, 'land', 'DK', id, aar);
			if (row) return { aar, vaerdi: row.vaerdi, diskretioneret: false, kilde: referenceSource(row) };
			const p = own.find((x) => x.aar === aar);
			return full && p ? { ...p, kilde: wholeCountrySource(coverage) } : { aar, vaerdi: null, diskretioneret: false };
		});
	}
	return result;
}

/** "Hele landet, LBF" when the key figure has published figures among the years, else "Hele landet". */
export function countryLabelFor(
	references: readonly ReferenceRow[],
	indikator: IndicatorId,
	years: readonly number[],
	lang: keyof Text
): string {
	const row = references.find((r) => r.niveau === 'land' && r.indikator === indikator && r.boligtype === null && years.includes(r.aar));
	return row ? `${COUNTRY_LABEL[lang]}, ${shortSource(row.kilde)}` : COUNTRY_LABEL[lang];
}
