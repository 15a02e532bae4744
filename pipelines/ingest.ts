/**
 * Ingest: read and validate an input folder, then build the output folder, all or nothing.
 *
 * The new output is built in a sibling folder `<out>.tmp-<pid>` and swapped in with renames
 * (the previous output is moved aside to `<out>.old-<pid>` and deleted only once the new one is
 * in place), so a run that fails for any reason leaves the last good output exactly as it was,
 * and a reader never sees a half-written folder. Input with errors writes nothing at all.
 */
import { readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { Manifest } from '../src/lib/contract/output.ts';
import { build } from './build/build.ts';
import { checkLimits } from './build/limits.ts';
import type { InputIssue, Reporter } from './model.ts';
import { readInput } from './read/read-input.ts';

export interface IngestOptions {
	input: string;
	out: string;
	reporter: Reporter;
}

export interface IngestResult {
	ok: boolean;
	issues: InputIssue[];
	manifest?: Manifest;
}

export async function ingest({ input, out, reporter }: IngestOptions): Promise<IngestResult> {
	const parsed = await readInput(input, reporter);
	if (!parsed.issues.some((i) => i.severity === 'error')) parsed.issues.push(...checkLimits(parsed));
	if (parsed.issues.some((i) => i.severity === 'error')) return { ok: false, issues: parsed.issues };

	const target = resolve(out);
	await removeStale(target);
	const temp = `${target}.tmp-${process.pid}`;
	const aside = `${target}.old-${process.pid}`;
	await rm(temp, { recursive: true, force: true });
	try {
		const manifest = await build(parsed, temp, reporter, { consumeInput: true });
		const hadPrevious = await exists(target);
		if (hadPrevious) await rename(target, aside);
		try {
			await rename(temp, target);
		} catch (error) {
			if (hadPrevious) await rename(aside, target);
			throw error;
		}
		if (hadPrevious) await rm(aside, { recursive: true, force: true });
		return { ok: true, issues: parsed.issues, manifest };
	} finally {
		await rm(temp, { recursive: true, force: true });
	}
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
		if (match[2] === 'old' && !(await exists(target))) await rename(path, target);
		else await rm(path, { recursive: true, force: true });
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
