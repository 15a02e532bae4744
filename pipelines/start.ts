/**
 * `npm start`: from a fresh clone to the dashboard on localhost, doing only what is out of date.
 *   1. Ingest data/sample into static/data when the inputs changed (their SHA-256 against
 *      static/data/manifest.json) or the output format did (schema_version).
 *   2. Build the site (`vite build`) when build/ is missing or older than the sources.
 *   3. Serve build/ with static/data at /data (serve.ts) on PORT, default 4173.
 * Needs nothing outside the repository (no ../shared): the demo input is committed.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION, type Manifest } from '../src/lib/contract/output.ts';
import { ingest } from './ingest.ts';
import { formatReport } from './read/issues.ts';
import { serve } from './serve.ts';
import { terminalReporter } from './terminal-reporter.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INPUT = join(ROOT, 'data', 'sample');
const DATA = join(ROOT, 'static', 'data');
const BUILD = join(ROOT, 'build');
/** What the site is built from: a change to any of these means a new build. */
const SOURCES = ['src', 'svelte.config.js', 'vite.config.ts', 'package.json'];
/**
 * Files that look like input data. The manifest lists every file the read step took; one of these
 * that it does not list is new (or one the read step warns about and skips: then every start
 * ingests again, a small price for not repeating the read step's rules here).
 */
const DATA_FILE = /\.(csv|geojson|json)$/i;

async function main(): Promise<number> {
	if (dataIsStale()) {
		console.log('Indlæser demodata fra data/sample … / Ingesting the demo data …');
		const result = await ingest({ input: INPUT, out: DATA, reporter: terminalReporter() });
		if (!result.ok) {
			process.stdout.write(formatReport(result.issues));
			console.error('Demodata kunne ikke indlæses (se ovenfor). / The demo data could not be ingested (see above).');
			return 1;
		}
	}
	if (buildIsStale()) {
		console.log('Bygger sitet … / Building the site …');
		const run = spawnSync('npx', ['vite', 'build'], { cwd: ROOT, stdio: 'inherit' });
		if (run.status !== 0) {
			console.error('Bygningen fejlede (se ovenfor). / The build failed (see above).');
			return run.status ?? 1;
		}
	}
	const port = Number(process.env.PORT ?? 4173);
	try {
		const served = await serve({ root: BUILD, dataDir: DATA, port });
		console.log(`\nBoligbarometer kører på ${served.url}  (stop med Ctrl+C)`);
		console.log(`Boligbarometer is running at ${served.url}  (stop with Ctrl+C)\n`);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
			console.error(`Port ${port} er optaget; prøv fx PORT=4174 npm start. / Port ${port} is in use; try PORT=4174 npm start.`);
			return 1;
		}
		throw error;
	}
	return 0;
}

/** True when static/data is missing, from other inputs, or in an older format. */
function dataIsStale(): boolean {
	const path = join(DATA, 'manifest.json');
	if (!existsSync(path)) return true;
	let manifest: Manifest;
	try {
		manifest = JSON.parse(readFileSync(path, 'utf8')) as Manifest;
	} catch {
		return true;
	}
	if (manifest.schema_version !== SCHEMA_VERSION) return true;
	if (manifest.demo !== existsSync(join(INPUT, 'DEMO'))) return true;
	const recorded = new Map(manifest.inputs.map((i) => [i.file, i.sha256]));
	if (readdirSync(INPUT).some((f) => DATA_FILE.test(f) && !recorded.has(f))) return true;
	for (const [file, sha256] of recorded) {
		const path = join(INPUT, file);
		if (!existsSync(path) || createHash('sha256').update(readFileSync(path)).digest('hex') !== sha256) return true;
	}
	return false;
}

/** True when the built site is missing or older than any of its sources. */
function buildIsStale(): boolean {
	const outputs = ['index.html', '200.html'].map((f) => join(BUILD, f));
	if (!outputs.every(existsSync)) return true;
	const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
	return SOURCES.some((s) => newestIn(join(ROOT, s)) > built);
}

function newestIn(path: string): number {
	if (!existsSync(path)) return 0;
	const stat = statSync(path);
	if (!stat.isDirectory()) return stat.mtimeMs;
	let newest = stat.mtimeMs;
	for (const entry of readdirSync(path)) newest = Math.max(newest, newestIn(join(path, entry)));
	return newest;
}

const code = await main();
if (code !== 0) process.exit(code);
