/**
 * Ingest: read and validate an input folder, then build the output folder, all or nothing.
 *
 * The new output is built in a sibling folder `<out>.tmp-<pid>` and swapped in with renames
 * (the previous output is moved aside to `<out>.old-<pid>`, marked as ours, and deleted only once the new one is
 * in place), so a run that fails for any reason leaves the last good output exactly as it was,
 * and a reader never sees a half-written folder. Input with errors writes nothing at all.
 *
 * Before anything is read, build/output-folder.ts checks that `out` is a folder this program may
 * replace (absent, empty, or an earlier output of ours); otherwise OutputRefused is thrown and
 * nothing is touched. Leftovers of killed runs are removed only when they are provably ours.
 */
import { mkdir, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Manifest } from '../src/lib/core/output-contract.ts';
import { build } from './build/build.ts';
import { checkLimits } from './build/limits.ts';
import type { InputIssue, Reporter } from './read/model.ts';
import { checkOutputTarget, OutputRefused, TEMP_MARKER } from './build/output-folder.ts';
import { nothingToPublish } from './read/nothing-to-publish.ts';
import { readInput } from './read/read-input.ts';
import { withHeapGrowing } from './heap-growing.ts';

export interface IngestOptions {
	input: string;
	out: string;
	reporter: Reporter;
	/** Benchmarks only: see BuildOptions.benchmarkWithoutAudit. */
	benchmarkWithoutAudit?: boolean;
}

export interface IngestResult {
	ok: boolean;
	issues: InputIssue[];
	manifest?: Manifest;
}

/**
 * Throws OutputRefused (see build/output-folder.ts) when `out` may not be replaced. Runs with V8's
 * heap growing factor held low (heap-growing.ts).
 */
export function ingest(options: IngestOptions): Promise<IngestResult> {
	return withHeapGrowing(() => ingestFolder(options));
}

async function ingestFolder({ input, out, reporter, benchmarkWithoutAudit = false }: IngestOptions): Promise<IngestResult> {
	await checkOutputTarget(input, out);
	const parsed = await readInput(input, reporter);
	const hasErrors = () => parsed.issues.some((i) => i.severity === 'error');
	if (!hasErrors()) parsed.issues.push(...checkLimits(parsed));
	if (!hasErrors()) parsed.issues.push(...nothingToPublish(parsed));
	if (hasErrors()) return { ok: false, issues: parsed.issues };

	const target = resolve(out);
	await removeStale(target);
	const temp = `${target}.tmp-${process.pid}`;
	const aside = `${target}.old-${process.pid}`;
	// A folder of this name would be a run of ours with the same pid that died; with no marker,
	// it is someone else's and is left alone.
	if ((await exists(temp)) && !(await isOurs(temp)))
		throw new OutputRefused(`"${temp}" findes og er ikke skrevet af Boligbarometer: forventede ingen mappe med det navn. Intet er rørt.`);
	await rm(temp, { recursive: true, force: true });
	try {
		await mkdir(temp, { recursive: true });
		await writeFile(join(temp, TEMP_MARKER), '');
		const manifest = await build(parsed, temp, reporter, { consumeInput: true, benchmarkWithoutAudit });
		// Complete and listed in its manifest: the marker is no longer needed to know it is ours.
		await rm(join(temp, TEMP_MARKER));
		const hadPrevious = await exists(target);
		if (hadPrevious) {
			await rename(target, aside);
			// Marked as ours at once, so a run killed now leaves it to be put back or removed; a
			// user's copy of an output under such a name (`data.old-2024`) has no marker and stays.
			await writeFile(join(aside, TEMP_MARKER), '');
		}
		try {
			await rename(temp, target);
		} catch (error) {
			// The new output, no longer marked, is this run's own: it goes, the previous comes back.
			await rm(temp, { recursive: true, force: true });
			if (hadPrevious) {
				await rename(aside, target);
				await rm(join(target, TEMP_MARKER));
			}
			throw error;
		}
		if (hadPrevious) await rm(aside, { recursive: true, force: true });
		return { ok: true, issues: parsed.issues, manifest };
	} finally {
		if (await isOurs(temp)) await rm(temp, { recursive: true, force: true });
	}
}

/**
 * A temporary or set-aside folder this program made: it holds our marker. Being a whole output is
 * not enough: a user's backup copy named `data.old-2024` is one too, and the year reads as a pid.
 */
async function isOurs(dir: string): Promise<boolean> {
	return exists(join(dir, TEMP_MARKER));
}

/**
 * Leftovers of runs that were killed mid-way (`<out>.tmp-<pid>`, `<out>.old-<pid>` whose process
 * is gone). An `.old` folder whose run died between the two renames is the last good output:
 * it is put back when nothing took its place.
 */
async function removeStale(target: string): Promise<void> {
	const parent = dirname(target);
	const name = basename(target);
	let entries: string[];
	try {
		entries = await readdir(parent);
	} catch {
		return; // the parent does not exist yet: nothing stale
	}
	for (const entry of entries.sort()) {
		const match = /^(.*)\.(tmp|old)-(\d+)$/.exec(entry);
		if (!match || match[1] !== name || isRunning(Number(match[3]))) continue;
		const path = join(parent, entry);
		if (!(await isOurs(path))) continue; // a user's folder that happens to have such a name
		if (match[2] === 'old' && !(await exists(target))) {
			await rename(path, target);
			await rm(join(target, TEMP_MARKER));
		} else await rm(path, { recursive: true, force: true });
	}
}

function isRunning(pid: number): boolean {
	if (pid === process.pid) return false;
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

async function exists(path: string): Promise<boolean> {
	try {
		await stat(path);
		return true;
	} catch {
		return false;
	}
}
