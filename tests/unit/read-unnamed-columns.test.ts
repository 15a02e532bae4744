/**
 * A value in a column without a heading (a note typed beside the figures, under the empty heading
 * Excel writes for a trailing separator) is not read, and the user is told: one warning per file
 * at the first such cell, with the number of lines that hold one. An empty column without a
 * heading, what every trailing `;` gives, says nothing. The same through the CSV reader, a
 * workbook's sheet and a whole ingest's read step (where DuckDB's reader must leave such a file to
 * the JavaScript reader, which warns).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatIssue, IssueCollector } from '../../pipelines/read/issues.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { readInput } from '../../pipelines/read/read-input.ts';
import { readTable, tableSource } from '../../pipelines/read/table-source.ts';
import { table, xlsx } from '../support/xlsx-writer.ts';

const work = mkdtempSync(join(tmpdir(), 'unnamed-columns-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function warnings(file: string, bytes: Uint8Array): Promise<{ rows: number; issues: string[] }> {
	const issues = new IssueCollector();
	const source = await tableSource(file, bytes, issues);
	let rows = 0;
	readTable(file, source!, issues, { header: () => true, row: () => void rows++ });
	return { rows, issues: issues.list().map(formatIssue) };
}

const csv = (text: string) => new TextEncoder().encode(text);

describe('a value in a column without a heading', () => {
	it('is one warning at its first cell in a CSV file, with the count of lines holding one', async () => {
		const text = 'afdeling_id;aar;;ledige_boliger;\n1;2024;;3;\n1;2025;ring til Ærø 😀;4;\n2;2025;;5;"<script>"\n';
		const { rows, issues } = await warnings('noegletal.csv', csv(text));
		expect(rows).toBe(3);
		expect(issues).toEqual([
			'noegletal.csv:3:3: advarsel: Værdien "ring til Ærø 😀" står i en kolonne uden overskrift og bliver ikke læst: ' +
				'forventede en overskrift over kolonnen eller en tom celle, fandt "ring til Ærø 😀" (2 linjer har en værdi i en kolonne uden overskrift).'
		]);
	});

	it('says nothing when the columns without a heading are empty (trailing separators)', async () => {
		const { rows, issues } = await warnings('noegletal.csv', csv('afdeling_id;aar;ledige_boliger;;\n1;2024;3;;\n1;2025;4; ;\n'));
		expect(rows).toBe(2);
		expect(issues).toEqual([]);
	});

	it('is named by its cell in a workbook', async () => {
		const cells = table('B2', [
			['afdeling_id', 'aar', null, 'ledige_boliger'],
			['1', 2024, null, 3],
			['1', 2025, 'tjek tallet', 4]
		]);
		const { rows, issues } = await warnings('noegletal.xlsx', xlsx([{ name: 'Ark1', cells }]));
		expect(rows).toBe(2);
		expect(issues).toEqual([
			'noegletal.xlsx:Ark1!D4: advarsel: Værdien "tjek tallet" står i en kolonne uden overskrift og bliver ikke læst: ' +
				'forventede en overskrift over kolonnen eller en tom celle, fandt "tjek tallet".'
		]);
	});

	it('is warned of in an ingest, and an empty unnamed column still reads the figures', async () => {
		const register = 'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\nA1;N;1;O;0101\nB2;M;1;O;0101\n';
		const figures = (note: string) => `afdeling_id;aar;boliger;;ledige_boliger\nA1;2024;40;;2\nB2;2024;60;${note};3\n`;
		const run = async (name: string, note: string) => {
			const dir = join(work, name);
			rmSync(dir, { recursive: true, force: true });
			mkdirSync(dir);
			writeFileSync(join(dir, 'afdelinger.csv'), register);
			writeFileSync(join(dir, 'noegletal.csv'), figures(note));
			const result = await readInput(dir, silentReporter);
			const t = result.keyFigures;
			return {
				issues: result.issues.filter((i) => i.code === 'unnamed-column').map(formatIssue),
				boliger: Array.from(t.values['boliger']!.subarray(0, t.length)),
				ledige: Array.from(t.values['ledige_boliger']!.subarray(0, t.length))
			};
		};
		const noted = await run('noted', 'se note');
		expect(noted.issues).toEqual([
			'noegletal.csv:3:4: advarsel: Værdien "se note" står i en kolonne uden overskrift og bliver ikke læst: ' +
				'forventede en overskrift over kolonnen eller en tom celle, fandt "se note".'
		]);
		expect(noted.boliger).toEqual([40, 60]);
		expect(noted.ledige).toEqual([2, 3]);
		const empty = await run('empty', '');
		expect(empty.issues).toEqual([]);
		expect(empty.boliger).toEqual([40, 60]);
		expect(empty.ledige).toEqual([2, 3]);
	});
});
