/**
 * Ingest as a whole: the command's exit codes, and that a run either swaps in a complete output
 * folder or leaves the previous one byte for byte as it was (never a partial folder, never a
 * leftover temp folder), including for random and mutated inputs (fast-check, fixed seed).
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileHashes } from '../support/file-tree.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { listFiles, TEMP_MARKER } from '../../pipelines/build/output-folder.ts';
import { OUTPUT_FILES, WEB_FILES, type Manifest, type WebIndex } from '../../src/lib/core/output-contract.ts';

const REPO = join(dirname(new URL(import.meta.url).pathname), '..', '..');

const GOOD: Record<string, string> = {
	'afdelinger.csv': [
		'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode;omraade_id',
		'1-001;Engen;1;Bolig A;0101;O1',
		'1-002;Søen;1;Bolig A;0101;O1',
		'2-001;"Bakken; syd";2;Bolig B;0147;'
	].join('\n'),
	'noegletal.csv': [
		'afdeling_id;aar;boliger;ledige_boliger;beboere_18_64;uden_for_arbejdsmarked_18_64;areal_m2;husleje_kr_m2',
		'1-001;2023;100;3;200;50;7000;900,5',
		'1-001;2024;100;2;198;48,5;7000;910',
		'1-002;2023;300;1;500;100;21000;1000',
		'1-002;2024;300;6;505;101;21000;1012',
		'2-001;2023;50;0;80;20;3500;800',
		'2-001;2024;50;1;82;21;3500;815'
	].join('\n')
};

let root: string;
const writeFolder = (dir: string, files: Record<string, string>) => {
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(dir, { recursive: true });
	for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
};

/** Siblings of the output folder left by a run (`out.tmp-123`, `out.old-123`). */
const leftovers = (out: string) => readdirSync(dirname(out)).filter((n) => n.startsWith(`${relative(dirname(out), out)}.`));

/** Every file the manifest and the index promise is there. */
function complete(out: string): boolean {
	const manifest = JSON.parse(readFileSync(join(out, OUTPUT_FILES.manifest), 'utf8')) as Manifest;
	const index = JSON.parse(readFileSync(join(out, WEB_FILES.index), 'utf8')) as WebIndex;
	const files: string[] = [OUTPUT_FILES.departments, OUTPUT_FILES.keyFigures, OUTPUT_FILES.aggregates];
	if (manifest.rows.omraader > 0) files.push(OUTPUT_FILES.areas);
	if (manifest.rows.kommuner > 0) files.push(OUTPUT_FILES.municipalities);
	for (const k of index.kommuner) {
		files.push(WEB_FILES.overview(k.kode));
	}
	return files.every((f) => existsSync(join(out, f))) && index.kommuner.length > 0 && index.kommuner.every((k) => index.raekker[k.kode]);
}

/** The CLI as `npm run ingest` starts it: bundled by run-bundled.mjs, not through tsx. */
function cli(...args: string[]) {
	const run = spawnSync(process.execPath, ['pipelines/run-bundled.mjs', 'pipelines/ingest-cli.ts', ...args], {
		cwd: REPO,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' }
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'boligbarometer-ingest-'));
	writeFolder(join(root, 'good'), GOOD);
	writeFolder(join(root, 'bad'), { ...GOOD, 'noegletal.csv': GOOD['noegletal.csv']!.replace('1-001;2024;100;2', '1-001;2024;hundrede;2') });
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('npm run ingest', () => {
	it('exits 0 and writes the output for good input', () => {
		const out = join(root, 'cli-good');
		const run = cli('--input', join(root, 'good'), '--out', out);
		expect(run.status).toBe(0);
		// 6 department-years × 7 indicators = 42: every indicator has its numerator or its denominator
		// among the given columns (boliger and areal_m2 are denominators), and a row is written when
		// either is present (data/README.md, noegletal.parquet).
		expect(run.stdout).toContain('Skrev 3 afdelinger, 42 rækker nøgletal');
		expect(complete(out)).toBe(true);
	});

	it('exits 1 on input errors, says where, and writes nothing', () => {
		const out = join(root, 'cli-bad');
		const run = cli('--input', join(root, 'bad'), '--out', out);
		expect(run.status).toBe(1);
		// line 3 of noegletal.csv, column 3 (boliger)
		expect(run.stdout).toMatch(/^noegletal\.csv:3:3: /m);
		expect(existsSync(out)).toBe(false);
	});

	it('gives the same report as JSON with --json', () => {
		const run = cli('--input', join(root, 'bad'), '--out', join(root, 'cli-json'), '--json');
		expect(run.status).toBe(1);
		const report = JSON.parse(run.stdout) as { ok: boolean; errors: number; issues: { severity: string; file: string; line: number }[] };
		expect(report.ok).toBe(false);
		expect(report.errors).toBeGreaterThan(0);
		// The first error; the key-figure file's header also has a warning about columns it lacks.
		expect(report.issues.find((i) => i.severity === 'error')).toMatchObject({ file: 'noegletal.csv', line: 3 });
	});

	it('exits 2 on wrong usage', () => {
		expect(cli('--no-such-option').status).toBe(2);
		expect(cli('--input', join(root, 'does-not-exist')).status).toBe(2);
		expect(cli('stray-argument').status).toBe(2);
	});
});

describe('ingest', () => {
	it('leaves the previous output byte for byte when a run fails', async () => {
		const out = join(root, 'keep', 'data');
		expect((await ingest({ input: join(root, 'good'), out, reporter: silentReporter })).ok).toBe(true);
		const before = fileHashes(out);
		const failed = await ingest({ input: join(root, 'bad'), out, reporter: silentReporter });
		expect(failed.ok).toBe(false);
		expect(fileHashes(out)).toEqual(before);
		expect(leftovers(out)).toEqual([]);
	});

	it('replaces the previous output completely when a run succeeds', async () => {
		const out = join(root, 'replace', 'data');
		await ingest({ input: join(root, 'good'), out, reporter: silentReporter });
		const second = await ingest({ input: join(root, 'good'), out, reporter: silentReporter });
		expect(second.ok).toBe(true);
		expect(complete(out)).toBe(true);
		expect(leftovers(out)).toEqual([]);
		// The manifest lists exactly the files in the folder, with their sizes: what lets the next
		// run know the folder is its own.
		const listed = Object.fromEntries(await listFiles(out));
		delete listed[OUTPUT_FILES.manifest];
		expect(second.manifest!.files).toEqual(listed);
	});

	it('refuses to replace an output folder holding a file it did not write, and touches nothing', async () => {
		const out = join(root, 'foreign', 'data');
		await ingest({ input: join(root, 'good'), out, reporter: silentReporter });
		writeFileSync(join(out, 'notes.txt'), 'a user’s notes');
		const before = fileHashes(out);
		await expect(ingest({ input: join(root, 'good'), out, reporter: silentReporter })).rejects.toThrow(/notes\.txt/);
		expect(fileHashes(out)).toEqual(before);
		expect(leftovers(out)).toEqual([]);
	});

	it('cleans up after a run that was killed before it could', async () => {
		const out = join(root, 'killed', 'data');
		await ingest({ input: join(root, 'good'), out, reporter: silentReporter });
		// A dead process's half-built folder (pid 2^22 + 1 is above Linux's pid_max default), known
		// as ours by the marker a run writes first; a user's folder of the same shape stays.
		mkdirSync(`${out}.tmp-4194305`, { recursive: true });
		writeFileSync(join(`${out}.tmp-4194305`, TEMP_MARKER), '');
		mkdirSync(`${out}.tmp-4194306`, { recursive: true });
		writeFileSync(join(`${out}.tmp-4194306`, 'mine.txt'), 'not the program’s');
		// A user's backup copy of an output whose name reads like a dead run's (the year as a pid):
		// a whole output, but without the marker, so it stays.
		cpSync(out, `${out}.old-2024`, { recursive: true });
		const backup = fileHashes(`${out}.old-2024`);
		await ingest({ input: join(root, 'good'), out, reporter: silentReporter });
		const name = relative(dirname(out), out);
		expect(leftovers(out).sort()).toEqual([`${name}.old-2024`, `${name}.tmp-4194306`]);
		expect(fileHashes(`${out}.old-2024`)).toEqual(backup);
		rmSync(`${out}.tmp-4194306`, { recursive: true });
		rmSync(`${out}.old-2024`, { recursive: true });
	});

	it('never leaves a partial output for random and mutated input (property)', async () => {
		const out = join(root, 'property', 'data');
		await ingest({ input: join(root, 'good'), out, reporter: silentReporter });
		// Mutations that break the input, and mutations that keep it valid (names are free text,
		// a department-year may be left out, row order does not matter).
		const breaking = ['replace', 'delete', 'insert', 'truncate', 'duplicate-line'] as const;
		const harmless = ['rename', 'drop-data-line', 'reverse-lines'] as const;
		const mutation = (kinds: readonly string[]) =>
			fc.record({
				file: fc.constantFrom('afdelinger.csv', 'noegletal.csv'),
				kind: fc.constantFrom(...kinds),
				at: fc.nat(),
				text: fc.oneof(
					fc.string({ maxLength: 8 }),
					fc.constantFrom(';', '"', '\n', '-5', '1e308', 'NaN', '9999', ',', '\r\n', '\u0000', 'ø', '🏠')
				)
			});
		const inputs = fc.oneof(
			fc
				.array(mutation([...breaking, ...harmless]), { minLength: 1, maxLength: 4 })
				.map((mutations) => ({ mutations, random: null as null | string })),
			fc.array(mutation(harmless), { minLength: 1, maxLength: 3 }).map((mutations) => ({ mutations, random: null as null | string })),
			fc.string({ maxLength: 200 }).map((random) => ({ mutations: [], random }))
		);
		let n = 0;
		const outcomes = { ok: 0, failed: 0 };
		await fc.assert(
			fc.asyncProperty(inputs, async ({ mutations, random }) => {
				const files = { ...GOOD };
				if (random !== null) files['noegletal.csv'] = random;
				for (const m of mutations) {
					const file = m.kind === 'rename' ? 'afdelinger.csv' : m.file;
					files[file] = mutate(files[file]!, m);
				}
				const input = join(root, `random-${n++}`);
				writeFolder(input, files);
				const before = fileHashes(out);
				const result = await ingest({ input, out, reporter: silentReporter });
				outcomes[result.ok ? 'ok' : 'failed']++;
				if (result.ok) expect(complete(out)).toBe(true);
				else expect(fileHashes(out)).toEqual(before);
				expect(leftovers(out)).toEqual([]);
			}),
			{ seed: 20240501, numRuns: 40 }
		);
		// Both branches were taken: some mutations still make valid input, most do not.
		expect(outcomes.ok).toBeGreaterThan(0);
		expect(outcomes.failed).toBeGreaterThan(0);
	}, 240_000);
});

function mutate(text: string, m: { kind: string; at: number; text: string }): string {
	const at = text.length === 0 ? 0 : m.at % text.length;
	const lines = text.split('\n');
	const line = lines.length === 0 ? 0 : m.at % lines.length;
	const data = 1 + (lines.length > 1 ? m.at % (lines.length - 1) : 0);
	switch (m.kind) {
		case 'replace':
			return text.slice(0, at) + m.text + text.slice(at + m.text.length);
		case 'delete':
			return text.slice(0, at) + text.slice(at + 1 + (m.at % 5));
		case 'insert':
			return text.slice(0, at) + m.text + text.slice(at);
		case 'truncate':
			return text.slice(0, at);
		case 'duplicate-line':
			return [...lines.slice(0, line + 1), lines[line] ?? '', ...lines.slice(line + 1)].join('\n');
		case 'rename': {
			// afdeling_navn is the second field; a quoted field may hold anything, quotes doubled.
			const fields = (lines[data] ?? '').split(';');
			if (fields.length < 6 || fields[1]!.startsWith('"')) return text;
			fields[1] = `"${m.text.replaceAll('"', '""')}x"`;
			return lines.map((l, i) => (i === data ? fields.join(';') : l)).join('\n');
		}
		case 'drop-data-line':
			return lines.filter((_, i) => i !== data || lines.length <= 2).join('\n');
		default:
			return [lines[0], ...lines.slice(1).reverse()].join('\n');
	}
}
