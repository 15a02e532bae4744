/**
 * `npm run ingest -- --input DIR --out DIR [--json]`: reads an input folder, reports every
 * problem as `file:line:column: message`, and on success swaps in a new output folder.
 *
 * Exit status: 0 written; 1 input errors or figures the privacy audit cannot make safe (nothing
 * written, the previous output untouched);
 * 2 wrong usage (unknown option, missing input folder, an --out that may not be replaced: see
 * build/output-folder.ts; nothing touched); 3 an internal error (a bug: please report it).
 */
import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { usageErrorText } from './usage-error.ts';
import { count } from './read/terminal-count.ts';
import { ownDataAt } from './data-state.ts';
import { ingest, type IngestResult } from './ingest.ts';
import { OutputRefused } from './build/output-folder.ts';
import { PrivacyAuditFailed } from './build/audited-suppression.ts';
import { formatReport, jsonReport } from './read/issues.ts';
import { terminalReporter } from './terminal-reporter.ts';

export const DEFAULT_INPUT = 'data/sample';
export const DEFAULT_OUT = 'static/data';

const USAGE = `Brug / usage: npm run ingest -- [--input MAPPE] [--out MAPPE] [--json]
  --input MAPPE  mappe med afdelinger.csv og noegletal*.csv (standard: ${DEFAULT_INPUT})
  --out MAPPE    hvor Parquet-filerne og dashboardets data skrives (standard: ${DEFAULT_OUT});
                 en sti, der ikke findes, en tom mappe eller en tidligere output-mappe
  --json         rapporten som JSON på stdout
Afslutningskode: 0 skrevet, 1 fejl i inddata eller diskretionering, der ikke består revisionen, 2 forkert brug, 3 intern fejl.`;

async function main(argv: string[]): Promise<number> {
	let options: { input: string; out: string; json: boolean; inputGiven: boolean };
	try {
		const { values } = parseArgs({
			args: argv,
			strict: true,
			allowPositionals: false,
			options: {
				input: { type: 'string' },
				out: { type: 'string' },
				json: { type: 'boolean', default: false },
				help: { type: 'boolean', short: 'h', default: false }
			}
		});
		if (values.help) {
			process.stdout.write(`${USAGE}\n`);
			return 0;
		}
		options = {
			input: values.input ?? DEFAULT_INPUT,
			out: values.out ?? DEFAULT_OUT,
			json: values.json ?? false,
			inputGiven: values.input !== undefined
		};
	} catch (error) {
		process.stderr.write(`Forkert brug: ${usageErrorText(error, 'npm run ingest', ['--input', '--out', '--json', '--help'])}\n${USAGE}\n`);
		return 2;
	}
	// An empty path would mean the current folder (the project itself): never what was meant.
	for (const [name, value] of [
		['--input', options.input],
		['--out', options.out]
	] as const) {
		if (value.trim() === '') {
			process.stderr.write(`Forkert brug: ${name} er tom: forventede en sti til en mappe.\n${USAGE}\n`);
			return 2;
		}
	}
	const inputKind = await kindOf(options.input);
	if (inputKind !== 'directory') {
		const found = inputKind === 'missing' ? 'findes ikke' : 'er en fil, ikke en mappe';
		process.stderr.write(`Forkert brug: --input "${options.input}" ${found}: forventede en mappe med inddata.\n${USAGE}\n`);
		return 2;
	}

	// A bare `npm run ingest` reads the demo: over the user's own ingest that would put the demo in
	// its place without a word, the one thing npm start is careful never to do.
	const ownData = options.inputGiven ? null : ownDataAt(options.out);
	if (ownData) {
		process.stderr.write(
			`Forkert brug: ${options.out} holder dine egne data (${ownData}), og uden --input læses demodata (${DEFAULT_INPUT}), som ville erstatte dem: forventede --input med mappen med dine data. Vil du have demodata, så skriv --input ${DEFAULT_INPUT}, eller brug npm start -- --demo.\n${USAGE}\n`
		);
		return 2;
	}

	let result: IngestResult;
	try {
		result = await ingest({ input: options.input, out: options.out, reporter: terminalReporter(process.stderr, options.json) });
	} catch (error) {
		if (error instanceof OutputRefused) {
			if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, usage_error: error.message }, null, 2)}\n`);
			process.stderr.write(`Forkert brug: ${error.message}\n`);
			return 2;
		}
		if (error instanceof PrivacyAuditFailed) {
			if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, privacy_error: error.message }, null, 2)}\n`);
			process.stderr.write(`${error.message}\nIntet skrevet / nothing written; ${options.out} er uændret / is unchanged.\n`);
			return 1;
		}
		const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
		if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, internal_error: String(error) }, null, 2)}\n`);
		process.stderr.write(`Intern fejl (det er en fejl i programmet, ikke i dine data; den tidligere output-mappe er urørt):\n${message}\n`);
		return 3;
	}

	if (options.json) {
		const report = {
			ok: result.ok,
			input: options.input,
			out: options.out,
			...jsonReport(result.issues),
			manifest: result.manifest ?? null
		};
		process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
	} else {
		process.stdout.write(formatReport(result.issues, options.input));
		if (result.ok && result.manifest) {
			const rows = result.manifest.rows;
			process.stdout.write(
				`Skrev ${count(rows.afdelinger, 'afdeling', 'afdelinger')}, ${count(rows.noegletal, 'række', 'rækker')} nøgletal og ${count(rows.aggregater, 'aggregat', 'aggregater')} til ${options.out}.\n`
			);
		} else {
			process.stdout.write(`Intet skrevet: ret fejlene ovenfor og kør igen. ${options.out} er uændret.\n`);
		}
	}
	return result.ok ? 0 : 1;
}

async function kindOf(path: string): Promise<'directory' | 'file' | 'missing'> {
	try {
		return (await stat(path)).isDirectory() ? 'directory' : 'file';
	} catch {
		return 'missing';
	}
}

process.exitCode = await main(process.argv.slice(2));
