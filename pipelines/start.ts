/**
 * `npm start [-- --demo]`: from a fresh clone to the dashboard on localhost, doing only what is
 * out of date, and never replacing a user's own data by the demo.
 *   1. What static/data holds decides (start-plan.ts):
 *      - nothing yet, or the demo: ingest data/sample when its files changed (their SHA-256
 *        against the manifest) or the output format did (schema_version);
 *      - the user's own ingest (`npm run ingest -- --input mine`): serve it as it is, and say so;
 *      - `--demo`: ingest the demo even over the user's output (their input files are elsewhere
 *        and untouched; the ingest itself refuses a folder holding anything it did not write).
 *   2. Build the site (`vite build`) when build/ is missing or older than the sources.
 *   3. Serve build/ with static/data at /data (serve.ts) on PORT, default 4173.
 * Needs nothing outside the repository (no ../shared): the demo input is committed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { usageErrorText } from './usage-error.ts';
import { describeData } from './data-state.ts';
import { ingest } from './ingest.ts';
import { OutputRefused } from './build/output-folder.ts';
import { formatReport } from './read/issues.ts';
import { serve } from './serve.ts';
import { startPlan } from './start-plan.ts';
import { terminalReporter } from './terminal-reporter.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const INPUT = join(ROOT, 'data', 'sample');
const DATA = join(ROOT, 'static', 'data');
const BUILD = join(ROOT, 'build');
/** What the site is built from: a change to any of these means a new build. */
const SOURCES = ['src', 'svelte.config.js', 'vite.config.ts', 'package.json'];

async function main(argv: string[]): Promise<number> {
	let demo: boolean;
	try {
		demo = parseArgs({ args: argv, options: { demo: { type: 'boolean', default: false } }, strict: true }).values.demo ?? false;
	} catch (error) {
		console.error(`Forkert brug: ${usageErrorText(error, 'npm start', ['--demo'])}\nBrug / usage: npm start [-- --demo]`);
		return 2;
	}
	const plan = startPlan(DATA, INPUT, demo);
	if (plan.action === 'refuse') {
		console.error(plan.message);
		return 1;
	}
	if (plan.action === 'ingest-demo') {
		console.log('Indlæser demodata fra data/sample … / Ingesting the demo data …');
		let result;
		try {
			result = await ingest({ input: INPUT, out: DATA, reporter: terminalReporter() });
		} catch (error) {
			if (!(error instanceof OutputRefused)) throw error;
			console.error(`${error.message}\n/ static/data holds files this program did not write; nothing was touched.`);
			return 2;
		}
		if (!result.ok) {
			process.stdout.write(formatReport(result.issues, INPUT));
			console.error('Demodata kunne ikke indlæses (se ovenfor). / The demo data could not be ingested (see above).');
			return 1;
		}
	}
	console.log(describeData(DATA));
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

const code = await main(process.argv.slice(2));
if (code !== 0) process.exit(code);
