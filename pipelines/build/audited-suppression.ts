/**
 * Suppression that passes the audit (issue 9): after the primary and secondary rules
 * (privacy.ts), each year of each person-based indicator is attacked (audit.ts); while anything
 * is exposed, more is hidden (audit-repair.ts) and that year is attacked again. Only years that
 * changed are attacked again: a year's figures say nothing about another's counts in this
 * threat model (see data/README.md for what is out of scope).
 *
 * If the audit cannot pass (nothing left to hide that would help, the rounds run out, or the
 * solver fails) PrivacyAuditFailed is thrown and nothing is published.
 *
 * The suppression is changed in place (cells set, aggregate rows added), and the cost by rule is
 * returned for the ingest to print and the manifest to record.
 */
import { indicator, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { SuppressionCost, SuppressionCount } from '../../src/lib/core/output-contract.ts';
import { failsPrimary, type PrivacyInput } from './privacy.ts';
import type { Suppression } from './suppression.ts';
import { auditYear, type Finding } from './audit.ts';
import { cellsByYear, membersOf } from './audit-attack-world.ts';
import { lpSolver, SolverFailed } from './audit-lp-solver.ts';
import { repair } from './audit-repair.ts';

/** Rounds of hide-and-attack-again per year before the ingest gives up. */
export const MAX_ROUNDS = 200;

/** The audit could not make the figures safe: the ingest publishes nothing and exits 1. */
export class PrivacyAuditFailed extends Error {}

export interface AuditReport {
	cost: SuppressionCost;
	/** LP and MIP solves, attack pieces and the largest piece's hidden counts, for the benchmark. */
	solves: number;
	pieces: number;
	largestPiece: number;
	/** Findings of the first attack, before anything more was hidden. */
	firstFindings: number;
}

export async function auditedSuppression(
	inputs: ReadonlyMap<IndicatorId, PrivacyInput>,
	suppression: Suppression,
	departmentIds: readonly string[],
	{ maxRounds = MAX_ROUNDS }: { maxRounds?: number } = {}
): Promise<AuditReport> {
	const highs = await lpSolver();
	const zero = (): SuppressionCount => ({ departments: 0, aggregates: 0 });
	const cost: SuppressionCost = { primary: zero(), secondary: zero(), audit: zero() };
	const report: AuditReport = { cost, solves: 0, pieces: 0, largestPiece: 0, firstFindings: 0 };
	for (const [id, input] of inputs) {
		const cells = suppression.cells.get(id)!;
		const groupIndex = new Map(input.groups.map((g, i) => [`${g.level}\u0000${g.id}`, i]));
		const hiddenByYear = new Map<number, Set<number>>();
		for (const a of suppression.aggregates) {
			if (a.indikator !== id) continue;
			let set = hiddenByYear.get(a.aar);
			if (!set) hiddenByYear.set(a.aar, (set = new Set()));
			set.add(groupIndex.get(`${a.niveau}\u0000${a.enhed_id}`)!);
		}
		for (const [year, yearCells] of cellsByYear(input)) {
			const members = membersOf(input, yearCells);
			const hidden = hiddenByYear.get(year) ?? new Set<number>();
			for (const c of yearCells) {
				if (!cells[c]) continue;
				if (failsPrimary(input.numerator[c]!, input.denominator[c]!)) cost.primary.departments++;
				else cost.secondary.departments++;
			}
			for (const g of hidden) {
				const list = members.get(g) ?? [];
				const n = list.reduce((s, c) => s + input.numerator[c]!, 0);
				const d = list.reduce((s, c) => s + input.denominator[c]!, 0);
				if (failsPrimary(n, d)) cost.primary.aggregates++;
				else cost.secondary.aggregates++;
			}
			const safe = new Set<string>();
			const attempts = new Map<string, number>();
			for (let round = 0; ; round++) {
				let audit;
				try {
					audit = auditYear(highs, input, year, members, cells, hidden, indicator(id).scale, safe);
				} catch (error) {
					if (error instanceof SolverFailed) throw new PrivacyAuditFailed(failure(id, year, error.message));
					throw error;
				}
				report.solves += audit.solves;
				report.pieces += audit.pieces;
				report.largestPiece = Math.max(report.largestPiece, audit.largestPiece);
				if (round === 0) report.firstFindings += audit.findings.length;
				if (audit.findings.length === 0) break;
				const what = describe(audit.findings[0]!, input, departmentIds);
				if (round >= maxRounds) {
					throw new PrivacyAuditFailed(failure(id, year, `stadig afsløret efter ${maxRounds} runder / still exposed after ${maxRounds} rounds: ${what}`));
				}
				const more = repair(input, audit.world, audit.findings, members, cells, hidden, attempts);
				if (more.cells.size === 0 && more.groups.size === 0) {
					throw new PrivacyAuditFailed(failure(id, year, `intet tilbage at skjule, der hjælper / nothing left to hide that helps: ${what}`));
				}
				for (const c of more.cells) cells[c] = 1;
				for (const g of more.groups) {
					hidden.add(g);
					const group = input.groups[g]!;
					suppression.aggregates.push({ niveau: group.level, enhed_id: group.id, aar: year, indikator: id });
				}
				cost.audit.departments += more.cells.size;
				cost.audit.aggregates += more.groups.size;
			}
		}
	}
	return report;
}

function failure(id: IndicatorId, year: number, why: string): string {
	return `Diskretioneringen af ${id} for ${year} består ikke revisionen, så intet offentliggøres / the suppression of ${id} for ${year} fails the privacy audit, so nothing is published: ${why}`;
}

function describe(f: Finding, input: PrivacyInput, departmentIds: readonly string[]): string {
	if (f.kind === 'residual') {
		const g = input.groups[f.group]!;
		return `${g.level} ${g.id}: summen af de skjulte afdelinger afslører under 5 personer / the sum of its hidden departments reveals under 5 persons`;
	}
	const name =
		f.kind === 'department'
			? `afdeling ${departmentIds[input.department[f.target.ref]!] ?? f.target.ref}`
			: `${input.groups[f.target.ref]!.level} ${input.groups[f.target.ref]!.id}`;
	return `${name} kan indsnævres til ${f.lo}-${f.hi} af ${f.target.total} beboere / can be narrowed to ${f.lo}-${f.hi} of ${f.target.total} residents`;
}
