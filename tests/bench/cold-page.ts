/**
 * The benchmarks' cold page: `body` runs on a page of a fresh browser profile with the cache
 * disabled (so every load is a first visit's), and the profile is removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium.ts';

export async function coldPage<T>(body: (page: Page) => Promise<T>): Promise<T> {
	const profile = mkdtempSync(join(tmpdir(), 'bb-bench-'));
	let context: BrowserContext | null = null;
	try {
		context = await chromium.launchPersistentContext(profile, {
			executablePath: CHROMIUM_PATH,
			args: ['--headless', ...CHROMIUM_ARGS],
			viewport: { width: 1280, height: 900 },
			acceptDownloads: true
		});
		const page = context.pages()[0] ?? (await context.newPage());
		const cdp = await context.newCDPSession(page);
		await cdp.send('Network.enable');
		await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
		return await body(page);
	} finally {
		await context?.close();
		rmSync(profile, { recursive: true, force: true });
	}
}
