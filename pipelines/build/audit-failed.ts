/**
 * The audit's refusal (issue 9): when the suppression cannot be made to pass the audit, the
 * ingest publishes nothing, exits 1 and prints this message, which names the indicator and year.
 * Its own file so the audit's jobs can throw it on the main thread and in the audit's worker
 * threads alike (audit-year-job.ts, audit-worker.ts), and the main thread can throw it again
 * with the worker's message unchanged (audit-pool.ts).
 */
import type { IndicatorId } from '../../src/lib/core/indicators.ts';

/** The audit could not make the figures safe: the ingest publishes nothing and exits 1. */
export class PrivacyAuditFailed extends Error {}

export function auditFailure(id: IndicatorId, year: number, why: string): string {
	return `Diskretioneringen af ${id} for ${year} består ikke revisionen, så intet offentliggøres / the suppression of ${id} for ${year} fails the privacy audit, so nothing is published: ${why}`;
}
