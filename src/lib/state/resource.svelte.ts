/**
 * An async value that follows its inputs: `new Resource(() => kode ? loadOverview(kode) : null)`.
 * The loader runs in an effect, so whatever it reads synchronously (before its first await) is
 * tracked and a change reloads it. Only the latest load's outcome is kept; while a new one runs
 * the previous value stays, so a chart changes in place instead of flashing empty.
 *
 * Create it while a component initialises (it uses $effect).
 */
export class Resource<T> {
	current = $state<T | undefined>(undefined);
	error = $state<unknown>(null);
	#run = 0;

	constructor(load: () => Promise<T> | null) {
		$effect(() => {
			const promise = load();
			const run = ++this.#run;
			if (!promise) return;
			promise.then(
				(value) => {
					if (run !== this.#run) return;
					this.current = value;
					this.error = null;
				},
				(error: unknown) => {
					if (run !== this.#run) return;
					this.error = error;
				}
			);
		});
	}
}
