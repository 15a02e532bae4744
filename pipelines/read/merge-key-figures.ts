/**
 * All noegletal*.csv files into one KeyFigureTable: one row per (afdeling_id, aar), sorted by
 * afdeling_id (plain code-unit order) then aar, each raw column filled from whichever file has it.
 *
 * Checked on the merged rows:
 * - the same department, year and column with different values in two places: an error naming
 *   both (the first place's value is kept); the same value twice is fine and silent;
 * - NOT_ABOVE (more vacant than dwellings, more outside the labour market than residents), also
 *   when the two columns come from different files;
 * - gaps in a department's years: a warning.
 *
 * Sorting is a radix sort (year, then department rank), stable so that the earlier file (and line)
 * is "the first place". The values are then copied column by column; where a row came from is
 * looked up only when there is something to report.
 *
 * The merge consumes its chunks: a column that only one file has, in a file sorted as the merge
 * sorts with every merged row once, becomes the merged column as it is (no copy); every other
 * chunk's column is let go as soon as it is merged and checked, and the rows' departments, years and lines once every message is written (the
 * chunks keep their file, columns, headers and info, which later checks read). National10's
 * chunks hold about 150 MB; left alive until the read step ends, they and the merged table were
 * both in memory when the build began.
 */
import { YEAR_RANGE } from '../../src/lib/core/input-contract.ts';
import { keyFigureColumns, notAbovePairs } from '../../src/lib/core/indicators.ts';
import { keyFigureColumn, type KeyFigureTable } from './model.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { formatDanish } from './numbers.ts';
import type { DepartmentIds, KeyFigureChunk } from './read-key-figures.ts';

export interface MergedKeyFigures {
	table: KeyFigureTable;
	/** Input rows per department index of DepartmentIds. */
	rowsPerDepartment: Int32Array;
}

export function mergeKeyFigures(chunks: readonly KeyFigureChunk[], ids: DepartmentIds, issues: IssueCollector): MergedKeyFigures {
	let total = 0;
	for (const chunk of chunks) total += chunk.length;
	// Global row g lies in chunk chunkOf[g] at local index g - offset[chunkOf[g]].
	const chunkOf = new Uint16Array(total);
	const offset: number[] = [];
	const department = new Int32Array(total);
	const year = new Int32Array(total);
	{
		let g = 0;
		chunks.forEach((chunk, c) => {
			offset.push(g);
			chunkOf.fill(c, g, g + chunk.length);
			department.set(chunk.department.subarray(0, chunk.length), g);
			year.set(chunk.aar.subarray(0, chunk.length), g);
			g += chunk.length;
		});
	}

	const departments = ids.ids.length;
	// The default sort compares strings by UTF-16 code units natively, several times faster than
	// a comparator called from JavaScript for 80,000 ids.
	const byName = ids.ids.slice().sort();
	const rank = new Int32Array(departments);
	byName.forEach((id, r) => (rank[ids.index.get(id)!] = r));

	// Radix sort: a stable counting sort by year, then one by department rank. Rows with the same
	// department and year stay in input order (file order, then line order).
	const [firstYear, lastYear] = YEAR_RANGE.keyFigures;
	const byYear = new Int32Array(total);
	{
		const start = new Int32Array(lastYear - firstYear + 2);
		for (let g = 0; g < total; g++) start[year[g]! - firstYear + 1]!++;
		for (let y = 1; y < start.length; y++) start[y]! += start[y - 1]!;
		for (let g = 0; g < total; g++) byYear[start[year[g]! - firstYear]!++] = g;
	}
	const rowsPerDepartment = new Int32Array(departments);
	for (let g = 0; g < total; g++) rowsPerDepartment[department[g]!]!++;
	const order = new Int32Array(total);
	{
		const start = new Int32Array(departments + 1);
		for (let d = 0; d < departments; d++) start[rank[d]! + 1] = rowsPerDepartment[d]!;
		for (let r = 1; r <= departments; r++) start[r]! += start[r - 1]!;
		for (let k = 0; k < total; k++) {
			const g = byYear[k]!;
			order[start[rank[department[g]!]!]!++] = g;
		}
	}

	// Group the sorted rows: merged row m is order[groupStart[m], groupStart[m + 1]).
	const mergedOf = new Int32Array(total);
	let length = 0;
	for (let k = 0; k < total; k++) {
		const g = order[k]!;
		if (k > 0) {
			const h = order[k - 1]!;
			if (department[g] !== department[h] || year[g] !== year[h]) length++;
		}
		mergedOf[g] = length;
	}
	if (total > 0) length++;
	const groupStart = new Int32Array(length + 1);
	for (let k = 0, m = -1; k < total; k++) {
		const next = mergedOf[order[k]!]!;
		if (next !== m) groupStart[(m = next)] = k;
	}
	groupStart[length] = total;

	// The merged columns are made one at a time, each filled from every chunk that has it, and the
	// chunks' column let go once filled (the pairs' columns after their check below), so what the
	// merge makes can take the place of what it has read (the collector only needs somewhere to
	// reclaim it). Conflicts are found column by column, so with more than MAX_ERRORS errors the
	// ones kept are the first columns' (the report orders them by file, line and column anyway).
	const values = {} as KeyFigureTable['values'];
	const table: KeyFigureTable = { length, afdeling_id: new Array<string>(length), aar: new Int32Array(length), values };
	for (let m = 0; m < length; m++) {
		const g = order[groupStart[m]!]!;
		table.afdeling_id[m] = ids.ids[department[g]!]!;
		table.aar[m] = year[g]!;
	}

	// Chunks in file order and rows in line order, so the first value a merged row receives is
	// the one from the first place it is given.
	const pairColumns = new Set(notAbovePairs().flatMap(([numerator, denominator]) => [numerator, denominator]));
	for (const column of keyFigureColumns()) {
		const holders = chunks.filter((chunk) => chunk.values.has(column));
		if (holders.length === 1 && linesUp(chunks.indexOf(holders[0]!))) {
			// The only file with this column has every merged row once, in merged order (a file
			// sorted by department and year, as exports usually are): its array is the column.
			(values as Record<string, Float64Array>)[column] = holders[0]!.values.get(column)!.subarray(0, length);
			if (!pairColumns.has(column)) release(column);
			continue;
		}
		const out = new Float64Array(length).fill(NaN);
		(values as Record<string, Float64Array>)[column] = out;
		chunks.forEach((chunk, c) => {
			const source = chunk.values.get(column);
			if (!source) return;
			const base = offset[c]!;
			for (let local = 0; local < chunk.length; local++) {
				const v = source[local]!;
				if (v !== v) continue; // NaN: missing here
				const m = mergedOf[base + local]!;
				const existing = out[m]!;
				if (existing !== existing) out[m] = v;
				else if (existing !== v) conflict(m, column, base + local, v);
			}
		});
		if (!pairColumns.has(column)) release(column);
	}

	for (const [numerator, denominator, text] of notAbovePairs()) {
		const n = keyFigureColumn(table, numerator);
		const dn = keyFigureColumn(table, denominator);
		for (let m = 0; m < length; m++) if (n[m]! > dn[m]!) aboveError(m, numerator, denominator, text.da);
	}
	for (const column of pairColumns) release(column);
	// A year no key-figure line holds is a gap in every department's series: one warning says so,
	// where one per department (thousands, folded into "too many") would hide the cause.
	let heldYears: Set<number> | null = null; // worked out at the first gap: most inputs have none
	const unheldWarned = new Set<string>();
	for (let m = 1; m < length; m++) {
		const sameDepartment = department[order[groupStart[m]!]!] === department[order[groupStart[m - 1]!]!];
		if (!sameDepartment || table.aar[m]! <= table.aar[m - 1]! + 1) continue;
		heldYears ??= new Set(table.aar);
		let anyHeld = false;
		for (let y = table.aar[m - 1]! + 1; y < table.aar[m]!; y++) if (heldYears.has(y)) anyHeld = true;
		if (anyHeld) gapWarning(m);
		else unheldYearsWarning(m, unheldWarned);
	}
	// Every message is written: the chunks' rows are no longer needed (their columns are gone).
	for (const chunk of chunks) {
		chunk.department = new Int32Array(0);
		chunk.aar = new Int32Array(0);
		chunk.line = new Int32Array(0);
	}
	return { table, rowsPerDepartment };

	/** Whether chunk c's row i is merged row i, for every row: a chunk sorted as the merge sorts, with every merged row once. */
	function linesUp(c: number): boolean {
		if (chunks[c]!.length !== length) return false;
		const base = offset[c]!;
		for (let local = 0; local < length; local++) if (mergedOf[base + local] !== local) return false;
		return true;
	}

	/** A chunk's column, once merged and checked: its numbers are let go (the name stays in `columns`). */
	function release(column: string): void {
		for (const chunk of chunks) chunk.values.delete(column);
	}

	function place(g: number): { chunk: KeyFigureChunk; line: number } {
		const c = chunkOf[g]!;
		const chunk = chunks[c]!;
		return { chunk, line: chunk.line[g - offset[c]!]! };
	}

	/** The source row that gave merged row m its value in column: the first with a value. */
	function sourceOf(m: number, column: string): number {
		for (let k = groupStart[m]!; k < groupStart[m + 1]!; k++) {
			const g = order[k]!;
			const c = chunkOf[g]!;
			const values = chunks[c]!.values.get(column);
			if (values && !Number.isNaN(values[g - offset[c]!])) return g;
		}
		return order[groupStart[m]!]!;
	}

	function aboveError(m: number, numerator: string, denominator: string, text: string): void {
		const at = place(sourceOf(m, numerator));
		const column = at.chunk.fieldNumber.get(numerator) ?? 0;
		if (!issues.wants('error')) return issues.drop('error', at.chunk.file, at.line, column);
		const n = keyFigureColumn(table, numerator)[m]!;
		const dn = keyFigureColumn(table, denominator)[m]!;
		const from = place(sourceOf(m, denominator));
		const elsewhere =
			from.chunk !== at.chunk || from.line !== at.line ? ` ("${denominator}" står i ${from.chunk.file} linje ${from.line})` : '';
		issues.add({
			severity: 'error',
			code: 'numerator-above-denominator',
			file: at.chunk.file,
			line: at.line,
			column,
			message: `Afdeling ${quoted(table.afdeling_id[m]!)} har ${text} i ${table.aar[m]}: forventede højst ${formatDanish(dn)} i kolonnen ${quoted(at.chunk.header.get(numerator)!)} (tallet i "${denominator}"${elsewhere}), fandt ${formatDanish(n)}.`,
			expected: `højst ${formatDanish(dn)}`,
			found: formatDanish(n)
		});
	}

	function conflict(m: number, column: string, second: number, value: number): void {
		const b = place(second);
		const fieldNumber = b.chunk.fieldNumber.get(column) ?? 0;
		if (!issues.wants('error')) return issues.drop('error', b.chunk.file, b.line, fieldNumber);
		const a = place(sourceOf(m, column));
		const first = keyFigureColumn(table, column)[m]!;
		issues.add({
			severity: 'error',
			code: 'conflicting-values',
			file: b.chunk.file,
			line: b.line,
			column: fieldNumber,
			message: `Afdeling ${quoted(table.afdeling_id[m]!)} har to forskellige værdier for "${column}" i ${table.aar[m]}: forventede den samme værdi alle steder, hvor den står, fandt ${formatDanish(first)} i ${a.chunk.file} linje ${a.line} og ${formatDanish(value)} i ${b.chunk.file} linje ${b.line}.`,
			expected: formatDanish(first),
			found: formatDanish(value)
		});
	}

	/** The first time a gap no line of any file fills: one warning for every department. */
	function unheldYearsWarning(m: number, warned: Set<string>): void {
		const before = table.aar[m - 1]!;
		const after = table.aar[m]!;
		const missing = after - before === 2 ? `${before + 1}` : `${before + 1}-${after - 1}`;
		if (warned.has(missing)) return;
		warned.add(missing);
		const at = place(order[groupStart[m]!]!);
		const column = at.chunk.fieldNumber.get('aar') ?? 0;
		if (!issues.wants('warning')) return issues.drop('warning', at.chunk.file, at.line, column);
		issues.add({
			severity: 'warning',
			code: 'year-not-held',
			file: at.chunk.file,
			line: at.line,
			column,
			message: `Ingen noegletal-fil har tal for ${missing}: forventede ét år efter det andet, fandt ${before} og derefter ${after} (her for afdeling ${quoted(table.afdeling_id[m]!)}, og sådan for alle afdelinger, der har tal på begge sider). ${missing.includes('-') ? 'Årene' : 'Året'} bliver et hul i alle tendenslinjer.`,
			expected: `${before + 1}`,
			found: `${after}`
		});
	}

	function gapWarning(m: number): void {
		const at = place(order[groupStart[m]!]!);
		const column = at.chunk.fieldNumber.get('aar') ?? 0;
		if (!issues.wants('warning')) return issues.drop('warning', at.chunk.file, at.line, column);
		const before = table.aar[m - 1]!;
		const after = table.aar[m]!;
		const missing = after - before === 2 ? `${before + 1}` : `${before + 1}-${after - 1}`;
		issues.add({
			severity: 'warning',
			code: 'year-gap',
			file: at.chunk.file,
			line: at.line,
			column,
			message: `Afdeling ${quoted(table.afdeling_id[m]!)} mangler nøgletal for ${missing}: forventede ét år efter det andet, fandt ${before} og derefter ${after}.`,
			expected: `${before + 1}`,
			found: `${after}`
		});
	}
}
