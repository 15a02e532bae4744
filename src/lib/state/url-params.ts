/**
 * The view lives in the URL: `?ind=ledighed&aar=2024&kommune=0751&lang=en`, so a copied link
 * reproduces it and the back button steps through choices. Reading validates every parameter
 * against the catalogue and the data index and falls back to a default; writing keeps one
 * parameter order so equal views have equal URLs.
 */
import type { WebIndex } from '../core/output-contract.ts';
import { activeIndicators, isIndicatorId, type IndicatorId } from '../core/indicators.ts';
import { DEFAULT_LANG, isLang, type Lang } from '../i18n/lang.ts';

export const PARAM = { indicator: 'ind', year: 'aar', kommune: 'kommune', lang: 'lang' } as const;

export const DEFAULT_INDICATOR: IndicatorId = 'ledighed';

export interface ViewParams {
	indicator: IndicatorId;
	/** null only before the index is loaded and without a year in the URL. */
	year: number | null;
	/** A municipality code in the index, or null when none is given or the one given is unknown. */
	kommune: string | null;
	lang: Lang;
}

/**
 * The indicators the data holds, in catalogue order: the built-in seven, then the data's own
 * (indikatorer.csv, registered when the index loads); all of them before the index is loaded.
 */
export function availableIndicators(index: WebIndex | null): IndicatorId[] {
	return activeIndicators()
		.map((i) => i.id)
		.filter((id) => !index || index.indicators.includes(id));
}

export function readIndicator(value: string | null, index: WebIndex | null): IndicatorId {
	const available = availableIndicators(index);
	if (value && isIndicatorId(value) && available.includes(value)) return value;
	return available.includes(DEFAULT_INDICATOR) ? DEFAULT_INDICATOR : (available[0] ?? DEFAULT_INDICATOR);
}

export function readYear(value: string | null, index: WebIndex | null): number | null {
	const year = value && /^\d{4}$/.test(value) ? Number(value) : null;
	if (!index) return year;
	if (year != null && index.years.includes(year)) return year;
	return index.years.length ? Math.max(...index.years) : null;
}

/** The municipality given (route or ?kommune=), if the index knows it. */
export function readKommune(value: string | null, index: WebIndex | null): string | null {
	if (!value || !/^\d{4}$/.test(value)) return null;
	if (index && !index.kommuner.some((k) => k.kode === value)) return null;
	return value;
}

export function readParams(search: URLSearchParams, index: WebIndex | null): ViewParams {
	const lang = search.get(PARAM.lang);
	return {
		indicator: readIndicator(search.get(PARAM.indicator), index),
		year: readYear(search.get(PARAM.year), index),
		kommune: readKommune(search.get(PARAM.kommune), index),
		lang: isLang(lang) ? lang : DEFAULT_LANG
	};
}

/** The search string for a view, in a fixed order; the default language is left out. */
export function searchFor(params: Partial<ViewParams>): string {
	const search = new URLSearchParams();
	if (params.indicator) search.set(PARAM.indicator, params.indicator);
	if (params.year != null) search.set(PARAM.year, String(params.year));
	if (params.kommune) search.set(PARAM.kommune, params.kommune);
	if (params.lang && params.lang !== DEFAULT_LANG) search.set(PARAM.lang, params.lang);
	const text = search.toString();
	return text ? `?${text}` : '';
}
