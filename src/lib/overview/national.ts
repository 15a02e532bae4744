/**
 * The national page's figures (/land), pure so they are unit-tested: every municipality in the
 * data with its value of a key figure in a year, ranked; how many of the country's municipalities
 * the data covers; and the benchmark shown beside the map.
 *
 * The benchmark is honest about what it is: the aggregate over the loaded departments is "Hele
 * landet" only when every municipality is loaded, otherwise "De indlæste kommuner (n af 98)".
 * HOOK (issue 10, referencetal): when the published reference figures (referencetal.csv, LBF's
 * national figure with source and period) reach the web files, `nationalBenchmarks` puts the
 * reference for the year first, labelled with its source; the loaded aggregate stays beside it.
 */
import type { Indicator } from '../core/indicators.ts';
import type { SeriesPoint, WebNational } from '../core/output-contract.ts';
import { MUNICIPALITY_NAMES } from '../core/municipalities.ts';
import type { Strings } from '../i18n/strings.ts';
import { pointFor } from '../map/classes.ts';

/** Denmark's municipalities (Christiansø, 0411, is not one). */
export const MUNICIPALITY_COUNT = Object.keys(MUNICIPALITY_NAMES).filter((kode) => kode !== '0411').length;

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

/** What the map is compared with: the aggregate over the loaded municipalities, named for what it covers. */
export function nationalBenchmarks(national: WebNational, ind: Pick<Indicator, 'id'>, year: number, t: Strings): Benchmark[] {
	const loaded = national.kommuner.length;
	const label = loaded >= MUNICIPALITY_COUNT ? t.country : t.loadedMunicipalities(loaded, MUNICIPALITY_COUNT);
	return [{ label, point: pointFor(national.land[ind.id], year) }];
}
