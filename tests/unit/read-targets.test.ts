/**
 * aftaler.csv and indsatser.csv on good input: what each line becomes, with the organisation and
 * municipality derived from the register as data/README.md promises, and the browser's drafted
 * aftaler.csv read back by the pipeline unchanged. (Bad input: tests/fixtures/bad/targets-*,
 * interventions-*.)
 */
import { describe, expect, it } from 'vitest';
import type { Department } from '../../pipelines/read/model.ts';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { readInterventions } from '../../pipelines/read/read-interventions.ts';
import { readTargets } from '../../pipelines/read/read-targets.ts';
import { registerUnits } from '../../pipelines/read/register-units.ts';
import { targetsCsv } from '../../src/lib/targets/targets-csv.ts';
import type { Target } from '../../src/lib/core/target.ts';

const dept = (afdeling_id: string, org: string, kommune: string, area: string | null): Department => ({
	afdeling_id,
	afdeling_navn: afdeling_id,
	boligorganisation_id: org,
	boligorganisation_navn: org,
	kommune_kode: kommune,
	omraade_id: area,
	boligtype: null,
	opfoerelsesaar: null,
	lat: null,
	lon: null,
	source: { file: 'afdelinger.csv', line: 1 }
});
// Area A spans organisations B1 and B2; area C lies in 0751 with two departments and in 0101 with one.
const units = registerUnits([
	dept('D1', 'B1', '0101', 'A'),
	dept('D2', 'B2', '0101', 'A'),
	dept('D3', 'B1', '0751', 'C'),
	dept('D4', 'B1', '0751', 'C'),
	dept('D5', 'B1', '0101', 'C')
]);
const bytes = (text: string) => new TextEncoder().encode(text);

describe('aftaler.csv', () => {
	const csv = [
		'maal_id;niveau;enhed_id;indikator;basisaar;basisvaerdi;maalaar;maalvaerdi;retning;aftaledokument;aftaleaar;boligorganisation_id;beskrivelse',
		'M1;afdeling;D2;Ledighed;2023;12,5;2026;8;;Aftale B2 2024;2024;;Ned',
		';Område;A;vedligeholdelsesstand;2023;2,5;2027;3,5;;Aftale B1 2024;2024;;',
		'M3;omraade;A;fraflytning;2023;15;2027;12;ned;Aftale B1 2024;2024;B1;',
		'M4;Organisation;B1;Uden for arbejdsmarkedet;2022;30;2026;25;ned;Aftale B1 2023;2023;;',
		'M5;kommune;101;lejetab;2023;10;2027;8;ned;Fællesaftale;2024;;'
	].join('\r\n');
	const issues = new IssueCollector();
	const { targets } = readTargets('aftaler.csv', bytes(csv), units, issues);

	it('reads every line without issues', () => {
		expect(issues.list()).toEqual([]);
		expect(targets.map((t) => t.maal_id)).toEqual(['M1', 'linje 3', 'M3', 'M4', 'M5']);
	});

	it('reads an empty base value as unknown (null), as the download writes a base the ingest withheld (issue 9)', () => {
		const withheld = new IssueCollector();
		const read = readTargets(
			'aftaler.csv',
			bytes(`${csv.split('\r\n')[0]}\r\nW1;afdeling;D1;uden_for_arbejdsmarked;2023;;2026;20;ned;Aftale B1 2024;2024;;`),
			units,
			withheld
		);
		expect(withheld.list()).toEqual([]);
		expect(read.targets[0]).toMatchObject({ maal_id: 'W1', basisaar: 2023, basisvaerdi: null, maalvaerdi: 20 });
		const again = readTargets('aftaler.csv', new TextEncoder().encode(targetsCsv(read.targets)), units, new IssueCollector()).targets;
		expect(again[0]).toMatchObject({ maal_id: 'W1', basisvaerdi: null });
	});

	it('derives the organisation: the department’s, none for an area of two unless given, the organisation itself', () => {
		expect(targets.map((t) => t.boligorganisation_id)).toEqual(['B2', null, 'B1', 'B1', null]);
	});

	it('derives the municipality: most of the unit’s departments (C: two in 0751, one in 0101)', () => {
		expect(targets.map((t) => t.kommune_kode)).toEqual(['0101', '0101', '0101', '0101', '0101']);
		const c = readTargets(
			'aftaler.csv',
			bytes(`${csv.split('\r\n')[0]}\r\nX;omraade;C;ledighed;2023;5;2026;4;ned;A;2024;;`),
			units,
			new IssueCollector()
		);
		expect(c.targets[0]?.kommune_kode).toBe('0751');
	});

	it('reads names and decimal commas, and defaults the direction from the catalogue', () => {
		expect(targets[0]).toMatchObject({ indikator: 'ledighed', basisvaerdi: 12.5, maalvaerdi: 8, retning: 'ned' });
		expect(targets[1]).toMatchObject({ niveau: 'omraade', indikator: 'vedligeholdelsesstand', retning: 'op', basisvaerdi: 2.5 });
		expect(targets[3]).toMatchObject({ niveau: 'boligorganisation', indikator: 'uden_for_arbejdsmarked' });
		expect(targets[4]).toMatchObject({ niveau: 'kommune', enhed_id: '0101' });
	});

	it("reads an ambiguous point by the key figure's unit: rates and scores decimals, kroner thousands", () => {
		const lines = [
			'X1;afdeling;D1;ledighed;2023;12.500;2026;8.250;ned;A;2024;;',
			'X2;afdeling;D1;vedligeholdelsesstand;2023;2.500;2026;3;op;A;2024;;',
			'X3;afdeling;D1;husleje;2023;1.040;2026;1.100,5;ned;A;2024;;'
		];
		const read = readTargets('aftaler.csv', bytes(`${csv.split('\r\n')[0]}\r\n${lines.join('\r\n')}`), units, new IssueCollector());
		expect(read.targets.map((t) => [t.basisvaerdi, t.maalvaerdi])).toEqual([
			[12.5, 8.25],
			[2.5, 3],
			[1040, 1100.5]
		]);
	});

	it('reads back the aftaler.csv the browser writes for drafted targets', () => {
		const drafts: Target[] = [
			{
				maal_id: 'UDKAST-2026-1',
				niveau: 'afdeling',
				enhed_id: 'D1',
				indikator: 'fraflytning',
				basisaar: 2025,
				basisvaerdi: 21.4,
				maalaar: 2028,
				maalvaerdi: 15.25,
				retning: 'ned',
				aftaledokument: 'Aftaledokument 2026; "Åbo"',
				aftaleaar: 2026,
				boligorganisation_id: 'B1',
				beskrivelse: 'Færre fraflytninger\n- også i blok 2'
			}
		];
		const read = new IssueCollector();
		const back = readTargets('aftaler.csv', bytes(targetsCsv(drafts)), units, read);
		expect(read.list()).toEqual([]);
		expect(back.targets).toEqual([{ ...drafts[0], kommune_kode: '0101' }]);
	});
});

describe('indsatser.csv', () => {
	it('reads lists of ids and key figures, and the municipalities it covers', () => {
		const csv = [
			'indsats_id;indsats_navn;indsatstype;afdelinger;omraader;startaar;slutaar;finansiering;politisk_maal;indikatorer;beskrivelse',
			'HP1;Helhedsplan;Boligsocial helhedsplan;;C;2018;2023;LBF;Mål;ledighed, Fraflytning|ledighed;Tekst',
			'R1;Renovering;renovering;"D1; D2";;2019;;;;;'
		].join('\n');
		const issues = new IssueCollector();
		const { interventions } = readInterventions('indsatser.csv', bytes(csv), units, issues);
		expect(issues.list()).toEqual([]);
		expect(interventions).toEqual([
			{
				indsats_id: 'HP1',
				indsats_navn: 'Helhedsplan',
				indsatstype: 'helhedsplan',
				afdelinger: [],
				omraader: ['C'],
				startaar: 2018,
				slutaar: 2023,
				finansiering: 'LBF',
				politisk_maal: 'Mål',
				indikatorer: ['ledighed', 'fraflytning'],
				beskrivelse: 'Tekst',
				kommune_koder: ['0101', '0751']
			},
			{
				indsats_id: 'R1',
				indsats_navn: 'Renovering',
				indsatstype: 'renovering',
				afdelinger: ['D1', 'D2'],
				omraader: [],
				startaar: 2019,
				slutaar: null,
				finansiering: '',
				politisk_maal: '',
				indikatorer: [],
				beskrivelse: '',
				kommune_koder: ['0101']
			}
		]);
	});
});
