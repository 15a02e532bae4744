/**
 * Where an ingest may write: the rule that no command ever deletes or changes a file it did not
 * write. The ingest replaces its output folder as a whole (write beside, then rename), so before
 * it starts, `--out` must be one of:
 *   - a path that does not exist yet (its parent folders are created),
 *   - an empty folder,
 *   - a folder holding an earlier output of this program and nothing else: its manifest.json
 *     lists every file the run wrote (`files`), and every file in the folder must be one of them
 *     with the size it was written with, and every folder must hold one of them.
 * Anything else is refused before anything is read or written (the CLI's exit status 2):
 * a plain file, a symbolic link, a folder with other files, `--out` equal to, inside or around
 * `--input`, or a path below a plain file.
 */
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { OUTPUT_FILES, type Manifest } from '../../src/lib/core/output-contract.ts';

/** Why an output folder may not be written, in Danish for the terminal. */
export class OutputRefused extends Error {
	override name = 'OutputRefused';
}

/** The marker a run puts in its temporary folder first, so a leftover is known to be ours. */
export const TEMP_MARKER = '.boligbarometer-tmp';

/**
 * Throws OutputRefused when `out` may not be replaced by an ingest of `input`. The check reads
 * the file system as it is now; ingest.ts renames, so a folder swapped in between is the user's
 * own race, not a path this program chose.
 */
export async function checkOutputTarget(input: string, out: string): Promise<void> {
	// A link in --out's own place would have the swap replace the link, not the folder it names;
	// links further up (a home folder on another disk) are followed like any path.
	if ((await lstat(resolve(out)).catch(() => null))?.isSymbolicLink()) {
		throw new OutputRefused(`--out "${out}" er et symbolsk link: forventede en almindelig mappe eller en sti, der ikke findes endnu.`);
	}
	const target = await physicalPath(resolve(out));
	const source = await physicalPath(resolve(input));
	const shown = (p: string) => `"${p}"`;
	if (target === source) {
		throw new OutputRefused(`--out ${shown(out)} er den samme mappe som --input: forventede en anden mappe til resultatet, så inddata ikke bliver overskrevet.`);
	}
	if (isInside(target, source)) {
		throw new OutputRefused(`--out ${shown(out)} ligger inde i mappen med inddata ${shown(input)}: forventede en mappe uden for inddata.`);
	}
	if (isInside(source, target)) {
		throw new OutputRefused(`--out ${shown(out)} indeholder mappen med inddata ${shown(input)}: forventede en mappe, der ikke rummer inddata, da hele --out erstattes.`);
	}
	const blockingFile = await fileAbove(target);
	if (blockingFile) {
		throw new OutputRefused(`--out ${shown(out)} ligger under filen ${shown(blockingFile)}, som ikke er en mappe: forventede en sti i en mappe.`);
	}
	const info = await lstat(target).catch(() => null);
	if (!info) return; // does not exist yet
	if (!info.isDirectory()) {
		throw new OutputRefused(`--out ${shown(out)} er en fil, ikke en mappe: forventede en tom mappe, en tidligere output-mappe eller en sti, der ikke findes endnu. Filen er ikke rørt.`);
	}
	const foreign = await foreignEntries(target);
	if (foreign.length > 0) {
		const list = foreign.slice(0, 5).map(shown).join(', ') + (foreign.length > 5 ? ` og ${foreign.length - 5} mere` : '');
		throw new OutputRefused(
			`--out ${shown(out)} indeholder filer, som Boligbarometer ikke har skrevet: ${list}. Forventede en tom mappe eller en tidligere output-mappe (med manifest.json). Intet er rørt; vælg en anden --out.`
		);
	}
}

/**
 * Entries of `dir` (relative paths, folders with a trailing `/`) that the manifest there does not
 * account for: files it does not list with their size, and folders holding none of its files (a
 * user's empty `photos/` is theirs too). Without a manifest every top-level entry is foreign; the
 * folder is not walked, so `--out ~` is refused at once rather than after reading a home folder.
 */
async function foreignEntries(dir: string): Promise<string[]> {
	const manifest = await readManifest(dir);
	if (!manifest) {
		const entries = await readdir(dir, { withFileTypes: true });
		return entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort();
	}
	const files = await listFiles(dir);
	const folders = await listFolders(dir);
	const written = manifest.files;
	if (!written || typeof written !== 'object') {
		if (!Array.isArray(manifest.inputs)) return [...files.keys(), ...[...folders].map((f) => `${f}/`)].sort();
		return legacyForeign(files, folders);
	}
	const foreign: string[] = [];
	for (const [path, size] of files) {
		if (path === OUTPUT_FILES.manifest) continue;
		if (written[path] !== size) foreign.push(path);
	}
	const writtenPaths = Object.keys(written);
	for (const folder of folders) if (!writtenPaths.some((path) => path.startsWith(`${folder}/`))) foreign.push(`${folder}/`);
	return foreign.sort();
}

/**
 * Outputs of versions before the manifest listed its files (schema 1.0.0 without `files`): known
 * by their top-level names only, so a demo output from an older checkout can still be replaced.
 */
const LEGACY_TOP_LEVEL = new Set<string>([...Object.values(OUTPUT_FILES), 'web']);

function legacyForeign(files: Map<string, number>, folders: Set<string>): string[] {
	const paths = [...files.keys(), ...[...folders].map((f) => `${f}/`)];
	return paths.filter((path) => !LEGACY_TOP_LEVEL.has(path.split('/')[0]!)).sort();
}

/** The folder's manifest.json when it is one of ours (has a schema version), else null. */
async function readManifest(dir: string): Promise<Partial<Manifest> | null> {
	try {
		const manifest = JSON.parse(await readFile(join(dir, OUTPUT_FILES.manifest), 'utf8')) as Partial<Manifest>;
		return typeof manifest.schema_version === 'string' ? manifest : null;
	} catch {
		return null;
	}
}

/**
 * Every file below `dir` with its size, relative paths with `/`. Anything that is neither a
 * plain file nor a folder (a symbolic link, a socket) is listed with size -1, so it never
 * matches a written file.
 */
export async function listFiles(dir: string): Promise<Map<string, number>> {
	const found = new Map<string, number>();
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(folder, { withFileTypes: true })) {
			const path = join(folder, entry.name);
			const key = relative(dir, path).split(sep).join('/');
			if (entry.isDirectory()) await walk(path);
			else found.set(key, entry.isFile() ? (await stat(path)).size : -1);
		}
	};
	await walk(dir);
	return found;
}

/** Every folder below `dir` (relative paths with `/`, no trailing `/`). */
async function listFolders(dir: string): Promise<Set<string>> {
	const found = new Set<string>();
	const walk = async (folder: string): Promise<void> => {
		for (const entry of await readdir(folder, { withFileTypes: true })) {
			if (!entry.isDirectory()) continue;
			const path = join(folder, entry.name);
			found.add(relative(dir, path).split(sep).join('/'));
			await walk(path);
		}
	};
	await walk(dir);
	return found;
}

/** `path` with every existing ancestor's symbolic links resolved; the missing rest appended. */
async function physicalPath(path: string): Promise<string> {
	const missing: string[] = [];
	let current = path;
	for (;;) {
		try {
			return join(await realpath(current), ...missing.reverse());
		} catch {
			const parent = dirname(current);
			if (parent === current) return path;
			missing.push(basename(current));
			current = parent;
		}
	}
}

/** The nearest existing ancestor of `path` when it is not a folder (so nothing can go below it). */
async function fileAbove(path: string): Promise<string | null> {
	for (let current = dirname(path); ; current = dirname(current)) {
		const info = await stat(current).catch(() => null);
		if (info) return info.isDirectory() ? null : current;
		if (dirname(current) === current) return null;
	}
}

function isInside(path: string, folder: string): boolean {
	const rel = relative(folder, path);
	return rel !== '' && !rel.startsWith('..') && !rel.startsWith(sep) && !/^[a-zA-Z]:/.test(rel);
}
