/**
 * An async value that follows its inputs: `new Resource(() => loadIndex())`. The loader runs in an
 * effect, so whatever it reads synchronously (before its first await) is tracked and a change
 * reloads it. Only the latest load's outcome is kept; while a new one runs the previous value
 * stays, so a chart changes in place instead of flashing empty.
 *
 * With a key, the value belongs to what it was loaded for:
 * `new Resource(() => loadOverview(kode), { key: () => kode })` shows a municipality's figures only
 * while that municipality is asked for, never the previous one's while the next loads, so a page
 * states what it loads and not how it guards it. A null or undefined key loads nothing. The error
 * is the latest load's, whatever its key.
 *
 * Create it while a component initialises (it uses $effect).
 */
export interface ResourceOptions {
	/** What the value is for; `current` is undefined until the value for the key now asked for has loaded. */
	key?: () => string | null | undefined;
}

export class Resource<T> {
	// Raw: a loaded value is replaced, never changed in place, and a deep proxy over a large file
	// (overblik.json, the index) made every read of it allocate and track signals (issue 12).
	#loaded = $state.raw<{ key: string | null; value: T } | null>(null);
	error = $state<unknown>(null);
	#run = 0;
	readonly #key: (() => string | null | undefined) | null;

	constructor(load: () => Promise<T> | null, options: ResourceOptions = {}) {
		const keyOf = options.key ?? null;
		this.#key = keyOf;
		$effect(() => {
			const key = keyOf ? keyOf() : null;
			const promise = keyOf && key == null ? null : load();
			const run = ++this.#run;
			if (!promise) return;
			promise.then(
				(value) => {
					if (run !== this.#run) return;
					this.#loaded = { key: key ?? null, value };
					this.error = null;
				},
				(error: unknown) => {
					if (run !== this.#run) return;
					this.error = error;
				}
			);
		});
	}

	/** The latest value; with a key, only the value loaded for the key asked for now. */
	get current(): T | undefined {
		const loaded = this.#loaded;
		if (!loaded) return undefined;
		if (!this.#key) return loaded.value;
		const key = this.#key();
		return key != null && loaded.key === key ? loaded.value : undefined;
	}
}
