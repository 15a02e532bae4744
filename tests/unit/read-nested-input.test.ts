/**
 * `--input` one folder too high: the folder holding the municipality's folder. The missing-register
 * error says which folder below holds the register, so the user can point --input at it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readInput } from '../../pipelines/read/read-input.ts';
import { silentReporter } from '../../pipelines/read/model.ts';

const root = mkdtempSync(join(tmpdir(), 'bb-nested-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const REGISTER = 'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\n1001-001;Søparken;1001;Åbo;0101\n';

const registerMessage = async (dir: string) =>
	(await readInput(dir, silentReporter)).issues.find((i) => i.code === 'missing-file' && i.expected?.startsWith('afdelinger'))?.message;

describe('the register one folder down', () => {
	it('is named in the error, with the path --input should have', async () => {
		const top = join(root, 'kommuner');
		mkdirSync(join(top, 'horsens'), { recursive: true });
		mkdirSync(join(top, 'noter'));
		writeFileSync(join(top, 'horsens', 'Afdelinger.xlsx'), '');
		expect(await registerMessage(top)).toBe(
			`Afdelingsregistret mangler: forventede filen afdelinger.csv eller afdelinger.xlsx i mappen, fandt ingen datafiler. Registret ligger i "horsens/": skal --input pege på den mappe ("${join(top, 'horsens')}")?`
		);
	});
	it('names both when two folders hold one', async () => {
		const top = join(root, 'to');
		for (const name of ['vejle', 'aarhus']) {
			mkdirSync(join(top, name), { recursive: true });
			writeFileSync(join(top, name, 'afdelinger.csv'), REGISTER);
		}
		expect(await registerMessage(top)).toMatch(
			/Registret ligger i "aarhus\/" og "vejle\/": skal --input pege på en af dem \(".*\/to\/aarhus"\)\?$/
		);
	});
	it('adds nothing when no folder below holds one', async () => {
		const top = join(root, 'ingen');
		mkdirSync(join(top, 'tom'), { recursive: true });
		expect(await registerMessage(top)).toBe(
			'Afdelingsregistret mangler: forventede filen afdelinger.csv eller afdelinger.xlsx i mappen, fandt ingen datafiler.'
		);
	});
});
