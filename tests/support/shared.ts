/**
 * Files from ../shared, the folder CI always lays beside the clone (for /work/main it is
 * /work/shared). A test whose subject is there fails with this message when it is missing, rather
 * than skipping and passing without having tested anything.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The absolute path of `relative` inside ../shared; throws, saying what is missing, if it is not there. */
export function sharedFile(relative: string): string {
	const path = fileURLToPath(new URL(`../../../shared/${relative}`, import.meta.url));
	if (!existsSync(path)) {
		throw new Error(`${path} is missing: this test needs ../shared beside the clone (CI lays it there; README, "Commands", npm test)`);
	}
	return path;
}
