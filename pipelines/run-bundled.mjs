/**
 * `node pipelines/run-bundled.mjs FILE.ts [ARGS]`: runs a pipeline's TypeScript entry point as
 * plain JavaScript that esbuild bundles for this run, instead of through tsx's loader (`npm run
 * ingest` starts so). tsx transforms and resolves the ingest's 160-odd modules one by one through
 * its loader thread, which cost about 0.6 s of CPU at every start; esbuild builds them in one go
 * for much less (bench/HISTORY.md, `ingest3`). Built anew for every run, never cached, so what
 * runs is always the source as it is on disk.
 *
 * - The bundle is written to node_modules/.cache/boligbarometer/run-<pid>/, inside the project
 *   so that its imports of packages resolve to node_modules as the source's do, and removed when
 *   the process exits (a killed run's folder is removed by the next run).
 * - Packages stay outside the bundle, loaded from node_modules as they are; a dynamic import in the
 *   source stays a chunk of its own (`splitting`), so a package the source loads only when it needs
 *   it (exceljs, for a workbook) is loaded only then.
 * - `import.meta.url` is each source file's own URL, so the paths made from it (the default
 *   reference figures, the map of Denmark, the audit's worker) are what they are under tsx.
 * - The entry sees the arguments after FILE.ts as its own (`process.argv.slice(2)`).
 *
 * Plain JavaScript, since nothing is there yet to run TypeScript with.
 */
import { build, stop } from 'esbuild';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CACHE = join(ROOT, 'node_modules', '.cache', 'boligbarometer');

const entry = process.argv[2];
if (!entry) {
	process.stderr.write('Brug / usage: node pipelines/run-bundled.mjs FIL.ts [ARGUMENTER]\n');
	process.exit(2);
}
removeStale();
const outdir = join(CACHE, `run-${process.pid}`);
try {
	mkdirSync(outdir, { recursive: true });
} catch (error) {
	// Exit 1 would say the input is wrong; the installation is (a node_modules that cannot be written).
	process.stderr.write(
		`Intern fejl: mappen ${outdir} kan ikke oprettes (${error.code ?? error}); kør npm run ingest fra en installation, der kan skrives i.\n`
	);
	process.exit(3);
}
process.on('exit', () => rmSync(outdir, { recursive: true, force: true }));

/**
 * Each TypeScript file's `import.meta.url` as its own file's URL (esbuild would give the chunk's).
 * Not where it is quoted: audit-pool.ts names it as a string for its own esbuild build.
 */
const IMPORT_META_URL = /(?<![\w'"`.])import\.meta\.url(?![\w'"`])/g;
const ownUrl = {
	name: 'own-import-meta-url',
	setup(b) {
		b.onLoad({ filter: /\.ts$/ }, (args) => ({
			contents: readFileSync(args.path, 'utf8').replace(IMPORT_META_URL, JSON.stringify(pathToFileURL(args.path).href)),
			loader: 'ts'
		}));
	}
};

let failed = null;
try {
	await build({
		entryPoints: { main: resolve(entry) },
		bundle: true,
		splitting: true,
		format: 'esm',
		platform: 'node',
		target: 'node20',
		packages: 'external',
		outdir,
		outExtension: { '.js': '.mjs' },
		logLevel: 'error',
		// An internal error's stack then names the TypeScript files and lines, not the bundle's (which
		// is gone once the run ends). Node then looks for a map in every module it loads: about 4 % of
		// the start's CPU in a profile, some 30 ms.
		sourcemap: 'inline',
		plugins: [ownUrl]
	});
} catch (error) {
	failed = error;
} finally {
	// esbuild's service process would otherwise stay for the whole run (about 20 MB beside the ingest).
	await stop();
}
if (failed) {
	// esbuild has said what and where (logLevel 'error'); a source that does not build is a bug.
	process.stderr.write(`Intern fejl: ${entry} kunne ikke bygges (${failed.message.split('\n')[0]}).\n`);
	process.exit(3);
}
process.argv.splice(1, 2, resolve(entry));
process.setSourceMapsEnabled(true);
await import(pathToFileURL(join(outdir, 'main.mjs')).href);

/** Folders of runs whose process is gone (killed before its exit handler ran). */
function removeStale() {
	let names;
	try {
		names = readdirSync(CACHE);
	} catch {
		return;
	}
	for (const name of names) {
		const pid = Number(/^run-(\d+)$/.exec(name)?.[1]);
		if (pid && !isRunning(pid)) rmSync(join(CACHE, name), { recursive: true, force: true });
	}
}

function isRunning(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return error.code === 'EPERM';
	}
}
