/**
 * The national page's figures (/land), pure so they are unit-tested: every municipality in the
 * data with its value of a key figure in a year, ranked; how many of the country's municipalities
 * the data covers; and the benchmark shown beside the map.
 *
 * The benchmark is honest about what it is: the aggregate over the loaded departments is "Hele
 * landet" only when every municipality is loaded, otherwise "De indlæste kommuner (n af 98)".
 * The published reference figures (referencetal.json, in index.json) come first, named with
 * their source and period; the loaded aggregate stays beside them.
 */
import type { Indicator } from '../core/indicators.ts';
import type { SeriesPoint, WebNational } from '../core/output-contract.ts';
import { MUNICIPALITY_NAMES } from '../core/municipalities.ts';
import { COUNTRY_LABEL, aggregateLabel, coverageOf, findReference, referenceSource } from '../core/national-benchmark.ts';
import type { ReferenceRow } from '../core/reference.ts';
import { REGION_NAMES } from '../core/regions.ts';
import type { Lang } from '../i18n/lang.ts';
import { pointFor } from '../map/classes.ts';

/** Denmark's municipalities (Christiansø, 0411, is not one). */
const ALL_MUNICIPALITIES = Object.keys(MUNICIPALITY_NAMES).filter((kode) => kode !== '0411');
export const MUNICIPALITY_COUNT = ALL_MUNICIPALITIES.length;

export interface NationalRow {
	kode: string;
	navn: string;
	point: SeriesPoint | undefined;
	/** 1 for the highest value; null without a value (missing or withheld). */
	rank: number | null;
}

/** Municipalities with a value first, highest first (ties by code); the rest after, by name. */
export function nationalRows(national: WebNational, ind: Pick<Indicator, 'id'>, year: number): NationalRow[] {
	const rows = national.kommuner.map((k) => ({ kode: k.kode, navn: k.navn, point: pointFor(k.series[ind.id], year) }));
	const valueOf = (r: (typeof rows)[number]) => (r.point && !r.point.diskretioneret ? r.point.vaerdi : null);
	const withValue = rows.filter((r) => valueOf(r) != null).sort((a, b) => valueOf(b)! - valueOf(a)! || (a.kode < b.kode ? -1 : 1));
	const without = rows.filter((r) => valueOf(r) == null).sort((a, b) => a.navn.localeCompare(b.navn, 'da'));
	return [...withValue.map((r, i) => ({ ...r, rank: i + 1 })), ...without.map((r) => ({ ...r, rank: null }))];
}

export interface Benchmark {
	label: string;
	point: SeriesPoint | undefined;
}

/**
 * What the map is compared with, by the label rule (core/national-benchmark.ts): the published
 * national reference for the year, named with its source; each region's published figure; and
 * the aggregate over the loaded municipalities under the name it deserves ("Hele landet" only
 * with all 98, left out with one, where it is that municipality's own figure).
 */
export function nationalBenchmarks(
	national: WebNational,
	ind: Pick<Indicator, 'id'>,
	year: number,
	lang: Lang,
	references: readonly ReferenceRow[]
): Benchmark[] {
	const published = (row: ReferenceRow): SeriesPoint => ({ aar: row.aar, vaerdi: row.vaerdi, diskretioneret: false });
	const out: Benchmark[] = [];
	const country = findReference(references, 'land', 'DK', ind.id, year);
	if (country) out.push({ label: `${COUNTRY_LABEL[lang]}, ${referenceSource(country)[lang]}`, point: published(country) });
	for (const row of references) {
		if (row.niveau !== 'region' || row.indikator !== ind.id || row.aar !== year || row.boligtype !== null) continue;
		out.push({
			label: `${row.enhed_navn || REGION_NAMES[row.enhed_id] || row.enhed_id}, ${referenceSource(row)[lang]}`,
			point: published(row)
		});
	}
	const label = aggregateLabel(
		coverageOf(
			national.kommuner.map((k) => k.kode),
			ALL_MUNICIPALITIES
		)
	);
	if (label) out.push({ label: label[lang], point: pointFor(national.land[ind.id], year) });
	return out;
}
