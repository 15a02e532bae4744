import type { LayoutLoad } from './$types';
import { startEarlyLoads } from '$lib/db/early-loads.ts';

// A static, client-rendered dashboard: DuckDB-WASM and the map only run in the browser.
export const prerender = true;
export const ssr = false;

// Runs as soon as the layout's code is in, before the page's chunks: starts the page's data.
export const load: LayoutLoad = ({ route, params, url }) => {
	startEarlyLoads(route.id, params, url.searchParams.get('kommune'));
};
