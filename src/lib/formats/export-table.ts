/**
 * A table as the exports see it: a title, column headers and rows of typed cells. Every writer
 * (CSV, XLSX, the report's DOCX and PDF tables) reads this one shape, and every number in it is
 * turned into text by the dashboard's own formatter (i18n/format.ts), so an exported figure is the
 * figure on the screen: same rounding, same decimals, and a missing or suppressed value is the
 * screen's dash, never 0.
 */
import { NO_VALUE, formatNumber, valueState, type MaybeValue } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';

/** A number as the dashboard prints it, with the indicator's decimals. */
export interface NumberCell {
	value: number;
	decimals: number;
	/** A year or an identifier-like count: printed without a thousands separator (`2024`, not `2.024`). */
	plain?: boolean;
}

/** A value that is not shown: missing, or suppressed because it could reveal fewer than 5 persons. */
export interface NoValueCell {
	none: 'missing' | 'suppressed';
}

/** Text (names, labels), a number, a dash for no value, or an empty cell. */
export type ExportCell = string | NumberCell | NoValueCell | null;

export interface ExportColumn {
	/** With the unit where the column holds figures, e.g. "Ledighed (‰)"; see headerWithUnit(). */
	header: string;
	/** Right-aligned in the report; numbers in it stay numbers in XLSX. */
	numeric?: boolean;
}

export interface ExportTable {
	/** Names the sheet and the file, e.g. "Ledighed - udvikling". */
	title: string;
	columns: ExportColumn[];
	rows: ExportCell[][];
}

export function isNumberCell(cell: ExportCell): cell is NumberCell {
	return typeof cell === 'object' && cell !== null && 'value' in cell;
}

export function isNoValueCell(cell: ExportCell): cell is NoValueCell {
	return typeof cell === 'object' && cell !== null && 'none' in cell;
}

/** A point's cell: the value with the indicator's decimals, or the dash with its reason kept. */
export function valueCell(point: MaybeValue | null | undefined, decimals: number): NumberCell | NoValueCell {
	const state = valueState(point);
	if (state === 'value') return { value: point!.vaerdi!, decimals };
	return { none: state };
}

/** A header with its unit in brackets: "Ledighed (‰)"; just the name when there is no unit. */
export function headerWithUnit(name: string, unit: string): string {
	return unit ? `${name} (${unit})` : name;
}

/**
 * A number cell's text exactly as the screen prints it (`1.234`, `6,5`), or, with
 * `grouping: false`, without the thousands separator (`1234`, `6,5`) for machine-read files.
 */
export function numberText(cell: NumberCell, lang: Lang, grouping = true): string {
	const text = formatNumber(cell.value, cell.decimals, lang);
	if (cell.plain || !grouping) return text.replaceAll(lang === 'da' ? '.' : ',', '');
	return text;
}

/**
 * The number the screen shows, as a number: the screen's formatter's output read back, so the
 * rounding is the screen's own. (V8's Intl prints 1.005 with 2 decimals as "1,01", where
 * toFixed(2) says "1.00": any other rounding would make the file disagree with the page.)
 */
export function shownNumber(cell: NumberCell): number {
	const text = formatNumber(cell.value, cell.decimals, 'en');
	return Number(text.replaceAll(',', ''));
}

/** Any cell as text for a report: numbers as on the screen, the dash for no value, '' for empty. */
export function cellText(cell: ExportCell, lang: Lang): string {
	if (cell === null) return '';
	if (typeof cell === 'string') return cell;
	if (isNumberCell(cell)) return numberText(cell, lang);
	return NO_VALUE;
}
