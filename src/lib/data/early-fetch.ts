/**
 * The responses app.html's inline script asked for before the app's JavaScript arrived (the index,
 * an overview's overblik.json, a detail page's Parquet footers and its municipality's row groups):
 * a file's is handed, once, to the app's first fetch of that file; a byte range's bytes to every
 * read of bytes inside it (a footer's to the footer's read, a municipality's row groups to the
 * early trend's few columns and then to the database's whole rows), so nothing is fetched twice
 * and the first view does not wait for the JavaScript to ask for it.
 */

declare global {
	interface Window {
		/**
		 * Set by app.html's inline script: file (relative to /data/) → its fetch; a byte range of a
		 * file as `<file>#bytes=<first>-<last>` (web-files.ts's rangeFile asks for the same key).
		 */
		__boligbarometerEarly?: Record<string, Promise<Response> | undefined>;
	}
}

/** The early fetch of `file` (as named under /data/), if there is one not yet taken. */
export function takeEarlyFetch(file: string): Promise<Response> | null {
	const early = typeof window === 'undefined' ? undefined : window.__boligbarometerEarly;
	const response = early?.[file];
	if (!early || !response) return null;
	delete early[file];
	return response;
}

interface HeldRange {
	file: string;
	first: number;
	last: number;
	bytes: Promise<ArrayBuffer | null>;
}

/** Early byte ranges once taken from the inline script's map: kept with it for the page's life, as several reads take parts of one. */
const held = new WeakMap<object, HeldRange[]>();

/**
 * Bytes `start` to `end` (exclusive) of `file` from a range the inline script asked for that holds
 * them; null when none does. Resolves to null when that response is not those bytes (a server that
 * ignored the range, say): the caller then asks for them itself.
 */
export function takeEarlyBytes(file: string, start: number, end: number): Promise<ArrayBuffer | null> | null {
	const early = typeof window === 'undefined' ? undefined : window.__boligbarometerEarly;
	if (!early) return null;
	let ranges = held.get(early);
	if (!ranges) held.set(early, (ranges = []));
	for (const key of Object.keys(early)) {
		const match = /^(.*)#bytes=(\d+)-(\d+)$/.exec(key);
		if (!match || match[1] !== file) continue;
		const first = Number(match[2]);
		const last = Number(match[3]);
		const response = early[key]!;
		delete early[key];
		const bytes = response
			.then((r) => (r.status === 206 ? r.arrayBuffer() : null))
			.then((b) => (b && b.byteLength === last - first + 1 ? b : null))
			.catch(() => null);
		ranges.push({ file, first, last, bytes });
	}
	const range = ranges.find((r) => r.file === file && r.first <= start && end - 1 <= r.last);
	return range ? range.bytes.then((b) => b && b.slice(start - range.first, end - range.first)) : null;
}
