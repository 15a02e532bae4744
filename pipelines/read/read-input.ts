/**
 * The read step: an input folder to ParsedInput. Never throws for bad input; every problem is an
 * InputIssue (see issues.ts for the cap and the order). The build step stops when any issue is an
 * error.
 *
 * Files are recognised by name, without regard to case; every table may come as .csv or as an
 * Excel workbook (.xlsx, read through read-workbook.ts and read-sheet.ts by the same row readers),
 * and the same name in both forms is an error naming both (the first in name order is read):
 * - `afdelinger.csv` (required), the department register;
 * - `noegletal*.csv` (at least one; `nøgletal*.csv` is accepted too), merged in name order;
 * - `omraader.geojson` (also `områder.geojson`) and `kommuner.geojson`, optional;
 * - `indikatorer.csv`, the municipality's own indicators (optional, read-indicators.ts), read before
 *   the key figures, whose extra columns it declares;
 * - `aftaler.csv` (agreed targets) and `indsatser.csv` (the project bank), optional, checked
 *   against the register (read-targets.ts, read-interventions.ts);
 * - `referencetal.csv`, published reference figures, optional (read-reference.ts); without it the
 *   project's default, data/reference/landstal-lbf.csv (Landsbyggefonden's figures), is read;
 * - `DEMO`, an empty marker file saying the folder holds demo data;
 * - `afdelinger.xls` (Excel 97-2003), `.xlsm`, `.xlsb`, `.ods`, `.numbers` and the like are taken
 *   as meant and get a clear error saying what to save them as (table-source.ts);
 * - other files that look like data (.csv, .json, .geojson, spreadsheets, and an input's name as
 *   .txt or .tsv, which Excel writes for "Unicode-tekst") give a warning, since
 *   they were probably meant as input; anything else (README, notes, hidden files) is ignored.
 * Two input files whose names match alike (`Afdelinger.csv`, `afdelinger.csv`) are an error naming
 * both, and so is a folder with an input file's name; a missing file is reported at the folder
 * (FOLDER), not at a file that is not there.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { count } from './terminal-count.ts';
import type { KeyFigureTable, ParsedInput, Reporter } from './model.ts';
import { crossCheck } from './cross-check.ts';
import { FileBytes } from './file-bytes.ts';
import { checkEmptyIndicators } from './empty-indicators.ts';
import { FOLDER, IssueCollector, quoted } from './issues.ts';
import { mergeKeyFigures } from './merge-key-figures.ts';
import { openReadDatabase } from './read-database.ts';
import { plainCsv } from './plain-csv.ts';
import { readDepartments, type DepartmentRegister } from './read-departments.ts';
import { checkPlaces } from './area-places.ts';
import { readAreas, readMunicipalities } from './read-geojson.ts';
import { DepartmentIds, readKeyFigures, type KeyFigureChunk } from './read-key-figures.ts';
import { readKeyFiguresDuckDB } from './read-key-figures-duckdb.ts';
import { INTERVENTION_FILE, readInterventions } from './read-interventions.ts';
import { REFERENCE_FILE, readReference } from './read-reference.ts';
import { DEFAULT_REFERENCE, DEFAULT_REFERENCE_NAME } from './default-reference.ts';
import { TARGET_FILE, readTargets } from './read-targets.ts';
import { INDICATOR_FILE, readIndicators } from './read-indicators.ts';
import { keyFigureColumns, useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { registerUnits } from './register-units.ts';
import { tableSource, tableStem, type TableSource } from './table-source.ts';

export const REGISTER_FILE = 'afdelinger.csv';
export const AREA_FILE = 'omraader.geojson';
export const MUNICIPALITY_FILE = 'kommuner.geojson';
export const DEMO_MARKER = 'DEMO';

interface Folder {
	register: string | null;
	keyFigures: string[];
	areas: string | null;
	municipalities: string | null;
	targets: string | null;
	interventions: string | null;
	reference: string | null;
	indicators: string | null;
	demo: boolean;
	unknown: string[];
	all: string[];
	/**
	 * Inputs that name the same table or file: alike but for case (or ø/å spelled oe/aa), or the
	 * same table as .csv and .xlsx. The one read and the other.
	 */
	clashes: [string, string][];
	/** Folders named like an input file (`afdelinger.csv/`): the user meant a file. */
	folders: string[];
	/** Every folder in the input folder, for the advice when the register is not there. */
	subfolders: string[];
	/** Symbolic links named like an input file that lead nowhere, with the error (ENOENT, ELOOP). */
	brokenLinks: [string, string][];
}

const stemOf = (file: string) => tableStem(file)!;
/** How the messages name the table files: `afdelinger.csv eller afdelinger.xlsx`. */
const EITHER = (file: string) => `${file} eller ${stemOf(file)}.xlsx`;

export async function readInput(inputDir: string, reporter: Reporter): Promise<ParsedInput> {
	const issues = new IssueCollector();
	const result: ParsedInput = {
		files: [],
		departments: [],
		keyFigures: emptyTable(),
		areas: null,
		municipalities: null,
		indicators: [],
		demo: false,
		issues: []
	};
	// The catalogue in effect is this input's: the built-ins until indikatorer.csv is read.
	useDeclaredIndicators([]);
	const folder = await listFolder(inputDir);
	if (!folder) {
		issues.add({
			severity: 'error',
			code: 'missing-folder',
			file: inputDir,
			line: 0,
			column: 0,
			message: `Mappen med inddata kan ikke åbnes: forventede en mappe med ${EITHER(REGISTER_FILE)} og noegletal*.csv eller noegletal*.xlsx, fandt ingen mappe med det navn.`,
			expected: 'en mappe',
			found: 'ingen mappe'
		});
		result.issues = issues.list();
		return result;
	}
	result.demo = folder.demo;
	const dataFiles = folder.all.filter(looksLikeData);
	const found = dataFiles.length === 0 ? 'ingen datafiler' : `filerne ${dataFiles.map((f) => quoted(f)).join(', ')}`;
	for (const file of folder.unknown) {
		const expected = `${stemOf(REGISTER_FILE)}, noegletal*, ${stemOf(TARGET_FILE)}, ${stemOf(INTERVENTION_FILE)}, ${stemOf(INDICATOR_FILE)} eller ${stemOf(REFERENCE_FILE)} som .csv eller .xlsx, ${AREA_FILE}, ${MUNICIPALITY_FILE} eller ${DEMO_MARKER}`;
		const advice = isTextTable(file)
			? ' Er det en tabel gemt som tekst (fx Excels "Unicode-tekst"), så omdøb filen, så den ender på .csv: så læses den som CSV.'
			: '';
		issues.add({
			severity: 'warning',
			code: 'unknown-file',
			file,
			line: 0,
			column: 0,
			message: `Filen ${quoted(file)} bliver ikke læst: forventede ${expected}, fandt ${quoted(file)}.${advice}`,
			expected,
			found: file
		});
	}
	for (const name of folder.folders) {
		issues.add({
			severity: 'error',
			code: 'not-a-file',
			file: name,
			line: 0,
			column: 0,
			message: `${quoted(name)} er en mappe, ikke en fil: forventede en fil med det navn, fandt en mappe. Læg filen selv i inddatamappen.`,
			expected: 'en fil',
			found: 'en mappe'
		});
	}
	for (const [first, second] of folder.clashes) {
		const stem = tableStem(first) ?? first;
		const sameFormat = extensionOf(first) === extensionOf(second);
		issues.add({
			severity: 'error',
			code: 'duplicate-file',
			file: second,
			line: 0,
			column: 0,
			message: sameFormat
				? `Filerne ${quoted(first)} og ${quoted(second)} har samme navn, når store og små bogstaver (og ø/oe, å/aa) regnes for ens: forventede én af dem, fandt begge. Slet eller omdøb den ene.`
				: `Filen ${quoted(stem)} findes i to udgaver: forventede én fil, ${stem}.csv eller ${stem}.xlsx, fandt både ${quoted(first)} og ${quoted(second)}. Slet eller flyt den ene; kun ${quoted(first)} er læst.`,
			expected: 'én fil',
			found: `${first} og ${second}`
		});
	}
	for (const [name, code] of folder.brokenLinks) {
		const found = `et symbolsk link, der ikke kan følges (${code === 'ELOOP' ? 'det peger i ring' : code === 'ENOENT' ? 'det peger på noget, der ikke findes' : code})`;
		issues.add({
			severity: 'error',
			code: 'unreadable-file',
			file: name,
			line: 0,
			column: 0,
			message: `${quoted(name)} kan ikke åbnes: forventede en fil, fandt ${found}. Læg filen selv i inddatamappen, eller ret linket.`,
			expected: 'en fil',
			found
		});
	}
	// A folder (or a broken link) named like the file is reported as such; "missing" beside it
	// would only confuse.
	const isFolder = (matches: (key: string) => boolean) =>
		folder.folders.some((name) => matches(fileKey(name))) || folder.brokenLinks.some(([name]) => matches(fileKey(name)));
	if (!folder.register && !isFolder((key) => key === REGISTER_FILE)) {
		const below = await foldersWithRegister(inputDir, folder.subfolders);
		// `--input` one folder too high (the folder holding the municipality's folder) is a common slip.
		const advice = below.length
			? ` Registret ligger i ${below.map((name) => quoted(`${name}/`)).join(' og ')}: skal --input pege på ${below.length === 1 ? 'den mappe' : 'en af dem'} (${quoted(join(inputDir, below[0]!))})?`
			: '';
		issues.add({
			severity: 'error',
			code: 'missing-file',
			file: FOLDER,
			line: 0,
			column: 0,
			message: `Afdelingsregistret mangler: forventede filen ${EITHER(REGISTER_FILE)} i mappen, fandt ${found}.${advice}`,
			expected: EITHER(REGISTER_FILE),
			found
		});
	}
	if (folder.keyFigures.length === 0 && !isFolder(isKeyFigureFile)) {
		issues.add({
			severity: 'error',
			code: 'missing-file',
			file: FOLDER,
			line: 0,
			column: 0,
			message: `Der er ingen nøgletal: forventede mindst én fil, hvis navn begynder med "noegletal" og ender på ".csv" eller ".xlsx" (fx noegletal_2024.csv), fandt ${found}.`,
			expected: 'noegletal*.csv',
			found
		});
	}

	const inputs = [
		folder.register,
		folder.indicators,
		...folder.keyFigures,
		folder.areas,
		folder.municipalities,
		folder.targets,
		folder.interventions,
		folder.reference
	].filter((f): f is string => f !== null);
	const sizes = await Promise.all(inputs.map(async (f) => (await stat(join(inputDir, f)).catch(() => null))?.size ?? 0));
	const total = sizes.reduce((a, b) => a + b, 0);
	// Every file into one buffer, sized for the largest (file-bytes.ts): each file's bytes are done
	// with before the next is read, so reading does not leave a file's worth of garbage per file.
	const fileBytes = new FileBytes(Math.max(0, ...sizes));
	let done = 0;
	reporter.start('Læser og kontrollerer inddata', total);
	let lostFile = false;
	/**
	 * The file's bytes, recorded with their SHA-256; null (after an error) when it cannot be read.
	 * Valid until the next read (file-bytes.ts): a reader finishes with them before that.
	 */
	const read = (file: string): Uint8Array | null => {
		let bytes: Uint8Array;
		try {
			// One blocking read: the async readFile reads a 40 MB file in 512 KB rounds through the
			// thread pool, which on a busy machine cost more than parsing it.
			bytes = fileBytes.read(join(inputDir, file));
		} catch (error) {
			const found = (error as NodeJS.ErrnoException).code ?? String(error);
			issues.add({
				severity: 'error',
				code: 'unreadable-file',
				file,
				line: 0,
				column: 0,
				message: `Filen kan ikke åbnes: forventede en fil, der kan læses, fandt fejlen ${found}.`,
				expected: 'en fil, der kan læses',
				found
			});
			lostFile = true;
			return null;
		}
		result.files.push({ file, sha256: createHash('sha256').update(bytes).digest('hex'), rows: 0 });
		return bytes;
	};
	const finished = (file: string, size: number, rows: number) => {
		result.files.find((f) => f.file === file)!.rows = rows;
		done += size;
		reporter.progress(done);
	};

	/** A table file as a source for its reader; null (after an error) when it cannot be read. */
	const readTableFile = async (file: string): Promise<{ size: number; source: TableSource } | null> => {
		const bytes = read(file);
		const source = bytes && (await tableSource(file, bytes, issues));
		if (!source) {
			lostFile = true;
			return null;
		}
		return { size: bytes!.length, source };
	};

	let register: DepartmentRegister | null = null;
	const registerTable = folder.register ? await readTableFile(folder.register) : null;
	if (folder.register && registerTable) {
		register = readDepartments(folder.register, registerTable.source, issues);
		result.departments = register.departments;
		finished(folder.register, registerTable.size, register.info?.rows ?? 0);
	}

	// The municipality's own indicators come before the key figures: they add the columns those read.
	const indicatorTable = folder.indicators ? await readTableFile(folder.indicators) : null;
	if (folder.indicators && indicatorTable) {
		const declared = readIndicators(folder.indicators, indicatorTable.source, issues);
		result.indicators = declared.indicators;
		useDeclaredIndicators(declared.indicators);
		finished(folder.indicators, indicatorTable.size, declared.info?.rows ?? 0);
	}

	// Key figures: DuckDB reads every file it can vouch for (read-key-figures-duckdb.ts), the
	// JavaScript reader the rest and explains their problems; both give chunks to one merge.
	// One thread of JavaScript: reading the files on worker threads was measured to cost about
	// 1.7 times the CPU (each worker loads and warms up on its own) for no gain on two cores.
	const ids = new DepartmentIds();
	const chunks: KeyFigureChunk[] = [];
	// Opened for the first file DuckDB may read: most small and broken inputs never need it.
	let database: Awaited<ReturnType<typeof openReadDatabase>> | null = null;
	try {
		for (const file of folder.keyFigures) {
			const table = await readTableFile(file);
			if (!table) continue;
			const { source, size } = table;
			// Only a CSV file's bytes, never a workbook's sheet (plain-csv.ts says which files).
			const bytes = source instanceof Uint8Array && /\.csv$/i.test(file) ? source : null;
			const plain = bytes && plainCsv(bytes);
			if (plain) database ??= await openReadDatabase();
			const fast =
				bytes &&
				plain &&
				database &&
				(await readKeyFiguresDuckDB(database.connection, file, join(inputDir, file), bytes, plain, ids, issues));
			const chunk =
				fast ||
				readKeyFigures(file, source, ids, issues, (offset, length) =>
					reporter.progress(done + Math.round((size * offset) / Math.max(1, length)))
				);
			chunks.push(chunk);
			finished(file, size, chunk.info?.rows ?? 0);
		}
	} finally {
		await database?.close();
	}
	const merged = mergeKeyFigures(chunks, ids, issues);
	result.keyFigures = merged.table;
	checkEmptyIndicators(chunks, merged.table, issues);

	let areaIds: Set<string> | null = null;
	const areaBytes = folder.areas ? read(folder.areas) : null;
	if (folder.areas && areaBytes) {
		const areas = readAreas(folder.areas, areaBytes, issues);
		result.areas = areas.collection;
		if (areas.collection) areaIds = areas.ids;
		// An area lies in its departments' municipality (when they agree: else cross-check.ts says so).
		const homes = new Map<string, Set<string>>();
		for (const d of register?.departments ?? []) {
			if (d.omraade_id === null) continue;
			const set = homes.get(d.omraade_id) ?? new Set<string>();
			set.add(d.kommune_kode);
			homes.set(d.omraade_id, set);
		}
		const home = (id: string) => {
			const codes = homes.get(id);
			return codes?.size === 1 ? [...codes][0]! : null;
		};
		checkPlaces(folder.areas, areas, { noun: 'Området', idProperty: 'omraade_id' }, home, issues);
		finished(folder.areas, areaBytes.length, areas.features);
	}
	const municipalityBytes = folder.municipalities ? read(folder.municipalities) : null;
	if (folder.municipalities && municipalityBytes) {
		const municipalities = readMunicipalities(folder.municipalities, municipalityBytes, issues);
		result.municipalities = municipalities.collection;
		checkPlaces(folder.municipalities, municipalities, { noun: 'Kommunen', idProperty: 'kode' }, (code) => code, issues);
		finished(folder.municipalities, municipalityBytes.length, municipalities.features);
	}

	// The optional supervision inputs name departments, areas and organisations of the register.
	const units = register ? registerUnits(register.departments) : null;
	const targetTable = folder.targets ? await readTableFile(folder.targets) : null;
	if (folder.targets && targetTable) {
		const targets = readTargets(folder.targets, targetTable.source, units, issues);
		result.targets = targets.targets;
		finished(folder.targets, targetTable.size, targets.info?.rows ?? 0);
	}
	const interventionTable = folder.interventions ? await readTableFile(folder.interventions) : null;
	if (folder.interventions && interventionTable) {
		const interventions = readInterventions(folder.interventions, interventionTable.source, units, issues);
		result.interventions = interventions.interventions;
		finished(folder.interventions, interventionTable.size, interventions.info?.rows ?? 0);
	}

	// The reference figures: the input's own, else the project's default (never an input file, so
	// not among the manifest's inputs; the manifest names it under referencetal).
	const referenceTable = folder.reference ? await readTableFile(folder.reference) : null;
	if (folder.reference && referenceTable) {
		const reference = readReference(folder.reference, referenceTable.source, issues);
		result.reference = { kilde: 'inddata', fil: folder.reference, rows: reference.rows };
		finished(folder.reference, referenceTable.size, reference.info?.rows ?? 0);
	} else if (!folder.reference) {
		const bytes = readFileSync(DEFAULT_REFERENCE);
		const source = await tableSource(DEFAULT_REFERENCE_NAME, bytes, issues);
		const reference = source ? readReference(DEFAULT_REFERENCE_NAME, source, issues) : null;
		result.reference = { kilde: 'standard', fil: DEFAULT_REFERENCE_NAME, rows: reference?.rows ?? [] };
	}

	crossCheck(
		{
			register,
			ids,
			rowsPerDepartment: merged.rowsPerDepartment,
			keyFiguresRead: chunks.some((c) => c.info !== null),
			keyFiguresIncomplete: lostFile || chunks.some((c) => c.info === null || c.info.dropped > 0),
			areaIds,
			registerFile: folder.register ?? REGISTER_FILE,
			areaFile: folder.areas ?? AREA_FILE
		},
		issues
	);
	reporter.done();

	result.files.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
	result.issues = issues.list();
	const errors = issues.errorCount;
	const warnings = issues.warningCount;
	reporter.info(
		`${count(result.departments.length, 'afdeling', 'afdelinger')}, ${count(result.keyFigures.length, 'række', 'rækker')} nøgletal; ${errors} fejl, ${count(warnings, 'advarsel', 'advarsler')}.`
	);
	return result;
}

async function listFolder(inputDir: string): Promise<Folder | null> {
	let names: string[];
	const folders: string[] = [];
	/** Symbolic links that lead nowhere (a missing target, a loop), with the error. */
	const broken: [string, string][] = [];
	try {
		const entries = await readdir(inputDir, { withFileTypes: true });
		names = [];
		for (const entry of entries) {
			// Excel's lock file beside an open workbook (`~$noegletal.xlsx`) is never data.
			if (entry.name.startsWith('~$')) continue;
			if (entry.isFile()) names.push(entry.name);
			else if (entry.isDirectory()) folders.push(entry.name);
			else if (entry.isSymbolicLink()) {
				const target = await stat(join(inputDir, entry.name)).catch((error: NodeJS.ErrnoException) => error.code ?? 'fejl');
				if (typeof target === 'string') broken.push([entry.name, target]);
				else if (target.isFile()) names.push(entry.name);
				else if (target.isDirectory()) folders.push(entry.name);
			}
		}
	} catch {
		return null;
	}
	names.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
	const folder: Folder = {
		register: null,
		keyFigures: [],
		areas: null,
		municipalities: null,
		targets: null,
		interventions: null,
		reference: null,
		indicators: null,
		demo: false,
		unknown: [],
		all: names,
		clashes: [],
		folders: folders.filter((name) => isInputFile(fileKey(name))).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
		subfolders: folders.filter((name) => !name.startsWith('.')).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)),
		brokenLinks: broken.filter(([name]) => isInputFile(fileKey(name))).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))
	};
	// On Linux `Afdelinger.csv` and `afdelinger.csv` can lie side by side (copied from two places);
	// reading one of them without a word would leave the user guessing which.
	const byKey = new Map<string, string>();
	for (const name of names) {
		const key = fileKey(name);
		if (key.startsWith('.')) continue;
		// One file per table: `Afdelinger.csv` beside `afdelinger.csv` (copied from two places), or
		// `afdelinger.csv` beside `afdelinger.xlsx`; reading one of them without a word would leave
		// the user guessing which. Tables are matched by their stem, the geodata by their name.
		const id = isTableFile(key) ? `table:${tableStem(key)}` : key;
		const first = byKey.get(id);
		if (first !== undefined && isInputFile(key)) {
			folder.clashes.push([first, name]);
			continue;
		}
		byKey.set(id, name);
		const stem = tableStem(key);
		if (key === 'demo') folder.demo = true;
		else if (isTableFile(key) && stem === stemOf(REGISTER_FILE)) folder.register = name;
		else if (isKeyFigureFile(key)) folder.keyFigures.push(name);
		else if (key === AREA_FILE) folder.areas = name;
		else if (key === MUNICIPALITY_FILE) folder.municipalities = name;
		else if (isTableFile(key) && stem === stemOf(TARGET_FILE)) folder.targets = name;
		else if (isTableFile(key) && stem === stemOf(INTERVENTION_FILE)) folder.interventions = name;
		else if (isTableFile(key) && stem === stemOf(REFERENCE_FILE)) folder.reference = name;
		else if (isTableFile(key) && stem === stemOf(INDICATOR_FILE)) folder.indicators = name;
		else if (looksLikeData(key)) folder.unknown.push(name);
	}
	return folder;
}

/** The folders (one level down, at most 50 looked in) that hold a department register as a file. */
async function foldersWithRegister(inputDir: string, subfolders: string[]): Promise<string[]> {
	const holding: string[] = [];
	for (const name of subfolders.slice(0, 50)) {
		const entries = await readdir(join(inputDir, name), { withFileTypes: true }).catch(() => []);
		const isRegister = (file: string) => tableStem(fileKey(file)) === stemOf(REGISTER_FILE);
		if (entries.some((entry) => entry.isFile() && isRegister(entry.name))) holding.push(name);
	}
	return holding;
}

/** A file name as it is matched: case, Unicode form and ø/å (as oe/aa) do not count. */
function fileKey(name: string): string {
	return name.normalize('NFC').toLowerCase().replace(/ø/g, 'oe').replace(/å/g, 'aa');
}

/** A table as CSV or workbook (.xls only to say it is the old format: table-source.ts). */
function isTableFile(key: string): boolean {
	return tableStem(key) !== null;
}

function isKeyFigureFile(key: string): boolean {
	return key.startsWith('noegletal') && isTableFile(key);
}

function extensionOf(name: string): string {
	return name.slice(name.lastIndexOf('.') + 1).toLowerCase();
}

/** A name (as fileKey gives it) the read step reads as data; the DEMO marker's content is never read. */
function isInputFile(key: string): boolean {
	if (isTableFile(key)) {
		const stem = tableStem(key);
		return (
			isKeyFigureFile(key) ||
			[REGISTER_FILE, TARGET_FILE, INTERVENTION_FILE, REFERENCE_FILE, INDICATOR_FILE].some((file) => stemOf(file) === stem)
		);
	}
	return key === AREA_FILE || key === MUNICIPALITY_FILE;
}

/** Files a user may have meant as input: named in messages, warned about when not recognised. */
function looksLikeData(name: string): boolean {
	return /\.(csv|json|geojson|xlsx|xls|xlsm|xlsb|xltx|ods|numbers)$/i.test(name) || isTextTable(name);
}

/**
 * A table by an input's name saved as text (`noegletal.txt`): Excel names its "Unicode-tekst" and
 * tab-separated text so. Read once renamed .csv; other .txt files (notes) are ignored.
 */
function isTextTable(name: string): boolean {
	return /\.(txt|tsv)$/i.test(name) && isInputFile(fileKey(name).replace(/\.(txt|tsv)$/i, '.csv'));
}

function emptyTable(): KeyFigureTable {
	return {
		length: 0,
		afdeling_id: [],
		aar: new Int32Array(0),
		values: Object.fromEntries(keyFigureColumns().map((c) => [c, new Float64Array(0)])) as KeyFigureTable['values']
	};
}
