/**
 * The build step: from a read and validated input (ParsedInput, no errors) to a complete output
 * folder. The caller (ingest.ts) gives an empty folder and swaps it in when this returns.
 *
 *   departments.ts   afdelinger table          suppression.ts   the privacy rule on the input
 *   key-figures.ts   kf table                  aggregates.ts    aggregater table
 *   parquet-files.ts the three .parquet        geo-files.ts     omraader/kommuner.geojson
 *   web-files.ts     web/ for the dashboard    manifest.ts      manifest.json
 *   supervision-files.ts  aftaler.json and indsatser.json
 */
import type { Feature, FeatureCollection } from 'geojson';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_FILES, type Manifest, type SuppressionCost } from '../../src/lib/core/output-contract.ts';
import { activeIndicators, useDeclaredIndicators, type IndicatorId } from '../../src/lib/core/indicators.ts';
import type { InputIssue, ParsedInput, Reporter } from '../read/model.ts';
import { createAggregates } from './aggregates.ts';
import { openDatabase } from '../duckdb/database.ts';
import { loadDepartments } from './departments.ts';
import { areasForWeb, municipalitiesForWeb, type GeoOutput } from './geo-files.ts';
import { departmentOfRows, loadKeyFigures } from './key-figures.ts';
import { manifest } from './manifest.ts';
import { writeParquetFiles } from './parquet-files.ts';
import { privacyInputs, suppression, type Suppression } from './suppression.ts';
import { auditedSuppression } from './audited-suppression.ts';
import { AUDIT_STEP, costLine } from './audit-cost-line.ts';
import { writeSupervisionFiles } from './supervision-files.ts';
import { withheldBaselines } from './target-baselines.ts';
import { coverage, otherDenominatorLine, revealingReferenceLine, writeReferenceFile } from './reference-file.ts';
import { referenceKnowledge, unpublishedRows, type ReferenceKnowledge } from './audit-reference-groups.ts';
import type { ReferenceRow } from '../../src/lib/core/reference.ts';
import { writeWebFiles } from './web-files.ts';
import { listFiles, TEMP_MARKER } from './output-folder.ts';
import { emptyKeyFigures, parkKeyFigures, PARKED_FILE } from './parked-key-figures.ts';

/**
 * DuckDB's share of memory: with the input in JavaScript beside it (and, since the build no
 * longer forces garbage collection, the read step's garbage until V8 collects it), 300 MB took
 * national10 to 1.14 GB; 200 MB kept it near 1 GB. Past it, DuckDB spills to a folder inside
 * the output folder (removed before returning).
 */
export const DUCKDB_MEMORY_LIMIT = '200MB';
const SPILL_DIR = '.duckdb-spill';
const NONE = { departments: 0, aggregates: 0 } as const;

export interface BuildOptions {
	/**
	 * Let go of the input's key figures once DuckDB holds them (they are emptied in `input`), so
	 * a large input is not in memory twice. For callers that are done with the input.
	 */
	consumeInput?: boolean;
	/**
	 * Benchmarks only (`BENCH_AUDIT=skip` in bench-ingest.ts): leave out the privacy audit, so
	 * the other steps can be timed at scales where the audit would take hours. The output then
	 * holds only the primary and secondary rules' suppression; the ingest itself never sets it.
	 */
	benchmarkWithoutAudit?: boolean;
}

export async function build(input: ParsedInput, outDir: string, reporter: Reporter, options: BuildOptions = {}): Promise<Manifest> {
	// The catalogue this input declares (indikatorer.csv), whatever was read in between.
	useDeclaredIndicators(input.indicators);
	await mkdir(outDir, { recursive: true });
	const spill = join(outDir, SPILL_DIR);
	const db = await openDatabase({ memoryLimit: DUCKDB_MEMORY_LIMIT, spillDirectory: spill });
	const { connection } = db;
	try {
		reporter.start('Afdelinger');
		const departments = await loadDepartments(connection, input);
		const rowDepartment = departmentOfRows(input);
		reporter.done();

		const { suppressed, cost, revealingReference, otherDenominator } = await suppressAndAudit(input, rowDepartment, departments.rank, reporter, {
			audited: !options.benchmarkWithoutAudit,
			outDir,
			release: options.consumeInput ?? false
		});
		reporter.info(costLine(cost));
		if (revealingReference.length > 0) reporter.info(revealingReferenceLine(revealingReference));
		if (otherDenominator.length > 0) reporter.info(otherDenominatorLine(otherDenominator));
		// Before the key figures may be let go (consumeInput): the bases are judged on them.
		const withheldBases = withheldBaselines(input.targets ?? [], input.departments, input.keyFigures, suppressed);
		if (withheldBases.size > 0) reporter.info(`Basisværdier i aftaler.json tilbageholdt (diskretionering): ${[...withheldBases].sort().join(', ')}`);

		reporter.start('Nøgletal', input.keyFigures.length);
		await loadKeyFigures(connection, input, rowDepartment, departments, suppressed.cells, (n) => reporter.progress(n));
		if (options.consumeInput) input.keyFigures = emptyKeyFigures();
		reporter.done();

		reporter.start('Aggregater');
		await createAggregates(connection, suppressed.aggregates);
		reporter.done();

		reporter.start('Parquet');
		const parquet = await writeParquetFiles(connection, outDir, departments);
		const counts = parquet.counts;
		reporter.done();

		reporter.start('Aftaler og indsatser');
		await writeSupervisionFiles(input, outDir, withheldBases);
		const reference = await writeReferenceFile(input, outDir, revealingReference);
		const daekning = coverage(input);
		reporter.done();

		reporter.start('Geografi');
		const buildWarnings: InputIssue[] = [];
		const areas = input.areas ? areasForWeb(input.areas, await areaMunicipalities(connection)) : null;
		const municipalities = input.municipalities ? municipalitiesForWeb(input.municipalities) : null;
		await writeGeo(outDir, OUTPUT_FILES.areas, areas, buildWarnings);
		await writeGeo(outDir, OUTPUT_FILES.municipalities, municipalities, buildWarnings);
		reporter.done();

		const years = (await connection.runAndReadAll('SELECT DISTINCT aar FROM kf ORDER BY aar')).getColumnsJS()[0] as number[];
		const present = new Set(
			(await connection.runAndReadAll(`SELECT DISTINCT indikator FROM aggregater WHERE niveau = 'land'`)).getColumnsJS()[0] as string[]
		);
		const indicators: IndicatorId[] = activeIndicators()
			.map((i) => i.id)
			.filter((id) => present.has(id));

		const areaShapes = new Map<string, Feature[]>();
		for (const f of areas?.collection.features ?? []) {
			const id = f.properties?.omraade_id as string;
			areaShapes.set(id, [...(areaShapes.get(id) ?? []), f]);
		}
		const municipalityCount = (await connection.runAndReadAll('SELECT count(DISTINCT kommune_kode)::INTEGER FROM afdelinger')).getColumnsJS()[0]![0] as number;
		reporter.start('Webfiler', municipalityCount);
		await writeWebFiles(connection, outDir, {
			departments: departments.rows,
			demo: input.demo,
			years,
			indicators,
			declared: input.indicators,
			geo: { kommuner: municipalities !== null, omraader: areas !== null },
			parquet,
			areaShapes,
			onProgress: (n) => reporter.progress(n),
			daekning: { antal: daekning.antal, i_alt: daekning.i_alt },
			referencetal: reference.referencetal
		});
		reporter.done();

		const result = manifest(
			input,
			{
				afdelinger: counts.afdelinger,
				noegletal: counts.noegletal,
				aggregater: counts.aggregater,
				omraader: areas?.collection.features.length ?? 0,
				kommuner: municipalities?.collection.features.length ?? 0
			},
			years,
			indicators,
			buildWarnings,
			await writtenFiles(outDir, spill),
			cost,
			daekning
		);
		await writeFile(join(outDir, OUTPUT_FILES.manifest), JSON.stringify(result, null, '\t') + '\n');
		return result;
	} finally {
		db.close();
		await rm(spill, { recursive: true, force: true });
		await rm(join(outDir, PARKED_FILE), { force: true });
	}
}

/**
 * The privacy rule and then the audit, on one set of privacy inputs, which is let go when this
 * returns (the audit's groups and memberships are not needed by the steps after it). The
 * key-figure table is put aside in a file in `outDir` meanwhile (parked-key-figures.ts) and is
 * back in `input` when this returns; with `release` (the caller is done with the input, as with
 * consumeInput) its arrays' memory is given back at once and views of them read as empty.
 */
async function suppressAndAudit(
	input: ParsedInput,
	rowDepartment: Int32Array,
	rank: Int32Array,
	reporter: Reporter,
	{ audited, outDir, release }: { audited: boolean; outDir: string; release: boolean }
): Promise<{
	suppressed: Suppression;
	cost: SuppressionCost;
	revealingReference: ReferenceRow[];
	otherDenominator: ReferenceKnowledge['otherDenominator'];
}> {
	reporter.start('Diskretionering');
	const inputs = privacyInputs(input, rowDepartment, rank);
	// Reference figures about groups the input covers are the attacker's knowledge too: the audit
	// attacks them with the rest (audit-reference-groups.ts); the rule before it does not see them.
	const known = referenceKnowledge(inputs, input.departments, input.reference?.rows ?? []);
	const parked = await parkKeyFigures(input, rowDepartment, outDir, release);
	const suppressed = suppression(inputs);
	reporter.done();
	let cost: SuppressionCost = { primary: NONE, secondary: NONE, audit: NONE };
	let revealingReference = known.revealingRows;
	if (audited) {
		reporter.start(AUDIT_STEP);
		const report = await auditedSuppression(known.inputs, suppressed, input.departments.map((d) => d.afdeling_id));
		cost = report.cost;
		// Also left out: rows holding a count the reference rows pin together (audit-publisher-ranges.ts).
		revealingReference = unpublishedRows(input.reference?.rows ?? [], known, report.referenceRows);
		reporter.done();
	}
	await parked.restore();
	return { suppressed, cost, revealingReference, otherDenominator: known.otherDenominator };
}

/** Every file in the new output folder with its size, for the manifest (see output-folder.ts). */
async function writtenFiles(outDir: string, spill: string): Promise<Manifest['files']> {
	await rm(spill, { recursive: true, force: true });
	const files = await listFiles(outDir);
	files.delete(TEMP_MARKER);
	files.delete(OUTPUT_FILES.manifest);
	return Object.fromEntries(files);
}

/** Each area's municipality: the one most of its departments lie in (ties: the lowest code). */
async function areaMunicipalities(connection: Parameters<typeof loadDepartments>[0]): Promise<Map<string, string>> {
	const rows = (
		await connection.runAndReadAll(`SELECT omraade_id, arg_max(kommune_kode, (n, -rank)) FROM (
			SELECT omraade_id, kommune_kode, count(*) AS n, dense_rank() OVER (ORDER BY kommune_kode) AS rank
			FROM afdelinger WHERE omraade_id IS NOT NULL GROUP BY omraade_id, kommune_kode) GROUP BY omraade_id`)
	).getRows() as [string, string][];
	return new Map(rows);
}

async function writeGeo(dir: string, file: string, geo: GeoOutput | null, warnings: InputIssue[]): Promise<void> {
	if (!geo) return;
	await writeFile(join(dir, file), JSON.stringify(geo.collection satisfies FeatureCollection));
	for (const id of geo.dropped) {
		warnings.push({
			severity: 'warning',
			code: 'geometry-dropped',
			file,
			line: 0,
			column: 0,
			message: `En del af ${id} kunne ikke forenkles til en gyldig polygon og er udeladt af kortet.`
		});
	}
}
