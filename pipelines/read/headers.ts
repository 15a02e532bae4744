/**
 * A file's header line to the contract's column names. Headers are matched without regard to
 * case, spaces, hyphens and Danish letters through canonicalColumn (src/lib/core/input-contract.ts),
 * so `År`, `Afdelings-id` and `Antal boliger` all find their column.
 *
 * Unknown columns are a warning (their values are not read); the same column twice and a missing
 * required column are errors. A blank header is skipped silently: Excel adds one for every
 * trailing separator.
 */
import { canonicalColumn, HEADER_ALIASES, normaliseHeader } from '../../src/lib/core/input-contract.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { nearestColumn } from './column-suggestion.ts';
import { formatDanish } from './numbers.ts';
import { HEADER_SEARCH, type HeaderTest } from './title-lines.ts';

export interface ColumnMap {
	/** Canonical column → 0-based field index. */
	index: Map<string, number>;
	/** The headers as written (trimmed), by field index, for messages. */
	headers: string[];
}

export function mapHeaders(
	file: string,
	fields: readonly string[],
	line: number,
	allowed: readonly string[],
	required: readonly string[],
	issues: IssueCollector
): ColumnMap | null {
	const headers = fields.map((f) => f.trim());
	const index = new Map<string, number>();
	let ok = true;
	headers.forEach((header, i) => {
		if (header === '') return;
		const column = columnOf(header, allowed);
		if (column === null || !allowed.includes(column)) {
			const what = column !== null ? 'hører ikke til i denne fil' : 'kendes ikke';
			const near = column === null ? nearestColumn(header, allowed) : null;
			issues.add({
				severity: 'warning',
				code: 'unknown-column',
				file,
				line,
				column: i + 1,
				message: `Kolonnen ${quoted(header)} ${what} og bliver ikke læst: forventede en af kolonnerne ${allowed.join(', ')}, fandt ${quoted(header)}.${near ? ` Mente du "${near}"?` : ''}`,
				expected: allowed.join(', '),
				found: header
			});
			return;
		}
		const first = index.get(column);
		if (first !== undefined) {
			ok = false;
			issues.add({
				severity: 'error',
				code: 'duplicate-column',
				file,
				line,
				column: i + 1,
				message: `Kolonnen "${column}" står to gange: forventede den én gang, fandt den i kolonne ${first + 1} (${quoted(headers[first]!)}) og kolonne ${i + 1} (${quoted(header)}).`,
				expected: 'én kolonne',
				found: `kolonne ${first + 1} og ${i + 1}`
			});
			return;
		}
		index.set(column, i);
	});
	// One heading where several columns are needed: most often a title typed above the table, and
	// no line below it that names any required column (title-lines.ts would have taken that line).
	const named = headers.filter((h) => h !== '');
	const title =
		named.length === 1 && required.length > 1
			? ` Står der en titel (${quoted(named[0]!)}) over kolonnenavnene? Ingen af filens første ${formatDanish(HEADER_SEARCH)} linjer nævner de krævede kolonner (${required.join(', ')}); ret kolonnenavnene, så springes titlen over, eller slet den.`
			: '';
	for (const column of required) {
		if (index.has(column)) continue;
		ok = false;
		const alias = Object.entries(HEADER_ALIASES).find(([a, c]) => c === column && a !== column)?.[0];
		const also = alias ? ` (eller fx "${alias}")` : '';
		// A heading one or two typing slips from the missing column, and no column of its own.
		const slipped = headers.findIndex((h) => h !== '' && columnOf(h, allowed) === null && nearestColumn(h, allowed) === column);
		const typo = slipped >= 0 ? ` Kolonne ${slipped + 1}, ${quoted(headers[slipped]!)}, ligner: ret stavningen til "${column}".` : '';
		const found =
			headers
				.filter((h) => h !== '')
				.map((h) => quoted(h))
				.join(', ') || 'ingen';
		issues.add({
			severity: 'error',
			code: 'missing-column',
			file,
			line,
			column: 0,
			message: `Kolonnen "${column}" mangler i kolonnenavnene i linje ${line}: forventede en kolonne med overskriften "${column}"${also}, fandt kolonnerne ${found}.${typo}${title}`,
			expected: column,
			found
		});
	}
	return ok ? { index, headers } : null;
}

/**
 * The column a heading names in a file whose columns are `allowed`. A column of this file by its
 * own name first (case, spaces, æøå aside): indikatorer.csv's `navn` is its own column, not the
 * register's alias, and so is a declared indicator's column. A count's unit in parentheses after
 * the heading (COUNT_UNIT) is left out when the whole heading names nothing.
 */
function columnOf(header: string, allowed: readonly string[]): string | null {
	const named = (heading: string) => {
		const key = normaliseHeader(heading);
		return allowed.find((name) => normaliseHeader(name) === key) ?? canonicalColumn(heading);
	};
	const counted = COUNT_UNIT.exec(header);
	return named(header) ?? (counted ? named(header.slice(0, counted.index)) : null);
}

/**
 * A count's unit after its heading, as statistics print it: `Boliger (antal)`, `Fraflytninger
 * (stk.)`, `Beboere 18-64 (i alt)`. Only these: a unit of money or area (`Husleje (kr.)`) may be
 * another column than the heading without it names, and another word (`Boliger (ledige)`) may
 * change what is counted.
 */
const COUNT_UNIT = /\s*\((?:antal|stk\.?|i alt)\)\s*$/i;

/**
 * How many of a file's required columns a line names, as mapHeaders reads its headings: the
 * header search below a title or notes (title-lines.ts) takes the line that names most.
 */
export function headerTest(allowed: readonly string[], required: readonly string[]): HeaderTest {
	return {
		required: required.length,
		named(fields) {
			const named = new Set<string | null>(fields.map((f) => (f.trim() === '' ? null : columnOf(f.trim(), allowed))));
			return required.filter((column) => named.has(column)).length;
		}
	};
}
