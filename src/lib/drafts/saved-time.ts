/**
 * When the work was kept, as the bar says it: the clock time on the same day ("14:32"), else
 * the date too ("28.11.2026 14:32"), in the browser's time zone.
 */
import { LOCALE, type Lang } from '../i18n/lang.ts';

export function savedTime(iso: string, now: Date, lang: Lang): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return '';
	const locale = LOCALE[lang];
	// "14:32" in both languages, as the issue and most Danish software write a clock time.
	const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
	const sameDay = at.toDateString() === now.toDateString();
	return sameDay ? time : `${at.toLocaleDateString(locale, { day: 'numeric', month: 'numeric', year: 'numeric' })} ${time}`;
}
