/**
 * One noegletal*.csv or noegletal*.xlsx file into columns: a typed array per raw column the file has, plus the
 * department (as an index into a shared DepartmentIds), year and line of every row. No object per
 * row or cell: national10 has 1.28 million rows. This is the reader that explains: CSV files
 * DuckDB can vouch for are read by DuckDB (read-key-figures-duckdb.ts) into the same chunk; every
 * other file comes here, through the general CSV reader (or, for a workbook, read-sheet.ts) and
 * rowReader below.
 *
 * Checked here, cell by cell: afdeling_id present; aar a whole year in YEAR_RANGE.keyFigures;
 * every value a number (see numbers.ts), counts not negative, counts of whole things (WHOLE_COLUMNS)
 * whole, vedligeholdelsesstand 1 to 5. A bad
 * value is reported and stored as missing (NaN). A row without a usable id or year is reported and
 * left out. Checks that need the merged rows of all files (conflicts, numerator above
 * denominator, gaps) are in merge-key-figures.ts.
 */
import { notANumberHint } from './not-a-number-hint.ts';
import { KEY_FIGURE_KEYS, WHOLE_COLUMNS, YEAR_RANGE } from '../../src/lib/core/input-contract.ts';
import { keyFigureColumns, nonNegativeColumns } from '../../src/lib/core/indicators.ts';
import { headerTest, mapHeaders, type ColumnMap } from './headers.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { AMBIGUOUS, MISSING, NOT_A_NUMBER, NUMBER, markUse, parseNumber, parseNumberInto } from './numbers.ts';
import { asDecimal, columnReading, ColumnMarks, mayHoldAmbiguous } from './decimal-marks.ts';
import type { Row } from './parse-csv.ts';
import type { TableInfo } from './read-csv-file.ts';
import { readTable, type TableSource } from './table-source.ts';
import { dayNumberHint } from './day-number.ts';
import { wholeNumberHint } from './whole-number.ts';

/** Department ids seen in the key-figure files, each once, with where it was first seen. */
export class DepartmentIds {
	readonly index = new Map<string, number>();
	readonly ids: string[] = [];
	readonly firstFile: string[] = [];
	readonly firstLine: number[] = [];
	readonly firstColumn: number[] = [];

	intern(id: string, file: string, line: number, column: number): number {
		let i = this.index.get(id);
		if (i === undefined) {
			i = this.ids.length;
			this.index.set(id, i);
			this.ids.push(id);
			this.firstFile.push(file);
			this.firstLine.push(line);
			this.firstColumn.push(column);
		}
		return i;
	}
}

export interface KeyFigureChunk {
	file: string;
	length: number;
	department: Int32Array;
	aar: Int32Array;
	line: Int32Array;
	/** The key-figure columns this file has, in keyFigureColumns() order (the built-in RAW_COLUMNS, then declared ones). */
	columns: string[];
	values: Map<string, Float64Array>;
	/** 1-based field number of each column, for messages. */
	fieldNumber: Map<string, number>;
	/** Each column's header as written, for messages. */
	header: Map<string, string>;
	info: TableInfo | null;
}

export function readKeyFigures(
	file: string,
	source: TableSource,
	ids: DepartmentIds,
	issues: IssueCollector,
	progress?: (offset: number, length: number) => void
): KeyFigureChunk {
	const chunk: KeyFigureChunk = {
		file,
		length: 0,
		department: new Int32Array(0),
		aar: new Int32Array(0),
		line: new Int32Array(0),
		columns: [],
		values: new Map(),
		fieldNumber: new Map(),
		header: new Map(),
		info: null
	};
	let reader: ((row: Row) => void) | null = null;
	/** The columns whose ambiguous numbers their other cells decide (decimal-marks.ts). */
	const marks: ColumnMarks[] = [];
	// The catalogue in effect says which columns there are (declared indicators add theirs).
	const rawColumns = keyFigureColumns();
	const ALLOWED: readonly string[] = [...KEY_FIGURE_KEYS, ...rawColumns];
	const header = (fields: string[], line: number, info: TableInfo): boolean => {
		const columns = mapHeaders(file, fields, line, ALLOWED, KEY_FIGURE_KEYS, issues);
		if (!columns) return false;
		for (const [column, i] of columns.index) {
			chunk.fieldNumber.set(column, i + 1);
			chunk.header.set(column, columns.headers[i]!);
		}
		chunk.columns = rawColumns.filter((c) => columns.index.has(c));
		if (chunk.columns.length === 0) {
			issues.add({
				severity: 'warning',
				code: 'no-key-figure-columns',
				file,
				line,
				column: 0,
				message: `Filen har ingen nøgletalskolonner: forventede mindst én af ${rawColumns.join(', ')}, fandt kun afdeling_id og aar.`,
				expected: rawColumns.join(', '),
				found: 'afdeling_id, aar'
			});
		}
		resize(chunk, Math.max(16, info.maxRows));
		// A sheet's number cells carry no mark to doubt, but its text cells may: always collect.
		const mayBeAmbiguous = !(source instanceof Uint8Array) || mayHoldAmbiguous(source, 0, info.decimalMark);
		reader = rowReader(chunk, columns, info, ids, issues, mayBeAmbiguous ? marks : null);
		return true;
	};
	// A workbook's sheet, or CSV with any quoting, any line break, papaparse where needed.
	const findHeader = headerTest(ALLOWED, KEY_FIGURE_KEYS);
	chunk.info = readTable(file, source, issues, { header, findHeader, row: (row) => reader?.(row) }, progress);
	// A number whose mark the column must decide needs every cell seen (decimal-marks.ts).
	if (chunk.info) for (const column of marks) column.settle(file, chunk.info, chunk.values.get(column.column)!, issues);
	return chunk;
}

function resize(chunk: KeyFigureChunk, size: number): void {
	const grow = <T extends Int32Array | Float64Array>(a: T, make: (n: number) => T): T => {
		const b = make(size);
		b.set(a.subarray(0, Math.min(a.length, size)));
		return b;
	};
	chunk.department = grow(chunk.department, (n) => new Int32Array(n));
	chunk.aar = grow(chunk.aar, (n) => new Int32Array(n));
	chunk.line = grow(chunk.line, (n) => new Int32Array(n));
	for (const column of chunk.columns) {
		chunk.values.set(
			column,
			grow(chunk.values.get(column) ?? new Float64Array(0), (n) => new Float64Array(n))
		);
	}
}

/**
 * `marks` is null when the file holds no ambiguous number (decimal-marks.ts); else the reader
 * fills it with a ColumnMarks per column that its other cells decide, to be settled after the
 * last row.
 */
function rowReader(
	chunk: KeyFigureChunk,
	columns: ColumnMap,
	info: TableInfo,
	ids: DepartmentIds,
	issues: IssueCollector,
	marks: ColumnMarks[] | null
): (row: Row) => void {
	const file = chunk.file;
	const mark = info.decimalMark;
	const idField = columns.index.get('afdeling_id')!;
	const yearField = columns.index.get('aar')!;
	const [firstYear, lastYear] = YEAR_RANGE.keyFigures;
	const fields = chunk.columns.map((c) => columns.index.get(c)!);
	const counts = nonNegativeColumns();
	const isCount = chunk.columns.map((c) => counts.has(c));
	const isWhole = chunk.columns.map((c) => (WHOLE_COLUMNS as readonly string[]).includes(c));
	const isScore = chunk.columns.map((c) => c === 'vedligeholdelsesstand');
	const byMeaning = chunk.columns.map((c) => columnReading(c) === 'decimal');
	const markOf = chunk.columns.map((c, k) => {
		if (!marks || columnReading(c) !== 'cells') return null;
		const column = new ColumnMarks(c, fields[k]! + 1, columns.headers[fields[k]!]!);
		marks.push(column);
		return column;
	});
	let targets = chunk.columns.map((c) => chunk.values.get(c)!);
	const example = mark === 44 ? '12 eller 12,5' : '12 or 12.5';
	const error = (code: string, row: Row, field: number, message: string, expected: string, found: string) =>
		issues.add({ severity: 'error', code, file, line: row.line, column: field + 1, message, expected, found });
	const header = (field: number) => quoted(columns.headers[field]!);

	const scratch = new Float64Array(1);
	// Rows of one department usually follow each other: skip the Map when the id repeats.
	let lastId = '';
	let lastIndex = -1;
	return (row: Row) => {
		const source = row.source;
		const starts = row.starts;
		const ends = row.ends;
		// Compare in place before cutting a string: most rows repeat the previous row's id.
		const idStart = starts[idField]!;
		const same = lastIndex >= 0 && ends[idField]! - idStart === lastId.length && source[idField]!.startsWith(lastId, idStart);
		const id = same ? lastId : row.trimmed(idField);
		if (id === '') return badRow(row, idField);
		const status = parseNumberInto(source[yearField]!, starts[yearField]!, ends[yearField]!, mark, scratch, 0);
		const year = scratch[0]!;
		if (status !== NUMBER || !Number.isInteger(year) || year < firstYear || year > lastYear) return badRow(row, yearField);
		const r = chunk.length;
		if (r === chunk.department.length) {
			resize(chunk, r * 2);
			targets = chunk.columns.map((c) => chunk.values.get(c)!);
		}
		if (!same) {
			lastId = id;
			lastIndex = ids.intern(id, file, row.line, idField + 1);
		}
		chunk.department[r] = lastIndex;
		chunk.aar[r] = year;
		chunk.line[r] = row.line;
		chunk.length = r + 1;
		for (let k = 0; k < fields.length; k++) {
			const field = fields[k]!;
			const target = targets[k]!;
			const found = parseNumberInto(source[field]!, starts[field]!, ends[field]!, mark, target, r);
			if (found === MISSING) continue;
			if (found === NOT_A_NUMBER) {
				badCell('not-a-number', row, field);
				continue;
			}
			if (marks) {
				const use = markUse(source[field]!, starts[field]!, ends[field]!, mark);
				if (use === AMBIGUOUS && byMeaning[k]) target[r] = asDecimal(target[r]!);
				else markOf[k]?.see(use, r, row.line, () => row.trimmed(field));
			}
			const value = target[r]!;
			if (isWhole[k] && value >= 0 && !Number.isInteger(value)) {
				target[r] = NaN;
				badCell('not-a-whole-number', row, field);
				continue;
			}
			if (value >= 1 && value <= 5) continue; // passes both checks below
			if (value < 0 && isCount[k]) {
				target[r] = NaN;
				badCell('negative-count', row, field);
			} else if (isScore[k] && (value < 1 || value > 5)) {
				target[r] = NaN;
				badCell('score-out-of-range', row, field);
			}
		}
	};

	/** A row without a usable id or year: reported and left out. Kept out of the hot loop. */
	function badRow(row: Row, field: number): void {
		info.dropped++;
		if (!issues.wants('error')) return issues.drop('error', file, row.line, field + 1);
		const text = row.trimmed(field);
		if (text === '') {
			const what = field === idField ? 'afdelingens id, fx 1234-005' : 'et årstal som 2024';
			return error(
				'missing-value',
				row,
				field,
				`Kolonnen ${header(field)} er tom: forventede ${what}, fandt en tom celle.`,
				field === idField ? 'afdelingens id' : 'et årstal',
				''
			);
		}
		const year = parseNumber(text, 0, text.length, mark);
		if (year === null || Number.isNaN(year) || !Number.isInteger(year)) {
			return error(
				'not-a-year',
				row,
				field,
				`Året i kolonnen ${header(field)} kan ikke læses: forventede et helt årstal som 2024, fandt ${quoted(text)}.`,
				'et årstal',
				text
			);
		}
		error(
			'implausible-year',
			row,
			field,
			`Året ${year} i kolonnen ${header(field)} er ikke troværdigt: forventede et år fra ${firstYear} til ${lastYear}, fandt ${quoted(text)}.${dayNumberHint(year)}`,
			`${firstYear}-${lastYear}`,
			text
		);
	}

	function badCell(code: 'not-a-number' | 'not-a-whole-number' | 'negative-count' | 'score-out-of-range', row: Row, field: number): void {
		if (!issues.wants('error')) return issues.drop('error', file, row.line, field + 1);
		const text = row.trimmed(field);
		const column = header(field);
		if (code === 'not-a-number') {
			error(
				code,
				row,
				field,
				`Tallet i kolonnen ${column} kan ikke læses: forventede et tal som ${example}, fandt ${quoted(text)}.${notANumberHint(text)}`,
				'et tal',
				text
			);
		} else if (code === 'not-a-whole-number') {
			const why = wholeNumberHint(text, mark);
			error(
				code,
				row,
				field,
				`Tallet i kolonnen ${column} er ikke et helt tal: forventede et helt antal som 12, fandt ${quoted(text)}.${why}`,
				'et helt tal',
				text
			);
		} else if (code === 'negative-count') {
			error(
				code,
				row,
				field,
				`Tallet i kolonnen ${column} er negativt: forventede 0 eller mere, fandt ${quoted(text)}.`,
				'0 eller mere',
				text
			);
		} else {
			error(
				code,
				row,
				field,
				`Vedligeholdelsesstanden i kolonnen ${column} er uden for skalaen: forventede et tal fra 1 (dårlig) til 5 (meget god), fandt ${quoted(text)}.`,
				'1-5',
				text
			);
		}
	}
}
