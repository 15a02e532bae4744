/**
 * The responses app.html's inline script asked for before the app's JavaScript arrived (the index,
 * an overview's overblik.json, a detail page's Parquet footers): each is handed, once, to the app's
 * first fetch of that file or byte range, so it is fetched once and the first view does not wait
 * for the JavaScript to ask for it. An overview's overblik.json is also read as JSON as soon as it
 * is in (`<file>#json`), often while the app's JavaScript is still loading or being run, so the
 * first view does not wait for that parse (issue 12, branch `ovmain`).
 */

declare global {
	interface Window {
		/**
		 * Set by app.html's inline script: file (relative to /data/) → its fetch; a byte range of a
		 * file as `<file>#bytes=<first>-<last>` (web-files.ts's rangeFile asks for the same key);
		 * `<file>#json` → that fetch's body read as JSON (undefined when the answer was not ok).
		 */
		__boligbarometerEarly?: Record<string, Promise<unknown> | undefined>;
	}
}

/** The early fetch of `file` (as named under /data/), if there is one not yet taken. */
export function takeEarlyFetch(file: string): Promise<Response> | null {
	return take(file) as Promise<Response> | null;
}

/**
 * The early read of `file`'s body as JSON, if app.html's script started one: taken together with
 * the early fetch of the same file, whose status the caller checks before it uses this.
 */
export function takeEarlyJson(file: string): Promise<unknown> | null {
	return take(`${file}#json`);
}

function take(key: string): Promise<unknown> | null {
	const early = typeof window === 'undefined' ? undefined : window.__boligbarometerEarly;
	const value = early?.[key];
	if (!early || !value) return null;
	delete early[key];
	return value;
}
