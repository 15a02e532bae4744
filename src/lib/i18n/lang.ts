/** The dashboard's languages: Danish by default, English as a switch. */
export const LANGS = ['da', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'da';

export function isLang(value: string | null | undefined): value is Lang {
	return value === 'da' || value === 'en';
}

/** The BCP 47 locale whose number formats each language uses. */
export const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };
