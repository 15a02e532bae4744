/**
 * How the ingest tells what privacy cost: the audit's step name (the benchmark's step timer
 * reports its seconds under it) and the line printed after it.
 */
import type { SuppressionCost } from '../../src/lib/core/output-contract.ts';

export const AUDIT_STEP = 'Revision af diskretionering';

const da = (n: number) => n.toLocaleString('da-DK');

export function costLine(cost: SuppressionCost): string {
	const part = (label: string, c: SuppressionCost['primary']) => `${label} ${da(c.departments)} afdelingstal og ${da(c.aggregates)} aggregater`;
	return `Diskretioneret (personfølsomme tal): ${part('primær regel', cost.primary)}, ${part('sekundær regel', cost.secondary)}, ${part('revision', cost.audit)}.`;
}
