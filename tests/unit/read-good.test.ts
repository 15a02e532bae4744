/**
 * The good fixtures (tests/fixtures/good, described in tests/fixtures/README.md) read without
 * issues into the values written in the files, worked out by hand from the bytes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { ParsedInput } from '../../pipelines/read/model.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { readInput } from '../../pipelines/read/read-input.ts';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/good/${name}/`, import.meta.url));

/** One merged key-figure row as {column: value}, leaving out missing values. */
function row(input: ParsedInput, id: string, year: number): Record<string, number> {
	const t = input.keyFigures;
	for (let i = 0; i < t.length; i++) {
		if (t.afdeling_id[i] === id && t.aar[i] === year) {
			const out: Record<string, number> = {};
			for (const [column, values] of Object.entries(t.values)) if (!Number.isNaN(values![i])) out[column] = values![i]!;
			return out;
		}
	}
	throw new Error(`no row ${id} ${year}`);
}

/**
 * The issues' codes. Fixtures that give only some key figures get exactly one issue: the warning
 * naming the key figures that stay empty (pipelines/read/empty-indicators.ts).
 */
const codes = (input: ParsedInput) => input.issues.map((i) => i.code);
const PARTIAL = ['missing-key-figure-column'];

describe('UTF-8 with BOM, semicolons, decimal comma, Danish headers, two merged files', () => {
	it('reads the register with aliases, padded municipality codes and housing types', async () => {
		const input = await readInput(fixture('utf8-bom-semicolon'), silentReporter);
		expect(input.issues).toEqual([]);
		expect(input.demo).toBe(true);
		const [a, b, c] = input.departments;
		expect(a).toMatchObject({
			afdeling_id: '1001-001',
			afdeling_navn: 'Søparken',
			boligorganisation_id: '1001',
			boligorganisation_navn: 'Boligselskabet Åbo',
			kommune_kode: '0101', // written 101
			omraade_id: 'OMR1',
			boligtype: 'familie', // written Familie
			opfoerelsesaar: 1968,
			lat: 55.6761,
			lon: 12.5683,
			source: { file: 'afdelinger.csv', line: 2 }
		});
		expect(b).toMatchObject({ afdeling_navn: 'Ældrebo Østervang', boligtype: 'ældre', lat: 55.68, lon: 12.57 });
		expect(c).toMatchObject({ kommune_kode: '0751', omraade_id: null, boligtype: 'ungdom' });
	});

	it('merges the files per department and year, sorted, with Danish numbers read right', async () => {
		const input = await readInput(fixture('utf8-bom-semicolon'), silentReporter);
		const t = input.keyFigures;
		expect(t.length).toBe(6);
		expect(t.afdeling_id).toEqual(['1001-001', '1001-001', '1001-002', '1001-002', '2002-001', '2002-001']);
		expect([...t.aar]).toEqual([2023, 2024, 2023, 2024, 2023, 2024]);
		// 2023 comes from both files; boliger is 1.234 in one and 1234 in the other: the same, silent.
		expect(row(input, '1001-001', 2023)).toEqual({
			boliger: 1234,
			ledige_boliger: 7,
			fraflytninger: 120,
			areal_m2: 98765.5, // 98.765,5
			husleje_kr_m2: 1012.25, // 1.012,25
			beboere_18_64: 1500, // 1 500
			uden_for_arbejdsmarked_18_64: 312.5,
			vedligeholdelsesstand: 3,
			lejetab_kr: 5400, // 5.400
			henlaeggelser_kr: 1200000 // 1.200.000
		});
		// "-" and empty cells are missing, not zero; 2.800 is two thousand eight hundred.
		expect(row(input, '1001-002', 2023)).toEqual({ boliger: 40, ledige_boliger: 0, areal_m2: 2800, husleje_kr_m2: 950.5 });
		expect(row(input, '1001-002', 2024)).toEqual({ boliger: 40, vedligeholdelsesstand: 5, lejetab_kr: 0, henlaeggelser_kr: 80000 });
		expect(row(input, '2002-001', 2024)).toMatchObject({ vedligeholdelsesstand: 2.5, uden_for_arbejdsmarked_18_64: 12 });
	});

	it('lists every input file with its SHA-256 and row count', async () => {
		const input = await readInput(fixture('utf8-bom-semicolon'), silentReporter);
		expect(input.files.map((f) => [f.file, f.rows])).toEqual([
			['afdelinger.csv', 3],
			['kommuner.geojson', 2],
			['noegletal_2023.csv', 3],
			['noegletal_2024.csv', 4],
			['omraader.geojson', 1]
		]);
		for (const f of input.files) expect(f.sha256).toMatch(/^[0-9a-f]{64}$/);
	});

	it('reads the polygons as 2D, drops the repeated point, and normalises the properties', async () => {
		const input = await readInput(fixture('utf8-bom-semicolon'), silentReporter);
		expect(input.areas?.features).toEqual([
			{
				type: 'Feature',
				properties: { omraade_id: 'OMR1', omraade_navn: 'Søparken & Østervang' },
				geometry: {
					type: 'Polygon',
					coordinates: [
						[
							[12.56, 55.67],
							[12.58, 55.67],
							[12.58, 55.69],
							[12.56, 55.69],
							[12.56, 55.67]
						]
					]
				}
			}
		]);
		const municipalities = input.municipalities?.features.map((f) => f.properties);
		// KOMKODE/KOMNAVN and kode (a number, 751) without a name, which comes from the code list.
		expect(municipalities).toEqual([
			{ kode: '0101', navn: 'København' },
			{ kode: '0751', navn: 'Aarhus' }
		]);
	});
});

describe('Windows-1252 with æøå', () => {
	it('decodes the Danish letters and accepts "aeldre"', async () => {
		const input = await readInput(fixture('windows-1252'), silentReporter);
		expect(codes(input)).toEqual(PARTIAL);
		expect(input.departments.map((d) => d.afdeling_navn)).toEqual(['Æblehaven', 'Søndergård', 'Åløkke Ø']);
		expect(input.departments.map((d) => d.boligorganisation_navn)).toEqual(['Fællesbo Odense', 'Fællesbo Odense', 'Fællesbo Odense']);
		expect(input.departments.map((d) => d.boligtype)).toEqual(['familie', 'ældre', 'ældre']);
		expect(row(input, '0461-014', 2022)).toEqual({ boliger: 18, ledige_boliger: 0 });
		// The bytes really are Windows-1252: Æ is the single byte 0xC6.
		expect(readFileSync(`${fixture('windows-1252')}afdelinger.csv`).includes(0xc6)).toBe(true);
	});
});

describe('comma separated with decimal point', () => {
	it('reads quoted names with commas and decimal points', async () => {
		const input = await readInput(fixture('comma-decimal-point'), silentReporter);
		expect(codes(input)).toEqual(PARTIAL);
		expect(input.departments[0]).toMatchObject({
			afdeling_id: '0851-101',
			afdeling_navn: 'Vestergade, blok A',
			boligorganisation_id: '851',
			boligorganisation_navn: 'Himmerland Boligforening, Aalborg',
			kommune_kode: '0851',
			lat: 57.0488,
			lon: 9.9217
		});
		expect(row(input, '0851-101', 2021)).toEqual({
			boliger: 88,
			fraflytninger: 9,
			husleje_kr_m2: 845.5,
			areal_m2: 6120.25,
			uden_for_arbejdsmarked_18_64: 10.5,
			beboere_18_64: 95
		});
		// "1,012.75": in a comma-separated file the comma groups thousands.
		expect(row(input, '0851-101', 2022).husleje_kr_m2).toBe(1012.75);
		expect(row(input, '0851-102', 2022).husleje_kr_m2).toBe(812.125);
	});
});

describe('hostile names', () => {
	it('keeps every name byte for byte, trimming only surrounding whitespace', async () => {
		const input = await readInput(fixture('hostile-names'), silentReporter);
		expect(codes(input)).toEqual(PARTIAL);
		expect(input.departments.map((d) => [d.afdeling_id, d.afdeling_navn, d.source.line])).toEqual([
			['X-1', '<script>alert(1)</script>', 2],
			['X-2', 'Hjem 🏠 sødt hjem', 3],
			['X-3', 'Det "gode" sted', 4],
			['X-4', 'semi;colon', 5],
			['X-5', '=SUM(A1)', 6],
			['X-6', 'To\nlinjer', 7],
			// The quoted line break above moves this row to line 9.
			['X-7', 'Mellemrum udenom', 9]
		]);
		expect(input.departments[0]!.boligorganisation_navn).toBe('Bolig & Co <b>fed</b>');
		expect(input.departments[6]!.boligorganisation_navn).toBe("'Apostrof'");
		expect(Buffer.from(input.departments[1]!.afdeling_navn, 'utf8').toString('hex')).toBe(
			Buffer.from('Hjem \u{1F3E0} s\u00f8dt hjem', 'utf8').toString('hex')
		);
		expect(input.keyFigures.afdeling_id).toEqual(['X-1', 'X-2', 'X-3', 'X-4', 'X-5', 'X-6', 'X-7']);
	});
});

describe('UTF-16 with a byte order mark (Excel\'s "Unicode-tekst")', () => {
	it('reads UTF-16 LE with tabs and CR LF, and UTF-16 BE with semicolons', async () => {
		const input = await readInput(fixture('utf16-unicode-text'), silentReporter);
		expect(input.issues).toEqual([]);
		expect(input.departments.map((d) => [d.afdeling_navn, d.boligorganisation_navn, d.lat, d.lon])).toEqual([
			['Søparken', 'Boligselskabet Åbo', 55.6761, 12.5683],
			['Østervang 🏠', 'Boligselskabet Åbo', null, null]
		]);
		expect(row(input, '1001-001', 2024)).toMatchObject({ boliger: 120, ledige_boliger: 3, uden_for_arbejdsmarked_18_64: 40.5 });
		expect(readFileSync(`${fixture('utf16-unicode-text')}afdelinger.csv`).subarray(0, 2)).toEqual(Buffer.from([0xff, 0xfe]));
		expect(readFileSync(`${fixture('utf16-unicode-text')}noegletal.csv`).subarray(0, 2)).toEqual(Buffer.from([0xfe, 0xff]));
	});
});

describe("Excel's sep= line", () => {
	it('takes the separator from sep=, sep=; and sep=<tab>, and reads the header on line 2', async () => {
		const input = await readInput(fixture('excel-sep-line'), silentReporter);
		expect(input.issues).toEqual([]);
		// sep=, makes the semicolon inside the quoted name plain text and the point a decimal.
		expect(input.departments.map((d) => [d.afdeling_navn, d.lat, d.source.line])).toEqual([
			['Søparken', 55.6761, 3],
			['Østervang; blok B', null, 4]
		]);
		expect(row(input, '1001-001', 2023)).toEqual({
			boliger: 120,
			ledige_boliger: 3,
			fraflytninger: 10,
			areal_m2: 9000,
			husleje_kr_m2: 950
		});
		expect(row(input, '1001-002', 2024)).toMatchObject({ boliger: 40, uden_for_arbejdsmarked_18_64: 12, henlaeggelser_kr: 60000 });
	});
});

describe('decimal points in a semicolon file', () => {
	it('reads each ambiguous number as its column makes certain', async () => {
		const input = await readInput(fixture('decimal-points-semicolon'), silentReporter);
		expect(codes(input)).toEqual(PARTIAL);
		// Degrees cannot be thousands: 55.676 is 55,676.
		expect(input.departments.map((d) => [d.lat, d.lon])).toEqual([
			[55.676, 12.568],
			[55.6801, 12.5701]
		]);
		expect(row(input, '1001-001', 2023)).toEqual({
			boliger: 1234, // a count: the point groups thousands
			ledige_boliger: 3,
			vedligeholdelsesstand: 3.5, // a score 1-5 cannot be thousands
			areal_m2: 1.25, // the column writes 12.5 and 980.75: points are decimals
			husleje_kr_m2: 1012.5, // the column writes 1.012,5: points group thousands
			henlaeggelser_kr: 0.25 // 0.250 cannot be thousands
		});
		expect(row(input, '1001-001', 2024)).toMatchObject({ areal_m2: 12.5, husleje_kr_m2: 1040.25, henlaeggelser_kr: 1234.567 });
		expect(row(input, '1001-002', 2024)).toMatchObject({ vedligeholdelsesstand: 2.5, areal_m2: 980.75, husleje_kr_m2: 1040 });
	});
});

/**
 * EPSG:25832 input is published as WGS84. The expected degrees were worked out independently of
 * proj4js, with PROJ 9.1.1's cs2cs (Debian package proj-bin), e.g.
 *   echo "724000 6175900" | cs2cs -f %.9f EPSG:25832 EPSG:4326  →  55.677123146 12.562793073
 * (a point about 360 m west-north-west of Copenhagen City Hall). Tolerance 1e-7 degrees, about 1 cm.
 */
describe('EPSG:25832 (UTM zone 32N) reprojected to WGS84', () => {
	type Ring = [number, number][];
	/** The read step only publishes Polygon and MultiPolygon (read-geojson.ts). */
	const coordinates = (geometry: Geometry) => (geometry as Polygon | MultiPolygon).coordinates;
	const near = (actual: number[] | undefined, lon: number, lat: number) => {
		expect(actual![0]).toBeCloseTo(lon, 7);
		expect(actual![1]).toBeCloseTo(lat, 7);
	};

	it('declared in crs: areas with a hole and with parts touching in one point, a DAGI-style municipality', async () => {
		const input = await readInput(fixture('utm32-declared'), silentReporter);
		expect(codes(input)).toEqual(PARTIAL);
		const [omr1, omr2] = input.areas!.features;
		expect(omr1!.geometry.type).toBe('Polygon');
		const [shell, hole] = coordinates(omr1!.geometry) as Ring[];
		near(shell![0], 12.562793073, 55.677123146); // 724000 6175900
		near(hole![0], 12.571137447, 55.681376296); // 724500 6176400
		expect(omr2!.geometry.type).toBe('MultiPolygon');
		near((coordinates(omr2!.geometry) as Ring[][])[0]![0]![0], 12.610403513, 55.675730482); // 727000 6175900
		const kommune = input.municipalities!.features[0]!;
		expect(kommune.properties).toEqual({ kode: '0101', navn: 'København' });
		const ring = (coordinates(kommune.geometry) as Ring[])[0]!;
		expect(ring).toHaveLength(5); // the repeated point dropped, -999 heights too
		near(ring[0], 12.494584296, 55.626035934); // 720000 6170000
		for (const [lon, lat] of ring) expect(lon > 12 && lon < 13 && lat > 55 && lat < 56).toBe(true);
	});

	it('told by the range, without crs: Copenhagen and Bornholm', async () => {
		const input = await readInput(fixture('utm32-by-range'), silentReporter);
		expect(codes(input)).toEqual(PARTIAL);
		const [omr1, omr2] = input.areas!.features.map((f) => (coordinates(f.geometry) as Ring[])[0]!);
		near(omr1![0], 12.56205877, 55.669051901); // 724000 6175000
		near(omr1![2], 12.578745657, 55.677557763); // 725000 6176000
		near(omr2![0], 14.813280399, 55.17772746); // 870000 6130000
		near(omr2![2], 14.830210847, 55.185918915); // 871000 6131000
	});
});
