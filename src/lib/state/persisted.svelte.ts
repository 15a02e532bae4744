/**
 * A value kept in localStorage under a key, as runes state (`.current`), after svelte.dev's
 * Persisted class: the supervisor's text in an agenda survives a reload until it is exported.
 * Storage that is full or blocked (private mode) only means the value lives as long as the page.
 */
export class Persisted<T> {
	current = $state() as T;
	readonly #key: string;

	constructor(key: string, initial: T, valid: (value: unknown) => value is T) {
		this.#key = key;
		let value = initial;
		try {
			const stored = localStorage.getItem(key);
			if (stored !== null) {
				const parsed: unknown = JSON.parse(stored);
				if (valid(parsed)) value = parsed;
			}
		} catch {
			// Unreadable: start from the initial value.
		}
		this.current = value;
	}

	save(): void {
		try {
			localStorage.setItem(this.#key, JSON.stringify($state.snapshot(this.current)));
		} catch {
			// See the file comment.
		}
	}
}

export const isStringRecord = (v: unknown): v is Record<string, string> =>
	typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'string');
