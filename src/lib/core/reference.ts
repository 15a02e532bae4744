/**
 * Reference figures: key figures published by someone else (Landsbyggefonden, Danmarks Statistik)
 * for the whole country, a region or a municipality, read from the optional input
 * `referencetal.csv` (or the project's default, data/reference/landstal-lbf.csv) and published
 * as `referencetal.json`. They are the national and regional benchmarks wherever they exist: the
 * sum over the departments loaded is the country only when every municipality is loaded
 * (national-benchmark.ts). Columns and rules for users in data/README.md ("referencetal.csv").
 *
 * No DOM and no Node imports: the pipeline and the dashboard import this alike.
 */
import type { IndicatorId } from './indicators.ts';
import type { HousingType } from './input-contract.ts';

export const REFERENCE_LEVELS = ['land', 'region', 'kommune'] as const;
export type ReferenceLevel = (typeof REFERENCE_LEVELS)[number];

/** A row of referencetal.json: one published figure. */
export interface ReferenceRow {
	niveau: ReferenceLevel;
	/** `DK`, a DAGI region code (1081-1085) or a four-digit municipality code. */
	enhed_id: string;
	enhed_navn: string;
	indikator: IndicatorId;
	aar: number;
	/** When within the year the figure was taken, as the publication says ("oktober 2024"); may be ''. */
	periode: string;
	/** null for all housing types together. */
	boligtype: HousingType | null;
	taeller: number | null;
	naevner: number | null;
	vaerdi: number;
	/** The decimals `vaerdi` was published with (as written in the file), for the agreement check and display. */
	decimaler: number;
	kilde: string;
	/** '' when not given; else an http(s) address. */
	url: string;
}

/** referencetal.json */
export interface ReferenceFile {
	schema_version: string;
	/** `inddata`: the input's own referencetal.csv; `standard`: the project's default file. */
	kilde: 'inddata' | 'standard';
	/** The file read, relative to the input folder (inddata) or to the project (standard). */
	fil: string;
	referencetal: ReferenceRow[];
}

/**
 * Whether `taeller`/`naevner` agree with `vaerdi` as published. Decision: they agree when the
 * ratio, times the key figure's scale, rounds to `vaerdi` at the precision it was written with
 * (`6,5` has one decimal, so 3884/596952 = 6,506 ‰ agrees; 6,6 would not): the distance may be at
 * most half a unit of the last decimal written, plus a millionth of the value for floating point.
 */
export function ratioAgrees(taeller: number, naevner: number, vaerdi: number, decimals: number, scale: number): boolean {
	if (!(naevner > 0)) return false;
	const ratio = (scale * taeller) / naevner;
	const tolerance = 0.5 * 10 ** -decimals;
	return Math.abs(ratio - vaerdi) <= tolerance + 1e-6 * Math.max(1, Math.abs(vaerdi));
}

/**
 * The decimals a number was written with: `6,5` 1, `13,0` 1, `833` 0, `1.234,50` 2 (decimal
 * comma). The file's decimal mark counts; the other mark only when the number read is not whole
 * (`6.5` read as 6,5 in a file with a decimal comma), never when it grouped thousands (`1.117`).
 */
export function writtenDecimals(text: string, value: number, decimalMark: ',' | '.'): number {
	const other = decimalMark === ',' ? '.' : ',';
	const at = text.lastIndexOf(decimalMark);
	const mark = at >= 0 ? at : Number.isInteger(value) ? -1 : text.lastIndexOf(other);
	if (mark < 0) return 0;
	return text
		.slice(mark + 1)
		.replace(/[eE].*$/, '')
		.replace(/[^0-9]/g, '').length;
}
