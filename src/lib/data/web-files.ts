/**
 * Fetching the pipeline's web files from the site's own /data folder: the index, a municipality's
 * first-view figures, the boundaries and the Arrow tables. Each is fetched once per page load;
 * a missing or unreadable file becomes a DataFileError that names it.
 */
import type { FeatureCollection } from 'geojson';
import { OUTPUT_FILES, WEB_FILES, type WebIndex, type WebOverview } from '../core/output-contract.ts';
import { DataFileError } from './data-error.ts';

/** Where the pipeline's output folder is served (see pipelines/serve.ts). */
export const DATA_ROOT = '/data/';

async function fetchFile(file: string): Promise<Response> {
	let response: Response;
	try {
		response = await fetch(DATA_ROOT + file);
	} catch (cause) {
		throw new DataFileError(file, 'network', { cause });
	}
	if (response.status === 404) throw new DataFileError(file, 'missing');
	if (!response.ok) throw new DataFileError(file, 'network');
	return response;
}

async function fetchJson<T>(file: string, valid: (value: unknown) => value is T): Promise<T> {
	const response = await fetchFile(file);
	let value: unknown;
	try {
		value = await response.json();
	} catch (cause) {
		throw new DataFileError(file, 'corrupt', { cause });
	}
	if (!valid(value)) throw new DataFileError(file, 'corrupt');
	return value;
}

/** An Arrow IPC stream as bytes; an empty file is corrupt (a stream has at least a schema). */
export async function fetchBytes(file: string): Promise<Uint8Array> {
	const response = await fetchFile(file);
	const bytes = new Uint8Array(await response.arrayBuffer());
	if (bytes.byteLength === 0) throw new DataFileError(file, 'corrupt');
	return bytes;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

// Shape checks catch a truncated or foreign file; the pipeline is trusted for the details.
const isIndex = (v: unknown): v is WebIndex =>
	isObject(v) && Array.isArray(v.kommuner) && Array.isArray(v.years) && typeof v.default_kommune === 'string';
const isOverview = (v: unknown): v is WebOverview =>
	isObject(v) && isObject(v.series) && Array.isArray(v.omraader) && Array.isArray(v.afdelinger);
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

export function loadIndex(): Promise<WebIndex> {
	return once(WEB_FILES.index, () => fetchJson(WEB_FILES.index, isIndex));
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
