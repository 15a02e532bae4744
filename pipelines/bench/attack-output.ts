/**
 * The independent attacker (issue 9's "we keep an independent attacker"): reads what an ingest
 * published, as a stranger would, and tries to narrow down every withheld person-based count.
 *
 *   npm run attack -- --out static/data --input data/sample [--years 2010,2018] [--json report.json]
 *
 * Knowledge (data/README.md's threat model): each department's denominator per year, read from
 * the input folder. Exit 0 when nothing is exposed and the files agree with themselves; 1 when a
 * count is exposed, a leftover reveals, a derived figure holds more than the files, or the files
 * disagree with the attacker's model of them; 2 on wrong usage. Shares no code with the
 * ingest's audit (pipelines/build/audit*.ts, privacy*.ts): see pipelines/bench/attack/.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readKnowledge } from './attack/knowledge.ts';
import { readPublished } from './attack/published-figures.ts';
import { buildYearSystems } from './attack/year-system.ts';
import { attackYear } from './attack/ranges.ts';
import { cheapAttacks } from './attack/cheap-attacks.ts';
import { checkDerived } from './attack/derived-figures.ts';
import { attackReport, type AttackReport } from './attack/report.ts';

export async function attackOutput(outDir: string, inputDir: string, years?: ReadonlySet<number>, log: (line: string) => void = () => {}): Promise<AttackReport> {
	const knowledge = await readKnowledge(inputDir);
	const published = await readPublished(outDir, new Set(knowledge.indicators.map((i) => i.id)));
	log(`Læst: ${published.figures.length} offentliggjorte tal, ${published.withheld.length} skjulte celler, ${published.baselines.length} basisværdier`);
	const systems = buildYearSystems(published, knowledge, years);
	const results = [];
	for (const system of systems) {
		const started = performance.now();
		const ranges = await attackYear(system);
		const cheap = cheapAttacks(system);
		results.push({ system, ranges, cheap });
		const exposed = ranges.filter((r) => r.exposed).length;
		log(`${system.indicator} ${system.year}: ${system.vars.length} skjulte afdelinger, ${system.rows.length} rækker, ${exposed} afsløret, ${cheap.length} billige fund (${Math.round(performance.now() - started)} ms)`);
	}
	return attackReport(published, knowledge, results, checkDerived(published));
}

async function main(): Promise<void> {
	const { values } = parseArgs({ options: { out: { type: 'string' }, input: { type: 'string' }, years: { type: 'string' }, json: { type: 'string' } } });
	if (!values.out || !values.input) {
		console.error('Brug: npm run attack -- --out <output-mappe> --input <inddata-mappe> [--years 2010,2018] [--json rapport.json]');
		process.exit(2);
	}
	const years = values.years ? new Set(values.years.split(',').map(Number)) : undefined;
	const report = await attackOutput(values.out, values.input, years, (line) => console.log(line));
	for (const line of report.lines) console.log(line);
	if (values.json) await writeFile(values.json, JSON.stringify(report, null, '\t') + '\n');
	process.exit(report.clean ? 0 : 1);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
