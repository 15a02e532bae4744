/**
 * What data/README.md's threat model grants the attacker: every department's denominator (for
 * uden_for_arbejdsmarked its residents aged 18-64; for a declared person-based figure, its own
 * denominator column) per year. Nothing published carries it (person-based numerators and
 * denominators are never written), so it is read from the input folder the output was made
 * from. The true numerators are read too, only to check the attack's ranges hold the truth (a
 * range without it would mean the attacker's model of the files is wrong, not that he won).
 */
import { readInput } from '../../read/read-input.ts';
import { silentReporter } from '../../read/model.ts';
import { useDeclaredIndicators, activeIndicators } from '../../../src/lib/core/indicators.ts';

export interface AttackIndicator {
	id: string;
	/** value = scale * count / residents */
	scale: number;
}

export interface Knowledge {
	indicators: AttackIndicator[];
	/** `${dept}|${year}|${indicator}` → denominator */
	residents: Map<string, number>;
	/** The same keys → true numerator (for the self-check only, never used by the attack). */
	truth: Map<string, number>;
}

export const cellKey = (dept: string, year: number, indicator: string): string => `${dept}|${year}|${indicator}`;

export async function readKnowledge(inputDir: string): Promise<Knowledge> {
	const input = await readInput(inputDir, silentReporter);
	const errors = input.issues.filter((i) => i.severity === 'error');
	if (errors.length > 0) throw new Error(`Inddata kan ikke læses: ${errors[0]!.file}:${errors[0]!.line}: ${errors[0]!.message}`);
	useDeclaredIndicators(input.indicators);
	const indicators = activeIndicators().filter((i) => i.personBased);
	const residents = new Map<string, number>();
	const truth = new Map<string, number>();
	const kf = input.keyFigures;
	for (const ind of indicators) {
		const n = kf.values[ind.denominator]!;
		const t = kf.values[ind.numerator]!;
		for (let r = 0; r < kf.length; r++) {
			if (Number.isNaN(n[r]!) || Number.isNaN(t[r]!)) continue;
			const key = cellKey(kf.afdeling_id[r]!, kf.aar[r]!, ind.id);
			residents.set(key, n[r]!);
			truth.set(key, t[r]!);
		}
	}
	return { indicators: indicators.map((i) => ({ id: i.id, scale: i.scale })), residents, truth };
}
