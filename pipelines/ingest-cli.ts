/**
 * `npm run ingest -- --input DIR --out DIR [--json]` (what it does, its options and exit codes:
 * ingest-command.ts). On Linux it first starts itself again with glibc's malloc settings
 * (malloc-restart.ts), which only a new process takes; this process then only waits, so it
 * imports nothing else (the ingest's modules are loaded in the process that runs it).
 */
import { restartWithMallocSettings, wantsMallocRestart } from './malloc-restart.ts';

if (wantsMallocRestart()) {
	process.exitCode = await restartWithMallocSettings();
} else {
	const { main } = await import('./ingest-command.ts');
	process.exitCode = await main(process.argv.slice(2));
}
