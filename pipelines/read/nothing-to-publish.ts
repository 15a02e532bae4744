/**
 * An input that reads without errors but gives nothing to publish: no department has a single
 * key figure (header-only files, or key figures only for departments the register lacks, which
 * are reported elsewhere). Swapping in such an output would replace a good dashboard by an empty
 * one, so it is an error and the previous output stays.
 */
import { keyFigureColumns } from '../../src/lib/core/indicators.ts';
import { FOLDER } from './issues.ts';
import { keyFigureColumn, type InputIssue, type ParsedInput } from './model.ts';

export function nothingToPublish(input: ParsedInput): InputIssue[] {
	const registered = new Set(input.departments.map((d) => d.afdeling_id));
	const kf = input.keyFigures;
	for (let r = 0; r < kf.length; r++) {
		if (!registered.has(kf.afdeling_id[r]!)) continue;
		for (const column of keyFigureColumns()) if (!Number.isNaN(keyFigureColumn(kf, column)[r]!)) return [];
	}
	const found =
		input.departments.length === 0
			? 'ingen afdelinger i registret'
			: kf.length === 0
				? `${input.departments.length} afdelinger, men ingen rækker med nøgletal`
				: `${input.departments.length} afdelinger og ${kf.length} rækker nøgletal, men ikke ét tal for en registreret afdeling`;
	return [
		{
			severity: 'error',
			code: 'nothing-to-publish',
			// The whole input folder is at fault, not one file (data/README.md).
			file: FOLDER,
			line: 0,
			column: 0,
			message: `Der er intet at offentliggøre: forventede mindst én afdeling i registret med mindst ét nøgletal, fandt ${found}. Den tidligere output-mappe er ikke ændret.`,
			expected: 'mindst én afdeling med et nøgletal',
			found
		}
	];
}
