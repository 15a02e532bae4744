/**
 * How the ingest tells what privacy cost: the audit's step name (the benchmark's step timer
 * reports its seconds under it) and the line printed after it.
 */
import type { SuppressionCost } from '../../src/lib/core/output-contract.ts';
import { danish } from '../read/terminal-count.ts';

export const AUDIT_STEP = 'Revision af diskretionering';


export function costLine(cost: SuppressionCost): string {
	const part = (label: string, c: SuppressionCost['primary']) => `${label} ${danish(c.departments)} afdelingstal og ${danish(c.aggregates)} aggregater`;
	return `Diskretioneret (personfølsomme tal): ${part('primær regel', cost.primary)}, ${part('sekundær regel', cost.secondary)}, ${part('revision', cost.audit)}.`;
}
