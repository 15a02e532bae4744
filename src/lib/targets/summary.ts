/**
 * How an agreement's targets stand together, for "Status for sidste års aftaledokument – er de
 * aftalte målsætninger nået?" (KL and BL, "Styringsdialog", 2010).
 */
import { STATUS_LABEL, TARGET_STATUSES, type TargetStatus } from './status.ts';

export type StatusCounts = Record<TargetStatus, number>;

export function countStatuses(statuses: readonly TargetStatus[]): StatusCounts {
	const counts = Object.fromEntries(TARGET_STATUSES.map((s) => [s, 0])) as StatusCounts;
	for (const s of statuses) counts[s]++;
	return counts;
}

/** "2 af 4 mål nået; 1 på vej; 1 ingen data", statuses in a fixed order, zeros left out. */
export function summaryText(counts: StatusCounts): string {
	const total = TARGET_STATUSES.reduce((sum, s) => sum + counts[s], 0);
	if (total === 0) return 'Ingen aftalte mål.';
	const parts = TARGET_STATUSES.filter((s) => counts[s] > 0).map((s, i) =>
		i === 0 ? `${counts[s]} af ${total} mål ${STATUS_LABEL[s].toLowerCase()}` : `${counts[s]} ${STATUS_LABEL[s].toLowerCase()}`
	);
	return parts.join('; ') + '.';
}
