/**
 * The agreed targets of an organisation (the supervisor's aftaler.csv, see core/target.ts) as
 * lines for its report: each target with its status in the package's year, judged by the same rule
 * as the dashboard's target pages (targets/status.ts) on the same figures. A target about the
 * organisation or one of its areas goes under its key figure; one about a department under that
 * department. The texts are Danish, as the target rules' are.
 */
import type { SeriesPoint } from '../core/output-contract.ts';
import { indicator } from '../core/indicators.ts';
import { STATUS_LABEL, targetStatus, targetText } from '../targets/status.ts';
import type { Target } from '../core/target.ts';
import type { ReportFlag } from './model.ts';

/** The targets that belong in an organisation's package. */
export function organisationTargets(targets: readonly Target[], organisationId: string, departmentIds: ReadonlySet<string>): Target[] {
	return targets.filter(
		(t) =>
			t.boligorganisation_id === organisationId ||
			(t.niveau === 'boligorganisation' && t.enhed_id === organisationId) ||
			(t.niveau === 'afdeling' && departmentIds.has(t.enhed_id))
	);
}

/**
 * One line per target: "Mål F23-1 (Aftaledokument 2023): Ledighed højst 5 ‰ i 2026. Status 2025:
 * På vej – 6,2 ‰ i 2025; …". `series` gives the unit's values over the years, by level and id.
 */
export function targetFlags(
	targets: readonly Target[],
	year: number,
	series: (target: Target) => readonly SeriesPoint[] | undefined,
	unitName: (target: Target) => string
): ReportFlag[] {
	return targets.map((target) => {
		const evaluation = targetStatus(target, series(target) ?? [], year);
		const what = `${indicator(target.indikator).name.da} ${targetText(target)}`;
		const source = target.aftaledokument ? ` (${target.aftaledokument})` : '';
		const unit = target.niveau === 'afdeling' ? '' : ` for ${unitName(target)}`;
		return {
			indikator: target.indikator,
			afdelingId: target.niveau === 'afdeling' ? target.enhed_id : undefined,
			text: `Mål ${target.maal_id}${source}: ${what}${unit}. Status ${evaluation.aar}: ${STATUS_LABEL[evaluation.status]} – ${evaluation.forklaring}`
		};
	});
}
