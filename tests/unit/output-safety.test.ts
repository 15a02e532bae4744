/**
 * No command deletes or changes a file it did not write: the ingest's `--out` rule
 * (pipelines/build/output-folder.ts), the exit status for a refused `--out`, input that gives nothing to
 * publish, and what `npm start` does with a folder holding the user's own ingest. The property
 * test throws random folder trees and random `--input`/`--out` pairs at the ingest and checks that
 * every file it did not write is byte for byte as before.
 */
import fc from 'fast-check';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileHashes } from '../support/file-tree.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeData } from '../../pipelines/data-state.ts';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { checkOutputTarget, OutputRefused } from '../../pipelines/build/output-folder.ts';
import { startPlan } from '../../pipelines/start-plan.ts';

const REPO = join(dirname(new URL(import.meta.url).pathname), '..', '..');

const REGISTER = [
	'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode;omraade_id',
	'1-001;Engen;1;Bolig A;0101;O1',
	'2-001;Bakken;2;Bolig B;0147;'
].join('\n');
const KEY_FIGURES = ['afdeling_id;aar;boliger;ledige_boliger', '1-001;2023;100;3', '1-001;2024;100;2', '2-001;2024;50;1'].join('\n');
const HEADER_ONLY = 'afdeling_id;aar;boliger;ledige_boliger\n';

let root: string;
beforeAll(() => {
	root = mkdtempSync(join(tmpdir(), 'bb-out-'));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

function write(dir: string, files: Record<string, string>): string {
	mkdirSync(dir, { recursive: true });
	for (const [name, text] of Object.entries(files)) {
		mkdirSync(dirname(join(dir, name)), { recursive: true });
		writeFileSync(join(dir, name), text);
	}
	return dir;
}

function cli(...args: string[]) {
	const run = spawnSync('npx', ['tsx', 'pipelines/ingest-cli.ts', ...args], {
		cwd: REPO,
		encoding: 'utf8',
		env: { ...process.env, NO_COLOR: '1' }
	});
	return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

describe('--out: what the ingest may replace', () => {
	const refused = async (input: string, out: string, pattern: RegExp) => {
		const error = await checkOutputTarget(input, out).catch((e: unknown) => e);
		expect(error).toBeInstanceOf(OutputRefused);
		expect((error as Error).message).toMatch(pattern);
	};

	it('refuses --out equal to, inside or around --input', async () => {
		const input = write(join(root, 'case-a', 'input'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		await refused(input, input, /samme mappe som --input/);
		await refused(input, `${input}/`, /samme mappe som --input/);
		await refused(input, join(input, 'ud'), /inde i mappen med inddata/);
		await refused(input, join(root, 'case-a'), /indeholder mappen med inddata/);
		// The same folder through a symbolic link is still the same folder.
		symlinkSync(input, join(root, 'case-a', 'link'));
		await refused(input, join(root, 'case-a', 'link'), /symbolsk link/);
		await refused(join(root, 'case-a', 'link'), input, /samme mappe som --input/);
	});

	it('refuses a plain file, a path below a plain file, a symbolic link, and a folder with the user’s files', async () => {
		const input = write(join(root, 'case-b', 'input'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		write(join(root, 'case-b'), { 'report.docx': 'PK', 'mine/brev.docx': 'PK', 'mine/photos/a.jpg': 'JPEG' });
		await refused(input, join(root, 'case-b', 'report.docx'), /er en fil, ikke en mappe/);
		await refused(input, join(root, 'case-b', 'report.docx', 'sub'), /ligger under filen .*report\.docx/);
		// Without a manifest the folder's top level is named (folders with `/`), not walked.
		await refused(input, join(root, 'case-b', 'mine'), /"brev\.docx", "photos\/"/);
		symlinkSync(join(root, 'case-b', 'mine'), join(root, 'case-b', 'link'));
		await refused(input, join(root, 'case-b', 'link'), /symbolsk link/);
	});

	it('accepts a new path, an empty folder and an earlier output of its own', async () => {
		const input = write(join(root, 'case-c', 'input'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		await checkOutputTarget(input, join(root, 'case-c', 'new', 'deeper', 'out'));
		mkdirSync(join(root, 'case-c', 'empty'));
		await checkOutputTarget(input, join(root, 'case-c', 'empty'));
		const out = join(root, 'case-c', 'out');
		expect((await ingest({ input, out, reporter: silentReporter })).ok).toBe(true);
		await checkOutputTarget(input, out);
		// One of its own files changed by hand (another size) makes it no longer provably its own.
		writeFileSync(join(out, 'web', 'index.json'), '{}');
		await refused(input, out, /web\/index\.json/);
	});

	it('refuses an earlier output holding a user’s empty folder, and a folder of empty folders', async () => {
		const input = write(join(root, 'case-g', 'input'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		const out = join(root, 'case-g', 'out');
		expect((await ingest({ input, out, reporter: silentReporter })).ok).toBe(true);
		mkdirSync(join(out, 'photos'));
		mkdirSync(join(out, 'web', 'mine'));
		await refused(input, out, /"photos\/", "web\/mine\/"/);
		const empties = join(root, 'case-g', 'empties');
		mkdirSync(join(empties, 'a', 'b'), { recursive: true });
		await refused(input, empties, /"a\/"/);
		expect(existsSync(join(out, 'photos')) && existsSync(join(empties, 'a', 'b'))).toBe(true);
	});

	it('exits 2 with a message, touching nothing, for a refused --out', () => {
		const input = write(join(root, 'case-d', 'input'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		write(join(root, 'case-d'), { 'keep.txt': 'x' });
		const before = fileHashes(join(root, 'case-d'));
		const below = cli('--input', input, '--out', join(root, 'case-d', 'keep.txt', 'sub'));
		expect(below.status).toBe(2);
		expect(below.stderr).toMatch(/^Forkert brug: --out .* ligger under filen/);
		expect(cli('--input', input, '--out', input).status).toBe(2);
		// An empty --out would be the current folder, the project itself.
		const empty = cli('--input', input, '--out', '');
		expect(empty.status).toBe(2);
		expect(empty.stderr).toMatch(/^Forkert brug: --out er tom/);
		expect(cli('--input', join(input, 'afdelinger.csv')).stderr).toMatch(/er en fil, ikke en mappe/);
		expect(fileHashes(join(root, 'case-d'))).toEqual(before);
	});
});

describe('input that gives nothing to publish', () => {
	it('is an error, and the previous output stays byte for byte', async () => {
		const good = write(join(root, 'case-e', 'good'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		const empty = write(join(root, 'case-e', 'mine'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': HEADER_ONLY });
		const out = join(root, 'case-e', 'out');
		expect((await ingest({ input: good, out, reporter: silentReporter })).ok).toBe(true);
		const before = fileHashes(out);
		const result = await ingest({ input: empty, out, reporter: silentReporter });
		expect(result.ok).toBe(false);
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([
			expect.objectContaining({
				severity: 'error',
				code: 'nothing-to-publish',
				file: '.',
				found: '2 afdelinger, men ingen rækker med nøgletal'
			})
		]);
		expect(fileHashes(out)).toEqual(before);
	});

	it('counts only key figures of registered departments with at least one value', async () => {
		const input = write(join(root, 'case-e', 'blank'), {
			'afdelinger.csv': REGISTER,
			// A row with every value blank publishes nothing either.
			'noegletal.csv': 'afdeling_id;aar;boliger;ledige_boliger\n1-001;2024;;\n'
		});
		const result = await ingest({ input, out: join(root, 'case-e', 'never'), reporter: silentReporter });
		expect(result.issues.map((i) => i.code)).toContain('nothing-to-publish');
		expect(existsSync(join(root, 'case-e', 'never'))).toBe(false);
	});
});

describe('npm start and the user’s own data', () => {
	it('serves the user’s own ingest and says what it is; ingests the demo only when asked or when there is none', async () => {
		const demoInput = write(join(root, 'case-f', 'demo'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES, DEMO: '' });
		const mine = write(join(root, 'case-f', 'mine'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		const data = join(root, 'case-f', 'static-data');
		expect(startPlan(data, demoInput, false)).toMatchObject({ action: 'ingest-demo' });
		await ingest({ input: demoInput, out: data, reporter: silentReporter });
		expect(startPlan(data, demoInput, false)).toEqual({ action: 'serve' });
		// The demo's inputs changed: ingest the demo again.
		writeFileSync(join(demoInput, 'noegletal.csv'), `${KEY_FIGURES}\n2-001;2023;50;0`);
		expect(startPlan(data, demoInput, false)).toMatchObject({ action: 'ingest-demo' });

		await ingest({ input: mine, out: data, reporter: silentReporter });
		expect(startPlan(data, demoInput, false)).toEqual({ action: 'serve' });
		expect(startPlan(data, demoInput, true)).toMatchObject({ action: 'ingest-demo', why: '--demo' });
		const said = describeData(data);
		expect(said).toMatch(/^Viser dine egne data: 2 kommuner \(København, Frederiksberg\), 2 afdelinger, år 2023-2024, indlæst /);
		expect(said).toMatch(/npm start -- --demo/);
	});

	it('a bare npm run ingest (the demo by default) refuses to put the demo over the user’s own ingest', async () => {
		const mine = write(join(root, 'case-g', 'mine'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		const data = join(root, 'case-g', 'static-data');
		await ingest({ input: mine, out: data, reporter: silentReporter });
		const before = fileHashes(data);
		const bare = cli('--out', data);
		expect(bare.status).toBe(2);
		expect(bare.stderr).toMatch(
			/^Forkert brug: .*static-data holder dine egne data \(2 kommuner \(København, Frederiksberg\), 2 afdelinger, år 2023-2024\), og uden --input læses demodata \(data\/sample\), som ville erstatte dem: forventede --input med mappen med dine data\./
		);
		expect(fileHashes(data)).toEqual(before);
	});
});

describe('a run never deletes or changes a file it did not write (property)', () => {
	it('holds for random folder trees and random --input/--out pairs', async () => {
		// Paths the arguments are drawn from, relative to a fresh folder per run: the input itself,
		// inside it, around it, a user's folder, a user's file, below a file, an empty folder, a
		// new path, and the output of an earlier run (with or without a user's file added to it).
		const outs = [
			'in',
			'in/out',
			'.',
			'user',
			'user/doc.docx',
			'user/doc.docx/sub',
			'empty',
			'new/out',
			'prev',
			'prev-plus',
			'user/photos'
		];
		const inputs = ['good', 'empty-kf', 'broken'] as const;
		const userFiles = fc.dictionary(
			fc.constantFrom('user/doc.docx', 'user/photos/a.jpg', 'user/notes.txt', 'in/readme.md', 'prev-plus/mine.txt', 'loose.csv'),
			fc.string({ maxLength: 20 }),
			{ minKeys: 0, maxKeys: 6 }
		);
		// One earlier output, copied into place per run (a copy keeps every size the manifest lists).
		const template = join(root, 'prop-template');
		const seed = write(join(root, 'prop-seed'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': KEY_FIGURES });
		expect((await ingest({ input: seed, out: template, reporter: silentReporter })).ok).toBe(true);
		let n = 0;
		const outcomes = { written: 0, refused: 0, failed: 0 };
		await fc.assert(
			fc.asyncProperty(fc.constantFrom(...outs), fc.constantFrom(...inputs), userFiles, async (outPath, kind, files) => {
				const base = join(root, `prop-${n++}`);
				const keyFigures = kind === 'good' ? KEY_FIGURES : kind === 'empty-kf' ? HEADER_ONLY : 'afdeling_id;aar\n"1-001;2024';
				write(join(base, 'in'), { 'afdelinger.csv': REGISTER, 'noegletal.csv': keyFigures });
				mkdirSync(join(base, 'empty'));
				for (const prev of ['prev', 'prev-plus']) cpSync(template, join(base, prev), { recursive: true });
				// Listed before the user's files go in: prev-plus/mine.txt is the user's, not ours.
				const ours = new Set(['prev', 'prev-plus'].flatMap((p) => Object.keys(fileHashes(join(base, p))).map((f) => `${p}/${f}`)));
				write(base, files);
				const before = fileHashes(base);
				try {
					const written = (await ingest({ input: join(base, 'in'), out: join(base, outPath), reporter: silentReporter })).ok;
					outcomes[written ? 'written' : 'failed']++;
				} catch (error) {
					if (!(error instanceof OutputRefused)) throw error;
					outcomes.refused++;
				}
				const after = fileHashes(base);
				for (const [file, hash] of Object.entries(before)) {
					// What this program wrote itself (an earlier output it replaced) may change.
					if (ours.has(file)) continue;
					expect(after[file], `${outPath} / ${kind}: ${file}`).toBe(hash);
				}
			}),
			{ seed: 20261129, numRuns: 25 }
		);
		expect(outcomes.written).toBeGreaterThan(0);
		expect(outcomes.refused).toBeGreaterThan(0);
		expect(outcomes.failed).toBeGreaterThan(0);
	}, 300_000);
});
