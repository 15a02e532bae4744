/**
 * aftaler.json and indsatser.json: the optional inputs aftaler.csv and indsatser.csv as read and
 * checked (TargetsFile and InterventionsFile in output.ts). Always written, with empty lists when
 * the input had no such file, so the dashboard can tell "no targets" from a missing file. Sorted by
 * id, so the same input gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
	OUTPUT_FILES,
	SCHEMA_VERSION,
	type InterventionsFile,
	type TargetsFile
} from '../../src/lib/core/output-contract.ts';
import type { ParsedInput } from '../read/model.ts';

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** `withheldBases`: the targets whose base value is written as null (target-baselines.ts). */
export async function writeSupervisionFiles(
	input: ParsedInput,
	outDir: string,
	withheldBases: ReadonlySet<string> = new Set()
): Promise<{ aftaler: number; indsatser: number }> {
	const targets: TargetsFile = {
		schema_version: SCHEMA_VERSION,
		aftaler: [...(input.targets ?? [])]
			.map((t) => (withheldBases.has(t.maal_id) ? { ...t, basisvaerdi: null } : t))
			.sort((a, b) => byId(a.maal_id, b.maal_id))
	};
	const interventions: InterventionsFile = {
		schema_version: SCHEMA_VERSION,
		indsatser: [...(input.interventions ?? [])].sort((a, b) => byId(a.indsats_id, b.indsats_id))
	};
	await writeFile(join(outDir, OUTPUT_FILES.targets), JSON.stringify(targets, null, '\t') + '\n');
	await writeFile(join(outDir, OUTPUT_FILES.interventions), JSON.stringify(interventions, null, '\t') + '\n');
	return { aftaler: targets.aftaler.length, indsatser: interventions.indsatser.length };
}
