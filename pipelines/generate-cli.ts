/**
 * npm run generate -- --scale demo|national|national10 --seed N --out DIR
 *
 * Writes synthetic input in the contract's format (see pipelines/generate/generate.ts).
 * Exit status 0 on success, 1 when writing fails, 2 on wrong usage.
 */
import { generate } from './generate/generate.ts';
import { SCALES, type Scale } from './generate/world.ts';

const USAGE = `Brug: npm run generate -- [--scale demo|national|national10] [--seed N] [--out MAPPE]

  --scale  demo (3 kommuner, ca. 50 afdelinger; standard), national (98 kommuner, ca. 8.000
           afdelinger) eller national10 (ca. 80.000 afdelinger)
  --seed   heltal 0-4294967295, standard 1; samme seed giver de samme filer
  --out    mappe at skrive i, standard data/sample`;

function usage(problem: string): never {
	console.error(`${problem}\n\n${USAGE}`);
	process.exit(2);
}

function parse(argv: string[]): { scale: Scale; seed: number; out: string } {
	const options = { scale: 'demo' as Scale, seed: 1, out: 'data/sample' };
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i] as string;
		if (arg === '--help' || arg === '-h') {
			console.log(USAGE);
			process.exit(0);
		}
		const [flag, inline] = arg.includes('=') ? (arg.split(/=(.*)/s, 2) as [string, string]) : [arg, undefined];
		if (flag !== '--scale' && flag !== '--seed' && flag !== '--out') usage(`Ukendt argument: ${arg}`);
		const value = inline ?? argv[++i];
		if (value === undefined || value === '') usage(`${flag} mangler en værdi`);
		if (flag === '--scale') {
			if (!(SCALES as readonly string[]).includes(value)) usage(`Ukendt skala: ${value}`);
			options.scale = value as Scale;
		} else if (flag === '--seed') {
			if (!/^\d+$/.test(value) || Number(value) > 0xffffffff) usage(`--seed skal være et heltal 0-4294967295, ikke ${value}`);
			options.seed = Number(value);
		} else {
			options.out = value;
		}
	}
	return options;
}

const options = parse(process.argv.slice(2));
try {
	const result = await generate(options);
	console.log(
		`Skrev ${result.departments.toLocaleString('da-DK')} afdelinger og ${result.rows.toLocaleString('da-DK')} nøgletalsrækker (${options.scale}, seed ${options.seed}) i ${options.out}:`
	);
	for (const file of result.files) console.log(`  ${file}`);
	for (const s of result.stories) console.log(`  ${s.id} ${s.title}: ${s.areaId ?? 'intet område'}; ${s.departmentIds.join(', ')}`);
} catch (error) {
	console.error(`Fejl: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
}
