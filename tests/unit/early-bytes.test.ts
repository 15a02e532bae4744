/**
 * app.html's inline script asks a detail page's Parquet footers and its municipality's row groups
 * for before the app's JavaScript is in (window.__boligbarometerEarly); data/early-fetch.ts hands
 * the bytes to every read inside one of those ranges, and nothing for a read outside them or a
 * response that is not the range asked for.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rangeFile } from '../../src/lib/data/web-files.ts';

/** A file of 100 bytes, byte i = i. */
const FILE = Uint8Array.from({ length: 100 }, (_, i) => i);
const bytes = (start: number, end: number) => [...FILE.slice(start, end)];
/** The responses a server gives to range requests of FILE: 206 with the bytes. */
const partial = (first: number, last: number) => new Response(FILE.slice(first, last + 1), { status: 206 });

let fetched: string[];
const realFetch = globalThis.fetch;

beforeEach(() => {
	fetched = [];
	// The app's own requests: noted, and answered as the server would.
	globalThis.fetch = (async (url: string, init?: RequestInit) => {
		const range = new Headers(init?.headers).get('Range')!;
		fetched.push(`${url} ${range}`);
		const [, a, b] = /bytes=(\d+)-(\d+)/.exec(range)!;
		return partial(Number(a), Number(b));
	}) as typeof fetch;
});

afterEach(() => {
	globalThis.fetch = realFetch;
	delete (globalThis as { window?: unknown }).window;
});

/** The inline script's map, with these ranges asked for (each `[first, last]`, inclusive as in HTTP). */
function early(file: string, ranges: [number, number][], respond = partial): void {
	(globalThis as { window?: unknown }).window = {
		__boligbarometerEarly: Object.fromEntries(ranges.map(([a, b]) => [`${file}#bytes=${a}-${b}`, Promise.resolve(respond(a, b))]))
	};
}

const read = async (file: ReturnType<typeof rangeFile>, start: number, end: number) => [...new Uint8Array(await file.slice(start, end))];

describe('the early byte ranges', () => {
	it('serve every read inside them, the footer and the row groups alike, without asking again', async () => {
		// The footer (the last 36 bytes) and a municipality's row groups, bytes 10-49.
		early('noegletal.parquet', [
			[64, 99],
			[10, 49]
		]);
		const file = rangeFile('noegletal.parquet', 100);
		expect(await read(file, 64, 100)).toEqual(bytes(64, 100));
		// The early trend's few columns, then the database's whole row groups: the same response.
		expect(await read(file, 12, 30)).toEqual(bytes(12, 30));
		expect(await read(file, 10, 50)).toEqual(bytes(10, 50));
		expect(await read(file, 70, 72)).toEqual(bytes(70, 72));
		expect(fetched).toEqual([]);
	});

	it('leave a read outside them, or reaching past one, to a request of its own', async () => {
		early('noegletal.parquet', [[10, 49]]);
		const file = rangeFile('noegletal.parquet', 100);
		expect(await read(file, 40, 60)).toEqual(bytes(40, 60));
		expect(await read(file, 0, 5)).toEqual(bytes(0, 5));
		// Another file's range is not this file's.
		expect(await read(rangeFile('aggregater.parquet', 100), 12, 20)).toEqual(bytes(12, 20));
		expect(fetched).toEqual([
			'/data/noegletal.parquet bytes=40-59',
			'/data/noegletal.parquet bytes=0-4',
			'/data/aggregater.parquet bytes=12-19'
		]);
	});

	it('are not taken when the server did not answer with the range asked for', async () => {
		// A server that ignores Range: 200 with the whole file, which the read then asks for itself.
		early('noegletal.parquet', [[10, 49]], () => new Response(FILE, { status: 200 }));
		expect(await read(rangeFile('noegletal.parquet', 100), 12, 30)).toEqual(bytes(12, 30));
		// A short answer: not the bytes asked for.
		early('afdelinger.parquet', [[10, 49]], (a) => new Response(FILE.slice(a, a + 5), { status: 206 }));
		expect(await read(rangeFile('afdelinger.parquet', 100), 12, 14)).toEqual(bytes(12, 14));
		expect(fetched).toEqual(['/data/noegletal.parquet bytes=12-29', '/data/afdelinger.parquet bytes=12-13']);
	});
});
