/**
 * Asking before the page is left with work not saved to a file. SvelteKit's beforeNavigate sees
 * closing the tab, reloading and following a link off the site (`willUnload`); cancelling those
 * makes the browser ask with its own dialog (the text is the browser's). Navigation inside the
 * dashboard does not ask: the work stays in memory and in the browser's storage, and every page
 * with drafts shows its state.
 */
import { beforeNavigate } from '$app/navigation';

/** Call while a component initialises (the root layout's guard, LeaveGuard.svelte). */
export function guardLeaving(unsaved: () => boolean): void {
	beforeNavigate((navigation) => {
		if (navigation.willUnload && unsaved()) navigation.cancel();
	});
}
