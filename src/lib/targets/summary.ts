/**
 * How an agreement's targets stand together, for "Status for sidste års aftaledokument – er de
 * aftalte målsætninger nået?" (KL and BL, "Styringsdialog", 2010).
 */
import { STATUS_LABELS, TARGET_STATUSES, type TargetStatus } from './status.ts';
import type { Lang } from '../i18n/lang.ts';

export type StatusCounts = Record<TargetStatus, number>;

export function countStatuses(statuses: readonly TargetStatus[]): StatusCounts {
	const counts = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as StatusCounts;
	for (const s of statuses) counts[s]++;
	return counts;
}

/** "2 af 4 mål nået; 1 på vej; 1 ingen data", statuses in a fixed order, zeros left out. */
export function summaryText(counts: StatusCounts, lang: Lang = 'da'): string {
	const total = TARGET_STATUSES.reduce((sum, s) => sum + counts[s], 0);
	if (total === 0) return lang === 'da' ? 'Ingen aftalte mål.' : 'No agreed targets.';
	const label = (s: TargetStatus) => STATUS_LABELS[lang][s].toLowerCase();
	const parts = TARGET_STATUSES.filter((s) => counts[s] > 0).map((s, i) =>
		i === 0
			? lang === 'da'
				? `${counts[s]} af ${total} mål ${label(s)}`
				: `${counts[s]} of ${total} targets ${label(s)}`
			: `${counts[s]} ${label(s)}`
	);
	return parts.join('; ') + '.';
}
