/**
 * The current view (indicator, year, municipality, language), read from the URL and written back
 * to it. Every choice is a navigation with a new history entry, so the back button undoes it and a
 * copied link reproduces it.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { WebIndex } from '../contract/output.ts';
import { readKommune, readParams, searchFor, type ViewParams } from './url-params.ts';

export class ViewState {
	#index: () => WebIndex | null;

	constructor(index: () => WebIndex | null) {
		this.#index = index;
	}

	readonly params: ViewParams = $derived.by(() => readParams(page.url.searchParams, this.#index()));

	get indicator() {
		return this.params.indicator;
	}
	get year() {
		return this.params.year;
	}
	get lang() {
		return this.params.lang;
	}
	/** The municipality the URL's path names (/kommune/[kode]), if the index knows it. */
	get routeKommune(): string | null {
		return readKommune(page.params.kode ?? null, this.#index());
	}
	/** The municipality to show: the route's, else ?kommune=, else the index's default. */
	get kommune(): string | null {
		return this.routeKommune ?? this.params.kommune ?? this.#index()?.default_kommune ?? null;
	}

	/** A link to `path` that keeps the current view, with `changes` applied. */
	href(path: string, changes: Partial<ViewParams> = {}): string {
		return path + searchFor({ ...this.params, ...changes });
	}

	/** Change the view here: a new history entry, focus and scroll kept. */
	set(changes: Partial<ViewParams>): Promise<void> {
		return goto(this.href(page.url.pathname, changes), { keepFocus: true, noScroll: true });
	}

	/** Open a municipality's overview with the rest of the view kept. */
	openMunicipality(kode: string): Promise<void> {
		return goto(this.href(`/kommune/${kode}`, { kommune: null }), { keepFocus: true, noScroll: true });
	}
}
