/**
 * The machine's Chromium and the flags every test and benchmark starts it with: no sandbox (it runs
 * in a container), no GPU, and nothing that reaches the network by itself (first-run pages,
 * component updates, sync, background requests). Headless mode is each launcher's option.
 */
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS: readonly string[] = [
	'--no-sandbox',
	'--disable-gpu',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync'
];
