/**
 * The build's one manual chunk: every module the overview's first view imports statically (the
 * root layout, the front page, `/kommune/[kode]`, the root error page SvelteKit loads as it starts,
 * and all they import: SvelteKit's client, Svelte's runtime, Observable Plot, our code) in one file,
 * `first-view`, with its styles in one stylesheet. Rollup's own split gave ~35 modules and 5
 * stylesheets before the first chart; with the cache off they came in one after another on the
 * browser's 6 connections to the one HTTP/1.1 server, the last ~450 ms after the first. In one
 * chunk the first view asks for 9 files. Measured alternately with the split build
 * (`npm run bench:browser`, 1 December 2026, bench/HISTORY.md "fvchunk"): the chart 15-25 % sooner.
 *
 * Whatever is imported only dynamically (the map, DuckDB-WASM, the detail pages' and the exports'
 * code) keeps its own chunks: it is not in the static closure of these roots. SvelteKit's entries
 * and route nodes stay files of their own (small facades that import the chunk), so its manifest
 * and the module lists svelte.config.js writes into 200.html still name every file.
 */
import { fileURLToPath } from 'node:url';
import type { GetManualChunk } from 'rollup';

const PROJECT = fileURLToPath(new URL('..', import.meta.url));

/** The first view's roots, relative to the project. */
const ROOTS = [
	'src/routes/+layout.ts',
	'src/routes/+layout.svelte',
	'src/routes/+error.svelte',
	'src/routes/+page.svelte',
	'src/routes/kommune/[kode]/+page.svelte'
];

/** Each build (the client's, the server's for prerendering) has its own module graph. */
const closures = new WeakMap<object, Set<string>>();

export const firstViewChunk: GetManualChunk = (id, { getModuleInfo }) => {
	let closure = closures.get(getModuleInfo);
	if (!closure) {
		closure = new Set();
		const visit = (module: string) => {
			const info = getModuleInfo(module);
			if (!info || closure!.has(module)) return;
			closure!.add(module);
			for (const next of info.importedIds) visit(next);
		};
		for (const root of ROOTS) visit(PROJECT + root);
		closures.set(getModuleInfo, closure);
	}
	return closure.has(id) ? 'first-view' : undefined;
};
