/**
 * On the page's first load, the root layout's load waits for the first view's data (the index and,
 * on an overview, its overblik.json, which app.html's inline script asked for before the app's
 * JavaScript came and reads as JSON as soon as it is in), so SvelteKit mounts the frame, the page
 * and its first chart in one task: no loading frame is rendered, laid out, painted and taken down
 * again before the chart (issue 12, branch `ovmain`; measured with the early JSON read, not alone).
 *
 * At most FIRST_VIEW_WAIT_MS: on a slow network the frame and its loading message show then, as
 * before. Later navigations do not wait (the page they leave stays meanwhile, and their own loading
 * messages say what is coming).
 */

/** How long the first load waits for its data before it shows the frame without it. */
export const FIRST_VIEW_WAIT_MS = 1500;

let first = true;

export function firstViewWait(data: Promise<void>): Promise<void> {
	if (!first) return Promise.resolve();
	first = false;
	let timer: ReturnType<typeof setTimeout> | undefined;
	const limit = new Promise<void>((resolve) => (timer = setTimeout(resolve, FIRST_VIEW_WAIT_MS)));
	return Promise.race([data, limit]).finally(() => clearTimeout(timer));
}
