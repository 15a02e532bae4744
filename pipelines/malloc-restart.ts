/**
 * glibc's malloc settings for the ingest (issue 8's memory goal): `npm run ingest` starts itself
 * once more with MALLOC_SETTINGS in its environment, since glibc reads them only when a process
 * starts. Why the one setting: the read step frees typed arrays of 128 KB to 32 MB by the
 * hundred; by default glibc takes them from its main arena after the first such free (its
 * mmap threshold rises by itself to the largest block freed) and keeps what is freed there
 * resident, so the read step's garbage, collected or not, stayed in the process's memory for the
 * whole privacy audit (150-300 MB of national10's peak). A fixed threshold of 128 KB makes glibc
 * give every such block its own mapping, returned to the system when V8 frees it. Measured
 * figures: bench/HISTORY.md ("The audit's workers as one bundle ..."). Only on Linux (glibc);
 * elsewhere, or with the variable already set (by the user or by this restart), nothing happens.
 */
import { spawn } from 'node:child_process';

export const MALLOC_SETTINGS: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };

/** Whether this process should start itself again with MALLOC_SETTINGS. */
export function wantsMallocRestart(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): boolean {
	return platform === 'linux' && Object.keys(MALLOC_SETTINGS).every((name) => env[name] === undefined);
}

/**
 * Runs this same command again (the same node, its flags such as tsx's loader, the same
 * arguments and terminal) with MALLOC_SETTINGS added, and resolves with its exit code. A signal
 * this process gets is passed on, so the child ends as it would have alone (it leaves the last
 * good output as it was), and this process then ends the same way.
 */
export function restartWithMallocSettings(): Promise<number> {
	const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
		stdio: 'inherit',
		env: { ...process.env, ...MALLOC_SETTINGS }
	});
	const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
	const pass = (signal: NodeJS.Signals) => child.kill(signal);
	for (const signal of signals) process.on(signal, pass);
	return new Promise((resolve, reject) => {
		child.on('error', reject);
		child.on('exit', (code, signal) => {
			for (const s of signals) process.off(s, pass);
			if (signal) process.kill(process.pid, signal); // end as the child did
			resolve(code ?? 1);
		});
	});
}
