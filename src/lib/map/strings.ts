/**
 * The map's own words, Danish first. Kept beside the map until the dashboard's i18n module takes
 * them over; nothing here is shared with other components.
 */
import type { Lang } from '../i18n/lang.ts';

export const MAP_STRINGS = {
	da: {
		regionLabel: (kommune: string) => `Kort over almene boligområder og afdelinger i ${kommune}`,
		keyboardNote: 'Områderne og afdelingerne på kortet kan ikke vælges med tastaturet; de findes alle i listen på siden.',
		legendMissing: 'ingen data / diskretioneret',
		legendNoData: 'ingen data',
		legendDepartment: 'afdeling, størrelse efter antal boliger',
		legendArea: 'boligområde (zoom ind for omrids og navn)',
		legendNote: 'Samme klasser for alle kommuner og år: en farve betyder det samme overalt.',
		loadingFigures: 'henter tal …',
		dwellings: (n: string) => `${n} boliger`,
		department: 'Afdeling',
		area: 'Område',
		loading: 'Kortet indlæses …',
		failed: 'Kortet kunne ikke vises i denne browser (WebGL mangler). Tallene findes i listen på siden.',
		attribution: 'Kommunegrænser: Geodatastyrelsen og Danske Kommuner (DAGI)',
		controls: {
			'Map.Title': 'Kort',
			'NavigationControl.ZoomIn': 'Zoom ind',
			'NavigationControl.ZoomOut': 'Zoom ud',
			'AttributionControl.ToggleAttribution': 'Vis eller skjul kilder'
		}
	},
	en: {
		regionLabel: (kommune: string) => `Map of social housing areas and departments in ${kommune}`,
		keyboardNote: 'The areas and departments on the map cannot be chosen with the keyboard; all of them are in the list on this page.',
		legendMissing: 'no data / suppressed',
		legendNoData: 'no data',
		legendDepartment: 'department, sized by its dwellings',
		legendArea: 'housing area (zoom in for its outline and name)',
		legendNote: 'The same classes for every municipality and year: a colour means the same everywhere.',
		loadingFigures: 'loading figures …',
		dwellings: (n: string) => `${n} dwellings`,
		department: 'Department',
		area: 'Area',
		loading: 'Loading the map …',
		failed: 'The map cannot be shown in this browser (no WebGL). The figures are in the list on this page.',
		attribution: 'Municipal boundaries: Danish Agency for Data Supply and Infrastructure and Danske Kommuner (DAGI)',
		controls: {
			'Map.Title': 'Map',
			'NavigationControl.ZoomIn': 'Zoom in',
			'NavigationControl.ZoomOut': 'Zoom out',
			'AttributionControl.ToggleAttribution': 'Show or hide sources'
		}
	}
} satisfies Record<Lang, unknown>;
