/**
 * The demo's own indicators (issue 15): `indikatorer.csv` declares three indicators beyond the
 * built-in seven, the worked examples of data/README.md, and `noegletal_egne.csv` carries the
 * columns they read, as a municipality's special run from Danmarks Statistik would, from 2016.
 *
 * The figures follow each department's share outside the labour market (figures.ts), so the
 * stories carry over: convictions and basic schooling rise in the sliding area (H1) and fall in the
 * recovering one (H2), income relative to the region the other way; the small department (H3) has
 * so few residents that its person-based figures are suppressed like its built-in one.
 *
 * A stream of its own per department (seeded from the department and "egne"), so the other files
 * keep their bytes: the built-in figures are read again from departmentYears with the department's
 * own stream, which is not advanced here.
 */
import { join } from 'node:path';
import { INDICATOR_COLUMNS } from '../../src/lib/core/indicator-declaration.ts';
import { departmentYears } from './figures.ts';
import { hashString, mixSeed, Rng } from './rng.ts';
import { CsvWriter } from './write-csv.ts';
import type { World } from './world.ts';

export const DECLARED_FILE = 'indikatorer.csv';
export const DECLARED_FIGURES_FILE = 'noegletal_egne.csv';
/** The first year of the special run. */
export const DECLARED_FIRST_YEAR = 2016;

const DECLARATIONS: readonly (readonly string[])[] = [
	[
		'domme_pr_1000',
		'Domme pr. 1.000 beboere',
		'Convictions per 1,000 residents',
		'Beboere på 15 år og derover med mindst én dom for overtrædelse af straffeloven, våbenloven eller lov om euforiserende stoffer i året, pr. 1.000 beboere på 15 år og derover.',
		'Residents aged 15 and over convicted at least once in the year under the criminal code, the weapons act or the drugs act, per 1,000 residents aged 15 and over.',
		'‰',
		'‰',
		'forhold',
		'domfaeldte',
		'beboere_15_plus',
		'1000',
		'ja',
		'lavere',
		'1',
		'0',
		'100',
		'Danmarks Statistik, særkørsel for kommunen (opdigtet i demodata)',
		'Statistics Denmark, a special extract for the municipality (invented in the demo data)'
	],
	[
		'kun_grundskole',
		'Kun grundskole (30-59 år)',
		'Basic schooling only (aged 30-59)',
		'Andel af beboerne på 30-59 år, hvis højeste fuldførte uddannelse er grundskolen.',
		'Share of residents aged 30-59 whose highest completed education is basic school.',
		'%',
		'%',
		'andel',
		'kun_grundskole_30_59',
		'beboere_30_59',
		'100',
		'ja',
		'lavere',
		'1',
		'',
		'',
		'Danmarks Statistik, særkørsel for kommunen (opdigtet i demodata)',
		'Statistics Denmark, a special extract for the municipality (invented in the demo data)'
	],
	[
		'indkomstniveau',
		'Indkomst i forhold til regionen',
		'Income relative to the region',
		'Beboernes samlede bruttoindkomst i procent af, hvad lige så mange beboere ville tjene med regionens gennemsnitsindkomst.',
		"Residents' total gross income as a percentage of what as many residents would earn at the region's average income.",
		'%',
		'%',
		'forhold',
		'indkomst_kr',
		'regionens_indkomst_kr',
		'100',
		'nej',
		'hoejere',
		'0',
		'0',
		'200',
		'Danmarks Statistik, indkomststatistikken (opdigtet i demodata)',
		'Statistics Denmark, income statistics (invented in the demo data)'
	]
];

/** The region's average gross income per resident aged 15 and over, kroner (invented). */
const REGION_INCOME = 330_000;

export function writeDeclared(dir: string, world: World): void {
	const declarations = new CsvWriter(join(dir, DECLARED_FILE), [...INDICATOR_COLUMNS], 'utf-8-bom');
	for (const row of DECLARATIONS) declarations.row(row);
	declarations.close();

	const figures = new CsvWriter(
		join(dir, DECLARED_FIGURES_FILE),
		[
			'afdeling_id',
			'aar',
			'Beboere 15 plus',
			'Domfældte',
			'Beboere 30-59',
			'Kun grundskole 30-59',
			'Indkomst (kr.)',
			'Regionens indkomst (kr.)'
		],
		'utf-8-bom'
	);
	for (const d of world.departments) {
		// The same stream figures.ts draws from, to read the same built-in figures again.
		const years = departmentYears(d, new Rng(mixSeed(world.seed, hashString(d.id))));
		const rng = new Rng(mixSeed(world.seed, hashString(`egne:${d.id}`)));
		for (const y of years) {
			if (y.aar < DECLARED_FIRST_YEAR) continue;
			const outside = y.beboere_18_64 > 0 ? y.uden_for_arbejdsmarked_18_64 / y.beboere_18_64 : 0;
			const over15 = Math.round(y.beboere_18_64 * 1.3 * rng.factor(0.03));
			const convicted = rng.binomial(over15, Math.min(0.2, 0.001 + 0.06 * outside));
			const aged30to59 = Math.round(y.beboere_18_64 * 0.62 * rng.factor(0.03));
			const basicOnly = rng.binomial(aged30to59, Math.min(0.9, 0.08 + 0.5 * outside));
			const income = Math.round(over15 * REGION_INCOME * Math.max(0.3, 1.05 - 0.9 * outside) * rng.factor(0.04));
			figures.row([
				d.id,
				String(y.aar),
				String(over15),
				String(convicted),
				String(aged30to59),
				String(basicOnly),
				String(income),
				String(over15 * REGION_INCOME)
			]);
		}
	}
	figures.close();
}
