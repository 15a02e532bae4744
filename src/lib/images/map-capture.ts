/**
 * The map's PNG export, put together when the button is pressed: the capture from the map
 * component and the legend for the key figure shown. Kept apart from map-frame.ts so a page that
 * offers the button does not load the map's class breaks (and d3) before the map itself.
 */
import type { WebOverview } from '../core/output-contract.ts';
import type { Indicator } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import type { LegendEntry } from './legend.ts';
import type { MapCapture } from './map-frame.ts';

/** What the map component offers: see AreaMap.svelte's capture(). */
export interface CapturableMap {
	capture(): Promise<{ canvas: HTMLCanvasElement; width: number; height: number } | null>;
}

export async function captureMap(
	map: CapturableMap | null | undefined,
	overview: WebOverview,
	ind: Indicator,
	lang: Lang
): Promise<(MapCapture & { legend: LegendEntry[] }) | null> {
	const captured = await map?.capture();
	if (!captured) return null;
	const [{ mapLegend }, { breaksForOverview }] = await Promise.all([import('./map-frame.ts'), import('../map/classes.ts')]);
	return { ...captured, legend: mapLegend(ind, breaksForOverview(overview, ind), lang) };
}
