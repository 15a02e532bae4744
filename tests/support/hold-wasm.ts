/** Holds DuckDB-WASM's wasm back on a page until release() is called; asked counts the requests held. */
import type { Page } from 'playwright-core';

export async function holdWasm(page: Page): Promise<{ release: () => void; asked: () => number }> {
	let release: () => void = () => undefined;
	const held = new Promise<void>((resolve) => (release = resolve));
	let asked = 0;
	await page.route(
		(url) => url.pathname.endsWith('.wasm'),
		async (route) => {
			asked++;
			await held;
			await route.continue();
		}
	);
	return { release, asked: () => asked };
}
