/**
 * What the read-and-validate steps hand to the build step: the input, parsed and checked, in
 * memory. Key figures are columnar (one typed array per raw column) because the national10 scale
 * has over a million rows and an object per row costs too much memory.
 */
import type { FeatureCollection } from 'geojson';
import type { RawColumn, DepartmentColumn } from '../../src/lib/core/input-contract.ts';
import type { InterventionRow, TargetRow } from '../../src/lib/core/output-contract.ts';
import type { ReferenceFile, ReferenceRow } from '../../src/lib/core/reference.ts';
import type { Indicator } from '../../src/lib/core/indicators.ts';

/** One finding about the input. Lines and columns are 1-based, as an editor shows them. */
export interface InputIssue {
	severity: 'error' | 'warning';
	/** Stable machine code, e.g. 'missing-column', 'not-a-number', 'numerator-above-denominator'. */
	code: string;
	/** File name relative to the input folder. */
	file: string;
	/** The worksheet, for a workbook (.xlsx): then line is the sheet's row number and column its column number (C = 3). */
	sheet?: string;
	line: number;
	/** 1-based column number; 0 when the issue is about the whole line or file. */
	column: number;
	/** Danish, in words a municipal analyst understands: what was expected and what was found. */
	message: string;
	expected?: string;
	found?: string;
}

/** Where a row came from, for error messages that name both places. */
export interface SourceRef {
	file: string;
	line: number;
}

export interface Department {
	afdeling_id: string;
	afdeling_navn: string;
	boligorganisation_id: string;
	boligorganisation_navn: string;
	kommune_kode: string;
	omraade_id: string | null;
	boligtype: string | null;
	opfoerelsesaar: number | null;
	lat: number | null;
	lon: number | null;
	source: SourceRef;
}

/**
 * Key figures after merging every noegletal*.csv: one row per (afdeling_id, aar), sorted by
 * afdeling_id then aar. A value missing from every file is NaN.
 */
export interface KeyFigureTable {
	length: number;
	afdeling_id: string[];
	aar: Int32Array;
	/**
	 * One array per key-figure column of the catalogue in effect (keyFigureColumns() in
	 * src/lib/core/indicators.ts): the built-in RAW_COLUMNS and the columns declared indicators read.
	 */
	values: Record<RawColumn, Float64Array> & { readonly [column: string]: Float64Array | undefined };
}

/** A key-figure column of the table; every column of the catalogue in effect is there. */
export function keyFigureColumn(kf: KeyFigureTable, column: string): Float64Array {
	const values = kf.values[column];
	if (!values) throw new Error(`key-figure column missing: ${column}`);
	return values;
}

export interface ParsedInput {
	/** Input files as read, for the manifest. */
	files: { file: string; sha256: string; rows: number }[];
	departments: Department[];
	keyFigures: KeyFigureTable;
	/** omraader.geojson, validated, 2D; properties reduced to omraade_id and omraade_navn. */
	areas: FeatureCollection | null;
	/** Municipality boundaries if given, properties reduced to kode and navn; 2D. */
	municipalities: FeatureCollection | null;
	/** aftaler.csv, checked; absent when the folder has none. */
	targets?: TargetRow[];
	/** indikatorer.csv, checked: the municipality's own indicators (none when the folder has no such file). */
	indicators: Indicator[];
	/** indsatser.csv, checked; absent when the folder has none. */
	interventions?: InterventionRow[];
	/**
	 * The reference figures, checked: the input's referencetal.csv, else the project's default
	 * (read-input.ts); absent only where a ParsedInput is made by hand (tests), read as none.
	 */
	reference?: { kilde: ReferenceFile['kilde']; fil: string; rows: ReferenceRow[] };
	/** True when the input folder says it is demo data (a file named DEMO, see data/README.md). */
	demo: boolean;
	issues: InputIssue[];
}

export type { RawColumn, DepartmentColumn };

/** Side effects passed in: steps report progress here, so tests run silently. */
export interface Reporter {
	/** A step started; total is the number of units, when known. */
	start(step: string, total?: number): void;
	/** Units done so far in the current step. */
	progress(done: number): void;
	/** The current step finished. */
	done(): void;
	/** A line of information for the user. */
	info(message: string): void;
}

export const silentReporter: Reporter = {
	start() {},
	progress() {},
	done() {},
	info() {}
};
