/**
 * glibc's malloc settings reach the ingest's node (pipelines/malloc-settings.ts): `npm run
 * ingest`'s script sets them with cross-env (which works under Windows' cmd.exe too) for the
 * node that runs the TypeScript (bundled by pipelines/run-bundled.mjs), with the same values the
 * benchmark gives its children.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MALLOC_SETTINGS } from '../../pipelines/malloc-settings.ts';

const scripts = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: Record<string, string> })
	.scripts;

describe('malloc settings', () => {
	it('npm run ingest sets them, with the values the benchmark uses, for the node that runs the ingest', () => {
		expect(MALLOC_SETTINGS).toEqual({ MALLOC_MMAP_THRESHOLD_: '131072' });
		expect(scripts.ingest).toBe('cross-env MALLOC_MMAP_THRESHOLD_=131072 node pipelines/run-bundled.mjs pipelines/ingest-cli.ts');
	});

	it('the script as sh runs it gives the node that runs the TypeScript the setting', () => {
		// npm runs scripts with sh on Linux and macOS. The script is run as written, with a file that
		// prints its environment's setting in place of ingest-cli.ts: the node that runs that file is
		// the process glibc's setting must reach.
		const dir = mkdtempSync(join(tmpdir(), 'malloc-settings-'));
		try {
			const file = join(dir, 'print.ts');
			writeFileSync(file, 'const setting: string | undefined = process.env.MALLOC_MMAP_THRESHOLD_;\nconsole.log(setting);\n');
			const script = scripts.ingest!.replace('pipelines/ingest-cli.ts', JSON.stringify(file));
			const root = fileURLToPath(new URL('../..', import.meta.url));
			const out = execFileSync('sh', ['-c', script], {
				cwd: root,
				encoding: 'utf8',
				env: { PATH: `${join(root, 'node_modules', '.bin')}:${process.env.PATH ?? ''}` }
			});
			expect(out.trim()).toBe('131072');
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
