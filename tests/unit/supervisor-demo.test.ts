/**
 * The demo data (data/sample) through the real pipeline and the supervisor's logic: the targets
 * land where HISTORIER.md says (met, on track, off track, not met, no data), the project bank holds
 * the recovering area's holistic plan from 2018, and the focus list has something to say. The
 * statuses are checked against the figures in the built output, worked out by hand below.
 */
import { readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingest } from '../../pipelines/ingest.ts';
import { silentReporter } from '../../pipelines/read/model.ts';
import { agendaData } from '../../src/lib/supervision/agenda-data.ts';
import { assess, type Assessment } from '../../src/lib/supervision/assess.ts';
import { OUTPUT_FILES, WEB_FILES, type InterventionsFile, type TargetsFile } from '../../src/lib/core/output-contract.ts';
import { queryMunicipalityFigures } from '../../src/lib/db/queries/municipality-figures.ts';
import { preset } from '../../src/lib/focus/presets.ts';
import { INDICATOR_IDS } from '../../src/lib/core/indicators.ts';
import { openNodeDb, type NodeDb } from '../support/node-db.ts';

let out: string;
let db: NodeDb;
let targets: TargetsFile;
let interventions: InterventionsFile;
const assessments = new Map<string, Assessment>();

beforeAll(async () => {
	out = join(mkdtempSync(join(tmpdir(), 'supervisor-demo-')), 'out');
	await ingest({ input: 'data/sample', out, reporter: silentReporter });
	targets = JSON.parse(readFileSync(join(out, OUTPUT_FILES.targets), 'utf8'));
	interventions = JSON.parse(readFileSync(join(out, OUTPUT_FILES.interventions), 'utf8'));
	db = await openNodeDb();
	for (const kode of ['0461', '0751']) {
		await db.load(out, kode);
		const figures = await queryMunicipalityFigures(db.run, kode);
		assessments.set(
			kode,
			assess(
				agendaData({
					figures,
					kommune: { kode, navn: kode },
					year: 2025,
					demo: true,
					indicators: [...INDICATOR_IDS],
					ruleSet: preset('tidlig-indsats')!.ruleSet,
					targets: targets.aftaler,
					interventions: interventions.indsatser,
					benchmarks: JSON.parse(readFileSync(join(out, WEB_FILES.index), 'utf8'))
				})
			)
		);
	}
}, 120_000);
afterAll(() => {
	db?.close();
	rmSync(join(out, '..'), { recursive: true, force: true });
});

describe('the demo’s targets', () => {
	it('are written to aftaler.json with their municipality', () => {
		expect(targets.aftaler.map((t) => `${t.maal_id}:${t.kommune_kode}`)).toEqual([
			'AAR-2024-1:0751',
			'KG-2022-1:0461',
			'KG-2024-1:0461',
			'LR-2021-1:0751',
			'LR-2024-1:0751',
			'LR-2024-2:0751'
		]);
	});

	it('stand as met, on track, off track, not met and no data in 2025', () => {
		const status = new Map([...assessments.values()].flatMap((a) => a.targets.map((l) => [l.target.maal_id, l.evaluation])));
		// Worked out from data/sample (sums of numerators over sums of denominators over the area's
		// departments in afdelinger.csv, noegletal_lbf.csv and noegletal_beboere.csv):
		// Svalehøj's vacancy: at most 12 ‰ by 2025 (base 16,4 ‰ in 2021); 2025 is 3 / 366 = 8,2 ‰.
		expect(status.get('KG-2022-1')?.status).toBe('naaet');
		// Svalehøj outside the labour market: 32,1 % (2023) to 25 % (2027); the path allows
		// 32,1 + (25 − 32,1) · 2/4 = 28,55, shown as 28,6 %, in 2025; 2025 is 118,36 / 431 = 27,5 %.
		expect(status.get('KG-2024-1')).toMatchObject({ status: 'paa_vej', forventet: 28.6 });
		// Engparken Øst's vacancy: 49,6 ‰ (2023) to 35 ‰ (2027); the path allows 42,3 ‰ in 2025;
		// 2025 is 29 / 464 = 62,5 ‰.
		expect(status.get('LR-2024-1')).toMatchObject({ status: 'ikke_paa_vej', forventet: 42.3 });
		// Engparken Øst's turnover: 14,4 % (2020) to at most 12,9 % in 2024, judged on 2024: 85 / 464 = 18,3 %.
		expect(status.get('LR-2021-1')).toMatchObject({ status: 'ikke_naaet', aar: 2024 });
		// The small department's share outside the labour market is suppressed every year.
		expect(status.get('LR-2024-2')).toMatchObject({ status: 'ingen_data', basisSkjult: true });
	});
});

describe('the demo’s project bank', () => {
	it('holds Svalehøj’s holistic plan from 2018, in Odense', () => {
		const plan = interventions.indsatser.find((i) => i.indsats_id === 'HP-SVALEHOEJ');
		expect(plan).toMatchObject({ indsatstype: 'helhedsplan', omraader: ['0461-O01'], startaar: 2018, kommune_koder: ['0461'] });
	});
});

describe('the demo’s focus list', () => {
	it('flags the sliding area and its departments in Aarhus, and clears others', () => {
		const a = assessments.get('0751')!;
		expect(a.areaFocus.get('0751-O01')?.status).toBe('fokus');
		const flagged = a.departments.filter((d) => d.status === 'fokus').map((d) => d.id);
		expect(flagged).toEqual(expect.arrayContaining(['2101-001', '2101-002', '2101-003', '2101-004', '2101-005']));
		expect(a.departments.some((d) => d.status === 'ingen')).toBe(true);
		// The small department's labour-market figure is suppressed: its own rules cannot clear it.
		expect(a.departments.find((d) => d.id === '2101-008')?.own?.unknowns).toContain(
			'Uden for arbejdsmarkedet: diskretioneret i 2024 og 2025'
		);
	});
});
