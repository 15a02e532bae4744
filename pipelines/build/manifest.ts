/**
 * manifest.json (Manifest in output.ts): what was read and what was written, without a
 * timestamp, so the same input gives the same bytes.
 */
import { SCHEMA_VERSION, type Manifest } from '../../src/lib/core/output-contract.ts';
import type { IndicatorId } from '../../src/lib/core/indicators.ts';
import type { InputIssue, ParsedInput } from '../read/model.ts';
import { byCodeUnits } from './geo-files.ts';

export function manifest(
	input: ParsedInput,
	rows: Manifest['rows'],
	years: number[],
	indicators: IndicatorId[],
	buildWarnings: readonly InputIssue[],
	files: Manifest['files'],
	suppression: Manifest['suppression'],
	daekning: Manifest['daekning']
): Manifest {
	return {
		schema_version: SCHEMA_VERSION,
		demo: input.demo,
		inputs: [...input.files]
			.sort((a, b) => byCodeUnits(a.file, b.file))
			.map((f) => ({ file: f.file, sha256: f.sha256, rows: f.rows })),
		rows,
		years,
		indicators,
		warnings: [...input.issues, ...buildWarnings]
			.filter((i) => i.severity === 'warning')
			.map((i) => ({ file: i.file, line: i.line, column: i.column, message: i.message })),
		files: Object.fromEntries([...Object.entries(files)].sort(([a], [b]) => byCodeUnits(a, b))),
		suppression,
		daekning,
		referencetal: { kilde: input.reference?.kilde ?? 'standard', fil: input.reference?.fil ?? '', raekker: input.reference?.rows.length ?? 0 }
	};
}
