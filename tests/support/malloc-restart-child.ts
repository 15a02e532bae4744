/**
 * For tests/unit/malloc-restart.test.ts: a command that restarts itself as the ingest's CLI does
 * (pipelines/ingest-cli.ts), then, in the restarted process, reports what it got and ends as its
 * first argument says: an exit code, or `signal` to be ended by SIGTERM.
 */
import { restartWithMallocSettings, wantsMallocRestart } from '../../pipelines/malloc-restart.ts';

if (wantsMallocRestart()) {
	process.exitCode = await restartWithMallocSettings();
} else {
	const [how = '0', ...rest] = process.argv.slice(2);
	process.stdout.write(`${JSON.stringify({ threshold: process.env.MALLOC_MMAP_THRESHOLD_ ?? null, args: rest, pid: process.pid })}\n`);
	if (how === 'signal') process.kill(process.pid, 'SIGTERM');
	else process.exitCode = Number(how);
}
