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
 * is "the first place".
 */
import { NOT_ABOVE, RAW_COLUMNS, YEAR_RANGE, type RawColumn } from '../../src/lib/contract/input.ts';
import type { KeyFigureTable } from '../model.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { formatDanish } from './numbers.ts';
import type { DepartmentIds, KeyFigureChunk } from './read-key-figures.ts';

export interface MergedKeyFigures {
	table: KeyFigureTable;
	/** Input rows per department index of DepartmentIds. */
	rowsPerDepartment: Int32Array;
}

const COLUMN_INDEX = new Map<RawColumn, number>(RAW_COLUMNS.map((c, i) => [c, i]));

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
	const byName = Array.from({ length: departments }, (_, i) => i).sort((a, b) =>
		ids.ids[a]! < ids.ids[b]! ? -1 : ids.ids[a]! > ids.ids[b]! ? 1 : 0
	);
	const rank = new Int32Array(departments);
	byName.forEach((d, r) => (rank[d] = r));

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

	// Count the merged rows, then fill them.
	let length = 0;
	for (let k = 0; k < total; k++) {
		if (k === 0 || department[order[k]!] !== department[order[k - 1]!] || year[order[k]!] !== year[order[k - 1]!]) length++;
	}
	const table: KeyFigureTable = {
		length,
		afdeling_id: new Array<string>(length),
		aar: new Int32Array(length),
		values: Object.fromEntries(RAW_COLUMNS.map((c) => [c, new Float64Array(length).fill(NaN)])) as Record<
			RawColumn,
			Float64Array
		>
	};
	const out = RAW_COLUMNS.map((c) => table.values[c]);
	const chunkColumns = chunks.map((chunk) => chunk.columns.map((c) => COLUMN_INDEX.get(c)!));
	const chunkValues = chunks.map((chunk) => chunk.columns.map((c) => chunk.values.get(c)!));
	const pairs = NOT_ABOVE.map(([n, d]) => [COLUMN_INDEX.get(n)!, COLUMN_INDEX.get(d)!] as const);
	/** Global row that gave each column its value in the current merged row; -1 for none. */
	const sourceOf = new Int32Array(RAW_COLUMNS.length);
	const place = (g: number) => {
		const chunk = chunks[chunkOf[g]!]!;
		return { chunk, local: g - offset[chunkOf[g]!]! };
	};

	let m = -1;
	let previousDepartment = -1;
	let previousYear = 0;
	for (let k = 0; k < total; k++) {
		const g = order[k]!;
		const d = department[g]!;
		const y = year[g]!;
		if (d !== previousDepartment || y !== previousYear) {
			if (m >= 0) checkRow(m);
			m++;
			table.afdeling_id[m] = ids.ids[d]!;
			table.aar[m] = y;
			sourceOf.fill(-1);
			if (d === previousDepartment && y > previousYear + 1) gapWarning(d, previousYear, y, g);
			previousDepartment = d;
			previousYear = y;
		}
		const c = chunkOf[g]!;
		const local = g - offset[c]!;
		const columns = chunkColumns[c]!;
		const values = chunkValues[c]!;
		for (let j = 0; j < columns.length; j++) {
			const v = values[j]![local]!;
			if (v !== v) continue; // NaN: missing
			const col = columns[j]!;
			const target = out[col]!;
			const existing = target[m]!;
			if (existing !== existing) {
				target[m] = v;
				sourceOf[col] = g;
			} else if (existing !== v) conflict(d, y, RAW_COLUMNS[col]!, sourceOf[col]!, existing, g, v);
		}
	}
	if (m >= 0) checkRow(m);
	return { table, rowsPerDepartment };

	function checkRow(row: number): void {
		for (let p = 0; p < pairs.length; p++) {
			const [ni, di] = pairs[p]!;
			const n = out[ni]![row]!;
			const dn = out[di]![row]!;
			if (!(n > dn)) continue;
			const [numerator, denominator, text] = NOT_ABOVE[p]!;
			const at = place(sourceOf[ni]!);
			const from = place(sourceOf[di]!);
			const column = at.chunk.fieldNumber.get(numerator) ?? 0;
			const line = at.chunk.line[at.local]!;
			if (!issues.wants('error')) {
				issues.drop('error', at.chunk.file, line, column);
				continue;
			}
			const elsewhere =
				from.chunk !== at.chunk || from.local !== at.local
					? ` ("${denominator}" står i ${from.chunk.file} linje ${from.chunk.line[from.local]})`
					: '';
			issues.add({
				severity: 'error',
				code: 'numerator-above-denominator',
				file: at.chunk.file,
				line,
				column,
				message: `Afdeling ${quoted(table.afdeling_id[row]!)} har ${text.da} i ${table.aar[row]}: forventede højst ${formatDanish(dn)} i kolonnen ${quoted(at.chunk.header.get(numerator)!)} (tallet i "${denominator}"${elsewhere}), fandt ${formatDanish(n)}.`,
				expected: `højst ${formatDanish(dn)}`,
				found: formatDanish(n)
			});
		}
	}

	function conflict(d: number, y: number, column: RawColumn, firstRow: number, first: number, secondRow: number, second: number): void {
		const a = place(firstRow);
		const b = place(secondRow);
		const line = b.chunk.line[b.local]!;
		const fieldNumber = b.chunk.fieldNumber.get(column) ?? 0;
		if (!issues.wants('error')) return issues.drop('error', b.chunk.file, line, fieldNumber);
		const firstPlace = `${a.chunk.file} linje ${a.chunk.line[a.local]}`;
		const secondPlace = `${b.chunk.file} linje ${line}`;
		issues.add({
			severity: 'error',
			code: 'conflicting-values',
			file: b.chunk.file,
			line,
			column: fieldNumber,
			message: `Afdeling ${quoted(ids.ids[d]!)} har to forskellige værdier for "${column}" i ${y}: forventede den samme værdi alle steder, hvor den står, fandt ${formatDanish(first)} i ${firstPlace} og ${formatDanish(second)} i ${secondPlace}.`,
			expected: formatDanish(first),
			found: formatDanish(second)
		});
	}

	function gapWarning(d: number, before: number, after: number, g: number): void {
		const at = place(g);
		const line = at.chunk.line[at.local]!;
		const column = at.chunk.fieldNumber.get('aar') ?? 0;
		if (!issues.wants('warning')) return issues.drop('warning', at.chunk.file, line, column);
		const missing = after - before === 2 ? `${before + 1}` : `${before + 1}-${after - 1}`;
		issues.add({
			severity: 'warning',
			code: 'year-gap',
			file: at.chunk.file,
			line,
			column,
			message: `Afdeling ${quoted(ids.ids[d]!)} mangler nøgletal for ${missing}: forventede ét år efter det andet, fandt ${before} og derefter ${after}.`,
			expected: `${before + 1}`,
			found: `${after}`
		});
	}
}
