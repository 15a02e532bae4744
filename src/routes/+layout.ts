import type { LayoutLoad } from './$types';
import { startEarlyLoads } from '$lib/db/early-loads.ts';
import { unitKindOfRoute } from '$lib/data/unit-kind.ts';
import { earlyStyles } from '$lib/ui/early-styles.ts';

// A static, client-rendered dashboard: DuckDB-WASM and the map only run in the browser.
export const prerender = true;
export const ssr = false;

// Runs as soon as the layout's code is in, before the page's chunks: starts the page's data, then
// waits for the route's stylesheets app.html put in the head (they are usually in by then).
export const load: LayoutLoad = async ({ route, params, url }) => {
	startEarlyLoads(route.id, params, url.searchParams.get('kommune'));
	// A detail page's first chart (its reader is loaded only on the detail pages).
	const kind = unitKindOfRoute(route.id);
	if (kind && params.id) {
		const id = params.id;
		import('$lib/detail/early-unit.ts').then((m) => m.startEarlyUnit(kind, id, url.searchParams.get('kommune'))).catch(() => undefined);
	}
	await earlyStyles();
};
