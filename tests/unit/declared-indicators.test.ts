/**
 * Indicators declared only in data (tests/fixtures/good/declared-indicators/indikatorer.csv):
 * read, ingested, aggregated at every level as sums over sums (worked out by hand below), carried
 * in the published files, and a person-based one suppressed exactly as the built-in person-based
 * indicator is, given the same counts.
 *
 * The fixture's five departments, all in 0101: area O1 = D1, D2; O2 = D3; D4 and D5 in no area;
 * organisation B1 = D1, D3; B2 = D2, D4, D5. Its built-in uden_for_arbejdsmarked_18_64 and
 * beboere_18_64 repeat the declared domfaeldte and beboere_15_plus cell for cell.
 */
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { formatReport } from '../../pipelines/read/issues.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { table, xlsx } from '../support/xlsx-writer.ts';
import { readInput } from '../../pipelines/read/read-input.ts';
import { activeIndicators, declaredIndicators, indicator, useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { declareIndicator } from '../../src/lib/core/indicator-declaration.ts';
import { evaluateUnit, evaluateUnits, type FocusUnit } from '../../src/lib/focus/evaluate.ts';
import { availablePresets, preset } from '../../src/lib/focus/presets.ts';
import type { RuleSet } from '../../src/lib/focus/rule.ts';
import { checkRuleSet } from '../../src/lib/focus/validate.ts';
import { WEB_FILES, type AggregateRow, type KeyFigureRow, type WebIndex, type WebOverview } from '../../src/lib/core/output-contract.ts';

const input = fileURLToPath(new URL('../fixtures/good/declared-indicators/', import.meta.url));
let dir: string;
let db: DuckDBConnection;
let keyFigures: KeyFigureRow[];
let aggregates: AggregateRow[];
let index: WebIndex;

beforeAll(async () => {
	dir = mkdtempSync(join(tmpdir(), 'boligbarometer-declared-'));
	const result = await ingest({ input, out: join(dir, 'out'), reporter: silentReporter });
	expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
	db = await (await DuckDBInstance.create()).connect();
	const read = async (file: string) =>
		(await db.runAndReadAll(`SELECT * FROM read_parquet('${join(dir, 'out', file)}')`)).getRowObjectsJS() as unknown[];
	keyFigures = (await read('noegletal.parquet')) as KeyFigureRow[];
	aggregates = (await read('aggregater.parquet')) as AggregateRow[];
	index = JSON.parse(readFileSync(join(dir, 'out', WEB_FILES.index), 'utf8')) as WebIndex;
}, 600_000);

afterAll(() => {
	db?.closeSync();
	rmSync(dir, { recursive: true, force: true });
	useDeclaredIndicators([]);
});

const agg = (niveau: string, enhed_id: string, indikator: string) =>
	aggregates.find((a) => a.niveau === niveau && a.enhed_id === enhed_id && a.indikator === indikator && a.aar === 2024);
const kf = (afdeling_id: string, indikator: string) => keyFigures.find((k) => k.afdeling_id === afdeling_id && k.indikator === indikator);

describe('reading indikatorer.csv', () => {
	it('declares the three indicators of the file, in its order, after the built-in seven', async () => {
		const parsed = await readInput(input, silentReporter);
		expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
		expect(parsed.indicators.map((i) => i.id)).toEqual(['domme_pr_1000', 'kun_grundskole', 'indkomstniveau']);
		expect(
			activeIndicators()
				.map((i) => i.id)
				.slice(7)
		).toEqual(['domme_pr_1000', 'kun_grundskole', 'indkomstniveau']);
		const domme = indicator('domme_pr_1000');
		expect(domme).toMatchObject({
			aggregation: 'ratio',
			kind: 'forhold',
			scale: 1000,
			personBased: true,
			worse: 'higher',
			decimals: 1,
			builtIn: false
		});
		expect(domme.name).toEqual({ da: 'Domme pr. 1.000 beboere', en: 'Convictions per 1,000 residents' });
		// enhed_en left empty: the Danish unit.
		expect(indicator('indkomstniveau').unit).toEqual({ da: '%', en: '%' });
		expect(indicator('indkomstniveau').worse).toBe('lower');
		// A share with no maks: 0 to its scale.
		expect(indicator('kun_grundskole').domain).toEqual([0, 100]);
		// The key-figure columns it names are read like the built-in ones.
		const d1 = parsed.keyFigures.afdeling_id.indexOf('D1');
		expect(parsed.keyFigures.values['domfaeldte']![d1]).toBe(6);
		expect(parsed.keyFigures.values['regionens_indkomst_kr']![d1]).toBe(40_000_000);
	});

	it('the built-in seven go through the same declaration path', () => {
		for (const ind of activeIndicators().slice(0, 7)) expect(ind.builtIn).toBe(true);
		expect(declaredIndicators().every((i) => !i.builtIn)).toBe(true);
		// The built-in vacancy is a share of counts in per mille; rent a weighted mean.
		expect(indicator('ledighed')).toMatchObject({ kind: 'andel', aggregation: 'ratio', scale: 1000, worse: 'higher' });
		expect(indicator('husleje')).toMatchObject({
			kind: 'vaegtet_gennemsnit',
			aggregation: 'weighted_mean',
			numerator: 'husleje_kr_m2',
			denominator: 'areal_m2'
		});
	});
});

describe('aggregates of declared indicators: sums over sums', () => {
	it('a ratio of sums (income relative to the region) at every level', () => {
		// D1 30/40 = 75 %, D2 12/20 = 60 %, D3 45/60 = 75 %, D4 15/30 = 50 %, D5 50/50 = 100 % (millions of kroner).
		expect(kf('D2', 'indkomstniveau')?.vaerdi).toBeCloseTo(60, 9);
		expect(kf('D2', 'indkomstniveau')?.taeller).toBe(12_000_000);
		// O1 = (30 + 12) / (40 + 20) = 70 %; the mean of its departments would be 67,5 %.
		expect(agg('omraade', 'O1', 'indkomstniveau')?.vaerdi).toBeCloseTo(70, 9);
		// B1 = (30 + 45) / (40 + 60) = 75 %; B2 = (12 + 15 + 50) / (20 + 30 + 50) = 77 %.
		expect(agg('boligorganisation', 'B1', 'indkomstniveau')?.vaerdi).toBeCloseTo(75, 9);
		expect(agg('boligorganisation', 'B2', 'indkomstniveau')?.vaerdi).toBeCloseTo(77, 9);
		expect(agg('boligorganisation', 'B2', 'indkomstniveau')?.antal_afdelinger).toBe(3);
		// 0101 = DK = 152 / 200 = 76 %; the mean of the five rates would be 72 %.
		expect(agg('kommune', '0101', 'indkomstniveau')?.vaerdi).toBeCloseTo(76, 9);
		expect(agg('land', 'DK', 'indkomstniveau')?.vaerdi).toBeCloseTo(76, 9);
	});

	it('a person-based share (basic schooling only) at every level, its counts never published', () => {
		// 20/80, 10/40, 30/120, 12/60, 25/100: no cell has fewer than 5 inside or outside.
		expect(kf('D4', 'kun_grundskole')?.vaerdi).toBeCloseTo(20, 9);
		expect(kf('D4', 'kun_grundskole')?.taeller).toBeNull();
		expect(kf('D4', 'kun_grundskole')?.naevner).toBeNull();
		// O1 = 30 / 120 = 25 %; B2 = (10 + 12 + 25) / (40 + 60 + 100) = 23,5 % (the mean of rates: 23,33 %).
		expect(agg('omraade', 'O1', 'kun_grundskole')?.vaerdi).toBeCloseTo(25, 9);
		expect(agg('boligorganisation', 'B2', 'kun_grundskole')?.vaerdi).toBeCloseTo(23.5, 9);
		// 0101 = 97 / 400 = 24,25 % (the mean of rates: 24 %).
		expect(agg('kommune', '0101', 'kun_grundskole')?.vaerdi).toBeCloseTo(24.25, 9);
	});
});

describe('privacy for a person-based declared indicator', () => {
	const hidden = (id: string) => ({
		departments: keyFigures
			.filter((k) => k.indikator === id && k.diskretioneret)
			.map((k) => k.afdeling_id)
			.sort(),
		aggregates: aggregates
			.filter((a) => a.indikator === id && a.diskretioneret)
			.map((a) => `${a.niveau}:${a.enhed_id}`)
			.sort()
	});

	it('hides the department with 2 convicted residents, and withholds its counts', () => {
		expect(kf('D2', 'domme_pr_1000')).toMatchObject({ vaerdi: null, diskretioneret: true, taeller: null, naevner: null });
		for (const row of keyFigures.filter((k) => k.indikator === 'domme_pr_1000')) {
			expect(row.taeller).toBeNull();
			expect(row.naevner).toBeNull();
		}
	});

	it('suppresses exactly the cells and aggregates the built-in person-based indicator does with the same counts', () => {
		const declared = hidden('domme_pr_1000');
		expect(declared.departments).toContain('D2');
		// D2 alone would be O1 minus D1: so D1 goes too (secondary suppression).
		expect(declared.departments).toContain('D1');
		expect(declared).toEqual(hidden('uden_for_arbejdsmarked'));
		// The audit hides the rest but B2 (a small fixture leaves little to publish); B2 is sums over
		// sums: (2 + 0 + 10) / (100 + 150 + 250) * 1000 = 24 ‰ (the mean of its rates would be 20 ‰).
		expect(agg('boligorganisation', 'B2', 'domme_pr_1000')).toMatchObject({ vaerdi: 24, diskretioneret: false });
		expect(agg('boligorganisation', 'B2', 'uden_for_arbejdsmarked')?.vaerdi).toBeCloseTo(2.4, 9);
	});
});

describe('the published files carry the declared indicators', () => {
	it('index.json lists them and declares them as rows of indikatorer.csv, which read back to the same indicators', () => {
		expect(index.indicators).toEqual(expect.arrayContaining(['domme_pr_1000', 'kun_grundskole', 'indkomstniveau', 'ledighed']));
		expect(index.indikatorer?.map((d) => d.indikator)).toEqual(['domme_pr_1000', 'kun_grundskole', 'indkomstniveau']);
		for (const row of index.indikatorer ?? []) {
			const { indicator: again, problems } = declareIndicator(row);
			expect(problems).toEqual([]);
			expect(again).toEqual(indicator(row.indikator));
		}
	});

	it("the overview has the declared indicators' series", () => {
		const overview = JSON.parse(readFileSync(join(dir, 'out', WEB_FILES.overview('0101')), 'utf8')) as WebOverview;
		expect(overview.series['indkomstniveau']?.kommune).toEqual([{ aar: 2024, vaerdi: 76, diskretioneret: false }]);
		const o1 = overview.omraader.find((o) => o.id === 'O1');
		expect(o1?.values['kun_grundskole']?.[0]?.vaerdi).toBeCloseTo(25, 9);
	});
});

describe('focus rules on a declared indicator', () => {
	const ruleSet: RuleSet = {
		navn: 'Lav indkomst',
		kilde: 'Test',
		enheder: ['omraade'],
		noter: [],
		regler: [{ type: 'niveau', indikator: 'indkomstniveau', sammenligning: '<', graense: 72 }]
	};

	it('a rule file naming it is valid while the data declares it, and not otherwise', () => {
		expect(checkRuleSet(ruleSet).ok).toBe(true);
		const declared = [...declaredIndicators()];
		useDeclaredIndicators([]);
		try {
			expect(checkRuleSet(ruleSet).ok).toBe(false);
		} finally {
			useDeclaredIndicators(declared);
		}
	});

	it('flags the area below the limit with the figure in its reason', () => {
		const overview = JSON.parse(readFileSync(join(dir, 'out', WEB_FILES.overview('0101')), 'utf8')) as WebOverview;
		const units: FocusUnit[] = overview.omraader.map((o) => ({
			kind: 'omraade',
			id: o.id,
			navn: o.navn,
			organisationer: [],
			series: o.values
		}));
		const result = evaluateUnits(ruleSet, units, { aar: 2024, reference: {} });
		// O1 = 70 % (worked out above) < 72: in focus; O2 = D3 alone, 45 / 60 = 75 %: not.
		expect(result.find((u) => u.unit.id === 'O1')?.status).toBe('fokus');
		expect(result.find((u) => u.unit.id === 'O2')?.status).toBe('ingen');
		expect(result.find((u) => u.unit.id === 'O1')?.reasons.join(' ')).toMatch(/Indkomst i forhold til regionen 70\s?% < 72\s?%/);
	});
});

describe('the official criteria, all four, when the data declares their figures', () => {
	const point = (aar: number, vaerdi: number) => ({ aar, vaerdi, diskretioneret: false });
	const area = (values: Record<string, number>): FocusUnit => ({
		kind: 'omraade',
		id: 'O9',
		navn: 'Område',
		organisationer: [],
		series: Object.fromEntries(Object.entries(values).map(([id, v]) => [id, [point(2024, v)]]))
	});
	// The country: 8 convictions per 1,000.
	const context = { aar: 2024, reference: { land: { domme_pr_1000: [point(2024, 8)] } } };

	it('one preset per criteria set: all four criteria while the three indicators are declared, a valid rule set', () => {
		const ids = availablePresets().map((p) => p.id);
		expect(ids.filter((id) => id.startsWith('udsat-2018') || id.startsWith('forebyggelse-2021'))).toEqual([
			'udsat-2018',
			'forebyggelse-2021'
		]);
		for (const p of availablePresets()) expect(checkRuleSet(JSON.parse(JSON.stringify(p.ruleSet)))).toEqual({ ok: true, value: p.ruleSet });
		const [combination] = preset('udsat-2018')!.ruleSet.regler;
		expect(combination).toMatchObject({ type: 'kombination', mindst: 2 });
		const indicators =
			combination!.type === 'kombination' ? combination!.regler.map((r) => (r.type === 'kombination' ? '' : r.indikator)) : [];
		expect(indicators).toEqual(['uden_for_arbejdsmarked', 'domme_pr_1000', 'kun_grundskole', 'indkomstniveau']);
		// What the data cannot give stays named: the 1,000 residents (2018), the non-Western share (2021).
		expect(preset('udsat-2018')!.ruleSet.noter.join(' ')).toContain('1.000 beboere');
		expect(preset('forebyggelse-2021')!.ruleSet.noter.join(' ')).toContain('ikke-vestlige');
		// A link from when the full criteria had their own preset still opens the one preset.
		expect(preset('udsat-2018-fuld')).toEqual(preset('udsat-2018'));
	});

	it('without the declared figures, the same preset evaluates the labour market and names each criterion it cannot', () => {
		const declared = [...declaredIndicators()];
		useDeclaredIndicators([]);
		try {
			const rules = preset('udsat-2018')!.ruleSet;
			expect(rules.regler).toEqual([
				{ type: 'niveau', navn: 'Arbejdsmarkedskriteriet (2018)', indikator: 'uden_for_arbejdsmarked', sammenligning: '>', graense: 40 }
			]);
			const notes = rules.noter.join(' ');
			for (const word of ['dømte', 'grunduddannelse', 'bruttoindkomst', '1.000 beboere', 'domme_pr_1000']) expect(notes).toContain(word);
			// One criterion (45 % > 40) is enough to be flagged here: the others are unknown.
			expect(evaluateUnit(rules, area({ uden_for_arbejdsmarked: 45 }), context).status).toBe('fokus');
			expect(availablePresets().filter((p) => p.id.startsWith('udsat-2018'))).toHaveLength(1);
		} finally {
			useDeclaredIndicators(declared);
		}
	});

	it('with some of the figures, it evaluates those (at least one met) and names the rest', () => {
		const declared = [...declaredIndicators()];
		useDeclaredIndicators(declared.filter((d) => d.id === 'indkomstniveau'));
		try {
			const rules = preset('forebyggelse-2021')!.ruleSet;
			expect(rules.regler).toHaveLength(1);
			expect(rules.regler[0]).toMatchObject({ type: 'kombination', mindst: 1 });
			const notes = rules.noter.join(' ');
			expect(notes).toContain('2 af 4 kriterier kan vurderes');
			for (const word of ['dømte', 'grunduddannelse', 'ikke-vestlige']) expect(notes).toContain(word);
			expect(notes).not.toContain('gennemsnitlig bruttoindkomst');
			// Income 64 % of the region's (< 65): flagged though the labour market (10 %) is fine.
			expect(evaluateUnit(rules, area({ uden_for_arbejdsmarked: 10, indkomstniveau: 64 }), context).status).toBe('fokus');
			expect(evaluateUnit(rules, area({ uden_for_arbejdsmarked: 10, indkomstniveau: 65 }), context).status).toBe('ingen');
		} finally {
			useDeclaredIndicators(declared);
		}
	});

	it('2018: two of four criteria make an area; one does not', () => {
		const rules = preset('udsat-2018')!.ruleSet;
		// 45 % outside (> 40) and 24 convictions per 1,000 = 3 × 8: two criteria.
		expect(
			evaluateUnit(rules, area({ uden_for_arbejdsmarked: 45, domme_pr_1000: 24, kun_grundskole: 50, indkomstniveau: 60 }), context).status
		).toBe('fokus');
		// 23,9 per 1,000 is under 3 × 8; 60 % basic schooling is not over 60: only the labour market.
		expect(
			evaluateUnit(rules, area({ uden_for_arbejdsmarked: 45, domme_pr_1000: 23.9, kun_grundskole: 60, indkomstniveau: 55 }), context).status
		).toBe('ingen');
		// Income 54 % of the region's (< 55) and 61 % basic schooling: two criteria without the labour market.
		expect(
			evaluateUnit(rules, area({ uden_for_arbejdsmarked: 10, domme_pr_1000: 1, kun_grundskole: 61, indkomstniveau: 54 }), context).status
		).toBe('fokus');
	});

	it('2021: the lower limits (30 %, 2 × the country, 65 %)', () => {
		const rules = preset('forebyggelse-2021')!.ruleSet;
		// 31 % outside and 16 = 2 × 8 convictions: two criteria (neither would count in 2018).
		expect(
			evaluateUnit(rules, area({ uden_for_arbejdsmarked: 31, domme_pr_1000: 16, kun_grundskole: 20, indkomstniveau: 90 }), context).status
		).toBe('fokus');
		expect(
			evaluateUnit(
				preset('udsat-2018')!.ruleSet,
				area({ uden_for_arbejdsmarked: 31, domme_pr_1000: 16, kun_grundskole: 20, indkomstniveau: 90 }),
				context
			).status
		).toBe('ingen');
	});
});

describe('indikatorer.xlsx', () => {
	const HOSTILE = 'Domme "pr." 1.000; <script>alert(1)</script> 🏠 æøå';

	/** The fixture's folder with indikatorer.csv as a workbook (numbers as number cells), with `edit` applied to its rows. */
	async function asWorkbook(edit: (rows: (string | number)[][]) => void): Promise<string> {
		const folder = mkdtempSync(join(tmpdir(), 'boligbarometer-declared-xlsx-'));
		cpSync(input, folder, { recursive: true });
		const rows = readFileSync(join(input, 'indikatorer.csv'), 'utf8')
			.trimEnd()
			.split('\n')
			.map((line, r) => line.split(';').map((cell) => (r > 0 && /^\d+$/.test(cell) ? Number(cell) : cell)));
		edit(rows);
		rmSync(join(folder, 'indikatorer.csv'));
		writeFileSync(join(folder, 'indikatorer.xlsx'), xlsx([{ name: 'Indikatorer', cells: table('A1', rows) }]));
		return folder;
	}

	it('reads as its CSV twin, a name with quotes, markup and emoji kept byte for byte', async () => {
		const csv = (await readInput(input, silentReporter)).indicators;
		const folder = await asWorkbook((rows) => (rows[1]![1] = HOSTILE));
		try {
			const parsed = await readInput(folder, silentReporter);
			expect(parsed.issues.filter((i) => i.severity === 'error')).toEqual([]);
			expect(parsed.indicators[0]!.name.da).toBe(HOSTILE);
			expect(parsed.indicators.map((i) => ({ ...i, name: null }))).toEqual(csv.map((i) => ({ ...i, name: null })));
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});

	it('says which cell is wrong, as sheet and cell', async () => {
		// Row 3 of the sheet is kun_grundskole; column H is art.
		const folder = await asWorkbook((rows) => (rows[2]![7] = 'gennemsnit'));
		try {
			const report = formatReport((await readInput(folder, silentReporter)).issues);
			expect(report).toContain(
				'indikatorer.xlsx:Indikatorer!H3: Arten kendes ikke: forventede en af andel, forhold, vaegtet_gennemsnit, fandt "gennemsnit".'
			);
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});

describe('aftaler.csv names a declared indicator', () => {
	it('by id or by name, with the declared direction as the default', async () => {
		const folder = mkdtempSync(join(tmpdir(), 'boligbarometer-declared-targets-'));
		cpSync(input, folder, { recursive: true });
		writeFileSync(
			join(folder, 'aftaler.csv'),
			[
				'maal_id;niveau;enhed_id;indikator;basisaar;basisvaerdi;maalaar;maalvaerdi;retning;aftaledokument;aftaleaar',
				'M1;omraade;O1;Indkomst i forhold til regionen;2024;70;2027;75;;Aftaledokument 2024;2024',
				'M2;afdeling;D3;domme_pr_1000;2024;30;2027;20;;Aftaledokument 2024;2024',
				'M3;afdeling;D3;domme_i_alt;2024;30;2027;20;;Aftaledokument 2024;2024'
			].join('\n')
		);
		try {
			const parsed = await readInput(folder, silentReporter);
			// Income: higher is better, so up; convictions: lower is better, so down.
			expect(parsed.targets?.map((t) => [t.maal_id, t.indikator, t.retning])).toEqual([
				['M1', 'indkomstniveau', 'op'],
				['M2', 'domme_pr_1000', 'ned']
			]);
			const unknown = parsed.issues.find((i) => i.code === 'unknown-indicator')!;
			expect([unknown.line, unknown.column]).toEqual([4, 4]);
			expect(unknown.message).toContain('domme_pr_1000, kun_grundskole, indkomstniveau');
		} finally {
			rmSync(folder, { recursive: true, force: true });
		}
	});
});
