/**
 * Fetching the pipeline's files from the site's own /data folder: the index, a municipality's
 * first-view figures, the boundaries, and byte ranges of the Parquet files. Each JSON file is
 * fetched once per page load; a missing or unreadable file becomes a DataFileError that names it.
 */
import type { FeatureCollection } from 'geojson';
import { OUTPUT_FILES, WEB_FILES, type WebIndex, type WebNational, type WebOverview } from '../core/output-contract.ts';
import { DataFileError } from './data-error.ts';
import { takeEarlyFetch } from './early-fetch.ts';
import { declareIndicator, INDICATOR_COLUMNS, type IndicatorDeclaration, type NationalQuantiles } from '../core/indicator-declaration.ts';
import { isIndicatorId, useDeclaredIndicators, type Indicator } from '../core/indicators.ts';

/** Where the pipeline's output folder is served (see pipelines/serve.ts). */
export const DATA_ROOT = '/data/';

/**
 * The national page's base layer: all 98 municipalities' boundaries, shipped with the site (made by
 * pipelines/denmark-map.ts), so municipalities outside the data still show, as "ingen data".
 */
export const DENMARK_MAP = '/geo/danmark-kommuner.geojson';

/**
 * `early` names the request as app.html's inline script names it (early-fetch.ts): a plain fetch
 * by the file's name, a range by `<file>#bytes=<first>-<last>`; a fetch the script already made
 * is taken instead of asking again.
 */
async function fetchFile(file: string, init?: RequestInit, root = DATA_ROOT, early: string | null = init ? null : file): Promise<Response> {
	let response: Response;
	try {
		const name = file.replace(/^\//, '');
		response = await ((early && root === DATA_ROOT && takeEarlyFetch(early.replace(/^\//, ''))) || fetch(root + name, init));
	} catch (cause) {
		throw new DataFileError(file, 'network', { cause });
	}
	if (response.status === 404) throw new DataFileError(file, 'missing');
	// Range Not Satisfiable: the file is shorter than the index says, so not the file it indexed.
	if (response.status === 416) throw new DataFileError(file, 'corrupt');
	if (!response.ok) throw new DataFileError(file, 'network');
	return response;
}

async function fetchJson<T>(file: string, valid: (value: unknown) => value is T, root = DATA_ROOT): Promise<T> {
	const response = await fetchFile(file, undefined, root);
	let value: unknown;
	try {
		value = await response.json();
	} catch (cause) {
		throw new DataFileError(file, 'corrupt', { cause });
	}
	if (!valid(value)) throw new DataFileError(file, 'corrupt');
	return value;
}

/**
 * A file read in byte ranges (hyparquet's AsyncBuffer): `slice(start, end)` fetches those bytes
 * with an HTTP range request. `byteLength` comes from the index, so no request asks for the size.
 * A server that ignores Range and sends the whole file (200) still gives the right bytes.
 */
export interface RangeFile {
	byteLength: number;
	slice(start: number, end?: number): Promise<ArrayBuffer>;
}

export function rangeFile(file: string, byteLength: number): RangeFile {
	return {
		byteLength,
		async slice(start, end = byteLength) {
			if (start < 0 || end > byteLength || start > end) throw new DataFileError(file, 'corrupt');
			if (start === end) return new ArrayBuffer(0);
			// no-store: a revalidated range request can come back 304 for the whole file (sirv, and
			// so vite dev and preview, answer If-None-Match before looking at Range).
			const range = `bytes=${start}-${end - 1}`;
			// The footer's range may have been asked for by app.html's inline script (a detail page).
			const response = await fetchFile(file, { headers: { Range: range }, cache: 'no-store' }, DATA_ROOT, `${file}#${range}`);
			const bytes = await response.arrayBuffer();
			if (response.status === 206 && bytes.byteLength === end - start) return bytes;
			// The whole file: the size the index gave must match, or the file is not the one indexed.
			if (response.status === 200 && bytes.byteLength === byteLength) return bytes.slice(start, end);
			throw new DataFileError(file, 'corrupt');
		}
	};
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Shape checks catch a truncated or foreign file; the pipeline is trusted for the details.
const isIndex = (v: unknown): v is WebIndex =>
	isObject(v) &&
	Array.isArray(v.kommuner) &&
	Array.isArray(v.years) &&
	typeof v.default_kommune === 'string' &&
	isObject(v.parquet_bytes) &&
	isObject(v.raekker) &&
	isObject(v.organisationer) &&

	(v.indikatorer === undefined || (Array.isArray(v.indikatorer) && v.indikatorer.every(isDeclaration)));
/** Columns added to indikatorer.csv after index.json's rows were first published: an earlier ingest's rows lack them. */
const LATER_COLUMNS: ReadonlySet<string> = new Set(['kilde_en']);
const isDeclaration = (v: unknown): v is IndicatorDeclaration =>
	isObject(v) && INDICATOR_COLUMNS.every((c) => typeof v[c] === 'string' || (LATER_COLUMNS.has(c) && v[c] === undefined));
const isQuantiles = (v: unknown): v is NationalQuantiles =>
	isObject(v) &&
	Array.isArray(v.graenser) &&
	v.graenser.every((b, i, all) => Number.isFinite(b) && (i === 0 || b > all[i - 1])) &&
	typeof v.antal === 'number' &&
	Array.isArray(v.aar) &&
	v.aar.length === 2;
const isOverview = (v: unknown): v is WebOverview =>
	isObject(v) && isObject(v.series) && Array.isArray(v.omraader) && Array.isArray(v.afdelinger);
const isNational = (v: unknown): v is WebNational => isObject(v) && Array.isArray(v.kommuner) && isObject(v.land);
const isFeatureCollection = (v: unknown): v is FeatureCollection =>
	isObject(v) && v.type === 'FeatureCollection' && Array.isArray(v.features);

const cache = new Map<string, Promise<unknown>>();
function once<T>(key: string, load: () => Promise<T>): Promise<T> {
	let promise = cache.get(key) as Promise<T> | undefined;
	if (!promise) {
		promise = load();
		// A failed fetch is not remembered, so a retry (reload of the view) tries again.
		promise.catch(() => cache.delete(key));
		cache.set(key, promise);
	}
	return promise;
}

/**
 * The index; loading it also makes the data's own indicators (its `indikatorer`, rows of
 * indikatorer.csv) part of the catalogue in effect, read by the same declareIndicator() as the
 * built-in seven, so every chooser, card and chart that lists the catalogue lists them.
 */
export function loadIndex(): Promise<WebIndex> {
	return once(WEB_FILES.index, async () => {
		const index = await fetchJson(WEB_FILES.index, isIndex);
		const declared: Indicator[] = [];
		for (const row of index.indikatorer ?? []) {
			const { indicator } = declareIndicator(row);
			// The pipeline checked the rows; one that does not read is not a file it wrote.
			if (!indicator || isIndicatorId(indicator.id)) throw new DataFileError(WEB_FILES.index, 'corrupt');
			const quantiles = index.kvantiler?.[indicator.id];
			declared.push(quantiles && isQuantiles(quantiles) ? { ...indicator, quantiles } : indicator);
		}
		useDeclaredIndicators(declared);
		return index;
	});
}

export function loadOverview(kode: string): Promise<WebOverview> {
	const file = WEB_FILES.overview(kode);
	return once(file, () => fetchJson(file, isOverview));
}

export function loadAreas(): Promise<FeatureCollection> {
	return once(OUTPUT_FILES.areas, () => fetchJson(OUTPUT_FILES.areas, isFeatureCollection));
}

export function loadMunicipalities(): Promise<FeatureCollection> {
	return once(OUTPUT_FILES.municipalities, () => fetchJson(OUTPUT_FILES.municipalities, isFeatureCollection));
}

export function loadNational(): Promise<WebNational> {
	return once(WEB_FILES.national, () => fetchJson(WEB_FILES.national, isNational));
}

export function loadDenmarkMap(): Promise<FeatureCollection> {
	return once(DENMARK_MAP, () => fetchJson(DENMARK_MAP, isFeatureCollection, '/'));
}
