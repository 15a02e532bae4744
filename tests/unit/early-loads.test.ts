/**
 * The root layout's early loads (src/lib/db/early-loads.ts): which files a page asks for before its
 * own code has arrived. Only what the page will read anyway, and nothing named by a ?kommune= or a
 * route parameter the index does not know (a hostile link must not make the page fetch paths of
 * its choosing). fetch is replaced by a recorder; no network.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const INDEX = {
	schema_version: 7,
	demo: true,
	years: [2023, 2024],
	indicators: [],
	default_kommune: '0101',
	kommuner: [
		{ kode: '0101', navn: 'København' },
		{ kode: '0147', navn: 'Frederiksberg' }
	],
	geo: {},
	parquet_bytes: { afdelinger: 10, noegletal: 10, aggregater: 10 },
	raekker: {},
	organisationer: {}
};

let requested: string[] = [];

beforeEach(async () => {
	requested = [];
	vi.resetModules();
	vi.stubGlobal('fetch', async (input: string) => {
		requested.push(String(input));
		if (String(input).endsWith('web/index.json')) return new Response(JSON.stringify(INDEX), { status: 200 });
		return new Response('not found', { status: 404 });
	});
});
afterEach(() => {
	vi.unstubAllGlobals();
});

/** Lets the started promises run (the index, then what depends on it). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('startEarlyLoads', () => {
	it("starts a known municipality's overview beside the index", async () => {
		const { startEarlyLoads } = await import('../../src/lib/db/early-loads.ts');
		startEarlyLoads('/kommune/[kode]', { kode: '0147' }, null);
		await settle();
		expect(requested).toEqual(['/data/web/index.json', '/data/web/0147/overblik.json']);
	});

	it('fetches nothing a route parameter names when the index does not know it', async () => {
		const { startEarlyLoads } = await import('../../src/lib/db/early-loads.ts');
		startEarlyLoads('/kommune/[kode]', { kode: '../../etc' }, null);
		await settle();
		expect(requested).toEqual(['/data/web/index.json']);
	});

	it('on other pages asks only for the index', async () => {
		const { startEarlyLoads } = await import('../../src/lib/db/early-loads.ts');
		startEarlyLoads('/fokus', {}, '0147');
		await settle();
		expect(requested).toEqual(['/data/web/index.json']);
	});

	it("settles once a known municipality's overview is in, and never rejects", async () => {
		const { startEarlyLoads } = await import('../../src/lib/db/early-loads.ts');
		let done = false;
		const firstView = startEarlyLoads('/kommune/[kode]', { kode: '0147' }, null).then(() => (done = true));
		await settle();
		// The overview was a 404 here: the promise settles all the same (the page shows the error).
		expect(done).toBe(true);
		await expect(firstView).resolves.toBe(true);
	});

	it('on the front page settles after the default municipality’s overview was asked for', async () => {
		const { startEarlyLoads } = await import('../../src/lib/db/early-loads.ts');
		await startEarlyLoads('/', {}, null);
		expect(requested).toEqual(['/data/web/index.json', '/data/web/0101/overblik.json']);
	});
});

describe('firstViewWait', () => {
	afterEach(() => {
		vi.useRealTimers();
	});

	it('waits for the first view’s data on the first load only', async () => {
		const { firstViewWait } = await import('../../src/lib/ui/first-view-wait.ts');
		let release!: () => void;
		const data = new Promise<void>((resolve) => (release = resolve));
		let first = false;
		void firstViewWait(data).then(() => (first = true));
		await Promise.resolve();
		expect(first).toBe(false);
		release();
		await settle();
		expect(first).toBe(true);
		// A later navigation does not wait, even for data that never comes.
		let second = false;
		void firstViewWait(new Promise<void>(() => undefined)).then(() => (second = true));
		await Promise.resolve();
		await Promise.resolve();
		expect(second).toBe(true);
	});

	it('waits at most FIRST_VIEW_WAIT_MS for data that does not come', async () => {
		vi.useFakeTimers();
		const { firstViewWait, FIRST_VIEW_WAIT_MS } = await import('../../src/lib/ui/first-view-wait.ts');
		let done = false;
		void firstViewWait(new Promise<void>(() => undefined)).then(() => (done = true));
		await vi.advanceTimersByTimeAsync(FIRST_VIEW_WAIT_MS - 1);
		expect(done).toBe(false);
		await vi.advanceTimersByTimeAsync(1);
		expect(done).toBe(true);
	});
});
