/**
 * Writes a synthetic Denmark in the input contract's own format (see data/README.md):
 *
 *   afdelinger.csv                      the department register
 *   noegletal_lbf.csv                   dwellings, vacancy, turnover, floor area, rent
 *   noegletal_beboere.csv               residents 18-64 and those outside the labour market
 *   noegletal_regnskab_2010-2017.csv    maintenance, loss from vacancy, provisions (split by
 *   noegletal_regnskab_2018-2025.csv    years, so merging files of different years is exercised)
 *   omraader.geojson                    fictional area polygons
 *   kommuner.geojson                    (demo) real municipality boundaries, simplified
 *   aftaler.csv, indsatser.csv          (demo) agreed targets and the project bank (agreements.ts)
 *   referencetal.csv                    (demo) Landsbyggefonden's real published figures, a copy of
 *                                       data/reference/landstal-lbf.csv (the only real figures here)
 *   indikatorer.csv, noegletal_egne.csv (demo) the municipality's own indicators and their figures (declared.ts)
 *   DEMO                                marks the folder as synthetic; the pipeline sets demo: true
 *   HISTORIER.md                        (demo) the stories in the data, in Danish
 *
 * Deterministic: the same scale and seed give the same bytes. The folder is written beside the
 * target and renamed into place, and a folder without a DEMO file is never overwritten.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEPARTMENT_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { writeInterventions, writeTargets } from './agreements.ts';
import { DECLARED_FIGURES_FILE, DECLARED_FIRST_YEAR, DECLARED_FILE, writeDeclared } from './declared.ts';
import { departmentYears } from './figures.ts';
import { demoWorld } from './layout-demo.ts';
import { nationalWorld } from './layout-national.ts';
import { hashString, mixSeed, Rng } from './rng.ts';
import { CsvWriter, danishNumber, type CsvEncoding } from './write-csv.ts';
import { writeAreas, writeMunicipalities } from './write-geojson.ts';
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import { DEFAULT_REFERENCE } from '../read/default-reference.ts';
import type { Scale, Story, World } from './world.ts';

export interface GenerateOptions {
	scale: Scale;
	seed: number;
	out: string;
	/** Real municipality boundaries for the demo; default ../shared/geo/kommuner.geojson. */
	municipalitiesSource?: string;
}

export interface GenerateResult {
	/** Absolute paths of the files written, sorted. */
	files: string[];
	departments: number;
	/** Key-figure rows: one per department and year (each is split over several files). */
	rows: number;
	/** The demo's stories (empty for the national scales). */
	stories: Story[];
}

export const MARKER_FILE = 'DEMO';
const DEFAULT_MUNICIPALITIES = fileURLToPath(new URL('../../../shared/geo/kommuner.geojson', import.meta.url));
const SPLIT_YEAR = 2018;

export async function generate(options: GenerateOptions): Promise<GenerateResult> {
	const { scale, seed } = options;
	if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`seed must be an integer 0-4294967295, got ${seed}`);
	const out = resolve(options.out);
	guardTarget(out);
	const world = scale === 'demo' ? demoWorld(seed) : nationalWorld(scale, seed);

	const tmp = join(dirname(out), `.${basename(out)}.tmp-${process.pid}`);
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	try {
		// Danish Excel's "CSV (semikolonsepareret)" writes Windows-1252: the demo's register comes
		// that way, so the reader's encoding detection is exercised by the data a new user sees.
		writeRegister(join(tmp, 'afdelinger.csv'), world, scale === 'demo' ? 'windows-1252' : 'utf-8-bom');
		const rows = writeKeyFigures(tmp, world);
		writeAreas(join(tmp, 'omraader.geojson'), world.areas);
		if (scale === 'demo') {
			const source = options.municipalitiesSource ?? DEFAULT_MUNICIPALITIES;
			if (!writeMunicipalities(join(tmp, 'kommuner.geojson'), source, world.kommuner)) {
				console.warn(`Advarsel: ${source} findes ikke; kommuner.geojson er ikke skrevet.`);
			}
			writeTargets(tmp, world);
			writeInterventions(tmp);
			// Landsbyggefonden's published figures, so the demo shows the real country beside its three municipalities.
			copyFileSync(DEFAULT_REFERENCE, join(tmp, 'referencetal.csv'));
			writeDeclared(tmp, world);
			writeFileSync(join(tmp, 'HISTORIER.md'), storiesMarkdown(world));
		}
		writeFileSync(
			join(tmp, MARKER_FILE),
			`Syntetiske data: alle afdelinger, områder, boligorganisationer og tal er opdigtede (Boligbarometerets generator, skala ${scale}, seed ${seed}).\n`
		);
		rmSync(out, { recursive: true, force: true });
		mkdirSync(dirname(out), { recursive: true });
		renameSync(tmp, out);
		return {
			files: readdirSync(out)
				.sort()
				.map((f) => join(out, f)),
			departments: world.departments.length,
			rows,
			stories: world.stories
		};
	} finally {
		rmSync(tmp, { recursive: true, force: true });
	}
}

/** Refuse to replace a folder that holds anything but earlier generated data. */
function guardTarget(out: string): void {
	if (!existsSync(out)) return;
	const entries = readdirSync(out);
	if (entries.length > 0 && !entries.includes(MARKER_FILE)) {
		throw new Error(`${out} indeholder data uden en ${MARKER_FILE}-fil; generatoren overskriver kun syntetiske data. Vælg en anden mappe.`);
	}
}

function writeRegister(path: string, world: World, encoding: CsvEncoding): void {
	const csv = new CsvWriter(path, DEPARTMENT_COLUMNS, encoding);
	for (const d of world.departments) {
		csv.row([
			d.id,
			d.name,
			d.organisation.id,
			d.organisation.name,
			d.kommune,
			d.areaId ?? '',
			d.type,
			String(d.built),
			danishNumber(d.lat, 6),
			danishNumber(d.lon, 6)
		]);
	}
	csv.close();
}

/**
 * Streams every department's years into the key-figure files. Headers vary between the files as
 * they do between real exports (all are accepted spellings, see src/lib/core/input-contract.ts).
 */
function writeKeyFigures(dir: string, world: World): number {
	const lbf = new CsvWriter(
		join(dir, 'noegletal_lbf.csv'),
		['afdeling_id', 'aar', 'boliger', 'ledige_boliger', 'fraflytninger', 'areal_m2', 'husleje_kr_m2'],
		'utf-8-bom'
	);
	const residents = new CsvWriter(
		join(dir, 'noegletal_beboere.csv'),
		['Afdelings-id', 'År', 'Beboere 18-64', 'Uden for arbejdsmarkedet 18-64'],
		'utf-8-bom'
	);
	const accountsHeader = ['Afdeling', 'År', 'Vedligeholdelsesstand', 'Lejetab (kr.)', 'Henlæggelser (kr.)'];
	const accountsEarly = new CsvWriter(join(dir, `noegletal_regnskab_2010-${SPLIT_YEAR - 1}.csv`), accountsHeader, 'utf-8-bom');
	const accountsLate = new CsvWriter(join(dir, `noegletal_regnskab_${SPLIT_YEAR}-2025.csv`), accountsHeader, 'utf-8-bom');

	let rows = 0;
	for (const d of world.departments) {
		// A stream per department: its figures do not depend on how many came before it.
		const rng = new Rng(mixSeed(world.seed, hashString(d.id)));
		for (const y of departmentYears(d, rng)) {
			const aar = String(y.aar);
			lbf.row([
				d.id,
				aar,
				String(y.boliger),
				String(y.ledige_boliger),
				String(y.fraflytninger),
				String(y.areal_m2),
				String(y.husleje_kr_m2)
			]);
			residents.row([d.id, aar, String(y.beboere_18_64), danishNumber(y.uden_for_arbejdsmarked_18_64, 2)]);
			(y.aar < SPLIT_YEAR ? accountsEarly : accountsLate).row([
				d.id,
				aar,
				String(y.vedligeholdelsesstand),
				String(y.lejetab_kr),
				String(y.henlaeggelser_kr)
			]);
			rows++;
		}
	}
	lbf.close();
	residents.close();
	accountsEarly.close();
	accountsLate.close();
	return rows;
}

function storiesMarkdown(world: World): string {
	const areaName = new Map(world.areas.map((a) => [a.id, a.name]));
	const deptName = new Map(world.departments.map((d) => [d.id, d.name]));
	const lines = [
		'# Historier i demodata',
		'',
		'Alle afdelinger, områder, boligorganisationer og tal i denne mappe er opdigtede (se filen `DEMO`), undtagen referencetallene i `referencetal.csv`: dem har Landsbyggefonden offentliggjort (kilde og adresse står på hver linje).',
		'Kommunegrænserne i `kommuner.geojson` er de rigtige (DAGI, Geodatastyrelsen & Danske Kommuner).',
		`Skrevet af \`npm run generate -- --scale demo --seed ${world.seed}\`. Kommuner: ${world.kommuner
			.map((k) => `${k} ${MUNICIPALITY_NAMES[k] ?? ''}`.trim())
			.join(', ')}.`,
		'',
		'Data med vilje lagt ind, så dashboardet har noget at vise:',
		''
	];
	for (const s of world.stories) {
		const where = s.areaId ? `Område ${s.areaId} (${areaName.get(s.areaId) ?? ''})` : 'Intet område';
		lines.push(`## ${s.id}: ${s.title}`, '', `${where}. ${s.description}`, '');
		lines.push(`Afdelinger: ${s.departmentIds.map((id) => `${id} (${deptName.get(id) ?? ''})`).join(', ')}.`, '');
	}
	lines.push(
		'## Kommunens egne nøgletal',
		'',
		`\`${DECLARED_FILE}\` erklærer tre nøgletal ud over de syv indbyggede, og \`${DECLARED_FIGURES_FILE}\` har tallene fra ${DECLARED_FIRST_YEAR}: domme pr. 1.000 beboere og andelen af 30-59-årige med kun grundskole (begge om personer, så de diskretioneres) og beboernes indkomst i procent af regionens. De følger andelen uden for arbejdsmarkedet: domme og kun grundskole stiger i Engparken Øst (H1) og falder i Svalehøj efter helhedsplanen (H2), indkomsten omvendt; den lille afdeling 2101-008 (H3) har så få beboere, at dens tal skjules som det indbyggede. Vælg dem i dashboardets liste over nøgletal, eller lav en fokusregel på dem.`,
		'',
		'## Filerne',
		'',
		'- `afdelinger.csv` er gemt i Windows-1252, som Excels "CSV (semikolonsepareret)"; de øvrige CSV-filer i UTF-8 med BOM.',
		'- Navnene `Tårnet "Øst"` og `Skovbrynet; blok A-C` står i anførselstegn i CSV-filen, som Excel skriver dem.',
		'- Nøgletallene er fordelt på flere filer (`noegletal_*.csv`) med forskellige kolonneoverskrifter og år, som pipelinen lægger sammen.',
		'- `aftaler.csv` holder aftalte mål, sat ud fra tallene, så de i 2025 står som nået (Svalehøjs ledighed, aftalt 2022), på vej (andelen uden for arbejdsmarkedet i Svalehøj), ikke på vej (ledigheden i Engparken Øst), ikke nået (fraflytningen i Engparken Øst, målår 2024) og uden data (den lille afdeling 2101-008, hvis tal er diskretioneret), samt et fælles mål for Aarhus Kommune.',
		'- `indsatser.csv` er projektbanken: helhedsplanen for Svalehøj 2018-2023 (H2), renoveringen af to af afdelingerne 2018-2021, en udlejningsaftale for Engparken Øst fra 2023 (H1) og et boligsocialt projekt i Solsikkeparken 2020-2023 (H7).',
		''
	);
	return lines.join('\n');
}
