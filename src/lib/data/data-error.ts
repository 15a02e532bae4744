/**
 * A data file that could not be used, and why: the page turns this into a clear message instead
 * of a blank screen.
 */
export type DataErrorKind = 'missing' | 'corrupt' | 'network';

export class DataFileError extends Error {
	constructor(
		/** Path under /data, e.g. 'web/0751/overblik.json'. */
		readonly file: string,
		readonly kind: DataErrorKind,
		options?: { cause?: unknown }
	) {
		super(`${kind}: ${file}`, options);
		this.name = 'DataFileError';
	}
}
