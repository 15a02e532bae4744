/**
 * End to end with workbooks only: the demo input (data/sample) saved as .xlsx by exceljs's own
 * writer, numbers as numbers as Excel would hold them, ingests with exit status 0 and gives the
 * same output as the CSVs, apart from the manifest, which names the input files.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import Papa from 'papaparse';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { fileHashes } from '../support/file-tree.ts';

const REPO = join(dirname(new URL(import.meta.url).pathname), '..', '..');
const SAMPLE = join(REPO, 'data', 'sample');

let root: string;

/** The sample's CSV text: UTF-8, or Windows-1252 as afdelinger.csv is saved. */
function csvText(bytes: Buffer): string {
	try {
		return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
	} catch {
		return iconv.decode(bytes, 'windows-1252');
	}
}

/** A CSV of the sample as a workbook: plain Danish numbers (`12`, `36,9`) become number cells. */
async function toWorkbook(csv: string): Promise<Buffer> {
	const rows = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data;
	const workbook = new ExcelJS.Workbook();
	const sheet = workbook.addWorksheet('Ark1');
	for (const row of rows) {
		// Codes with a leading zero (0461) stay text here; Excel would drop the zero, which the reader puts back.
		sheet.addRow(row.map((cell) => (/^-?(0|[1-9]\d*)(,\d+)?$/.test(cell) ? Number(cell.replace(',', '.')) : cell)));
	}
	return Buffer.from(await workbook.xlsx.writeBuffer());
}

beforeAll(async () => {
	root = mkdtempSync(join(tmpdir(), 'boligbarometer-xlsx-'));
	const input = join(root, 'input');
	mkdirSync(input);
	for (const name of readdirSync(SAMPLE)) {
		if (name.endsWith('.csv'))
			writeFileSync(join(input, name.replace(/\.csv$/, '.xlsx')), await toWorkbook(csvText(readFileSync(join(SAMPLE, name)))));
		else copyFileSync(join(SAMPLE, name), join(input, name));
	}
});

afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('an input folder of workbooks only', () => {
	it('ingests with exit status 0', () => {
		const input = join(root, 'input');
		expect(readdirSync(input).filter((n) => n.endsWith('.csv'))).toEqual([]);
		const run = spawnSync('npx', ['tsx', 'pipelines/ingest-cli.ts', '--input', input, '--out', join(root, 'cli')], {
			cwd: REPO,
			encoding: 'utf8',
			env: { ...process.env, NO_COLOR: '1' }
		});
		expect(run.status).toBe(0);
	}, 120_000);

	it('gives the same output as the CSVs, byte for byte, apart from the manifest', async () => {
		const fromCsv = await ingest({ input: SAMPLE, out: join(root, 'csv'), reporter: silentReporter });
		const fromXlsx = await ingest({ input: join(root, 'input'), out: join(root, 'xlsx'), reporter: silentReporter });
		expect(fromXlsx.ok && fromCsv.ok).toBe(true);
		const csv = fileHashes(join(root, 'csv'));
		const xlsx = fileHashes(join(root, 'xlsx'));
		delete csv['manifest.json'];
		delete xlsx['manifest.json'];
		// The reference figures name their input file (referencetal.csv or .xlsx), and a workbook's
		// number cell keeps no written decimals ("13,0" typed in Excel is the number 13), so the
		// decimals a reference value was published with come from the number there. Known gap:
		// reading Excel's number format would keep them. Everything else is byte for byte.
		for (const file of ['referencetal.json', 'web/index.json']) {
			const [a, b] = ['csv', 'xlsx'].map((dir) => JSON.parse(readFileSync(join(root, dir, file), 'utf8')) as Record<string, unknown>);
			const plain = (v: Record<string, unknown>) =>
				JSON.stringify({ ...v, fil: undefined }, (key, value: unknown) => (key === 'decimaler' ? undefined : value));
			expect(plain(b!)).toEqual(plain(a!));
			delete csv[file];
			delete xlsx[file];
		}
		expect(Object.keys(xlsx).length).toBeGreaterThan(10);
		expect(xlsx).toEqual(csv);
		const manifest = JSON.parse(readFileSync(join(root, 'xlsx', 'manifest.json'), 'utf8')) as { inputs: { file: string; rows: number }[] };
		expect(manifest.inputs.filter((f) => f.file.endsWith('.xlsx')).map((f) => f.file)).toEqual([
			'afdelinger.xlsx',
			'aftaler.xlsx',
			'indikatorer.xlsx',
			'indsatser.xlsx',
			'noegletal_beboere.xlsx',
			'noegletal_egne.xlsx',
			'noegletal_lbf.xlsx',
			'noegletal_regnskab_2010-2017.xlsx',
			'noegletal_regnskab_2018-2025.xlsx',
			'referencetal.xlsx'
		]);
	}, 120_000);
});
