/**
 * Symbolic links in the input folder, made in a temporary folder (a link loop committed to the
 * fixtures would trip every tool that walks the tree): a link to a file elsewhere is read as the
 * file; a link that leads nowhere, by the name of an input file, is an error naming it, not
 * "no key figures".
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatReport } from '../../pipelines/read/issues.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { readInput } from '../../pipelines/read/read-input.ts';

const root = mkdtempSync(join(tmpdir(), 'bb-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REGISTER = 'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\n1001-001;Søparken;1001;Åbo;0101\n';
const KEY_FIGURES = 'afdeling_id;aar;boliger;ledige_boliger\n1001-001;2024;100;2\n';

function folder(name: string): string {
	const dir = join(root, name);
	mkdirSync(dir, { recursive: true });
	writeFileSync(join(dir, 'afdelinger.csv'), REGISTER);
	return dir;
}

describe('symbolic links in the input folder', () => {
	it('reads a link to a file outside the folder as the file', async () => {
		mkdirSync(join(root, 'elsewhere'));
		writeFileSync(join(root, 'elsewhere', 'tal.csv'), KEY_FIGURES);
		const dir = folder('outside');
		symlinkSync(join(root, 'elsewhere', 'tal.csv'), join(dir, 'noegletal.csv'));
		const result = await readInput(dir, silentReporter);
		expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(result.keyFigures.length).toBe(1);
	});

	it('names a link that loops or leads nowhere', async () => {
		const dir = folder('broken');
		symlinkSync('noegletal.csv', join(dir, 'noegletal.csv'));
		symlinkSync('findes-ikke.csv', join(dir, 'noegletal_2024.csv'));
		const result = await readInput(dir, silentReporter);
		expect(formatReport(result.issues.filter((i) => i.severity === 'error'))).toBe(
			'noegletal.csv: "noegletal.csv" kan ikke åbnes: forventede en fil, fandt et symbolsk link, der ikke kan følges (det peger i ring). Læg filen selv i inddatamappen, eller ret linket.\n' +
				'noegletal_2024.csv: "noegletal_2024.csv" kan ikke åbnes: forventede en fil, fandt et symbolsk link, der ikke kan følges (det peger på noget, der ikke findes). Læg filen selv i inddatamappen, eller ret linket.\n' +
				'2 fejl, 0 advarsler.\n'
		);
	});
});
