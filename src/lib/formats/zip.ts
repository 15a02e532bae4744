/**
 * A zip file of named files (fflate, loaded when the user exports). File names are UTF-8 with the
 * zip's "language encoding" flag, which fflate sets for any name outside ASCII, so `LÆSMIG.txt`
 * unzips as such in Windows Explorer, macOS and Linux. Files that are compressed already (PNG,
 * DOCX, XLSX, PDF) are stored, not deflated again, which saves time and nothing else. The rest
 * (SVG, CSV, text) is deflated at level 1: on a municipality's package (about 43 MB of SVG and
 * CSV) that took about two thirds of level 6's time for about 8 % more bytes of text, in a zip
 * that is nearly all images.
 */

export interface ZipEntry {
	/** Path inside the zip, folders separated by `/`; each part made safe by safeFileName(). */
	path: string;
	data: Uint8Array;
}

const STORED = /\.(png|docx|xlsx|pdf|zip|jpe?g)$/i;

/** Paths made unique the way Windows compares them (ignoring case): "Navn.csv", "Navn (2).csv". */
export class PathSet {
	readonly #taken = new Set<string>();

	claim(path: string): string {
		const dot = path.lastIndexOf('.');
		const slash = path.lastIndexOf('/');
		const [stem, ext] = dot > slash + 1 ? [path.slice(0, dot), path.slice(dot)] : [path, ''];
		let candidate = path;
		for (let n = 2; this.#taken.has(candidate.toLowerCase()); n++) candidate = `${stem} (${n})${ext}`;
		this.#taken.add(candidate.toLowerCase());
		return candidate;
	}
}

/**
 * The entries as one zip. `mtime` dates every entry (zip dates have no time zone and start in
 * 1980); the caller passes the time of the export, tests a fixed date.
 */
export async function zipFiles(entries: readonly ZipEntry[], mtime: Date): Promise<Uint8Array> {
	const { zipSync } = await import('fflate');
	const files: Record<string, [Uint8Array, { level: 0 | 1; mtime: Date }]> = {};
	for (const entry of entries) {
		if (entry.path in files) throw new Error(`zip: two files named ${entry.path}`);
		files[entry.path] = [entry.data, { level: STORED.test(entry.path) ? 0 : 1, mtime }];
	}
	return zipSync(files);
}
