/**
 * The five regions (DAGI REGIONKODE) and the region each of the 98 municipalities lies in, so a
 * municipality's page can show its region's reference figures. Derived once from
 * ../shared/geo/kommuner.geojson and regioner.geojson (each municipality's boundary points taken
 * against the regions' polygons; every municipality fell in one region), and checked against
 * Danmarks Statistik's list of municipalities by region. Christiansø (0411) belongs to no
 * municipality and no region, so it is not among the 98.
 */
import { MUNICIPALITY_NAMES } from './municipalities.ts';

export const REGION_NAMES: Readonly<Record<string, string>> = {
	'1081': 'Region Nordjylland',
	'1082': 'Region Midtjylland',
	'1083': 'Region Syddanmark',
	'1084': 'Region Hovedstaden',
	'1085': 'Region Sjælland'
};

/** Municipality code to region code, for the 98 municipalities. */
export const MUNICIPALITY_REGION: Readonly<Record<string, string>> = {
	'0101': '1084',
	'0147': '1084',
	'0151': '1084',
	'0153': '1084',
	'0155': '1084',
	'0157': '1084',
	'0159': '1084',
	'0161': '1084',
	'0163': '1084',
	'0165': '1084',
	'0167': '1084',
	'0169': '1084',
	'0173': '1084',
	'0175': '1084',
	'0183': '1084',
	'0185': '1084',
	'0187': '1084',
	'0190': '1084',
	'0201': '1084',
	'0210': '1084',
	'0217': '1084',
	'0219': '1084',
	'0223': '1084',
	'0230': '1084',
	'0240': '1084',
	'0250': '1084',
	'0253': '1085',
	'0259': '1085',
	'0260': '1084',
	'0265': '1085',
	'0269': '1085',
	'0270': '1084',
	'0306': '1085',
	'0316': '1085',
	'0320': '1085',
	'0326': '1085',
	'0329': '1085',
	'0330': '1085',
	'0336': '1085',
	'0340': '1085',
	'0350': '1085',
	'0360': '1085',
	'0370': '1085',
	'0376': '1085',
	'0390': '1085',
	'0400': '1084',
	'0410': '1083',
	'0420': '1083',
	'0430': '1083',
	'0440': '1083',
	'0450': '1083',
	'0461': '1083',
	'0479': '1083',
	'0480': '1083',
	'0482': '1083',
	'0492': '1083',
	'0510': '1083',
	'0530': '1083',
	'0540': '1083',
	'0550': '1083',
	'0561': '1083',
	'0563': '1083',
	'0573': '1083',
	'0575': '1083',
	'0580': '1083',
	'0607': '1083',
	'0615': '1082',
	'0621': '1083',
	'0630': '1083',
	'0657': '1082',
	'0661': '1082',
	'0665': '1082',
	'0671': '1082',
	'0706': '1082',
	'0707': '1082',
	'0710': '1082',
	'0727': '1082',
	'0730': '1082',
	'0740': '1082',
	'0741': '1082',
	'0746': '1082',
	'0751': '1082',
	'0756': '1082',
	'0760': '1082',
	'0766': '1082',
	'0773': '1081',
	'0779': '1082',
	'0787': '1081',
	'0791': '1082',
	'0810': '1081',
	'0813': '1081',
	'0820': '1081',
	'0825': '1081',
	'0840': '1081',
	'0846': '1081',
	'0849': '1081',
	'0851': '1081',
	'0860': '1081'
};

/** The 98 municipalities: every code of MUNICIPALITY_NAMES that has a region (not Christiansø). */
export const DANISH_MUNICIPALITIES: readonly string[] = Object.keys(MUNICIPALITY_NAMES)
	.filter((kode) => kode in MUNICIPALITY_REGION)
	.sort();

/** The region a municipality lies in, or null (Christiansø, or a code that is none). */
export function regionOf(kommuneKode: string): string | null {
	return MUNICIPALITY_REGION[kommuneKode] ?? null;
}
