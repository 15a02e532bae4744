/**
 * omraader.geojson (area polygons) and kommuner.geojson (municipality boundaries), checked and
 * reduced to what the map needs: 2D Polygon/MultiPolygon geometry and two properties.
 *
 * - Areas: `omraade_id` and `omraade_navn`. Property names are matched like CSV headers
 *   (`Omraade-id`, `boligomraade_id`, `navn`). Several features may share an id (an area in
 *   parts). A missing name is a warning and the id is used as the name.
 * - Municipalities: `KOMKODE`/`KOMNAVN` (DAGI, as Dataforsyningen delivers them) or `kode`/`navn`,
 *   normalised to `kode` and `navn`; codes as in afdelinger.csv (three digits are padded). A
 *   missing name is taken from municipalities.ts. Several features per code are normal (islands).
 *
 * Coordinates are WGS84 longitude/latitude or EPSG:25832 metres, declared by the `crs` member or
 * told by their range (crs.ts); EPSG:25832 is reprojected, so the output is always WGS84. Any other
 * declared system refuses the whole file. Geometry checks are in geometry.ts and validity.ts.
 *
 * Issues point at the line where the feature starts in the file (found by json-positions.ts) with
 * column 0; a JSON syntax error at its line and column; an unreadable `crs` at its line.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { normaliseHeader } from '../../src/lib/core/input-contract.ts';
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import { CRS_NAME, declaredCrs, inferCrs, type Crs } from './crs.ts';
import { decode } from './decode.ts';
import { DENMARK, DENMARK_UTM32 } from './denmark.ts';
import { longName } from './name-length.ts';
import { checkFeatureParts, type FeaturePart } from './feature-parts.ts';
import { checkGeometry, formatPoint, parseGeometry, points, type Problem } from './geometry.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { jsonPositions, type JsonPositions } from './json-positions.ts';
import { municipalityCode } from './municipality-code.ts';
import { formatDanish } from './numbers.ts';

interface Kind {
	/** Normalised property names for the id, most specific first. */
	idKeys: string[];
	nameKeys: string[];
	/** Output property names. */
	idProperty: string;
	nameProperty: string;
	/** Danish noun for messages: "området", "kommunen". */
	noun: string;
}

const AREAS: Kind = {
	idKeys: ['omraadeid', 'boligomraadeid', 'omraade', 'id'],
	nameKeys: ['omraadenavn', 'boligomraadenavn', 'navn', 'name'],
	idProperty: 'omraade_id',
	nameProperty: 'omraade_navn',
	noun: 'Området'
};

const MUNICIPALITIES: Kind = {
	idKeys: ['komkode', 'kode', 'kommunekode'],
	nameKeys: ['komnavn', 'navn', 'kommunenavn'],
	idProperty: 'kode',
	nameProperty: 'navn',
	noun: 'Kommunen'
};

export interface GeoFile {
	collection: FeatureCollection<Polygon | MultiPolygon> | null;
	/** Features in the file, valid or not. */
	features: number;
	/** Every id named in the file, also on features with errors (those are reported already). */
	ids: Set<string>;
	/** For each feature of `collection`: its number in the file (from 0) and the line it starts on. */
	source?: { index: number[]; lineOf: (index: number) => number; crs: Crs; declared: boolean };
}

export function readAreas(file: string, bytes: Uint8Array, issues: IssueCollector): GeoFile {
	return readGeoJson(file, bytes, issues, AREAS);
}

export function readMunicipalities(file: string, bytes: Uint8Array, issues: IssueCollector): GeoFile {
	return readGeoJson(file, bytes, issues, MUNICIPALITIES);
}

function readGeoJson(file: string, bytes: Uint8Array, issues: IssueCollector, kind: Kind): GeoFile {
	const decoded = decode(bytes);
	if (!decoded.ok) {
		issues.add({
			severity: 'error',
			code: 'unreadable-encoding',
			file,
			line: decoded.line,
			column: 0,
			message: `Filen kan ikke læses som tekst: forventede GeoJSON gemt som UTF-8, fandt ${decoded.found}.`,
			expected: 'UTF-8',
			found: decoded.found
		});
		return { collection: null, features: 0, ids: new Set() };
	}
	const text = decoded.text;
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		// JSON.parse and jsonc-parser agree on what JSON is; should they ever not, the message still
		// says where to look: at the start.
		const at = jsonPositions(text).error ?? { line: 1, column: 1, found: 'en fejl' };
		issues.add({
			severity: 'error',
			code: 'invalid-json',
			file,
			line: at.line,
			column: at.column,
			message: `Filen er ikke gyldig GeoJSON: forventede JSON (fx {"type": "FeatureCollection", "features": [...]}), fandt ${at.found} i linje ${at.line}, tegn ${at.column}.`,
			expected: 'JSON',
			found: at.found
		});
		return { collection: null, features: 0, ids: new Set() };
	}
	const features = (json as { features?: unknown } | null)?.features;
	if ((json as { type?: unknown } | null)?.type !== 'FeatureCollection' || !Array.isArray(features)) {
		const type = (json as { type?: unknown } | null)?.type;
		const found = typeof type === 'string' ? `"type": "${type}"` : 'ingen FeatureCollection';
		issues.add({
			severity: 'error',
			code: 'not-a-feature-collection',
			file,
			line: 1,
			column: 0,
			message: `Filen er ikke en GeoJSON FeatureCollection: forventede {"type": "FeatureCollection", "features": [...]}, fandt ${found}.`,
			expected: 'FeatureCollection',
			found
		});
		return { collection: null, features: 0, ids: new Set() };
	}

	// Positions cost a second pass over the text: only a file with something to report pays it.
	let positions: JsonPositions | null = null;
	const lineOf = (index: number): number => {
		positions ??= jsonPositions(text);
		return positions.featureLines[index] ?? 1;
	};

	const declared = declaredCrs((json as { crs?: unknown }).crs);
	if (!declared.ok) {
		positions ??= jsonPositions(text);
		const line = positions.crsLine ?? 1;
		const expected = `WGS84 (EPSG:4326, CRS84) eller EPSG:25832`;
		issues.add({
			severity: 'error',
			code: 'unsupported-crs',
			file,
			line,
			column: 0,
			message: `Filens "crs" angiver et koordinatsystem, vi ikke læser: forventede ${expected} (ETRS89 / UTM zone 32N, som DAGI leverer), fandt ${quoted(declared.found)}. Gem filen i et af dem, fx med QGIS' "Gem som".`,
			expected,
			found: declared.found
		});
		return { collection: null, features: features.length, ids: new Set() };
	}
	// Every geometry is parsed before any is checked: without a declared system, the file's
	// system is the one most of its polygons fit, and each polygon is then checked against it.
	const parsed = features.map((feature: unknown) => parseGeometry((feature as { geometry?: unknown } | null)?.geometry));
	const crs: Crs = declared.crs ?? inferCrs(parsed.flatMap((p) => (p.ok ? [points(p.parsed)] : [])));
	const place = { crs, declared: declared.crs !== null };
	const out: Feature<Polygon | MultiPolygon>[] = [];
	const outIndex: number[] = [];
	const ids = new Set<string>();
	const parts: FeaturePart[] = [];
	features.forEach((feature: unknown, index) => {
		const properties = ((feature as { properties?: unknown } | null)?.properties ?? {}) as Record<string, unknown>;
		const error = (code: string, message: string, expected: string, found: string) =>
			issues.add({ severity: 'error', code, file, line: lineOf(index), column: 0, message, expected, found });
		const what = `${kind.noun.toLowerCase()} nr. ${index + 1} i filen`;

		const rawId = property(properties, kind.idKeys);
		let id: string | null = rawId;
		if (rawId === null) {
			error(
				'missing-property',
				`${capitalise(what)} har intet "${kind.idProperty}": forventede en egenskab "${kind.idProperty}" i "properties", fandt ${describeKeys(properties)}.`,
				kind.idProperty,
				describeKeys(properties)
			);
		} else if (kind === MUNICIPALITIES) {
			id = municipalityCode(rawId, (code, message, expected) => error(code, message, expected, rawId));
		}
		if (id !== null) ids.add(id);
		const label = rawId === null ? what : `${kind.noun.toLowerCase()} ${quoted(rawId)} (nr. ${index + 1} i filen)`;

		const p = parsed[index]!;
		const checked = p.ok ? checkGeometry(p.parsed, crs) : p;
		if (!checked.ok) {
			const [code, message, expected, found] = describeProblem(checked.problem, label, place);
			error(code, message, expected, found);
			return;
		}
		if (id === null) return;
		let name = property(properties, kind.nameKeys);
		parts.push({ index, id, name, polygons: p.ok ? p.parsed.polygons : [] });
		if (name === null) {
			if (kind === MUNICIPALITIES) name = MUNICIPALITY_NAMES[id] ?? id;
			else {
				issues.add({
					severity: 'warning',
					code: 'missing-property',
					file,
					line: lineOf(index),
					column: 0,
					message: `${capitalise(label)} har intet navn: forventede en egenskab "${kind.nameProperty}", fandt ${describeKeys(properties)}. Id'et bruges som navn.`,
					expected: kind.nameProperty,
					found: describeKeys(properties)
				});
				name = id;
			}
		}
		const tooLong = longName(name, `"${kind.nameProperty}" for ${label}`, 'egenskaben');
		if (tooLong) {
			error('name-too-long', tooLong.message, tooLong.expected, tooLong.found);
			return;
		}
		outIndex.push(index);
		out.push({
			type: 'Feature',
			properties: { [kind.idProperty]: id, [kind.nameProperty]: name },
			geometry: checked.geometry
		});
	});
	for (const problem of checkFeatureParts(parts)) {
		const { first, other } = problem;
		const idLabel = `${kind.noun.toLowerCase()} ${quoted(other.id)}`;
		const place = (part: FeaturePart) => `nr. ${part.index + 1} i filen, linje ${lineOf(part.index)}`;
		const add = (code: string, message: string, expected: string, found: string) =>
			issues.add({ severity: 'error', code, file, line: lineOf(other.index), column: 0, message, expected, found });
		if (problem.kind === 'names') {
			const found = `${quoted(first.name!)} (${place(first)}) og ${quoted(other.name!)} (${place(other)})`;
			add(
				'feature-names',
				`${capitalise(idLabel)} har to navne: forventede det samme navn i alle features med ${kind.idProperty} ${quoted(other.id)}, fandt ${found}.`,
				'ét navn',
				found
			);
		} else {
			const how = { crossing: 'kanter, der krydser hinanden', nested: 'den ene inde i den anden', duplicate: 'to ens dele' }[problem.how];
			const found = `features nr. ${first.index + 1} (linje ${lineOf(first.index)}) og nr. ${other.index + 1} med ${how} ved ${formatPoint(problem.point)}`;
			add(
				'overlapping-parts',
				`Delene af ${idLabel} overlapper: forventede features med samme ${kind.idProperty}, der højst rører hinanden i enkelte punkter (som dele af ét multipolygon), fandt ${found}.`,
				'dele uden overlap',
				found
			);
		}
	}
	return {
		collection: { type: 'FeatureCollection', features: out },
		features: features.length,
		ids,
		source: { index: outIndex, lineOf, crs, declared: declared.crs !== null }
	};
}

/** Property names repeat in every feature: normalise each spelling once. */
const normalised = new Map<string, string>();
function normalisedKey(key: string): string {
	let n = normalised.get(key);
	if (n === undefined) {
		n = normaliseHeader(key);
		if (normalised.size < 10_000) normalised.set(key, n);
	}
	return n;
}

/** The first property whose normalised name is in keys (in keys' order), as trimmed text. */
function property(properties: Record<string, unknown>, keys: string[]): string | null {
	if (typeof properties !== 'object' || properties === null) return null;
	const byKey = new Map<string, unknown>();
	for (const [k, v] of Object.entries(properties)) {
		const key = normalisedKey(k);
		if (!byKey.has(key)) byKey.set(key, v);
	}
	for (const key of keys) {
		const v = byKey.get(key);
		if (typeof v === 'string' && v.trim() !== '') return v.trim();
		if (typeof v === 'number' && Number.isFinite(v)) return String(v);
	}
	return null;
}

function describeKeys(properties: Record<string, unknown>): string {
	const keys = typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
	return keys.length === 0
		? 'ingen egenskaber'
		: `egenskaberne ${keys
				.slice(0, 8)
				.map((k) => quoted(k))
				.join(', ')}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Code, message, expected and found for a geometry problem. `place` is the file's coordinate
 * system and whether its `crs` member declared it (else it was told by the coordinates' range).
 */
function describeProblem(problem: Problem, label: string, place: { crs: Crs; declared: boolean }): [string, string, string, string] {
	const subject = capitalise(label);
	const { kind, found } = problem;
	const [x, y] = problem.point ?? [Number.NaN, Number.NaN];
	switch (kind) {
		case 'not-a-polygon':
			return [
				kind,
				`${subject} har ikke en fladegeometri: forventede Polygon eller MultiPolygon, fandt ${found}.`,
				'Polygon eller MultiPolygon',
				found
			];
		case 'invalid-polygon':
			return [
				kind,
				`Polygonet for ${label} er ugyldigt: forventede lukkede ringe (første punkt = sidste punkt) med mindst 4 punkter, hvert et par af tal, fandt ${found}.`,
				'lukkede ringe med mindst 4 punkter',
				found
			];
		case 'outside-denmark': {
			if (place.crs === 'utm32') {
				const range = `x ${DENMARK_UTM32.x[0]}-${DENMARK_UTM32.x[1]} og y ${DENMARK_UTM32.y[0]}-${DENMARK_UTM32.y[1]}`;
				return [
					kind,
					`${subject} ligger uden for Danmark: forventede punkter i ${CRS_NAME.utm32} inden for Danmark (omtrent ${range}), fandt ${found}.`,
					`EPSG:25832, ${range}`,
					found
				];
			}
			const swapped = x >= DENMARK.lat[0] && x <= DENMARK.lat[1] && y >= DENMARK.lon[0] && y <= DENMARK.lon[1];
			return [
				kind,
				`${subject} ligger uden for Danmark: forventede punkter i WGS84 med længdegrad ${formatDanish(DENMARK.lon[0])}-${formatDanish(DENMARK.lon[1])} og breddegrad ${formatDanish(DENMARK.lat[0])}-${formatDanish(DENMARK.lat[1])}, fandt ${found}.${swapped ? ' Er længde- og breddegrad byttet om?' : ''}`,
				`længdegrad ${DENMARK.lon[0]}-${DENMARK.lon[1]}, breddegrad ${DENMARK.lat[0]}-${DENMARK.lat[1]}`,
				found
			];
		}
		case 'mixed-crs': {
			// Degrees in a file of metres count as WGS84 here, even outside Denmark.
			const other: Crs = place.crs === 'wgs84' ? 'utm32' : 'wgs84';
			const because = place.declared ? 'filens "crs" angiver' : 'filens øvrige polygoner har';
			return [
				kind,
				`Koordinaterne for ${label} passer ikke til filens koordinatsystem: forventede punkter i ${CRS_NAME[place.crs]}, som ${because}, fandt ${found}, der ligner ${CRS_NAME[other]}. En fil skal have ét koordinatsystem.`,
				CRS_NAME[place.crs],
				found
			];
		}
		case 'unknown-projection':
			return [
				kind,
				`Koordinaterne for ${label} ser ud til at være i et andet projiceret koordinatsystem: forventede ${CRS_NAME.wgs84} eller ${CRS_NAME.utm32} i Danmark, fandt ${found}. Gem filen i et af dem.`,
				`${CRS_NAME.wgs84} eller ${CRS_NAME.utm32}`,
				found
			];
		case 'self-intersection':
			return [
				kind,
				`Polygonet for ${label} skærer sig selv: forventede ringe, der ikke krydser sig selv eller hinanden, fandt ${found}.`,
				'ingen krydsninger',
				found
			];
		case 'hole-outside-shell':
			return [
				kind,
				`Polygonet for ${label} har et hul uden for sin ydre ring: forventede huller inden for den ydre ring, fandt ${found}.`,
				'huller inden for den ydre ring',
				found
			];
		case 'nested-holes':
			return [
				kind,
				`Polygonet for ${label} har et hul inde i et andet hul: forventede huller, der ligger hver for sig, fandt ${found}.`,
				'huller hver for sig',
				found
			];
		case 'overlapping-parts':
			return [
				kind,
				`Delene af multipolygonet for ${label} overlapper: forventede dele, der højst rører hinanden i enkelte punkter, fandt ${found}.`,
				'dele uden overlap',
				found
			];
		case 'disconnected-interior':
			return [
				kind,
				`Polygonet for ${label} er delt i flere stykker af sine huller: forventede et sammenhængende indre, fandt ${found}.`,
				'et sammenhængende indre',
				found
			];
	}
}
