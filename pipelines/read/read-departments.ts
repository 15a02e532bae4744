/**
 * afdelinger.csv, the department register: one Department per line, checked.
 *
 * Text is kept as written except for surrounding whitespace, which is trimmed from every value:
 * names keep æøå, quotes, semicolons, emoji and `<script>` byte for byte (escaping is the job of
 * whoever prints them). Decisions:
 * - kommune_kode with three digits (`101`) is padded to four (`0101`): Excel drops the leading
 *   zero when it takes the column for a number. Other lengths are errors; so is a code that is not
 *   one of the 99 in municipalities.ts.
 * - boligtype is matched without regard to case and Danish letters (`Ældre`, `aeldre`) and stored
 *   as the contract's spelling (`ældre`); empty means unknown (null).
 * - A department whose line has errors is still registered under its id, so its key figures do
 *   not raise a second wave of "unknown department" errors; the errors stop the build anyway.
 */
import { excelIdProblem } from './excel-id.ts';
import {
	DEPARTMENT_COLUMNS,
	HOUSING_TYPES,
	type DepartmentColumn,
	REQUIRED_DEPARTMENT_COLUMNS,
	YEAR_RANGE,
	normaliseHeader
} from '../../src/lib/core/input-contract.ts';
import type { Department } from './model.ts';
import { DENMARK } from './denmark.ts';
import { headerTest, mapHeaders, type ColumnMap } from './headers.ts';
import { municipalityCode } from './municipality-code.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { longName } from './name-length.ts';
import { formatDanish, parseNumberText, type DecimalMark } from './numbers.ts';
import { decimalReading } from './decimal-marks.ts';
import type { Row } from './parse-csv.ts';
import type { TableInfo } from './read-csv-file.ts';
import { readTable, type TableSource } from './table-source.ts';
import { dayNumberHint } from './day-number.ts';

export interface DepartmentRegister {
	departments: Department[];
	byId: Map<string, Department>;
	/** 1-based field numbers of afdeling_id and omraade_id (0 when absent), for later messages. */
	idColumn: number;
	areaColumn: number;
	info: TableInfo | null;
}

const HOUSING_BY_KEY = new Map<string, string>(HOUSING_TYPES.map((t) => [normaliseHeader(t), t]));

/** A register repeats a few spellings 80,000 times: normalise each spelling once. */
const housingCache = new Map<string, string | null>();
function housingType(text: string): string | null {
	let type = housingCache.get(text);
	if (type === undefined) {
		type = HOUSING_BY_KEY.get(normaliseHeader(text)) ?? null;
		if (housingCache.size < 1000) housingCache.set(text, type);
	}
	return type;
}

/** What a required value looks like, for "expected" in messages. */
const EXPECTED_VALUE: Record<string, string> = {
	afdeling_id: 'afdelingens id, fx 1234-005',
	afdeling_navn: 'afdelingens navn',
	boligorganisation_id: 'boligorganisationens id, fx 1234',
	boligorganisation_navn: 'boligorganisationens navn',
	kommune_kode: 'en kommunekode på fire cifre, fx 0101'
};

export function readDepartments(file: string, source: TableSource, issues: IssueCollector): DepartmentRegister {
	const register: DepartmentRegister = { departments: [], byId: new Map(), idColumn: 0, areaColumn: 0, info: null };
	let reader: ((row: Row) => void) | null = null;
	register.info = readTable(file, source, issues, {
		header(fields, line, info) {
			const columns = mapHeaders(file, fields, line, DEPARTMENT_COLUMNS, REQUIRED_DEPARTMENT_COLUMNS, issues);
			if (!columns) return false;
			register.idColumn = (columns.index.get('afdeling_id') ?? -1) + 1;
			register.areaColumn = (columns.index.get('omraade_id') ?? -1) + 1;
			reader = lineReader(file, columns, info, register, issues);
			return true;
		},
		findHeader: headerTest(DEPARTMENT_COLUMNS, REQUIRED_DEPARTMENT_COLUMNS),
		row(row) {
			reader?.(row);
		}
	});
	return register;
}

/** Reads one line at a time; the helpers are made once per file, not once per line. */
function lineReader(
	file: string,
	columns: ColumnMap,
	info: TableInfo,
	register: DepartmentRegister,
	issues: IssueCollector
): (row: Row) => void {
	const mark = info.decimalMark;
	let row: Row;
	// Field index of every column once, not a Map lookup per cell: the register has 80,000 lines.
	const fieldOf = Object.fromEntries(DEPARTMENT_COLUMNS.map((c) => [c, columns.index.get(c) ?? -1])) as Record<DepartmentColumn, number>;
	const at = (column: string): number => fieldOf[column as DepartmentColumn] + 1;
	const value = (column: DepartmentColumn): string => {
		const i = fieldOf[column];
		return i < 0 ? '' : row.trimmed(i);
	};
	const error = (code: string, column: string, message: string, expected: string, found: string) =>
		issues.add({ severity: 'error', code, file, line: row.line, column: at(column), message, expected, found });
	const header = (column: string) => quoted(columns.headers[columns.index.get(column)!]!);
	const reportCode = (code: string, message: string, expected: string) =>
		error(code, 'kommune_kode', message, expected, row.trimmed(columns.index.get('kommune_kode')!));
	const reportCoordinate: ReportAt = error;
	/** The first line of each organisation id and area id, to tell when a later line disagrees. */
	const organisations = new Map<string, { name: string; line: number; reported: boolean }>();
	const areas = new Map<string, { kode: string; line: number; reported: boolean }>();
	const name = (column: 'afdeling_navn' | 'boligorganisation_navn'): string => {
		const text = requiredValue(column);
		const long = longName(text, header(column));
		if (long) error('name-too-long', column, long.message, long.expected, long.found);
		return text;
	};
	/** A required column's value; an empty one is reported. */
	const requiredValue = (column: DepartmentColumn): string => {
		const text = value(column);
		if (text === '') {
			error(
				'missing-value',
				column,
				`Kolonnen ${header(column)} er tom: forventede ${EXPECTED_VALUE[column]}, fandt en tom celle.`,
				EXPECTED_VALUE[column]!,
				''
			);
		}
		return text;
	};
	return (current: Row) => {
		row = current;
		readLine();
	};

	/** An id column's value: required ones reported when empty, every one when Excel made it a number or a date (excel-id.ts). */
	function idValue(column: 'afdeling_id' | 'boligorganisation_id' | 'omraade_id'): string {
		const text = column === 'omraade_id' ? value(column) : requiredValue(column);
		const problem = excelIdProblem(text, () => header(column));
		if (problem) error(problem.code, column, problem.message, problem.expected, problem.found);
		return text;
	}

	function readLine(): void {
		const id = idValue('afdeling_id');
		const departmentName = name('afdeling_navn');
		const organisationId = idValue('boligorganisation_id');
		const organisationName = name('boligorganisation_navn');
		const kodeText = requiredValue('kommune_kode');
		const kode = municipalityCode(kodeText, reportCode);

		let boligtype: string | null = null;
		const type = value('boligtype');
		if (type !== '') {
			boligtype = housingType(type);
			if (boligtype === null) {
				error(
					'unknown-housing-type',
					'boligtype',
					`Boligtypen kendes ikke: forventede ${HOUSING_TYPES.join(', ')} eller en tom celle, fandt ${quoted(type)}.`,
					HOUSING_TYPES.join(', '),
					type
				);
			}
		}

		let opfoerelsesaar: number | null = null;
		const builtText = value('opfoerelsesaar');
		if (builtText !== '') {
			const [from, to] = YEAR_RANGE.construction;
			const built = parseNumberText(builtText, mark);
			if (built === null || !Number.isInteger(built)) {
				error(
					'not-a-year',
					'opfoerelsesaar',
					`Opførelsesåret i kolonnen ${header('opfoerelsesaar')} kan ikke læses: forventede et årstal som 1972, fandt ${quoted(builtText)}.`,
					'et årstal',
					builtText
				);
			} else if (built < from || built > to) {
				error(
					'implausible-year',
					'opfoerelsesaar',
					`Opførelsesåret ${built} er ikke troværdigt: forventede et år fra ${from} til ${to}, fandt ${quoted(builtText)}.${dayNumberHint(built)}`,
					`${from}-${to}`,
					builtText
				);
			} else opfoerelsesaar = built;
		}

		const [lat, lon] = coordinates(value('lat'), value('lon'), mark, reportCoordinate);

		if (id === '') {
			info.dropped++;
			return;
		}
		const earlier = register.byId.get(id);
		if (earlier) {
			error(
				'duplicate-department',
				'afdeling_id',
				`Afdelingen ${quoted(id)} står to gange i registret: forventede hvert afdeling_id én gang, fandt det i linje ${earlier.source.line} og linje ${row.line}.`,
				'én linje pr. afdeling',
				`linje ${earlier.source.line} og ${row.line}`
			);
			return;
		}
		const omraade = idValue('omraade_id');
		sameOrganisationName(organisationId, organisationName);
		if (omraade !== '' && kode !== null) sameAreaMunicipality(omraade, kode);
		const department: Department = {
			afdeling_id: id,
			afdeling_navn: departmentName,
			boligorganisation_id: organisationId,
			boligorganisation_navn: organisationName,
			kommune_kode: kode ?? kodeText,
			omraade_id: omraade === '' ? null : omraade,
			boligtype,
			opfoerelsesaar,
			lat,
			lon,
			source: { file, line: row.line }
		};
		register.departments.push(department);
		register.byId.set(id, department);
	}

	/**
	 * One organisation id, one name. An error, not a warning: the output would carry both names
	 * for one id, and the organisation page, the agenda and the agreement document would name it
	 * by whichever line came first; and when the two names are two organisations that share an id
	 * by mistake, their figures are added together. Either way the fix is one cell. Reported once
	 * per organisation, at the first line that disagrees.
	 */
	function sameOrganisationName(id: string, organisationName: string): void {
		if (id === '' || organisationName === '') return;
		const first = organisations.get(id);
		if (!first) {
			organisations.set(id, { name: organisationName, line: row.line, reported: false });
			return;
		}
		// Canonically equal names are one name (Å as one character or as A + ring, as macOS may write it).
		if (first.name === organisationName || first.reported || first.name.normalize('NFC') === organisationName.normalize('NFC')) return;
		first.reported = true;
		error(
			'organisation-names',
			'boligorganisation_navn',
			`Boligorganisationen ${quoted(id)} har to navne: forventede det samme navn i alle linjer med boligorganisation_id ${quoted(id)}, fandt ${quoted(first.name)} i linje ${first.line} og ${quoted(organisationName)} i linje ${row.line}.`,
			first.name,
			organisationName
		);
	}

	/**
	 * One area, one municipality. An error: a Danish housing area (boligområde) lies in one
	 * municipality, so an id in two is nearly always two areas that share an id (`OMR1` from two
	 * municipalities' exports). Left alone, the area's figure would add the two together, and the
	 * map and lists would show it in only one of the municipalities (the one most of its
	 * departments lie in). Reported once per area, at the first line in another municipality.
	 */
	function sameAreaMunicipality(area: string, kode: string): void {
		const first = areas.get(area);
		if (!first) {
			areas.set(area, { kode, line: row.line, reported: false });
			return;
		}
		if (first.kode === kode || first.reported) return;
		first.reported = true;
		error(
			'area-in-two-municipalities',
			'omraade_id',
			`Området ${quoted(area)} ligger i to kommuner: forventede alle afdelinger med omraade_id ${quoted(area)} i samme kommune, fandt kommune ${first.kode} i linje ${first.line} og kommune ${kode} i linje ${row.line}.`,
			first.kode,
			kode
		);
	}
}

/**
 * A coordinate in degrees. Degrees are never grouped in thousands, so `55.676` in a `;` file is
 * 55,676, not 55676 (decimal-marks.ts): a point before three digits is a decimal here.
 */
function degrees(text: string, mark: DecimalMark): number | null {
	const value = parseNumberText(text, mark);
	return value === null ? null : decimalReading(text, mark, value);
}

type ReportAt = (code: string, column: string, message: string, expected: string, found: string) => void;

/** lat and lon: both or neither, numbers, inside Denmark. */
function coordinates(latText: string, lonText: string, mark: DecimalMark, report: ReportAt): [number | null, number | null] {
	if (latText === '' && lonText === '') return [null, null];
	if (latText === '' || lonText === '') {
		const missing = latText === '' ? 'lat' : 'lon';
		const given = latText === '' ? 'lon' : 'lat';
		report(
			'missing-value',
			missing,
			`Koordinaten ${missing} er tom, men ${given} er udfyldt: forventede både lat og lon (eller ingen af dem), fandt kun ${given}.`,
			'lat og lon',
			given
		);
		return [null, null];
	}
	const lat = degrees(latText, mark);
	const lon = degrees(lonText, mark);
	const example = mark === 44 ? { lat: '55,6761', lon: '12,5683' } : { lat: '55.6761', lon: '12.5683' };
	let ok = true;
	for (const [column, text, v] of [
		['lat', latText, lat],
		['lon', lonText, lon]
	] as const) {
		if (v === null) {
			ok = false;
			report(
				'not-a-number',
				column,
				`Koordinaten i kolonnen "${column}" kan ikke læses: forventede et decimaltal i grader (WGS84) som ${example[column]}, fandt ${quoted(text)}.`,
				'et tal',
				text
			);
		}
	}
	if (!ok || lat === null || lon === null) return [null, null];
	const latOk = lat >= DENMARK.lat[0] && lat <= DENMARK.lat[1];
	const lonOk = lon >= DENMARK.lon[0] && lon <= DENMARK.lon[1];
	if (latOk && lonOk) return [lat, lon];
	const swapped =
		lon >= DENMARK.lat[0] && lon <= DENMARK.lat[1] && lat >= DENMARK.lon[0] && lat <= DENMARK.lon[1] ? ' Er lat og lon byttet om?' : '';
	if (!latOk) {
		report(
			'outside-denmark',
			'lat',
			`Breddegraden ligger uden for Danmark: forventede lat fra ${formatDanish(DENMARK.lat[0])} til ${formatDanish(DENMARK.lat[1])}, fandt ${quoted(latText)}.${swapped}`,
			`${DENMARK.lat[0]}-${DENMARK.lat[1]}`,
			latText
		);
	}
	if (!lonOk) {
		report(
			'outside-denmark',
			'lon',
			`Længdegraden ligger uden for Danmark: forventede lon fra ${formatDanish(DENMARK.lon[0])} til ${formatDanish(DENMARK.lon[1])}, fandt ${quoted(lonText)}.${swapped}`,
			`${DENMARK.lon[0]}-${DENMARK.lon[1]}`,
			lonText
		);
	}
	return [null, null];
}
