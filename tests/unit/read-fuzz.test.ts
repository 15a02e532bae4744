/**
 * Property test: random and mutated input thrown at readInput through a temp folder. Starting from
 * a valid fixture, bytes are flipped, inserted and deleted, separators and line breaks added or
 * removed, quotes left unbalanced, lines duplicated, files cut short and re-encoded. Whatever
 * happens, readInput resolves (never throws, never hangs) and every issue says file, line, column
 * and message. Seeded, so a failure reproduces.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { afterAll, describe, expect, it } from 'vitest';
import { silentReporter, type ParsedInput } from '../../pipelines/read/model.ts';
import { MAX_ERRORS, MAX_WARNINGS } from '../../pipelines/read/issues.ts';
import { readInput } from '../../pipelines/read/read-input.ts';

const good = fileURLToPath(new URL('../fixtures/good/', import.meta.url));
const sources: Record<string, Buffer> = {};
for (const name of ['utf8-bom-semicolon', 'comma-decimal-point', 'hostile-names']) {
	for (const file of readdirSync(join(good, name))) sources[`${name}/${file}`] = readFileSync(join(good, name, file));
}
const work = mkdtempSync(join(tmpdir(), 'read-fuzz-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Mutation =
	| { kind: 'flip'; at: number; byte: number }
	| { kind: 'insert'; at: number; bytes: Uint8Array }
	| { kind: 'delete'; at: number; length: number }
	| { kind: 'text'; at: number; text: string }
	| { kind: 'dropDelimiters'; every: number }
	| { kind: 'duplicateLine'; at: number }
	| { kind: 'truncate'; at: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
	fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
	fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
	fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 30 }) }),
	fc.record({
		kind: fc.constant('text' as const),
		at: fc.nat(),
		text: fc.constantFrom(
			'"',
			'""',
			';',
			',',
			'\t',
			'\n',
			'\r\n',
			'\r',
			';;',
			'"x"y',
			'-',
			'1.234,5',
			'æøå',
			'🏠',
			'\u0000',
			'99999999999999999999'
		)
	}),
	fc.record({ kind: fc.constant('dropDelimiters' as const), every: fc.integer({ min: 2, max: 5 }) }),
	fc.record({ kind: fc.constant('duplicateLine' as const), at: fc.nat() }),
	fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() })
);

function mutate(bytes: Buffer, m: Mutation): Buffer {
	const at = bytes.length === 0 ? 0 : m.kind === 'dropDelimiters' ? 0 : m.at % (bytes.length + 1);
	switch (m.kind) {
		case 'flip':
			if (bytes.length === 0) return bytes;
			return Buffer.concat([bytes.subarray(0, at % bytes.length), Buffer.from([m.byte]), bytes.subarray((at % bytes.length) + 1)]);
		case 'insert':
			return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.bytes), bytes.subarray(at)]);
		case 'delete':
			return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + m.length)]);
		case 'text':
			return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text, 'utf8'), bytes.subarray(at)]);
		case 'dropDelimiters': {
			let n = 0;
			return Buffer.from(bytes.filter((b) => !((b === 0x3b || b === 0x2c) && ++n % m.every === 0)));
		}
		case 'duplicateLine': {
			const lines = bytes.toString('latin1').split('\n');
			const i = m.at % lines.length;
			lines.splice(i, 0, lines[i]!);
			return Buffer.from(lines.join('\n'), 'latin1');
		}
		case 'truncate':
			return bytes.subarray(0, at);
	}
}

function encode(bytes: Buffer, encoding: string): Buffer {
	if (encoding === 'as-is') return bytes;
	const text = bytes.toString('utf8');
	if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), bytes]);
	return iconv.encode(text, encoding);
}

function checkResult(result: ParsedInput): void {
	for (const issue of result.issues) {
		expect(['error', 'warning']).toContain(issue.severity);
		expect(typeof issue.file).toBe('string');
		expect(issue.file.length).toBeGreaterThan(0);
		expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
		expect(Number.isInteger(issue.column) && issue.column >= 0).toBe(true);
		expect(typeof issue.message).toBe('string');
		expect(issue.message.length).toBeGreaterThan(0);
		expect(issue.code.length).toBeGreaterThan(0);
	}
	expect(result.issues.length).toBeLessThanOrEqual(MAX_ERRORS + MAX_WARNINGS + 2);
	const t = result.keyFigures;
	expect(t.afdeling_id.length).toBe(t.length);
	expect(t.aar.length).toBe(t.length);
	for (const values of Object.values(t.values)) expect(values!.length).toBe(t.length);
}

let round = 0;
async function run(files: Record<string, Buffer>): Promise<ParsedInput> {
	const dir = join(work, String(round++));
	mkdirSync(dir);
	for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes);
	return readInput(dir, silentReporter);
}

describe('readInput under random and mutated input', () => {
	it('mutated fixtures: never throws, every issue is complete', async () => {
		const fixtures = ['utf8-bom-semicolon', 'comma-decimal-point', 'hostile-names'];
		await fc.assert(
			fc.asyncProperty(
				fc.constantFrom(...fixtures),
				fc.nat(),
				fc.array(mutation, { minLength: 1, maxLength: 6 }),
				fc.constantFrom('as-is', 'utf-8-bom', 'windows-1252', 'utf-16le', 'latin1'),
				async (fixture, pick, mutations, encoding) => {
					const names = Object.keys(sources).filter((k) => k.startsWith(`${fixture}/`));
					const target = names[pick % names.length]!;
					const files: Record<string, Buffer> = {};
					for (const key of names) files[key.slice(fixture.length + 1)] = sources[key]!;
					let bytes = encode(sources[target]!, encoding);
					for (const m of mutations) bytes = mutate(bytes, m);
					files[target.slice(fixture.length + 1)] = bytes;
					checkResult(await run(files));
				}
			),
			{ numRuns: 200, seed: 20241121 }
		);
	});

	it('random CSV text: never throws, every issue is complete', async () => {
		const cell = fc.oneof(
			fc.string({ maxLength: 8 }),
			fc.constantFrom('1001-001', '2024', '12,5', '1.234', '-', '', '"', '"a;b"', 'x"y'),
			fc.integer({ min: -5, max: 3000 }).map(String)
		);
		const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 8 }), { minLength: 0, maxLength: 15 });
		await fc.assert(
			fc.asyncProperty(
				table,
				table,
				fc.constantFrom(';', ',', '\t'),
				fc.constantFrom('\n', '\r\n', '\r'),
				async (register, figures, sep, nl) => {
					const text = (header: string, rows: string[][]) => header + nl + rows.map((r) => r.join(sep)).join(nl);
					const files = {
						'afdelinger.csv': Buffer.from(
							text(['afdeling_id', 'afdeling_navn', 'boligorganisation_id', 'boligorganisation_navn', 'kommune_kode'].join(sep), register)
						),
						'noegletal.csv': Buffer.from(text(['afdeling_id', 'aar', 'boliger', 'ledige_boliger'].join(sep), figures))
					};
					checkResult(await run(files));
				}
			),
			{ numRuns: 200, seed: 42 }
		);
	});
});
