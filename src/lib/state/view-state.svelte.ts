/**
 * The current view (indicator, year, municipality, language), read from the URL and written back
 * to it. Every choice is a navigation with a new history entry, so the back button undoes it and a
 * copied link reproduces it.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { WebIndex } from '../core/output-contract.ts';
import { RULES_PARAM } from '../focus/url.ts';
import { readKommune, readParams, searchFor, type ViewParams } from './url-params.ts';

/** Pages about one municipality chosen with ?kommune=; an organisation's agenda goes back to the list. */
const MUNICIPALITY_PAGES = ['/fokus', '/aftaler', '/dagsorden'];

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

	/**
	 * A link to `path` that keeps the current view, with `changes` applied. The focus rules
	 * (`?regler=`, src/lib/focus/url.ts) travel along, so a unit's page shows the flags of the
	 * focus list it was opened from.
	 */
	href(path: string, changes: Partial<ViewParams> = {}): string {
		const search = searchFor({ ...this.params, ...changes });
		const rules = page.url.searchParams.get(RULES_PARAM);
		if (!rules) return path + search;
		return `${path}${search ? `${search}&` : '?'}${RULES_PARAM}=${encodeURIComponent(rules)}`;
	}

	/** Change the view here: a new history entry, focus and scroll kept. */
	set(changes: Partial<ViewParams>): Promise<void> {
		return goto(this.href(page.url.pathname, changes), { keepFocus: true, noScroll: true });
	}

	/**
	 * The page's unit lies in `kode` (found from the data): put it in the URL in place of a missing
	 * or wrong ?kommune=, without a new history entry, so the header, the menu's links and a copied
	 * link all name the unit's own municipality.
	 */
	settleMunicipality(kode: string): Promise<void> | undefined {
		if (this.params.kommune === kode) return undefined;
		return goto(this.href(page.url.pathname, { kommune: kode }), { replaceState: true, keepFocus: true, noScroll: true });
	}

	/**
	 * Open a municipality's overview with the rest of the view kept; on the supervisor's pages
	 * (focus list, targets, agendas) show the same page for the other municipality instead.
	 */
	openMunicipality(kode: string): Promise<void> {
		const path = page.url.pathname;
		const stay = MUNICIPALITY_PAGES.find((p) => path === p || path.startsWith(`${p}/`));
		if (stay) return goto(this.href(stay, { kommune: kode }), { keepFocus: true, noScroll: true });
		return goto(this.href(`/kommune/${kode}`, { kommune: null }), { keepFocus: true, noScroll: true });
	}
}
