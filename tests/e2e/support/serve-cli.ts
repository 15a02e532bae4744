/**
 * Serves the built site with a chosen data folder, for looking at the dashboard by hand:
 *
 *   npx vite build && npx tsx tests/e2e/support/serve-cli.ts [data-dir] [port]
 *
 * data-dir defaults to static/data when the pipeline has written it, else the hand-made fixture.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '../../../pipelines/serve.ts';
import { ROOT } from './site.ts';

const fallback = existsSync(join(ROOT, 'static/data/web/index.json'))
	? join(ROOT, 'static/data')
	: join(ROOT, 'tests/fixtures/output-mini');
const dataDir = process.argv[2] ?? fallback;
const port = Number(process.argv[3] ?? 4173);
const served = await serve({ root: join(ROOT, 'build'), dataDir, port });
console.log(`${served.url} (data: ${dataDir})`);
