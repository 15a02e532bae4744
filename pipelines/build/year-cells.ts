/**
 * The cells of each year that enter sums (issue 9): numerator and denominator given, denominator
 * above 0. The privacy rule (privacy.ts) and the audit (audited-suppression.ts, audit-worker.ts)
 * both go year by year over these; a cell with no persons adds nothing to any sum and has no
 * value to hide.
 */

/**
 * The columns of the privacy inputs read here (privacy.ts's PrivacyInput has them), spelled out
 * rather than imported: privacy.ts calls this, and the house rules allow no import cycle.
 */
export interface CellColumns {
	department: Int32Array;
	year: Int32Array;
	numerator: Float64Array;
	denominator: Float64Array;
}

/** A year's cells that enter sums: numerator and denominator given, denominator above 0. */
export function cellsByYear(input: CellColumns): Map<number, Int32Array> {
	// Counted first and then filled, so no list of numbers is made on the way: national10's 1.2
	// million cells in JavaScript arrays were 15 MB of garbage on every thread that called this.
	const enters = (c: number) => {
		const n = input.numerator[c]!;
		const d = input.denominator[c]!;
		return !(Number.isNaN(n) || Number.isNaN(d) || !(d > 0));
	};
	const counts = new Map<number, number>();
	for (let c = 0; c < input.department.length; c++) if (enters(c)) counts.set(input.year[c]!, (counts.get(input.year[c]!) ?? 0) + 1);
	const years = [...counts.keys()].sort((a, b) => a - b);
	const byYear = new Map(years.map((y) => [y, new Int32Array(counts.get(y)!)]));
	const filled = new Map(years.map((y) => [y, 0]));
	for (let c = 0; c < input.department.length; c++) {
		if (!enters(c)) continue;
		const year = input.year[c]!;
		const at = filled.get(year)!;
		byYear.get(year)![at] = c;
		filled.set(year, at + 1);
	}
	return byYear;
}
