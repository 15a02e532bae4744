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
});
