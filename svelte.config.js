import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

// The opt-in base map (src/lib/map/basemap.ts): its tile server is the only origin besides our own.
const basemapOrigin = process.env.VITE_BASEMAP_TILES ? new URL(process.env.VITE_BASEMAP_TILES.replace(/[{}]/g, '')).origin : null;
const external = basemapOrigin ? [basemapOrigin] : [];

/**
 * app.html's inline script (it starts the first view's data before the app's JavaScript is in):
 * its hash, worked out from the file itself, so the CSP allows exactly that script and no other.
 */
const inlineScripts = [...readFileSync(new URL('./src/app.html', import.meta.url), 'utf8').matchAll(/<script>([\s\S]*?)<\/script>/g)].map(
	(m) => /** @type {`sha256-${string}`} */ (`sha256-${createHash('sha256').update(m[1]).digest('base64')}`)
);

/** Where the adapter writes the site. */
const PAGES = 'build';

/**
 * The static adapter, and then one step: the SPA fallback (200.html), which serves
 * /kommune/<kode> and the detail pages (/afdeling, /omraade, /organisation), names the modules and
 * styles of those routes' pages and the root layout, in `<meta name="overview-modules">` and
 * `<meta name="detail-modules">`, and app.html's inline script preloads the route's, as the
 * prerendered front page does by itself. Without it a page's own modules (Observable Plot among
 * them) are only asked for once the app's entry has run: one more round trip before the chart.
 * @param {import('@sveltejs/kit').Adapter} inner
 * @returns {import('@sveltejs/kit').Adapter}
 */
function withRouteModules(inner) {
	return {
		...inner,
		async adapt(builder) {
			await inner.adapt(builder);
			const out = builder.config.kit.outDir;
			const manifest = JSON.parse(readFileSync(`${out}/output/client/.vite/manifest.json`, 'utf8'));
			const app = readFileSync(`${out}/generated/client-optimized/app.js`, 'utf8');
			// The manifest names its entries relative to the project.
			const generated = relative(fileURLToPath(new URL('.', import.meta.url)), `${out}/generated/client-optimized`);
			/** The modules and styles of the root layout, the pages of `routes` and the build's `nodes` (by number). */
			const filesOf = (/** @type {string[]} */ routes, /** @type {number[]} */ nodes = []) => {
				const files = new Set();
				const visit = (/** @type {string} */ key) => {
					const chunk = manifest[key];
					if (!chunk || files.has(chunk.file)) return;
					files.add(chunk.file);
					for (const css of chunk.css ?? []) files.add(css);
					for (const next of chunk.imports ?? []) visit(next);
				};
				visit(`${generated}/nodes/0.js`);
				for (const route of routes) {
					const leaf = new RegExp(`"${route.replace(/[[\]]/g, '\\$&')}": \\[~?(\\d+)`).exec(app)?.[1];
					if (!leaf) throw new Error(`svelte.config.js: no ${route} route in the generated app.js`);
					const before = files.size;
					visit(`${generated}/nodes/${leaf}.js`);
					if (files.size === before) throw new Error(`svelte.config.js: the build manifest names no module of ${route}`);
				}
				for (const node of nodes) visit(`${generated}/nodes/${node}.js`);
				return [...files].map((f) => `/${f}`);
			};
			/**
			 * The same files as one meta element, with the root error page (node 1): SvelteKit's start
			 * loads it beside the root layout, so without it the app waited one more round trip for it
			 * after its own modules had come in and run.
			 */
			const meta = (/** @type {string} */ name, /** @type {string[]} */ routes) =>
				`<meta name="${name}" content="${filesOf(routes, [1])
					.filter((f) => !html.includes(`href="${f}"`))
					.join(' ')}" />\n\t\t`;
			const page = new URL(`./${PAGES}/200.html`, import.meta.url);
			// The files 200.html's head links itself (the app's entry, the root layout's modules and
			// styles) are left out: the inline script would only ask for them a second time.
			const html = readFileSync(page, 'utf8');
			const metas =
				meta('overview-modules', ['/kommune/[kode]']) + meta('detail-modules', ['/afdeling/[id]', '/omraade/[id]', '/organisation/[id]']);
			if (!html.includes('<script>')) throw new Error('svelte.config.js: 200.html has no inline script');
			writeFileSync(page, html.replace('<script>', metas + '<script>'));
			// The prerendered front page: SvelteKit's own preload list leaves out modules the page also
			// imports dynamically elsewhere (the map's scales, say) and the root error page (node 1),
			// which SvelteKit loads as it starts; they were asked for only once the app's modules had come
			// in and run, a round trip before the first chart. Static links, so the browser's preload
			// scanner finds them with the rest.
			const front = new URL(`./${PAGES}/index.html`, import.meta.url);
			const frontHtml = readFileSync(front, 'utf8');
			const missing = filesOf(['/'], [1]).filter(
				(f) => f.endsWith('.js') && !frontHtml.includes(`.${f}"`) && !frontHtml.includes(`"${f}"`)
			);
			if (missing.length) {
				const links = missing.map((f) => `<link href=".${f}" rel="modulepreload">`).join('\n\t\t');
				if (!frontHtml.includes('rel="modulepreload"')) throw new Error('svelte.config.js: index.html has no modulepreload links');
				writeFileSync(front, frontHtml.replace('<link href=', `${links}\n\t\t<link href=`));
			}
		}
	};
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: every page is prerendered or falls back to the SPA shell, so a
		// municipality can host the build folder on any web server.
		adapter: withRouteModules(adapter({ pages: PAGES, assets: PAGES, fallback: '200.html', strict: false })),
		prerender: {
			// The data folder is served beside the build (pipelines/serve.ts), never part of it: app.html's
			// preload of /data/web/index.json is not a page to prerender. Any other failure still fails the build.
			handleHttpError: ({ path, message }) => {
				if (path.startsWith('/data/')) return;
				throw new Error(message);
			}
		},
		// Nothing leaves the user's machine: scripts, styles, fonts and data come from 'self'.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['self'],
				'script-src': ['self', 'wasm-unsafe-eval', ...inlineScripts],
				'worker-src': ['self', 'blob:'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:', 'blob:', ...external],
				'connect-src': ['self', ...external],
				'font-src': ['self'],
				'object-src': ['none'],
				'base-uri': ['self']
			}
		}
	}
};

export default config;
