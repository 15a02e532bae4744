/**
 * The supervisor's data path on the hand-made output (tests/fixtures/output-mini, figures in its
 * README): the municipality's figures through the browser's SQL, into AgendaData, the focus rules
 * applied and the departments' statuses, all checked against figures worked out by hand.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaData } from '../../src/lib/supervision/agenda-data.ts';
import { assess } from '../../src/lib/supervision/assess.ts';
import { queryMunicipalityFigures, type MunicipalityFigures } from '../../src/lib/db/queries/municipality-figures.ts';
import type { RuleSet } from '../../src/lib/focus/rule.ts';
import { NBSP } from '../../src/lib/i18n/format.ts';
import { outputMiniDb } from '../support/output-mini.ts';

const s = (text: string) => text.replaceAll('~', NBSP);
let figures: MunicipalityFigures;

const db = outputMiniDb();

beforeAll(async () => {
	figures = await queryMunicipalityFigures(db.run, '0751');
});

const rules: RuleSet = {
	navn: 'Ledighed over 15 ‰',
	kilde: 'test',
	enheder: ['afdeling', 'omraade'],
	noter: [],
	regler: [{ type: 'niveau', indikator: 'ledighed', sammenligning: '>', graense: 15 }]
};

const round = (v: number | null) => (v == null ? null : Math.round(v * 10) / 10);

describe('a municipality’s figures', () => {
	// Andelsbo before Fælleshjem; within one, by name in code-unit order ("<img…" < "Engstien" < "Tårnhusene").
	it('has every department with its series, and the areas, organisations, municipality and country', () => {
		expect(figures.departments.map((d) => d.afdeling_id)).toEqual(['0002-002', '0002-003', '0002-001', '0001-001', '0001-002']);
		expect(figures.departmentSeries.get('0001-001')?.ledighed?.map((p) => p.vaerdi)).toEqual([10, 20, 0]);
		expect(figures.aggregateSeries.omraade.get('O1')?.ledighed?.map((p) => p.vaerdi)).toEqual([7.5, 7.5, 15]);
		expect(figures.aggregateSeries.kommune.get('0751')?.ledighed?.map((p) => round(p.vaerdi))).toEqual([8, 10, 15.6]);
		expect(figures.aggregateSeries.land.get('DK')?.ledighed?.map((p) => p.vaerdi)).toEqual([7, 6.8, 6.5]);
		expect([...figures.aggregateSeries.boligorganisation.keys()].sort()).toEqual(['B1', 'B2']);
		const suppressed = figures.departmentSeries.get('0002-002')?.uden_for_arbejdsmarked?.find((p) => p.aar === 2024);
		expect(suppressed).toEqual({ aar: 2024, vaerdi: null, diskretioneret: true });
	});

	it('flags vacancy above 15 ‰ in 2024: 20 ‰ in three departments; the missing one and its area cannot be judged', () => {
		const data = agendaData({
			figures,
			kommune: { kode: '0751', navn: 'Aarhus' },
			year: 2024,
			demo: true,
			indicators: ['ledighed'],
			ruleSet: rules,
			targets: [],
			interventions: [],
			benchmarks: {}
		});
		expect(data.organisations.map((o) => o.navn)).toEqual(['Andelsbo', 'Boligforeningen Fælleshjem']);
		const a = assess(data);
		const status = Object.fromEntries(a.departments.map((d) => [d.id, d.status]));
		// 0001-001: 0/100 = 0 ‰, and O1 is 6/400 = 15,0 ‰, not above 15: no focus.
		// 0001-002: 4/200 = 20 ‰; 0002-001: 2/100 = 20 ‰; 0002-003: 1/50 = 20 ‰.
		// 0002-002: missing in 2024, and its area O2 holds only it.
		expect(status).toEqual({ '0001-001': 'ingen', '0001-002': 'fokus', '0002-001': 'fokus', '0002-002': 'ukendt', '0002-003': 'fokus' });
		expect(a.departments.find((d) => d.id === '0001-002')?.own?.reasons).toEqual([s('Ledighed 20,0~‰ > 15~‰')]);
		expect(a.areaFocus.get('O2')?.unknowns).toEqual(['Ledighed: mangler for 2024']);
	});
});
