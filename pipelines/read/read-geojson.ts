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
 * Issues point at the line where the feature starts in the file (found by json-scan.ts) with
 * column 0; a JSON syntax error at its line and column.
 */
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { normaliseHeader } from '../../src/lib/contract/input.ts';
import { MUNICIPALITY_NAMES } from '../../src/lib/contract/municipalities.ts';
import { decode } from './decode.ts';
import { DENMARK, looksLikeUtm32 } from './denmark.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { lineColumn, scanJson } from './json-scan.ts';
import { municipalityCode } from './municipality-code.ts';
import { formatDanish } from './numbers.ts';
import { checkGeometry, type Problem } from './polygon.ts';

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
		const scan = scanJson(text);
		const at = lineColumn(text, Math.max(0, scan.errorOffset));
		issues.add({
			severity: 'error',
			code: 'invalid-json',
			file,
			line: at.line,
			column: at.column,
			message: `Filen er ikke gyldig GeoJSON: forventede JSON (fx {"type": "FeatureCollection", "features": [...]}), fandt ${scan.found || 'en fejl'} i linje ${at.line}, tegn ${at.column}.`,
			expected: 'JSON',
			found: scan.found
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

	let offsets: number[] | null = null;
	const lineOf = (index: number): number => {
		offsets ??= scanJson(text).features;
		const offset = offsets[index];
		return offset === undefined ? 1 : lineColumn(text, offset).line;
	};
	const out: Feature<Polygon | MultiPolygon>[] = [];
	const ids = new Set<string>();
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
		const label = rawId === null ? what : `${kind.noun.toLowerCase()} ${quoted(rawId)}`;

		const checked = checkGeometry((feature as { geometry?: unknown } | null)?.geometry);
		if (!checked.ok) {
			const [code, message, expected, found] = describeProblem(checked.problem, label);
			error(code, message, expected, found);
			return;
		}
		if (id === null) return;
		let name = property(properties, kind.nameKeys);
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
		out.push({
			type: 'Feature',
			properties: { [kind.idProperty]: id, [kind.nameProperty]: name },
			geometry: checked.geometry
		});
	});
	return { collection: { type: 'FeatureCollection', features: out }, features: features.length, ids };
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
	return keys.length === 0 ? 'ingen egenskaber' : `egenskaberne ${keys.slice(0, 8).map((k) => quoted(k)).join(', ')}`;
}

function capitalise(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

function point(p: [number, number]): string {
	return `(${formatDanish(p[0])}; ${formatDanish(p[1])})`;
}

function describeProblem(problem: Problem, label: string): [string, string, string, string] {
	const subject = capitalise(label);
	switch (problem.kind) {
		case 'not-a-polygon':
			return [
				'not-a-polygon',
				`${subject} har ikke en fladegeometri: forventede Polygon eller MultiPolygon, fandt ${problem.found}.`,
				'Polygon eller MultiPolygon',
				problem.found
			];
		case 'invalid-polygon':
			return [
				'invalid-polygon',
				`Polygonet for ${label} er ugyldigt: forventede lukkede ringe (første punkt = sidste punkt) med mindst 4 punkter af [længdegrad, breddegrad], fandt ${problem.found}.`,
				'lukkede ringe med mindst 4 punkter',
				problem.found
			];
		case 'outside-denmark': {
			const [x, y] = problem.point;
			const hint = looksLikeUtm32(x, y)
				? ' Det ligner UTM-koordinater (EPSG:25832): gem filen i WGS84 (EPSG:4326).'
				: x >= DENMARK.lat[0] && x <= DENMARK.lat[1] && y >= DENMARK.lon[0] && y <= DENMARK.lon[1]
					? ' Er længde- og breddegrad byttet om?'
					: '';
			return [
				'outside-denmark',
				`${subject} ligger uden for Danmark: forventede punkter i WGS84 med længdegrad ${formatDanish(DENMARK.lon[0])}-${formatDanish(DENMARK.lon[1])} og breddegrad ${formatDanish(DENMARK.lat[0])}-${formatDanish(DENMARK.lat[1])}, fandt punktet ${point(problem.point)}.${hint}`,
				`længdegrad ${DENMARK.lon[0]}-${DENMARK.lon[1]}, breddegrad ${DENMARK.lat[0]}-${DENMARK.lat[1]}`,
				point(problem.point)
			];
		}
		case 'self-intersection':
			return [
				'self-intersection',
				`Polygonet for ${label} skærer sig selv: forventede kanter, der ikke krydser eller rører hinanden, fandt en krydsning ved ${point(problem.point)}.`,
				'ingen krydsninger',
				point(problem.point)
			];
	}
}
