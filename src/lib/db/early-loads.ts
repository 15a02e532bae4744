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
 * - a detail page: nothing here. Its first chart is read from the Parquet without the database
 *   (detail/early-unit.ts, started by the layout's load); DuckDB-WASM, the municipality's rows for
 *   it and its overblik.json start once that chart is painted (detail/unit-data.svelte.ts), so the
 *   engine's 34 MB wasm (fetched, then compiled on a second thread of a 2-core machine) does not
 *   share the CPU with the first chart. A package pressed sooner starts the engine itself.
 *
 * A hint the index does not know loads nothing: it only costs the index, which every page reads.
 */
import { loadIndex, loadOverview } from '../data/web-files.ts';

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
	}
}
