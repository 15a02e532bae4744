/**
 * The route's stylesheets that app.html's inline script puts in the head on 200.html (the build
 * names them): Vite's loader finds them there and does not ask for them again, but neither does it
 * wait for them as it waits for the stylesheets it adds itself. The root layout's load waits here,
 * so a page is drawn with its styles applied (a chart measures its width as it draws).
 */

declare global {
	interface Window {
		/** Set by app.html's inline script: settles once each of the route's stylesheets has loaded or failed. */
		__boligbarometerStyles?: Promise<unknown>;
	}
}

/** Settles once app.html's stylesheets are in (at once where it put none, as on a prerendered page). */
export async function earlyStyles(): Promise<void> {
	await (typeof window === 'undefined' ? undefined : window.__boligbarometerStyles);
}
