/** pipelines/serve.ts answers HTTP Range requests for the data folder: the dashboard reads Parquet in ranges. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { serve, type Served } from '../../pipelines/serve.ts';

let dir: string;
let served: Served;
const bytes = Uint8Array.from({ length: 1000 }, (_, i) => (i * 7) % 256);

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-serve-'));
	writeFileSync(join(dir, 'noegletal.parquet'), bytes);
	served = await serve({ root: dir, dataDir: dir });
});

afterAll(async () => {
	await served?.close();
	rmSync(dir, { recursive: true, force: true });
});

it('sends the bytes asked for with 206, and 416 past the end', async () => {
	const part = await fetch(`${served.url}/data/noegletal.parquet`, { headers: { Range: 'bytes=100-149' } });
	expect(part.status).toBe(206);
	expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(100, 150));
	const tail = await fetch(`${served.url}/data/noegletal.parquet`, { headers: { Range: 'bytes=990-999' } });
	expect(new Uint8Array(await tail.arrayBuffer())).toEqual(bytes.slice(990));
	const beyond = await fetch(`${served.url}/data/noegletal.parquet`, { headers: { Range: 'bytes=2000-2009' } });
	expect(beyond.status).toBe(416);
});
