/**
 * The demo's agreed targets (aftaler.csv) and project bank (indsatser.csv), written in the input
 * contract's format (data/README.md).
 *
 * Targets are set from the demo's own figures, so each lands where the demo needs it: met, on
 * track, off track, not met, and one without data (the small department whose share outside the
 * labour market is suppressed). generate() checks each status with the dashboard's own rule
 * (src/lib/targets/status.ts) and stops if a change to the figures moved one.
 */
import { join } from 'node:path';
import type { SeriesPoint } from '../../src/lib/core/output-contract.ts';
import { INTERVENTION_COLUMNS, TARGET_COLUMNS, type RawColumn } from '../../src/lib/core/input-contract.ts';
import { indicator, type IndicatorId } from '../../src/lib/core/indicators.ts';
import { targetStatus, type TargetStatus } from '../../src/lib/targets/status.ts';
import type { Target } from '../../src/lib/core/target.ts';
import { departmentYears, type YearFigures } from './figures.ts';
import { RECOVERY_START } from './stories.ts';
import { hashString, mixSeed, Rng } from './rng.ts';
import { CsvWriter, danishNumber } from './write-csv.ts';
import { LAST_YEAR, type Department, type World } from './world.ts';

type Figures = Map<number, YearFigures[]>;

/** Yearly figures of a set of departments, drawn exactly as writeKeyFigures draws them. */
function figuresOf(world: World, departments: readonly Department[]): Figures {
	const byYear: Figures = new Map();
	for (const d of departments) {
		const rng = new Rng(mixSeed(world.seed, hashString(d.id)));
		for (const y of departmentYears(d, rng)) {
			// The files carry two decimals of the full-time count; compute from what they carry.
			const written = { ...y, uden_for_arbejdsmarked_18_64: Number(danishNumber(y.uden_for_arbejdsmarked_18_64, 2).replace(',', '.')) };
			byYear.set(y.aar, [...(byYear.get(y.aar) ?? []), written]);
		}
	}
	return byYear;
}

/** The level's value as the pipeline computes it: scale × Σ numerator / Σ denominator. */
function series(figures: Figures, id: IndicatorId): SeriesPoint[] {
	const ind = indicator(id);
	return [...figures].map(([aar, rows]) => {
		const num = rows.reduce(
			(s, r) => s + r[ind.numerator as RawColumn] * (ind.aggregation === 'weighted_mean' ? r[ind.denominator as RawColumn] : 1),
			0
		);
		const den = rows.reduce((s, r) => s + r[ind.denominator as RawColumn], 0);
		return { aar, vaerdi: den > 0 ? (ind.scale * num) / den : null, diskretioneret: false };
	});
}

const valueIn = (s: SeriesPoint[], year: number): number => {
	const v = s.find((p) => p.aar === year)?.vaerdi;
	if (v == null) throw new Error(`demo targets: no value in ${year}`);
	return v;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

interface DemoTarget {
	target: Target;
	/** The status the demo means it to have in the last year; null when any will do. */
	intended: TargetStatus | null;
	/** The series the status is judged on (suppression applied by hand where the pipeline will). */
	series: SeriesPoint[];
}

export function demoTargets(world: World): DemoTarget[] {
	const dept = (id: string) => {
		const d = world.departments.find((x) => x.id === id);
		if (!d) throw new Error(`demo targets: no department ${id}`);
		return d;
	};
	const orgName = (id: string) => world.organisations.find((o) => o.id === id)?.name ?? id;
	const document = (org: string, year: number) => `Aftaledokument ${year}, ${orgName(org)}`;
	const base = { retning: 'ned' as const, beskrivelse: '' };
	const out: DemoTarget[] = [];

	// Areas, not single departments: the demo's departments hold 20-40 dwellings, so one move more
	// or less swings a department's rate by several points; an area's rate follows its story.
	const areaSeries = (areaId: string, id: IndicatorId) =>
		series(
			figuresOf(
				world,
				world.departments.filter((d) => d.areaId === areaId)
			),
			id
		);

	// On track: the recovering area's share outside the labour market falls faster than the path needs.
	const recoveryOutside = areaSeries('0461-O01', 'uden_for_arbejdsmarked');
	const b1 = round1(valueIn(recoveryOutside, 2023));
	const v1 = valueIn(recoveryOutside, LAST_YEAR);
	out.push({
		target: {
			...base,
			maal_id: 'KG-2024-1',
			niveau: 'omraade',
			enhed_id: '0461-O01',
			indikator: 'uden_for_arbejdsmarked',
			basisaar: 2023,
			basisvaerdi: b1,
			maalaar: 2027,
			maalvaerdi: Math.floor(v1 - (b1 - v1) * 0.5),
			aftaledokument: document('2103', 2024),
			aftaleaar: 2024,
			boligorganisation_id: '2103',
			beskrivelse: 'Flere beboere i Svalehøj i job eller uddannelse, også efter helhedsplanen.'
		},
		intended: 'paa_vej',
		series: recoveryOutside
	});

	// Met: vacancy in the recovering area, agreed in 2022 for 2025.
	const recoveryVacancy = areaSeries('0461-O01', 'ledighed');
	const b2 = round1(valueIn(recoveryVacancy, 2021));
	out.push({
		target: {
			...base,
			maal_id: 'KG-2022-1',
			niveau: 'omraade',
			enhed_id: '0461-O01',
			indikator: 'ledighed',
			basisaar: 2021,
			basisvaerdi: b2,
			maalaar: LAST_YEAR,
			maalvaerdi: Math.max(Math.ceil(valueIn(recoveryVacancy, LAST_YEAR)), Math.floor(b2 * 0.75)),
			aftaledokument: document('2103', 2022),
			aftaleaar: 2022,
			boligorganisation_id: '2103',
			beskrivelse: 'Ledigheden i Svalehøj skal ned, når renoveringen er færdig.'
		},
		intended: 'naaet',
		series: recoveryVacancy
	});

	// Off track: vacancy in the sliding area keeps rising.
	const slideVacancy = areaSeries('0751-O01', 'ledighed');
	const b3 = round1(valueIn(slideVacancy, 2023));
	out.push({
		target: {
			...base,
			maal_id: 'LR-2024-1',
			niveau: 'omraade',
			enhed_id: '0751-O01',
			indikator: 'ledighed',
			basisaar: 2023,
			basisvaerdi: b3,
			maalaar: 2027,
			maalvaerdi: Math.round(b3 * 0.7),
			aftaledokument: document('2101', 2024),
			aftaleaar: 2024,
			boligorganisation_id: '2101',
			beskrivelse: 'Ledigheden i Engparken Øst skal ned med udlejningsaftalen.'
		},
		intended: 'ikke_paa_vej',
		series: slideVacancy
	});

	// Not met: turnover in the sliding area, agreed in 2021 for 2024.
	const slideTurnover = areaSeries('0751-O01', 'fraflytning');
	const b4 = round1(valueIn(slideTurnover, 2020));
	out.push({
		target: {
			...base,
			maal_id: 'LR-2021-1',
			niveau: 'omraade',
			enhed_id: '0751-O01',
			indikator: 'fraflytning',
			basisaar: 2020,
			basisvaerdi: b4,
			maalaar: 2024,
			maalvaerdi: Math.floor(b4 * 9) / 10,
			aftaledokument: document('2101', 2021),
			aftaleaar: 2021,
			boligorganisation_id: '2101',
			beskrivelse: 'Fraflytningen i Engparken Øst skal ned med en tiendedel.'
		},
		intended: 'ikke_naaet',
		series: slideTurnover
	});

	// No data: the small department's share outside the labour market is always suppressed.
	out.push({
		target: {
			...base,
			maal_id: 'LR-2024-2',
			niveau: 'afdeling',
			enhed_id: '2101-008',
			indikator: 'uden_for_arbejdsmarked',
			basisaar: 2023,
			basisvaerdi: 25,
			maalaar: 2027,
			maalvaerdi: 20,
			aftaledokument: document('2101', 2024),
			aftaleaar: 2024,
			boligorganisation_id: '2101',
			beskrivelse: 'Flere beboere i job eller uddannelse (boligorganisationens egen opgørelse).'
		},
		intended: 'ingen_data',
		series: series(figuresOf(world, [dept('2101-008')]), 'uden_for_arbejdsmarked').map((p) => ({
			...p,
			vaerdi: null,
			diskretioneret: true
		}))
	});

	// The municipality's joint target from the joint meeting: vacancy in Aarhus's social housing.
	const aarhus = series(
		figuresOf(
			world,
			world.departments.filter((d) => d.kommune === '0751')
		),
		'ledighed'
	);
	const b6 = round1(valueIn(aarhus, 2023));
	out.push({
		target: {
			...base,
			maal_id: 'AAR-2024-1',
			niveau: 'kommune',
			enhed_id: '0751',
			indikator: 'ledighed',
			basisaar: 2023,
			basisvaerdi: b6,
			maalaar: 2027,
			maalvaerdi: round1(b6 * 0.8),
			aftaledokument: 'Fællesaftale 2024, Aarhus',
			aftaleaar: 2024,
			boligorganisation_id: null,
			beskrivelse: 'Ledigheden i kommunens almene boliger skal ned med en femtedel.'
		},
		intended: null,
		series: aarhus
	});
	return out;
}

export function writeTargets(dir: string, world: World): void {
	const targets = demoTargets(world);
	for (const { target, intended, series } of targets) {
		const status = targetStatus(target, series, LAST_YEAR).status;
		if (intended && status !== intended) {
			throw new Error(
				`demo target ${target.maal_id}: meant to be ${intended} in ${LAST_YEAR}, is ${status}; adjust pipelines/generate/agreements.ts`
			);
		}
	}
	const csv = new CsvWriter(join(dir, 'aftaler.csv'), TARGET_COLUMNS, 'utf-8-bom');
	for (const { target: t } of targets) {
		const decimals = indicator(t.indikator).decimals + 1;
		const row: Record<(typeof TARGET_COLUMNS)[number], string> = {
			maal_id: t.maal_id,
			niveau: t.niveau,
			enhed_id: t.enhed_id,
			indikator: t.indikator,
			basisaar: String(t.basisaar),
			basisvaerdi: t.basisvaerdi === null ? '' : danishNumber(t.basisvaerdi, decimals),
			maalaar: String(t.maalaar),
			maalvaerdi: danishNumber(t.maalvaerdi, decimals),
			retning: t.retning,
			aftaledokument: t.aftaledokument,
			aftaleaar: String(t.aftaleaar),
			boligorganisation_id: t.boligorganisation_id ?? '',
			beskrivelse: t.beskrivelse
		};
		csv.row(TARGET_COLUMNS.map((c) => row[c]));
	}
	csv.close();
}

export function writeInterventions(dir: string): void {
	const rows: Record<(typeof INTERVENTION_COLUMNS)[number], string>[] = [
		{
			indsats_id: 'HP-SVALEHOEJ',
			indsats_navn: 'Helhedsplan for Svalehøj',
			indsatstype: 'helhedsplan',
			afdelinger: '',
			omraader: '0461-O01',
			startaar: String(RECOVERY_START),
			slutaar: '2023',
			finansiering: 'Landsbyggefonden, Odense Kommune og boligorganisationerne',
			politisk_maal: 'Ingen udsatte boligområder i Odense (boligpolitikken)',
			indikatorer: 'ledighed, fraflytning, uden_for_arbejdsmarked',
			beskrivelse: 'Boligsocial helhedsplan med beskæftigelsesindsats, fritidsjob og beboerrådgivning.'
		},
		{
			indsats_id: 'REN-SVALEHOEJ',
			indsats_navn: 'Renovering af Svalehøj',
			indsatstype: 'renovering',
			afdelinger: '2103-001, 2103-003',
			omraader: '',
			startaar: String(RECOVERY_START),
			slutaar: '2021',
			finansiering: 'Landsbyggefonden (renoveringsstøtte)',
			politisk_maal: 'Tidssvarende almene boliger',
			indikatorer: 'vedligeholdelsesstand, henlaeggelser',
			beskrivelse: 'Nye tage, facader og køkkener; tilgængelige boliger i stueetagen.'
		},
		{
			indsats_id: 'UDL-ENGPARKEN',
			indsats_navn: 'Fleksibel udlejning i Engparken Øst',
			indsatstype: 'udlejningsaftale',
			afdelinger: '',
			omraader: '0751-O01',
			startaar: '2023',
			slutaar: '',
			finansiering: '',
			politisk_maal: 'En blandet beboersammensætning i alle boligområder',
			indikatorer: 'uden_for_arbejdsmarked, fraflytning',
			beskrivelse: 'Boliger udlejes med fortrin for boligsøgende i job eller uddannelse.'
		},
		{
			indsats_id: 'BS-SOLSIKKE',
			indsats_navn: 'Lektiecafé og fritidsjob i Solsikkeparken',
			indsatstype: 'boligsocial',
			afdelinger: '',
			omraader: '0751-O02',
			startaar: '2020',
			slutaar: '2023',
			finansiering: 'Aarhus Kommune og Boligforeningen Fjordlys',
			politisk_maal: 'Flere unge i uddannelse',
			indikatorer: 'uden_for_arbejdsmarked',
			beskrivelse: 'Frivillige lektiehjælpere og fritidsjob for unge 13-17 år.'
		}
	];
	const csv = new CsvWriter(join(dir, 'indsatser.csv'), INTERVENTION_COLUMNS, 'utf-8-bom');
	for (const r of rows) csv.row(INTERVENTION_COLUMNS.map((c) => r[c]));
	csv.close();
}
