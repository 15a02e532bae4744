/**
 * The read step's files read into one reused buffer (pipelines/read/file-bytes.ts): each read
 * gives exactly its file's bytes, whatever an earlier, longer file left in the buffer, and
 * readInput reads the same rows through it as the files hold (values worked out by hand).
 */
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FileBytes } from '../../pipelines/read/file-bytes.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { readInput } from '../../pipelines/read/read-input.ts';

let dir = '';
function folder(files: Record<string, string | Uint8Array>): string {
	dir = mkdtempSync(join(tmpdir(), 'read-file-bytes-'));
	for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
	return dir;
}
afterEach(() => {
	if (dir) rmSync(dir, { recursive: true, force: true });
	dir = '';
});

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

describe('FileBytes', () => {
	it('gives each file exactly its bytes: a shorter file after a longer one gets none of its tail', () => {
		const d = folder({ long: 'abcdefghij', short: 'XYZ', empty: '' });
		const reader = new FileBytes(10);
		expect(text(reader.read(join(d, 'long')))).toBe('abcdefghij');
		expect(text(reader.read(join(d, 'short')))).toBe('XYZ');
		expect(reader.read(join(d, 'empty')).length).toBe(0);
		expect(text(reader.read(join(d, 'long')))).toBe('abcdefghij');
	});

	it('reads a file larger than it was made for, and one that grew past its first size, whole', () => {
		// 200,000 bytes against a buffer of 16: the buffer grows, and the 64 KB probe past a full
		// buffer reads on (200,000 = 3 probes of 65,536 + 3,392).
		const big = Uint8Array.from({ length: 200_000 }, (_, i) => (i * 7) % 251);
		const d = folder({ small: 'x'.repeat(16), big });
		const reader = new FileBytes(16);
		expect(text(reader.read(join(d, 'small')))).toBe('x'.repeat(16));
		const read = reader.read(join(d, 'big'));
		expect(read.length).toBe(200_000);
		expect(read[0]).toBe(0);
		expect(read[36]).toBe(1); // 252 % 251
		expect(read[199_999]).toBe((199_999 * 7) % 251);
		expect(createHash('sha256').update(read).digest('hex')).toBe(createHash('sha256').update(big).digest('hex'));
		// A file exactly as long as the buffer, then one byte more: the probe finds the byte.
		writeFileSync(join(d, 'exact'), 'y'.repeat(200_000));
		expect(reader.read(join(d, 'exact')).length).toBe(200_000);
		appendFileSync(join(d, 'exact'), 'z');
		const grown = reader.read(join(d, 'exact'));
		expect(grown.length).toBe(200_001);
		expect(text(grown.subarray(199_999))).toBe('yz');
	});

	it('throws as readFileSync does for a file that is not there or is a folder', () => {
		const d = folder({});
		const reader = new FileBytes(4);
		expect(() => reader.read(join(d, 'missing.csv'))).toThrow(expect.objectContaining({ code: 'ENOENT' }));
		expect(() => reader.read(d)).toThrow(expect.objectContaining({ code: 'EISDIR' }));
	});
});

describe('readInput through one buffer', () => {
	it('reads a short key-figure file after a long one, and the register before both, to the same rows', async () => {
		// The register is read first, then noegletal_a (long, 7 rows of padding ids), then
		// noegletal_b (3 lines): had noegletal_b's read kept noegletal_a's tail, its rows would
		// run on into "z1;2020;..." lines.
		const padding = Array.from({ length: 7 }, (_, i) => `z${i};2020;${100 + i}\n`).join('');
		const d = folder({
			'afdelinger.csv':
				'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode\n' +
				'a;Æblehaven;1;Org;0101\nb;Bøgely;1;Org;0101\n' +
				Array.from({ length: 7 }, (_, i) => `z${i};Z;1;Org;0101\n`).join(''),
			'noegletal_a.csv': 'afdeling_id;aar;boliger\na;2020;10\na;2021;11\n' + padding,
			'noegletal_b.csv': 'afdeling_id;aar;fraflytninger\nb;2021;4\na;2021;2\n'
		});
		const input = await readInput(d, silentReporter);
		expect(input.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(input.departments.map((x) => x.afdeling_navn).slice(0, 2)).toEqual(['Æblehaven', 'Bøgely']);
		const t = input.keyFigures;
		// Sorted by id then year: a 2020, a 2021, b 2021, z0..z6 2020.
		expect(t.afdeling_id.slice(0, 3)).toEqual(['a', 'a', 'b']);
		expect([...t.aar.subarray(0, 3)]).toEqual([2020, 2021, 2021]);
		expect([...t.values.boliger.subarray(0, 3)]).toEqual([10, 11, NaN]);
		expect([...t.values.fraflytninger.subarray(0, 3)]).toEqual([NaN, 2, 4]);
		expect(t.length).toBe(10);
		expect([...t.values.boliger.subarray(3)]).toEqual([100, 101, 102, 103, 104, 105, 106]);
		// Each file's hash is of its own bytes, whatever the buffer held before.
		const b = 'afdeling_id;aar;fraflytninger\nb;2021;4\na;2021;2\n';
		expect(input.files.find((f) => f.file === 'noegletal_b.csv')).toEqual({
			file: 'noegletal_b.csv',
			sha256: createHash('sha256').update(b).digest('hex'),
			rows: 2
		});
	});
});
