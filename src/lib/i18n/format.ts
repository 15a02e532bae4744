/**
 * Number formats for the dashboard: da-DK by default (`6,5 ‰`, `12,3 %`, `1.234`,
 * `899 kr./m²`), en-GB in English. Decimals and units come from the indicator catalogue, so a
 * figure reads the same in charts, tables, tooltips and the map.
 *
 * Missing and suppressed values are never 0: they print as a dash with the reason beside it.
 */
import type { Indicator } from '../core/indicators.ts';
import { LOCALE, type Lang } from './lang.ts';

/** Between a number and its unit, so `6,5 ‰` never breaks across lines. */
export const NBSP = '\u00a0';
/** What a missing or suppressed value prints as. */
export const NO_VALUE = '–';

const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(lang: Lang, decimals: number, signed: boolean): Intl.NumberFormat {
	const key = `${lang}:${decimals}:${signed}`;
	let format = formats.get(key);
	if (!format) {
		format = new Intl.NumberFormat(LOCALE[lang], {
			minimumFractionDigits: decimals,
			maximumFractionDigits: decimals,
			// 'negative' and 'exceptZero' both keep a value that rounds to zero from printing as -0.
			signDisplay: signed ? 'exceptZero' : 'negative'
		});
		formats.set(key, format);
	}
	return format;
}

/** A plain number with the given decimals: `1.234`, `6,5`. */
export function formatNumber(value: number, decimals: number, lang: Lang): string {
	return numberFormat(lang, decimals, false).format(value);
}

/** A whole count: `1.234`. */
export function formatCount(value: number, lang: Lang): string {
	return formatNumber(value, 0, lang);
}

/** The unit printed after an indicator's values ('' for a score). */
export function unitOf(ind: Indicator, lang: Lang): string {
	return ind.unit[lang];
}

/** An indicator's value with its decimals and unit: `6,5 ‰`, `899 kr./m²`, `3,5`. */
export function formatValue(ind: Indicator, value: number, lang: Lang): string {
	const number = formatNumber(value, ind.decimals, lang);
	const unit = unitOf(ind, lang);
	return unit ? `${number}${NBSP}${unit}` : number;
}

/** The unit of a difference between two values: rates differ in points, not in per cent. */
export function changeUnitOf(ind: Indicator, lang: Lang): string {
	const unit = unitOf(ind, lang);
	if (unit === '%') return lang === 'da' ? 'pct.-point' : 'pp';
	if (unit === '‰') return lang === 'da' ? 'promillepoint' : '‰ points';
	return unit;
}

/** A signed difference: `+0,4 pct.-point`, `-12 kr./m²`, `0,0 promillepoint`. */
export function formatChange(ind: Indicator, delta: number, lang: Lang): string {
	const number = numberFormat(lang, ind.decimals, true).format(delta);
	const unit = changeUnitOf(ind, lang);
	return unit ? `${number}${NBSP}${unit}` : number;
}

export type ValueState = 'value' | 'missing' | 'suppressed';

/** A value as the dashboard shows it: the text, and for a dash the reason (for hover and screen readers). */
export interface ShownValue {
	state: ValueState;
	text: string;
	reason: string | null;
}

export const REASONS: Record<Lang, Record<Exclude<ValueState, 'value'>, string>> = {
	da: { missing: 'mangler', suppressed: 'diskretioneret: kunne afsløre færre end 5 personer' },
	en: { missing: 'missing', suppressed: 'suppressed: could reveal fewer than 5 persons' }
};

/** Anything with a value that may be null and a suppression flag, e.g. a SeriesPoint or a row. */
export interface MaybeValue {
	vaerdi: number | null;
	diskretioneret: boolean;
}

export function valueState(point: MaybeValue | null | undefined): ValueState {
	if (point?.diskretioneret) return 'suppressed';
	if (point == null || point.vaerdi == null || !Number.isFinite(point.vaerdi)) return 'missing';
	return 'value';
}

/** How a point shows: `6,5 ‰`, or `–` with "mangler" or "diskretioneret: …" as the reason. */
export function showValue(ind: Indicator, point: MaybeValue | null | undefined, lang: Lang): ShownValue {
	const state = valueState(point);
	if (state === 'value') return { state, text: formatValue(ind, point!.vaerdi!, lang), reason: null };
	return { state, text: NO_VALUE, reason: REASONS[lang][state] };
}

/** The same as text on one line, for tooltips and labels: `6,5 ‰` or `– (mangler)`. */
export function valueText(ind: Indicator, point: MaybeValue | null | undefined, lang: Lang): string {
	const shown = showValue(ind, point, lang);
	return shown.reason ? `${shown.text} (${shown.reason})` : shown.text;
}

const tickFormats = new Map<Lang, Intl.NumberFormat>();

/** An axis tick: as few decimals as the tick needs (`0`, `2,5`, `1.000`), never `-0`. */
export function formatTick(value: number, lang: Lang): string {
	let format = tickFormats.get(lang);
	if (!format) {
		format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: 2, signDisplay: 'negative' });
		tickFormats.set(lang, format);
	}
	return format.format(value);
}

/** A year as printed on an axis or in a table: never with a thousands separator (`2024`, not `2.024`). */
export function formatYear(year: number): string {
	return String(year);
}
