/**
 * Which agreed targets' base values aftaler.json may not publish (issue 9; found by the
 * independent attacker, pipelines/bench/attack-output.ts): a target's `basisvaerdi` is a figure
 * about the unit's residents in the base year, published beside the data. For a person-based
 * figure it is withheld (written as null) unless
 *   - the unit's own figure for the base year is published (not suppressed by the primary or
 *     secondary rule or the audit, and not missing), and
 *   - the base value itself passes the privacy test (data/README.md) as a count of the unit's
 *     residents that year: it is the agreement's own number, which may come from another count
 *     than the data (the demo's LR-2024-2 says 25 % of a department of 12 where the data say
 *     20.8 %), so it is tested on its own.
 * Otherwise the base value names a group the rule protects: the dashboard already left it out of
 * its target table, but aftaler.json, the aftaler.csv download, the trend chart's target path
 * and the status's path value all carried it.
 */
import { activeIndicators } from '../../src/lib/core/indicators.ts';
import type { TargetRow } from '../../src/lib/core/output-contract.ts';
import type { Department, KeyFigureTable } from '../read/model.ts';
import type { Suppression } from './suppression.ts';
import { failsPrimary } from './privacy.ts';

/** The ids of the targets whose base value must not be published. */
export function withheldBaselines(
	targets: readonly TargetRow[],
	departments: readonly Department[],
	keyFigures: KeyFigureTable,
	suppressed: Suppression
): Set<string> {
	const out = new Set<string>();
	const personBased = new Map(activeIndicators().filter((i) => i.personBased).map((i) => [i.id, i]));
	const concerned = targets.filter((t) => personBased.has(t.indikator) && t.basisvaerdi !== null);
	if (concerned.length === 0) return out;
	const home = new Map(departments.map((d) => [d.afdeling_id, d]));
	const withheldAggregates = new Set(suppressed.aggregates.map((a) => `${a.niveau}|${a.enhed_id}|${a.aar}|${a.indikator}`));
	const inUnit = (t: TargetRow, id: string): boolean => {
		const d = home.get(id);
		if (!d) return false;
		if (t.niveau === 'afdeling') return id === t.enhed_id;
		if (t.niveau === 'omraade') return d.omraade_id === t.enhed_id;
		if (t.niveau === 'boligorganisation') return d.boligorganisation_id === t.enhed_id;
		return d.kommune_kode === t.enhed_id;
	};
	for (const t of concerned) {
		const ind = personBased.get(t.indikator)!;
		const numerators = keyFigures.values[ind.numerator]!;
		const denominators = keyFigures.values[ind.denominator]!;
		const cells = suppressed.cells.get(ind.id);
		let residents = 0;
		let members = 0;
		let hidden = false;
		for (let r = 0; r < keyFigures.length; r++) {
			if (keyFigures.aar[r] !== t.basisaar || Number.isNaN(numerators[r]!) || Number.isNaN(denominators[r]!)) continue;
			if (!inUnit(t, keyFigures.afdeling_id[r]!)) continue;
			members++;
			residents += denominators[r]!;
			if (cells?.[r] === 1) hidden = true;
		}
		const unitHidden = t.niveau === 'afdeling' ? hidden : withheldAggregates.has(`${t.niveau}|${t.enhed_id}|${t.basisaar}|${t.indikator}`);
		const count = (t.basisvaerdi! * residents) / ind.scale;
		if (members === 0 || !(residents > 0) || unitHidden || failsPrimary(count, residents)) out.add(t.maal_id);
	}
	return out;
}
