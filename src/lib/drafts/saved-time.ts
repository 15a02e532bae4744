/**
 * When the work was kept, as the bar says it: the clock time on the same day ("14:32"), else
 * the date too ("28.11.2026 14:32"), in the browser's time zone.
 */
import { LOCALE, type Lang } from '../i18n/lang.ts';

export function savedTime(iso: string, now: Date, lang: Lang): string {
	const at = new Date(iso);
	if (Number.isNaN(at.getTime())) return '';
	const locale = LOCALE[lang];
	const time = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
	const sameDay = at.toDateString() === now.toDateString();
	return sameDay ? time : `${at.toLocaleDateString(locale, { day: 'numeric', month: 'numeric', year: 'numeric' })} ${time}`;
}
