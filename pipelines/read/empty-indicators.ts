/**
 * Key figures that the input cannot fill. Each indicator of the catalogue is computed from two
 * raw columns (src/lib/core/indicators.ts); when a column is missing from every key-figure
 * file, or is in a file but empty in every row, the indicator is empty for every department and
 * year, which the dashboard shows as "no data" without saying why. One warning says it here:
 * - one for the columns no file has, at the first file's header, naming the indicators they empty;
 * - one per column that is there but empty everywhere, at its header in the first file that has it.
 * A weighted mean (husleje, vedligeholdelsesstand) without its weight still has each department's
 * own value, but no figure for areas, organisations and the municipality; the warning says so.
 *
 * A warning, not an error: a municipality may well have only some of the figures.
 */
import { activeIndicators, keyFigureColumns } from '../../src/lib/core/indicators.ts';
import { keyFigureColumn, type KeyFigureTable } from './model.ts';
import type { IssueCollector } from './issues.ts';
import type { KeyFigureChunk } from './read-key-figures.ts';

export function checkEmptyIndicators(chunks: readonly KeyFigureChunk[], table: KeyFigureTable, issues: IssueCollector): void {
	// With a file unread, its columns are unknown: "missing" could be wrong.
	if (chunks.length === 0 || chunks.some((c) => c.info === null)) return;
	const absent = keyFigureColumns().filter((column) => !chunks.some((c) => c.columns.includes(column)));
	if (absent.length > 0) {
		const first = chunks[0]!;
		const files = chunks.map((c) => c.file).join(', ');
		const list = absent.map((c) => `"${c}"`).join(', ');
		issues.add({
			severity: 'warning',
			code: 'missing-key-figure-column',
			file: first.file,
			line: headerLine(first),
			column: 0,
			message: `${consequences(new Set(absent))}: forventede ${absent.length === 1 ? 'kolonnen' : 'kolonnerne'} ${list} i mindst én noegletal-fil, fandt ${absent.length === 1 ? 'den' : 'dem'} ikke i ${files}.`,
			expected: absent.join(', '),
			found: 'ingen'
		});
	}
	// A cell with an unreadable value is stored as missing too; with errors in the files, "empty"
	// might only mean "unreadable", which the errors already say.
	if (issues.errorCount > 0) return;
	for (const column of keyFigureColumns()) {
		if (absent.includes(column) || !isEmpty(keyFigureColumn(table, column), table.length)) continue;
		const first = chunks.find((c) => c.columns.includes(column))!;
		issues.add({
			severity: 'warning',
			code: 'empty-key-figure-column',
			file: first.file,
			line: headerLine(first),
			column: first.fieldNumber.get(column)!,
			message: `${consequences(new Set([column]))}: forventede tal i kolonnen ${JSON.stringify(first.header.get(column)!)}, fandt kun tomme celler i alle ${table.length} rækker.`,
			expected: 'tal',
			found: 'kun tomme celler'
		});
	}
}

/** What the unusable columns do to the indicators, as the message's first sentence. */
function consequences(unusable: ReadonlySet<string>): string {
	const empty: string[] = [];
	const unweighted: string[] = [];
	for (const indicator of activeIndicators()) {
		const name = indicator.name.da.toLowerCase();
		if (unusable.has(indicator.numerator)) empty.push(name);
		else if (!unusable.has(indicator.denominator)) continue;
		else if (indicator.aggregation === 'ratio') empty.push(name);
		else unweighted.push(name);
	}
	const parts: string[] = [];
	if (empty.length > 0)
		parts.push(
			`${empty.length === 1 ? 'Nøgletallet' : 'Nøgletallene'} ${and(empty)} bliver ${empty.length === 1 ? 'tomt' : 'tomme'} overalt`
		);
	if (unweighted.length > 0) {
		const what = `${and(unweighted)} får kun tal for de enkelte afdelinger (intet at vægte med for områder, organisationer og kommunen)`;
		parts.push(parts.length === 0 ? what.charAt(0).toUpperCase() + what.slice(1) : what);
	}
	return parts.join(', og ');
}

function and(names: readonly string[]): string {
	return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(', ')} og ${names.at(-1)}`;
}

function isEmpty(values: Float64Array, length: number): boolean {
	for (let i = 0; i < length; i++) if (!Number.isNaN(values[i])) return false;
	return true;
}

/** The header's physical line: after a `sep=` line or blank lines it is not line 1. */
function headerLine(chunk: KeyFigureChunk): number {
	// checkEmptyIndicators returns early when a file was not read, so info is set.
	return chunk.info!.headerLine;
}
