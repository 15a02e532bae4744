/**
 * The supervision files from the pipeline: the agreed targets (aftaler.json) and the project bank
 * (indsatser.json). Both come from optional inputs, so a data folder written before they existed
 * has neither: a missing file is an empty list, not an error. A file that is there but unreadable
 * is an error that names it.
 */
import { OUTPUT_FILES, type InterventionRow, type TargetRow } from '../core/output-contract.ts';
import { DataFileError } from './data-error.ts';
import { DATA_ROOT } from './web-files.ts';

async function fetchList<T>(file: string, key: string): Promise<T[]> {
	let response: Response;
	try {
		response = await fetch(DATA_ROOT + file);
	} catch (cause) {
		throw new DataFileError(file, 'network', { cause });
	}
	if (response.status === 404) return [];
	if (!response.ok) throw new DataFileError(file, 'network');
	let value: unknown;
	try {
		value = await response.json();
	} catch (cause) {
		throw new DataFileError(file, 'corrupt', { cause });
	}
	const list = (value as Record<string, unknown> | null)?.[key];
	if (!Array.isArray(list)) throw new DataFileError(file, 'corrupt');
	return list as T[];
}

let targets: Promise<TargetRow[]> | null = null;
let interventions: Promise<InterventionRow[]> | null = null;

export function loadTargets(): Promise<TargetRow[]> {
	targets ??= fetchList<TargetRow>(OUTPUT_FILES.targets, 'aftaler');
	targets.catch(() => (targets = null));
	return targets;
}

export function loadInterventions(): Promise<InterventionRow[]> {
	interventions ??= fetchList<InterventionRow>(OUTPUT_FILES.interventions, 'indsatser');
	interventions.catch(() => (interventions = null));
	return interventions;
}
