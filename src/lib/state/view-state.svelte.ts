/**
 * The current view (indicator, year, municipality, language), read from the URL and written back
 * to it. Every choice is a navigation with a new history entry, so the back button undoes it and a
 * copied link reproduces it.
 *
 * A choice is shown before it is in the URL: set() makes it the view at once, so the charts and the
 * map redraw in the choice's own task, and navigates in the task after the next frame. A SvelteKit
 * navigation is not cheap on a page with hundreds of links: after every one it reads each link's
 * URL and router options (walking up its ancestors), and it forces a layout; measured on the
 * national data (issue 12), that was the largest part of a change's slow tail. Long lists below
 * the first screen read `committed` (the URL's view) and so follow in that later task too.
 */
import { goto } from '$app/navigation';
import { page } from '$app/state';
import type { WebIndex } from '../core/output-contract.ts';
import { RULES_PARAM } from '../focus/url.ts';
import { afterPaint } from './after-paint.ts';
import { readKommune, readParams, searchFor, type ViewParams } from './url-params.ts';

/** Pages about one municipality chosen with ?kommune=; an organisation's agenda goes back to the list. */
const MUNICIPALITY_PAGES = ['/fokus', '/aftaler', '/dagsorden'];

export class ViewState {
	#index: () => WebIndex | null;

	constructor(index: () => WebIndex | null) {
		this.#index = index;
	}

	/** A choice made by set() and not yet in the URL: its view, and the URL it was made on. */
	#pending = $state.raw<{ from: string; params: ViewParams } | null>(null);
	/** The latest choice's navigation, for the callers of a choice it replaced. */
	#navigation: Promise<void> = Promise.resolve();
	/** A choice's navigation under way: the URL it goes to. Not reactive: only set() reads it. */
	#landing: { href: string; done: Promise<unknown> } | null = null;

	/** The view the URL holds. */
	readonly committed: ViewParams = $derived.by(() => readParams(page.url.searchParams, this.#index()));

	/**
	 * The view to show: a pending choice while the URL it was made on is still the page's (any
	 * other navigation, the back button for one, drops it), else the URL's.
	 */
	readonly params: ViewParams = $derived.by(() => {
		const pending = this.#pending;
		return pending && pending.from === page.url.href ? pending.params : this.committed;
	});

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
		return this.#hrefFrom(this.params, path, changes);
	}

	/** As href(), from the view the URL holds: for long lists that follow a choice a frame later. */
	committedHref(path: string, changes: Partial<ViewParams> = {}): string {
		return this.#hrefFrom(this.committed, path, changes);
	}

	#hrefFrom(params: ViewParams, path: string, changes: Partial<ViewParams>): string {
		const search = searchFor({ ...params, ...changes });
		const rules = page.url.searchParams.get(RULES_PARAM);
		if (!rules) return path + search;
		return `${path}${search ? `${search}&` : '?'}${RULES_PARAM}=${encodeURIComponent(rules)}`;
	}

	/**
	 * Change the view here: shown at once, then a new history entry (focus and scroll kept) after
	 * the next frame. Choices made before that frame become one entry, the latest. Resolves once
	 * the URL holds the view.
	 */
	set(changes: Partial<ViewParams>): Promise<void> {
		// Made while the previous choice's navigation is under way, a choice is made on the URL that
		// navigation lands on.
		const from = this.#landing?.href ?? page.url.href;
		const target = new URL(this.href(page.url.pathname, changes), from).href;
		// The view exactly as the URL will give it (a year outside the index, say, read as the URL would).
		const pending = { from, params: readParams(new URL(target).searchParams, this.#index()) };
		this.#pending = pending;
		const navigation = this.#navigate(pending, target);
		this.#navigation = navigation;
		return navigation;
	}

	async #navigate(pending: { from: string; params: ViewParams }, target: string): Promise<void> {
		await afterPaint();
		await this.#landing?.done;
		// A later choice replaced this one: its navigation carries both.
		if (this.#pending !== pending) return this.#navigation;
		// Another navigation came first (the back button, a link): the choice is dropped with its page.
		if (page.url.href !== pending.from) {
			this.#pending = null;
			return;
		}
		const done = goto(target, { keepFocus: true, noScroll: true });
		this.#landing = { href: target, done: done.catch(() => undefined) };
		try {
			await done;
		} finally {
			this.#landing = null;
			if (this.#pending === pending) this.#pending = null;
		}
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
