/**
 * What every page shares: the data index and the URL view, created once by the root layout and
 * handed down by context.
 */
import { getContext, setContext } from 'svelte';
import type { WebIndex } from '../core/output-contract.ts';
import { loadIndex } from '../data/web-files.ts';
import { strings } from '../i18n/strings.ts';
import { Resource } from './resource.svelte.ts';
import { ViewState } from './view-state.svelte.ts';

export class App {
	readonly index = new Resource<WebIndex>(() => loadIndex());
	readonly view = new ViewState(() => this.index.current ?? null);
	readonly t = $derived(strings(this.view.lang));
}

const KEY = Symbol('app');

export function createApp(): App {
	return setContext(KEY, new App());
}

export function getApp(): App {
	return getContext<App>(KEY);
}
