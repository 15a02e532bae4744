import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
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

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	kit: {
		// A static site: every page is prerendered or falls back to the SPA shell, so a
		// municipality can host the build folder on any web server.
		adapter: adapter({ pages: 'build', assets: 'build', fallback: '200.html', strict: false }),
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
