/**
 * What `npm start` does with the data folder before serving it: the one rule that keeps a user's
 * own ingest from being replaced by the demo.
 *   - `serve`: the folder holds the user's own ingest (or an up-to-date demo);
 *   - `ingest-demo`: nothing yet, the demo is out of date, or `--demo` was asked for;
 *   - `refuse`: the user's own output is in an older format; only they can ingest it again.
 * A folder holding files this program did not write is planned as `ingest-demo`; the ingest then
 * refuses it (build/output-folder.ts) and nothing is touched.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSION, type Manifest } from '../src/lib/core/output-contract.ts';
import { dataState } from './data-state.ts';

export type StartPlan = { action: 'serve' } | { action: 'ingest-demo'; why: string } | { action: 'refuse'; message: string };

/**
 * Files that look like input data. The manifest lists every file the read step took; one of these
 * that it does not list is new (or one the read step warns about and skips: then every start
 * ingests again, a small price for not repeating the read step's rules here).
 */
const DATA_FILE = /\.(csv|geojson|json|xlsx)$/i;

export function startPlan(dataDir: string, demoInput: string, wantDemo: boolean): StartPlan {
	const state = dataState(dataDir);
	if (wantDemo) return { action: 'ingest-demo', why: '--demo' };
	if (state.kind === 'own') {
		if (state.manifest.schema_version === SCHEMA_VERSION) return { action: 'serve' };
		return {
			action: 'refuse',
			message:
				`${dataDir} holder dine egne data, indlæst af en ældre version (format ${state.manifest.schema_version}, nu ${SCHEMA_VERSION}). ` +
				`Kør npm run ingest igen med dine data, eller npm start -- --demo for demodata.\n` +
				`/ ${dataDir} holds your own data from an older version; run npm run ingest again, or npm start -- --demo.`
		};
	}
	if (state.kind === 'none') return { action: 'ingest-demo', why: 'ingen data endnu' };
	if (state.kind === 'other') return { action: 'ingest-demo', why: 'ukendt indhold' };
	return demoIsStale(state.manifest, demoInput) ? { action: 'ingest-demo', why: 'demodata er ændret' } : { action: 'serve' };
}

/** True when the demo output is from other demo inputs or in an older format. */
function demoIsStale(manifest: Manifest, input: string): boolean {
	if (manifest.schema_version !== SCHEMA_VERSION || !manifest.files) return true;
	const recorded = new Map(manifest.inputs.map((i) => [i.file, i.sha256]));
	if (readdirSync(input).some((f) => DATA_FILE.test(f) && !recorded.has(f))) return true;
	for (const [file, sha256] of recorded) {
		const path = join(input, file);
		if (!existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== sha256) return true;
	}
	return false;
}
