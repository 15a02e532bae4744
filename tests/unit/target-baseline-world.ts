/**
 * A hand-worked world for the targets' base values (issue 9, target-baselines.ts) and the
 * independent attacker: one municipality 0751, one organisation 2101, one area 0751-O01 of
 * departments 001 and 002, year 2023; uden_for_arbejdsmarked (person-based, %) and ledighed.
 *
 *   department  area      residents 18-64  outside   published?
 *   2101-001    0751-O01  12               3         no: 3 < 5 (primary rule)
 *   2101-002    0751-O01  40               10        25 %
 *   2101-003    -         60               20        33.33 %
 *   2101-004    -         50               15        30 %
 *
 * Targets (aftaler.csv):
 *   T1  afdeling 2101-001 uden_for_arbejdsmarked base 25 (3 of 12: the withheld cell itself)
 *   T2  afdeling 2101-003 uden_for_arbejdsmarked base 5 (3 of 60: the organisation's own count,
 *       not the data's 33.3 %, and itself a group of 3)
 *   T3  afdeling 2101-004 uden_for_arbejdsmarked base 30 (15 of 50: as published)
 *   T4  afdeling 2101-001 ledighed base 12 (not person-based)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export function writeBaselineWorld(dir: string): void {
	mkdirSync(dir, { recursive: true });
	const lines = (rows: string[]) => rows.join('\n') + '\n';
	writeFileSync(
		join(dir, 'afdelinger.csv'),
		lines([
			'afdeling_id;afdeling_navn;boligorganisation_id;boligorganisation_navn;kommune_kode;omraade_id',
			'2101-001;Engparken 1;2101;Lærkereden;0751;0751-O01',
			'2101-002;Engparken 2;2101;Lærkereden;0751;0751-O01',
			'2101-003;Bakken;2101;Lærkereden;0751;',
			'2101-004;Toften;2101;Lærkereden;0751;'
		])
	);
	writeFileSync(
		join(dir, 'noegletal.csv'),
		lines([
			'afdeling_id;aar;boliger;ledige_boliger;beboere_18_64;uden_for_arbejdsmarked_18_64',
			'2101-001;2023;10;1;12;3',
			'2101-002;2023;30;0;40;10',
			'2101-003;2023;45;1;60;20',
			'2101-004;2023;40;2;50;15'
		])
	);
	const target = (id: string, unit: string, ind: string, base: string) =>
		`${id};afdeling;${unit};${ind};2023;${base};2026;${ind === 'ledighed' ? '5' : '20'};ned;Aftaledokument 2024, Lærkereden;2024;2101;Mål ${id}`;
	writeFileSync(
		join(dir, 'aftaler.csv'),
		lines([
			'maal_id;niveau;enhed_id;indikator;basisaar;basisvaerdi;maalaar;maalvaerdi;retning;aftaledokument;aftaleaar;boligorganisation_id;beskrivelse',
			target('T1', '2101-001', 'uden_for_arbejdsmarked', '25'),
			target('T2', '2101-003', 'uden_for_arbejdsmarked', '5'),
			target('T3', '2101-004', 'uden_for_arbejdsmarked', '30'),
			target('T4', '2101-001', 'ledighed', '12')
		])
	);
}
