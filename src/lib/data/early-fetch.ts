/**
 * The responses app.html's inline script asked for before the app's JavaScript arrived (the index,
 * an overview's overblik.json, a detail page's Parquet footers): each is handed, once, to the app's
 * first fetch of that file or byte range, so it is fetched once and the first view does not wait
 * for the JavaScript to ask for it.
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
