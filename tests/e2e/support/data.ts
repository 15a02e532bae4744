/** Reading an output folder's index and overviews, so tests pick real ids rather than hard-coded ones. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { WebIndex, WebOverview } from '../../../src/lib/core/output-contract.ts';

export function readIndex(dataDir: string): WebIndex {
	return JSON.parse(readFileSync(join(dataDir, 'web/index.json'), 'utf8')) as WebIndex;
}

export function readOverview(dataDir: string, kode: string): WebOverview {
	return JSON.parse(readFileSync(join(dataDir, `web/${kode}/overblik.json`), 'utf8')) as WebOverview;
}
