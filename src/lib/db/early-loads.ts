/**
 * What a page will need, asked for as soon as the root layout's code runs: before the page's own
 * chunks (Plot, the page's components) have arrived and been run, and before the index is in.
 * Each call only starts a fetch that the page later awaits through the same once-per-page cache
 * (data/web-files.ts, municipality.ts), so nothing is fetched twice and nothing waits for it here.
 *
 * - every page: the index (app.html's inline script asks for it first, and on a first load also
 *   for the overview's overblik.json; data/early-fetch.ts hands those responses over here);
 * - a municipality's overview (/kommune/[kode]; `/`: ?kommune= if the index knows it, else the
 *   index's default): its overblik.json, beside the index;
 * - a detail page: DuckDB-WASM (its module, worker and wasm, compiled off the main thread). Its
 *   first chart is read from the Parquet without the database (detail/early-unit.ts, started by
 *   the layout too); the municipality's rows for the database and its overblik.json are read once
 *   those first rows are in (detail/unit-data.svelte.ts), so their decoding does not hold them up.
 *
 * A hint the index does not know loads nothing: it only costs the index, which every page reads.
 */
import { loadIndex, loadOverview } from '../data/web-files.ts';

/** The routes of the detail pages (src/routes), whose first chart needs the database. */
const DETAIL_ROUTES = new Set(['/afdeling/[id]', '/omraade/[id]', '/organisation/[id]']);
const MUNICIPALITY_ROUTE = '/kommune/[kode]';
const FRONT_ROUTE = '/';

const ignore = () => undefined;

export function startEarlyLoads(routeId: string | null, params: Record<string, string | undefined>, hint: string | null): void {
	const index = loadIndex();
	index.catch(ignore);
	const known = (kode: string | null | undefined) =>
		kode ? index.then((i) => i.kommuner.some((k) => k.kode === kode)).catch(() => false) : Promise.resolve(false);
	if (routeId === FRONT_ROUTE) {
		// The front page shows ?kommune= when the index knows it, else the index's default (ViewState.kommune).
		void index
			.then(async (i) => {
				const kode = (await known(hint)) ? hint! : i.default_kommune;
				if (kode) loadOverview(kode).catch(ignore);
			})
			.catch(ignore);
	} else if (routeId === MUNICIPALITY_ROUTE) {
		const kode = params['kode'];
		void known(kode).then((yes) => {
			if (yes) loadOverview(kode!).catch(ignore);
		});
	} else if (routeId && DETAIL_ROUTES.has(routeId)) {
		// A dynamic import: the first page's JavaScript stays without the database and its readers.
		void import('./municipality.ts').then((db) => db.startDatabase()).catch(ignore);
	}
}
