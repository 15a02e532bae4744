/**
 * V8's heap growing factor held at 20 % while an ingest runs (issue 8: national10's peak memory
 * with the audit). V8 lets a heap grow to a factor of what its last full collection left alive
 * before it collects again, a factor it picks from the collector's speed (up to 4x on a machine
 * with this much memory); `--heap-growing-percent` fixes it. The ingest allocates briskly and
 * keeps little: the read step's garbage, then each audit worker's, 1.4-1.6 times a year job's live
 * set at national10. Worse, the main thread is idle while the audit's workers run, so whatever
 * garbage it held when they started stayed resident until V8's memory reducer came round, into
 * the audit's first minutes, where the peak comes. At 20 % the main thread's heap is collected
 * as the audit starts and each worker stays near its live set: national10's process peak 634 MB
 * against 829 MB with the flag set only while the workers ran and 950 MB for main beside them, for
 * no more CPU at national (bench/HISTORY.md, `n10mem`).
 *
 * V8 reads the flag each time it sets a heap's next limit (heap-controller.cc), in every isolate
 * of the process, the audit's worker threads too; `v8.setFlagsFromString` sets it at run time
 * (a V8 without the flag would ignore it, not fail). It is the process's flag, so it is set back
 * to 0, V8's own choice, when the ingest ends: `npm start` goes on to serve in the same process.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 20;

export async function withHeapGrowing<T>(run: () => Promise<T>): Promise<T> {
	setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
	try {
		return await run();
	} finally {
		setFlagsFromString('--heap-growing-percent=0');
	}
}
