/** Every file below a folder with its SHA-256, to show that a run left a tree byte for byte as it was. */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Relative path to SHA-256 for plain files; anything else (a symbolic link, a socket) as 'other'. */
export function fileHashes(dir: string): Record<string, string> {
	const result: Record<string, string> = {};
	const walk = (d: string) => {
		for (const entry of readdirSync(d, { withFileTypes: true })) {
			const path = join(d, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.isFile()) result[relative(dir, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
			else result[relative(dir, path)] = 'other';
		}
	};
	walk(dir);
	return result;
}
