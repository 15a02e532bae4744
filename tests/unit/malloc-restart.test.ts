/**
 * The ingest's restart with glibc's malloc settings (pipelines/malloc-restart.ts): the restarted
 * process gets the setting, the same arguments (names with quotes and æøå unharmed) and the
 * terminal, and the command ends as the restarted process ended. What the setting does to memory
 * is measured in bench/HISTORY.md, not here.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MALLOC_SETTINGS, wantsMallocRestart } from '../../pipelines/malloc-restart.ts';

const REPO = join(import.meta.dirname, '..', '..');
const CHILD = join(REPO, 'tests', 'support', 'malloc-restart-child.ts');

function run(env: NodeJS.ProcessEnv, ...args: string[]) {
	const clean = { ...env };
	delete clean.MALLOC_MMAP_THRESHOLD_;
	return spawnSync(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: REPO, encoding: 'utf8', env: { ...clean, ...env } });
}

describe('the restart with malloc settings', () => {
	it('is wanted on Linux only, and only when the setting is not there yet', () => {
		expect(wantsMallocRestart({}, 'linux')).toBe(true);
		expect(wantsMallocRestart({ MALLOC_MMAP_THRESHOLD_: '131072' }, 'linux')).toBe(false);
		expect(wantsMallocRestart({ MALLOC_MMAP_THRESHOLD_: '65536' }, 'linux')).toBe(false); // the user's own choice stays
		expect(wantsMallocRestart({}, 'darwin')).toBe(false);
		expect(wantsMallocRestart({}, 'win32')).toBe(false);
	});

	it.runIf(process.platform === 'linux')('hands the setting, the arguments and the exit code through', () => {
		const name = `Afd. "Søndergård" <script>alert(1)</script> 🏠`;
		const result = run({}, '3', name, '--out', 'x y');
		expect(result.status).toBe(3);
		const seen = JSON.parse(result.stdout) as { threshold: string; args: string[]; pid: number };
		expect(seen.threshold).toBe('131072');
		expect(MALLOC_SETTINGS.MALLOC_MMAP_THRESHOLD_).toBe('131072');
		expect(seen.args).toEqual([name, '--out', 'x y']);
		expect(seen.pid).not.toBe(result.pid); // it ran in a new process
	});

	it.runIf(process.platform === 'linux')('ends by the same signal as the restarted process', () => {
		const result = run({}, 'signal');
		expect(result.signal).toBe('SIGTERM');
		expect(result.status).toBeNull();
	});

	it.runIf(process.platform === 'linux')('runs in place when the setting is already given', () => {
		const result = run({ MALLOC_MMAP_THRESHOLD_: '65536' }, '0');
		expect(result.status).toBe(0);
		const seen = JSON.parse(result.stdout) as { threshold: string; pid: number };
		expect(seen.threshold).toBe('65536');
		expect(seen.pid).toBe(result.pid);
	});
});
