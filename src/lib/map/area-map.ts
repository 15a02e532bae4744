/**
 * The overview map as a plain class: init() creates a MapLibre map, update() recolours it,
 * destroy() removes it. AreaMap.svelte is its only caller.
 *
 * Nothing is fetched from outside: the style holds only GeoJSON sources and fill, line and circle
 * layers, so MapLibre needs no tiles, glyphs or sprite. The hatch for missing values is an image
 * drawn here. Names from the data reach the page only through textContent (the tooltip).
 *
 * A change of indicator or year only sets feature state (each area's class and colour): the fill
 * colour is read from feature state, so no paint property changes. Changing a data-driven paint
 * property makes MapLibre re-tile the source in its worker (measured here: ~170 ms against ~50 ms
 * for feature state alone).
 */
import { BASE_MAP } from './basemap.ts';
import type { FeatureCollection } from 'geojson';
import type { GeoJSONSource, LngLatBoundsLike, Map as MapLibreMap, MapMouseEvent, MapOptions, Marker } from 'maplibre-gl';
// MapLibre 6 finds its worker beside its own module (import.meta.url), which a bundler moves;
// Vite's ?url emits the worker file and gives its address for setWorkerUrl().
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import { indicator as indicatorOf, type IndicatorId } from '../core/indicators.ts';
import type { SeriesPoint, WebOverview } from '../core/output-contract.ts';
import { formatNumber, valueText } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import type { DepartmentFigures } from '../db/queries/department-figures.ts';
import { HATCH_COLOR, MISSING_COLOR, breaksForOverview, classIndex, pointFor } from './classes.ts';
import { MAP_STRINGS } from './strings.ts';

export type MapSelectKind = 'omraade' | 'afdeling';

export interface AreaMapData {
	overview: WebOverview;
	/** Area polygons with properties omraade_id and omraade_navn; null until loaded or when absent. */
	areas: FeatureCollection | null;
	/** Municipality boundaries with properties kode and navn; null until loaded or when absent. */
	municipalities: FeatureCollection | null;
	/** The departments' figures and dwellings; null until the municipality's tables are loaded. */
	departments: DepartmentFigures | null;
}

export interface AreaMapCallbacks {
	onselect(kind: MapSelectKind, id: string): void;
	/** false while a change is being drawn, true once the map has rendered it and is idle. */
	onready(ready: boolean): void;
	/** The map cannot be shown (no WebGL, for instance); the message is for the user. */
	onerror(message: string): void;
}

const SOURCE = { kommuner: 'kommuner', omraader: 'omraader', omraadePunkter: 'omraade-punkter', afdelinger: 'afdelinger' } as const;
const LAYER = {
	areaFill: 'omraader-fill',
	areaSymbol: 'omraader-symbol',
	areaHatch: 'omraader-hatch',
	departments: 'afdelinger-circle'
} as const;
const HATCH_IMAGE = 'hatch';
/** Denmark, for a municipality without a bounding box. */
const DENMARK: [number, number, number, number] = [8.07, 54.56, 15.2, 57.75];
const EMPTY: FeatureCollection = { type: 'FeatureCollection', features: [] };
/**
 * Room for the zoom buttons (top right) and the collapsed attribution (bottom right), so no
 * department is fitted under a control.
 */
const FIT = { padding: { top: 24, right: 52, bottom: 36, left: 24 }, maxZoom: 14 } as const;
/** Area names appear from this zoom on, where they fit beside their areas. */
const LABEL_ZOOM = 12.5;
/**
 * A housing area is a few hundred metres across: at a municipality's zoom its shape is a speck.
 * Up to this zoom each area is also drawn as a disc in its class colour, fading out above it.
 */
const SYMBOL_ZOOM = 12;
/** Department points without a value: white with a grey ring, so they read as "no figure". */
const NO_VALUE_POINT = '#ffffff';

type StyleSpec = Exclude<MapOptions['style'], string | undefined>;

export class AreaMap {
	readonly #container: HTMLElement;
	readonly #callbacks: AreaMapCallbacks;
	#map: MapLibreMap | null = null;
	#tooltip: HTMLDivElement | null = null;
	#styleReady = false;
	#destroyed = false;

	#data: AreaMapData | null = null;
	#indicator: IndicatorId = 'ledighed';
	#year = 0;
	#lang: Lang = 'da';

	/** What the map currently shows, by reference, so unchanged input costs nothing. */
	#shown: {
		overview: WebOverview | null;
		areas: FeatureCollection | null | undefined;
		municipalities: FeatureCollection | null | undefined;
		departments: DepartmentFigures | null | undefined;
		colouring: string;
	} = {
		overview: null,
		areas: undefined,
		municipalities: undefined,
		departments: undefined,
		colouring: ''
	};
	#labels: Marker[] = [];
	#maplibre: typeof import('maplibre-gl') | null = null;
	#areaById = new Map<string, WebOverview['omraader'][number]>();
	#departmentById = new Map<string, WebOverview['afdelinger'][number]>();
	#hovered: { source: string; id: string } | null = null;
	/**
	 * The class and colour last given to each feature ("source/id" → "cls|color"): a change sets
	 * feature state only where it differs, so MapLibre re-evaluates the paint of fewer features.
	 */
	#featureStates = new Map<string, string>();
	/** Bumped on every change; only the idle after the latest change reports ready. */
	#generation = 0;

	constructor(container: HTMLElement, callbacks: AreaMapCallbacks) {
		this.#container = container;
		this.#callbacks = callbacks;
	}

	/** Loads MapLibre (its own chunk, so the rest of the page does not wait for it) and draws. */
	async init(data: AreaMapData, indicator: IndicatorId, year: number, lang: Lang): Promise<void> {
		this.#data = data;
		this.#indicator = indicator;
		this.#year = year;
		this.#lang = lang;
		this.#callbacks.onready(false);
		const maplibre = await import('maplibre-gl');
		if (this.#destroyed) return;
		this.#maplibre = maplibre;
		if (maplibre.getWorkerUrl() !== workerUrl) maplibre.setWorkerUrl(workerUrl);

		const strings = MAP_STRINGS[lang];
		let map: MapLibreMap;
		try {
			map = new maplibre.Map({
				container: this.#container,
				style: baseStyle(),
				bounds: boundsOf(data.overview),
				fitBoundsOptions: FIT,
				// Our own compact control below, closed until asked for: MapLibre opens it on a wide map.
				attributionControl: false,
				locale: strings.controls,
				dragRotate: false,
				pitchWithRotate: false,
				touchPitch: false,
				renderWorldCopies: false,
				// No cross-fades: a change of year is drawn in the very next frame.
				fadeDuration: 0
			});
		} catch (error) {
			console.warn('AreaMap: MapLibre could not start', error);
			this.#callbacks.onerror(strings.failed);
			return;
		}
		this.#map = map;
		map.touchZoomRotate.disableRotation();
		map.addControl(new maplibre.NavigationControl({ showCompass: false }), 'top-right');
		map.addControl(
			new maplibre.AttributionControl({ compact: true, customAttribution: [strings.attribution, 'MapLibre'] }),
			'bottom-right'
		);
		map.once('load', () => this.#container.querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show'));
		map.on('zoomend', () => this.#showLabels());

		this.#tooltip = document.createElement('div');
		this.#tooltip.className = 'area-map-tooltip';
		this.#tooltip.hidden = true;
		this.#container.appendChild(this.#tooltip);

		// The hatch is drawn here rather than taken from a sprite, which would be a file to fetch.
		map.setMissingStyleImageResolver((id) => {
			if (id === HATCH_IMAGE && !map.hasImage(id)) map.addImage(id, hatchImage());
		});
		map.once('style.load', () => {
			this.#styleReady = true;
			this.#apply();
		});
		map.on('mousemove', (e) => this.#onHover(e));
		map.on('mouseout', () => this.#clearHover());
		map.on('click', (e) => this.#onClick(e));
	}

	/** New overview, areas or boundaries; unchanged references are skipped. */
	setData(data: AreaMapData): void {
		this.#data = data;
		this.#apply();
	}

	/** Recolour the areas for another indicator or year, without rebuilding anything. */
	update(indicator: IndicatorId, year: number): void {
		this.#indicator = indicator;
		this.#year = year;
		this.#apply();
	}

	setLang(lang: Lang): void {
		this.#lang = lang;
		this.#refreshTooltip();
	}

	/**
	 * The map as drawn now, at `pixelRatio` device pixels per CSS pixel, copied onto a 2D canvas
	 * (for the PNG export, src/lib/images/map-frame.ts); null when the map is not drawn.
	 * WebGL clears its drawing buffer once a frame is shown (preserveDrawingBuffer stays off, so
	 * every ordinary frame stays cheap), hence the copy is made in the 'idle' event, which MapLibre
	 * fires in the same task as the render that drew the frame.
	 */
	async snapshot(pixelRatio = 2): Promise<HTMLCanvasElement | null> {
		const map = this.#map;
		if (!map || !this.#styleReady || this.#destroyed) return null;
		const previous = map.getPixelRatio();
		map.setPixelRatio(pixelRatio);
		try {
			return await new Promise<HTMLCanvasElement | null>((resolve) => {
				map.once('idle', () => {
					const source = map.getCanvas();
					const copy = document.createElement('canvas');
					copy.width = source.width;
					copy.height = source.height;
					const context = copy.getContext('2d');
					if (!context) return resolve(null);
					context.drawImage(source, 0, 0);
					resolve(copy);
				});
				map.triggerRepaint();
			});
		} finally {
			if (!this.#destroyed) map.setPixelRatio(previous);
		}
	}

	/** The bounds now shown, [west, south, east, north], or null before the map is drawn. */
	shownBounds(): [number, number, number, number] | null {
		const b = this.#map?.getBounds();
		return b ? [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()] : null;
	}

	destroy(): void {
		this.#destroyed = true;
		for (const label of this.#labels) label.remove();
		this.#labels = [];
		this.#tooltip?.remove();
		this.#tooltip = null;
		this.#map?.remove();
		this.#map = null;
	}

	#apply(): void {
		const map = this.#map;
		const data = this.#data;
		if (!map || !this.#styleReady || !data || this.#destroyed) return;
		const shown = this.#shown;
		const colouring = `${this.#indicator}|${this.#year}`;
		const overviewChanged = data.overview !== shown.overview;
		const areasChanged = overviewChanged || data.areas !== shown.areas;
		const municipalitiesChanged = data.municipalities !== shown.municipalities;
		const departmentsChanged = overviewChanged || data.departments !== shown.departments;
		if (!overviewChanged && !areasChanged && !municipalitiesChanged && !departmentsChanged && colouring === shown.colouring) return;

		this.#callbacks.onready(false);
		const { overview } = data;
		if (municipalitiesChanged) {
			this.#source(SOURCE.kommuner)?.setData(data.municipalities ?? EMPTY);
		}
		if (overviewChanged) {
			this.#clearHover();
			this.#featureStates.clear();
			this.#areaById = new Map(overview.omraader.map((a) => [a.id, a]));
			this.#departmentById = new Map(overview.afdelinger.map((d) => [d.id, d]));
			map.setFilter('kommune-selected', ['==', ['get', 'kode'], overview.kode]);
			if (shown.overview) map.fitBounds(boundsOf(overview), { ...FIT, animate: false });
		}
		if (departmentsChanged) {
			this.#source(SOURCE.afdelinger)?.setData(departmentPoints(overview, data.departments));
		}
		if (areasChanged) {
			const own = areasOf(data.areas, this.#areaById);
			this.#source(SOURCE.omraader)?.setData(own);
			this.#source(SOURCE.omraadePunkter)?.setData(areaCentres(own));
			this.#makeLabels(own);
		}
		if (departmentsChanged || colouring !== shown.colouring) {
			this.#recolour(overview);
			this.#refreshTooltip();
		}

		this.#shown = { overview, areas: data.areas, municipalities: data.municipalities, departments: data.departments, colouring };
		this.#settle(!overviewChanged && !areasChanged && !municipalitiesChanged && !departmentsChanged);
	}

	#recolour(overview: WebOverview): void {
		const ind = indicatorOf(this.#indicator);
		const breaks = breaksForOverview(overview, ind);
		for (const area of overview.omraader) {
			const point = pointFor(area.values[ind.id], this.#year);
			const cls = breaks ? classIndex(breaks, point?.vaerdi) : -1;
			const color = breaks && cls >= 0 ? breaks.colors[cls]! : MISSING_COLOR;
			this.#setClass(SOURCE.omraader, area.id, cls, color);
			this.#setClass(SOURCE.omraadePunkter, area.id, cls, color);
		}
		// Departments take the same classes; without their figures yet (or without a value) white.
		const figures = this.#data?.departments ?? null;
		for (const d of overview.afdelinger) {
			const point = pointFor(figures?.series.get(d.id)?.[ind.id], this.#year);
			const cls = breaks ? classIndex(breaks, point?.vaerdi) : -1;
			const color = breaks && cls >= 0 ? breaks.colors[cls]! : NO_VALUE_POINT;
			this.#setClass(SOURCE.afdelinger, d.id, cls, color);
		}
	}

	#setClass(source: string, id: string, cls: number, color: string): void {
		const key = `${source}/${id}`;
		const state = `${cls}|${color}`;
		if (this.#featureStates.get(key) === state) return;
		this.#featureStates.set(key, state);
		this.#map!.setFeatureState({ source, id }, { cls, color });
	}

	/** One name label per area, at the middle of its shape, shown only when zoomed in. */
	#makeLabels(areas: FeatureCollection): void {
		const maplibre = this.#maplibre;
		const map = this.#map;
		for (const label of this.#labels) label.remove();
		this.#labels = [];
		if (!maplibre || !map) return;
		for (const feature of areas.features) {
			const id = String(feature.properties?.['omraade_id']);
			const box = bboxOf(feature.geometry);
			if (!box) continue;
			// the middle of the shape's box: inside any compact area, and cheap
			const element = document.createElement('div');
			element.className = 'area-map-label';
			// textContent: a name from the data never becomes markup.
			element.textContent = this.#areaById.get(id)?.navn ?? id;
			element.setAttribute('aria-hidden', 'true');
			this.#labels.push(new maplibre.Marker({ element }).setLngLat([(box[0] + box[2]) / 2, (box[1] + box[3]) / 2]).addTo(map));
		}
		this.#showLabels();
	}

	#showLabels(): void {
		const visible = (this.#map?.getZoom() ?? 0) >= LABEL_ZOOM;
		for (const label of this.#labels) label.getElement().hidden = !visible;
	}

	/**
	 * Report ready after the next idle, unless another change came in meanwhile. A recolouring alone
	 * (`now`) is drawn at once, in the change's own task: its feature state needs no worker, so the
	 * render is complete and 'idle' fires from it; waiting for the next animation frame would only
	 * add the wait for the frame. New data is drawn in the frames after its worker has cut it.
	 */
	#settle(now: boolean): void {
		const map = this.#map!;
		const generation = ++this.#generation;
		map.once('idle', () => {
			if (!this.#destroyed && generation === this.#generation) this.#callbacks.onready(true);
		});
		if (now) map.redraw();
		else map.triggerRepaint();
	}

	#source(id: string): GeoJSONSource | undefined {
		return this.#map?.getSource<GeoJSONSource>(id);
	}

	#featureAt(e: MapMouseEvent): { kind: MapSelectKind; id: string } | null {
		const map = this.#map;
		if (!map) return null;
		// Departments are drawn on top of the areas, so they win; a few pixels of slack around the
		// point, because a dot of 5 px is hard to hit.
		const { x, y } = e.point;
		const slack = 4;
		const box: [[number, number], [number, number]] = [
			[x - slack, y - slack],
			[x + slack, y + slack]
		];
		const department = map.queryRenderedFeatures(box, { layers: [LAYER.departments] })[0];
		const departmentId = department?.properties['id'];
		if (typeof departmentId === 'string') return { kind: 'afdeling', id: departmentId };
		const area =
			map.queryRenderedFeatures(box, { layers: [LAYER.areaSymbol] })[0] ??
			map.queryRenderedFeatures(e.point, { layers: [LAYER.areaFill] })[0];
		const areaId = area?.properties['omraade_id'];
		return typeof areaId === 'string' ? { kind: 'omraade', id: areaId } : null;
	}

	#onClick(e: MapMouseEvent): void {
		const hit = this.#featureAt(e);
		if (hit) this.#callbacks.onselect(hit.kind, hit.id);
	}

	#onHover(e: MapMouseEvent): void {
		const map = this.#map;
		const tooltip = this.#tooltip;
		if (!map || !tooltip) return;
		const hit = this.#featureAt(e);
		const source = hit ? (hit.kind === 'afdeling' ? SOURCE.afdelinger : SOURCE.omraader) : null;
		if (this.#hovered && (this.#hovered.id !== hit?.id || this.#hovered.source !== source)) this.#clearHover();
		if (!hit || !source) return;
		if (!this.#hovered) {
			this.#hovered = { source, id: hit.id };
			map.setFeatureState(this.#hovered, { hover: true });
			map.getCanvas().style.cursor = 'pointer';
			this.#fillTooltip(tooltip, hit.kind, hit.id);
			tooltip.hidden = false;
		}
		this.#placeTooltip(tooltip, e.point.x, e.point.y);
	}

	#clearHover(): void {
		if (this.#hovered && this.#map) {
			this.#map.setFeatureState(this.#hovered, { hover: false });
			this.#map.getCanvas().style.cursor = '';
		}
		this.#hovered = null;
		if (this.#tooltip) this.#tooltip.hidden = true;
	}

	/** Lines of plain text: names from the data never become markup. */
	#fillTooltip(tooltip: HTMLElement, kind: MapSelectKind, id: string): void {
		const strings = MAP_STRINGS[this.#lang];
		const lines: { text: string; className: string }[] = [];
		if (kind === 'afdeling') {
			const d = this.#departmentById.get(id);
			const ind = indicatorOf(this.#indicator);
			const figures = this.#data?.departments;
			const point = pointFor(figures?.series.get(id)?.[ind.id], this.#year);
			lines.push({ text: strings.department, className: 'kind' });
			lines.push({ text: d?.navn ?? id, className: 'name' });
			if (d) lines.push({ text: d.organisation_navn, className: 'detail' });
			lines.push({
				text: `${ind.name[this.#lang]} ${this.#year}: ${figures ? valueText(ind, point, this.#lang) : strings.loadingFigures}`,
				className: 'detail'
			});
			const dwellings = figures?.dwellings.get(id);
			if (dwellings != null) lines.push({ text: strings.dwellings(formatNumber(dwellings, 0, this.#lang)), className: 'detail' });
		} else {
			const area = this.#areaById.get(id);
			const ind = indicatorOf(this.#indicator);
			const point: SeriesPoint | undefined = pointFor(area?.values[ind.id], this.#year);
			const value = valueText(ind, point, this.#lang);
			lines.push({ text: strings.area, className: 'kind' });
			lines.push({ text: area?.navn ?? id, className: 'name' });
			lines.push({ text: `${ind.name[this.#lang]} ${this.#year}: ${value}`, className: 'detail' });
		}
		tooltip.replaceChildren(
			...lines.map(({ text, className }) => {
				const line = document.createElement('div');
				line.className = className;
				line.textContent = text;
				return line;
			})
		);
	}

	/** An open tooltip shows the value of the indicator and year now chosen. */
	#refreshTooltip(): void {
		if (!this.#hovered || !this.#tooltip) return;
		const kind: MapSelectKind = this.#hovered.source === SOURCE.afdelinger ? 'afdeling' : 'omraade';
		this.#fillTooltip(this.#tooltip, kind, this.#hovered.id);
	}

	#placeTooltip(tooltip: HTMLElement, x: number, y: number): void {
		const offset = 14;
		const { clientWidth, clientHeight } = this.#container;
		const left = x + offset + tooltip.offsetWidth > clientWidth ? x - offset - tooltip.offsetWidth : x + offset;
		const top = y + offset + tooltip.offsetHeight > clientHeight ? y - offset - tooltip.offsetHeight : y + offset;
		tooltip.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
	}
}

function boundsOf(overview: WebOverview): LngLatBoundsLike {
	const [w, s, e, n] = overview.bbox ?? DENMARK;
	return [
		[w, s],
		[e, n]
	];
}

/** The areas of this overview only; a national file holds every municipality's areas. */
function areasOf(areas: FeatureCollection | null, known: Map<string, unknown>): FeatureCollection {
	if (!areas) return EMPTY;
	return {
		type: 'FeatureCollection',
		features: areas.features.filter((f) => known.has(String(f.properties?.['omraade_id'])))
	};
}

/**
 * The departments as points; `boliger` sizes them (0 until the figures are loaded). Larger first,
 * so a small department beside a large one is drawn on top and stays visible.
 */
function departmentPoints(overview: WebOverview, figures: DepartmentFigures | null): FeatureCollection {
	const dwellings = (id: string) => figures?.dwellings.get(id) ?? 0;
	return {
		type: 'FeatureCollection',
		features: overview.afdelinger
			.flatMap((d) =>
				d.lat == null || d.lon == null
					? []
					: [
							{
								type: 'Feature' as const,
								properties: { id: d.id, boliger: dwellings(d.id) },
								geometry: { type: 'Point' as const, coordinates: [d.lon, d.lat] }
							}
						]
			)
			.sort((a, b) => b.properties.boliger - a.properties.boliger)
	};
}

/** Each area as a point at the middle of its box, for the disc drawn at low zoom. */
function areaCentres(areas: FeatureCollection): FeatureCollection {
	return {
		type: 'FeatureCollection',
		features: areas.features.flatMap((f) => {
			const box = bboxOf(f.geometry);
			return box
				? [
						{
							type: 'Feature' as const,
							properties: { omraade_id: f.properties?.['omraade_id'] },
							geometry: { type: 'Point' as const, coordinates: [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2] }
						}
					]
				: [];
		})
	};
}

/** [west, south, east, north] of a polygon's coordinates, or null for another geometry. */
function bboxOf(geometry: FeatureCollection['features'][number]['geometry']): [number, number, number, number] | null {
	const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.type === 'MultiPolygon' ? geometry.coordinates.flat() : null;
	if (!rings) return null;
	let box: [number, number, number, number] | null = null;
	for (const ring of rings) {
		for (const [x, y] of ring) {
			if (x === undefined || y === undefined) continue;
			box = box ? [Math.min(box[0], x), Math.min(box[1], y), Math.max(box[2], x), Math.max(box[3], y)] : [x, y, x, y];
		}
	}
	return box;
}

/** Diagonal lines on transparency, laid over MISSING_COLOR; tiles seamlessly at 8 px. */
function hatchImage(): { width: number; height: number; data: Uint8Array } {
	const size = 8;
	const [r, g, b] = [1, 3, 5].map((i) => parseInt(HATCH_COLOR.slice(i, i + 2), 16)) as [number, number, number];
	const data = new Uint8Array(size * size * 4);
	for (let y = 0; y < size; y++) {
		for (let x = 0; x < size; x++) {
			if ((x + y) % size !== 0 && (x + y + 1) % size !== 0) continue;
			const o = (y * size + x) * 4;
			data.set([r, g, b, 255], o);
		}
	}
	return { width: size, height: size, data };
}

const HOVER = ['boolean', ['feature-state', 'hover'], false];
const CLASS = ['coalesce', ['feature-state', 'cls'], -1];

function baseStyle(): StyleSpec {
	// The opt-in raster base map (see basemap.ts) goes under everything; the land is then drawn
	// translucent so the streets show through.
	const tiles: StyleSpec['sources'] = BASE_MAP
		? { basemap: { type: 'raster', tiles: [BASE_MAP.tiles], tileSize: 256, attribution: BASE_MAP.attribution } }
		: {};
	const tileLayers: StyleSpec['layers'] = BASE_MAP ? [{ id: 'basemap', type: 'raster', source: 'basemap' }] : [];
	return {
		version: 8,
		// No paint transitions: a recoloured area must show its new colour in the next frame.
		transition: { duration: 0, delay: 0 },
		sources: {
			...tiles,
			[SOURCE.kommuner]: { type: 'geojson', data: EMPTY },
			[SOURCE.omraader]: { type: 'geojson', data: EMPTY, promoteId: 'omraade_id' },
			[SOURCE.omraadePunkter]: { type: 'geojson', data: EMPTY, promoteId: 'omraade_id' },
			[SOURCE.afdelinger]: { type: 'geojson', data: EMPTY, promoteId: 'id' }
		},
		// Sea and land in quiet tones, so only the areas carry colour.
		layers: [
			{ id: 'background', type: 'background', paint: { 'background-color': '#e8eef2' } },
			...tileLayers,
			{
				id: 'kommuner-fill',
				type: 'fill',
				source: SOURCE.kommuner,
				paint: { 'fill-color': '#f7f7f4', 'fill-opacity': BASE_MAP ? 0.35 : 1 }
			},
			{
				id: 'kommuner-line',
				type: 'line',
				source: SOURCE.kommuner,
				paint: { 'line-color': '#b4b4ae', 'line-width': 0.7 }
			},
			{
				id: LAYER.areaFill,
				type: 'fill',
				source: SOURCE.omraader,
				paint: {
					'fill-color': ['to-color', ['coalesce', ['feature-state', 'color'], MISSING_COLOR]],
					'fill-opacity': 0.92
				}
			},
			{
				id: LAYER.areaHatch,
				type: 'fill',
				source: SOURCE.omraader,
				paint: {
					'fill-pattern': HATCH_IMAGE,
					'fill-opacity': ['case', ['<', CLASS, 0], 1, 0]
				}
			},
			{
				id: 'kommune-selected',
				type: 'line',
				source: SOURCE.kommuner,
				filter: ['==', ['get', 'kode'], ''],
				paint: { 'line-color': '#4a4a46', 'line-width': 1.6 }
			},
			// The area's disc under its departments' points: larger than they are, so its ring of
			// colour shows around them.
			{
				id: LAYER.areaSymbol,
				type: 'circle',
				source: SOURCE.omraadePunkter,
				maxzoom: SYMBOL_ZOOM + 1,
				paint: {
					'circle-color': ['to-color', ['coalesce', ['feature-state', 'color'], MISSING_COLOR]],
					'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 9, SYMBOL_ZOOM, 13],
					'circle-stroke-color': '#2f2f2d',
					'circle-stroke-width': 2,
					'circle-opacity': ['interpolate', ['linear'], ['zoom'], SYMBOL_ZOOM - 0.5, 0.95, SYMBOL_ZOOM + 1, 0],
					'circle-stroke-opacity': ['interpolate', ['linear'], ['zoom'], SYMBOL_ZOOM - 0.5, 1, SYMBOL_ZOOM + 1, 0]
				}
			},
			{
				id: LAYER.departments,
				type: 'circle',
				source: SOURCE.afdelinger,
				paint: {
					'circle-color': ['to-color', ['coalesce', ['feature-state', 'color'], NO_VALUE_POINT]],
					// Area ∝ dwellings: the radius grows with the square root, from a visible minimum.
					'circle-radius': [
						'interpolate',
						['linear'],
						['zoom'],
						8,
						['+', ['case', HOVER, 4.5, 2.5], ['/', ['sqrt', ['get', 'boliger']], 7]],
						14,
						['+', ['case', HOVER, 6, 3], ['/', ['sqrt', ['get', 'boliger']], 2.5]]
					],
					'circle-stroke-color': ['case', HOVER, '#111111', '#3c3c3a'],
					'circle-stroke-width': ['case', HOVER, 2, 0.8],
					'circle-opacity': 0.95
				}
			},
			// The areas' outlines over the points: a point never hides where an area is.
			{
				id: 'omraader-casing',
				type: 'line',
				source: SOURCE.omraader,
				minzoom: SYMBOL_ZOOM - 1,
				paint: { 'line-color': '#ffffff', 'line-width': ['case', HOVER, 4.5, 3], 'line-opacity': 0.9 }
			},
			{
				id: 'omraader-line',
				type: 'line',
				source: SOURCE.omraader,
				// Below this zoom the area's disc stands for it; an outline would only clutter the disc.
				minzoom: SYMBOL_ZOOM - 1,
				paint: {
					'line-color': ['case', HOVER, '#111111', '#2f2f2d'],
					'line-width': ['case', HOVER, 2.5, 1.3]
				}
			}
		]
	} as StyleSpec;
}
