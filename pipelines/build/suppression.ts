/**
 * Applies the privacy rule (privacy.ts) to every person-based indicator of the input: which
 * department-year cells and which aggregates must not be published.
 *
 * It runs on the typed arrays before anything goes to DuckDB, so the rule is plain code that
 * tests can drive cell by cell; the aggregates DuckDB publishes are formed from the same cells
 * (both numerator and denominator given), so the totals the rule protects are the ones written.
 */
import type { IndicatorId } from '../../src/lib/core/indicators.ts';
import { COUNTRY_ID, type Level } from '../../src/lib/core/output-contract.ts';
import { ROW_KEYS, type AggregateRow } from '../../src/lib/core/output-schema.ts';
import { keyFigureColumn, type ParsedInput } from '../read/model.ts';
import { personBasedIndicators } from './indicator-sql.ts';
import { suppress, type PrivacyGroup, type PrivacyInput } from './privacy.ts';
import { sharedArray, sharedCopies } from './shared-arrays.ts';

/** The columns of aggregater that name a suppressed aggregate. */
export const SUPPRESSED_AGGREGATE_COLUMNS = ROW_KEYS.aggregater;

export type SuppressedAggregateRow = Pick<AggregateRow, (typeof SUPPRESSED_AGGREGATE_COLUMNS)[number]>;

export interface Suppression {
	/** Per person-based indicator, per key-figure row: 1 when suppressed. */
	cells: Map<IndicatorId, Uint8Array>;
	aggregates: SuppressedAggregateRow[];
}

/**
 * The rule on each indicator's privacy inputs (privacyInputs below), the same ones the audit then
 * attacks: made once, not once for the rule and again for the audit (national10: 14 MB of groups
 * and memberships that were garbage on the main thread as the audit began).
 */
export function suppression(inputs: ReadonlyMap<IndicatorId, PrivacyInput>): Suppression {
	const cells = new Map<IndicatorId, Uint8Array>();
	const aggregates: SuppressedAggregateRow[] = [];
	for (const [id, privacyInput] of inputs) {
		const result = suppress(privacyInput);
		cells.set(id, result.suppressed);
		for (const a of result.aggregates) aggregates.push({ niveau: a.level, enhed_id: a.id, aar: a.year, indikator: id });
	}
	return { cells, aggregates };
}

/**
 * What the rule sees for each person-based indicator: the cells, every published aggregate and
 * each department's groups. The privacy audit (audit/) attacks the same data, so a level added
 * here is audited too.
 */
export function privacyInputs(input: ParsedInput, rowDepartment: Int32Array, rank: Int32Array): Map<IndicatorId, PrivacyInput> {
	const groups: PrivacyGroup[] = [];
	const index = new Map<string, number>();
	const group = (level: Level, id: string) => {
		const key = `${level}\u0000${id}`;
		let g = index.get(key);
		if (g === undefined) {
			g = groups.push({ level, id }) - 1;
			index.set(key, g);
		}
		return g;
	};
	const memberships = input.departments.map((dep) => {
		const of = [group('boligorganisation', dep.boligorganisation_id), group('kommune', dep.kommune_kode), group('land', COUNTRY_ID)];
		if (dep.omraade_id != null) of.unshift(group('omraade', dep.omraade_id));
		return of;
	});

	// The columns in SharedArrayBuffers (shared-arrays.ts), copied from the table once each: the
	// audit's workers read them as they are, and the table can be put aside during the audit
	// (parked-key-figures.ts) without the privacy inputs losing theirs.
	const kf = input.keyFigures;
	const shared = sharedCopies();
	const inputs = new Map<IndicatorId, PrivacyInput>();
	for (const ind of personBasedIndicators()) {
		const value = keyFigureColumn(kf, ind.numerator);
		const weight = keyFigureColumn(kf, ind.denominator);
		// The rule works on what is summed: value * weight for a weighted mean.
		let numerator: Float64Array;
		if (ind.aggregation === 'weighted_mean') {
			numerator = sharedArray(Float64Array, kf.length);
			for (let r = 0; r < kf.length; r++) numerator[r] = value[r]! * weight[r]!;
		} else numerator = shared(value);
		inputs.set(ind.id, { department: shared(rowDepartment), year: shared(kf.aar), numerator, denominator: shared(weight), groups, memberships, rank: shared(rank) });
	}
	return inputs;
}
