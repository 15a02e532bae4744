/**
 * The municipality's own report in its documentation package: the map, the key figures of the
 * year against the year before and the national benchmark, the housing areas and organisations in
 * tables, the focus list with its reasons, and the agreed targets with their status; the
 * organisations' own reports follow as folders of the package. Pure: it takes the map already
 * drawn (PNG bytes), so it is unit-tested without a browser.
 *
 * The benchmark is the label rule's (core/national-benchmark.ts), per key figure: the published
 * reference where one exists for the year, named with its source, else the sum over the loaded
 * departments under the name it deserves, else nothing. It never calls a partial sum the country.
 */
import type { IndicatorId } from '../core/indicators.ts';
import { benchmarkCaption, nationalBenchmark, type Benchmark } from '../core/national-benchmark.ts';
import { coverageOf } from '../charts/benchmark-series.ts';
import type { FocusSeries } from '../focus/evaluate.ts';
import { valueCell, type ExportTable } from '../formats/export-table.ts';
import { unitText } from '../formats/export-meta.ts';
import type { Report, ReportBlock } from '../formats/report.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { municipalityReportStrings } from '../i18n/municipality-report-strings.ts';
import { strings } from '../i18n/strings.ts';
import { indicator } from '../core/indicators.ts';
import { STATUS_LABEL, targetText } from '../targets/status.ts';
import { focusEntryName } from '../supervision/organisation-focus.ts';
import { FOCUS_HEADING } from './focus-blocks.ts';
import type { MunicipalityData, RenderedChart } from './model.ts';

/** The national benchmark of a key figure in the year, by the label rule; null when there is none to show. */
export function municipalityBenchmark(data: MunicipalityData, id: IndicatorId, aar: number): Benchmark | null {
	const sum = pointAt(data.series.land, id, aar);
	return nationalBenchmark({
		indikator: id,
		aar,
		aggregate: sum && !sum.diskretioneret ? sum.vaerdi : null,
		coverage: coverageOf(data.benchmarks),
		references: data.benchmarks.referencetal ?? []
	});
}

const pointAt = (series: FocusSeries, id: IndicatorId, aar: number | null) => (aar == null ? null : series[id]?.find((p) => p.aar === aar));

/** The year's key figures: the municipality this year and last, and the national benchmark. */
export function municipalityKeyFiguresTable(data: MunicipalityData): ExportTable {
	const { lang, year, previousYear } = data;
	const e = exportStrings(lang);
	const kommune = strings(lang).municipalityOf(data.kommune.navn);
	return {
		title: e.keyFiguresTable(year),
		columns: [
			{ header: e.keyFigure },
			{ header: e.unit },
			...(previousYear != null ? [{ header: `${kommune} ${previousYear}`, numeric: true }] : []),
			{ header: `${kommune} ${year}`, numeric: true },
			{ header: strings(lang).benchmark },
			{ header: `${strings(lang).benchmark} ${year}`, numeric: true }
		],
		rows: data.indicators.map((ind) => {
			const b = municipalityBenchmark(data, ind.id, year);
			return [
				ind.name[lang],
				unitText(ind, lang),
				...(previousYear != null ? [valueCell(pointAt(data.series.kommune, ind.id, previousYear), ind.decimals)] : []),
				valueCell(pointAt(data.series.kommune, ind.id, year), ind.decimals),
				b ? benchmarkCaption(b, lang) : null,
				b ? valueCell({ vaerdi: b.value, diskretioneret: false }, ind.decimals) : null
			];
		})
	};
}

const count = (n: number) => ({ value: n, decimals: 0, plain: true });

/** Every housing area with departments in the municipality. */
export function areasTable(data: MunicipalityData): ExportTable {
	const s = municipalityReportStrings(data.lang);
	const focus = { fokus: s.focusYes, ingen: s.focusNo, ukendt: s.focusUnknown };
	return {
		title: s.areasTable,
		columns: [
			{ header: s.area },
			{ header: s.id },
			{ header: s.departments, numeric: true },
			{ header: s.organisationsTable },
			{ header: `${s.focusColumn} ${data.focus.aar}` }
		],
		rows: data.areas.map((a) => [a.navn, a.id, count(a.departments), a.organisations.join(', '), a.focus ? focus[a.focus] : null])
	};
}

/** Every housing organisation with departments in the municipality. */
export function organisationsTable(data: MunicipalityData): ExportTable {
	const s = municipalityReportStrings(data.lang);
	return {
		title: s.organisationsTable,
		columns: [
			{ header: s.organisation },
			{ header: s.id },
			{ header: s.departments, numeric: true },
			{ header: s.areasTable, numeric: true },
			{ header: `${s.focusColumn} ${data.focus.aar}` }
		],
		rows: data.organisations.map((o) => [o.navn, o.id, count(o.departments), count(o.areas), s.focusFlaggedDepartments(o.flagged)])
	};
}

/** Every agreed target with its status in the year. */
export function targetsTable(data: MunicipalityData): ExportTable {
	const s = municipalityReportStrings(data.lang);
	return {
		title: s.targetsTable(data.year),
		columns: [{ header: s.target }, { header: s.unit }, { header: s.goal }, { header: s.status }, { header: s.explanation }],
		rows: data.targets.map((line) => [
			line.target.maal_id,
			line.unitName,
			`${indicator(line.target.indikator).name[data.lang]} ${targetText(line.target)}`,
			`${STATUS_LABEL[line.evaluation.status]} (${line.evaluation.aar})`,
			line.evaluation.forklaring
		])
	};
}

function focusSection(data: MunicipalityData): ReportBlock[] {
	const { focus } = data;
	const s = municipalityReportStrings(data.lang);
	const withLines = (e: MunicipalityData['focus']['flagged'][number]) =>
		e.lines.length ? `${focusEntryName(e)}: ${e.lines.join('; ')}` : focusEntryName(e);
	const blocks: ReportBlock[] = [
		{ kind: 'heading', level: 1, text: FOCUS_HEADING },
		...(s.danishNote ? [{ kind: 'paragraph' as const, text: s.danishNote, style: 'note' as const }] : []),
		{ kind: 'paragraph', text: `Vurderet for ${focus.aar} efter regelsættet "${focus.ruleSet.navn}". Kilde: ${focus.ruleSet.kilde}` },
		...focus.ruleSet.noter.map((text): ReportBlock => ({ kind: 'paragraph', text, style: 'note' }))
	];
	if (focus.flagged.length) {
		blocks.push(
			{ kind: 'paragraph', text: `Afdelinger og områder med særlig fokus (${focus.flagged.length}):` },
			{ kind: 'list', items: focus.flagged.map(withLines) }
		);
	} else {
		blocks.push({ kind: 'paragraph', text: 'Ingen af kommunens afdelinger eller områder har særlig fokus efter reglerne.' });
	}
	if (focus.unknown.length) {
		blocks.push(
			{ kind: 'paragraph', text: `Kan ikke vurderes (${focus.unknown.length}):` },
			{ kind: 'list', items: focus.unknown.map(withLines) }
		);
	}
	return blocks;
}

/** The report; `map` is the page's map framed with its legend, or null when there was none. */
export function municipalityReport(data: MunicipalityData, map: RenderedChart | null, folders: readonly string[]): Report {
	const { lang, year } = data;
	const t = strings(lang);
	const e = exportStrings(lang);
	const s = municipalityReportStrings(lang);
	const kommune = t.municipalityOf(data.kommune.navn);
	const blocks: ReportBlock[] = [];
	if (data.demo) blocks.push({ kind: 'paragraph', text: e.demoNote, style: 'demo' });

	blocks.push({ kind: 'heading', level: 1, text: s.mapHeading });
	blocks.push(
		map
			? { kind: 'image', png: map.png, width: map.width, height: map.height, alt: map.title }
			: { kind: 'paragraph', text: s.mapMissing, style: 'note' }
	);

	blocks.push({ kind: 'heading', level: 1, text: e.keyFiguresHeading(year) });
	blocks.push({ kind: 'paragraph', text: s.keyFiguresIntro(kommune, year) });
	blocks.push({ kind: 'table', table: municipalityKeyFiguresTable(data) });

	blocks.push({ kind: 'heading', level: 1, text: s.unitsHeading });
	blocks.push({ kind: 'paragraph', text: s.unitsIntro(data.areas.length, data.organisations.length, data.departments) });
	if (data.areas.length) blocks.push({ kind: 'table', table: areasTable(data) });
	blocks.push({ kind: 'table', table: organisationsTable(data) });

	blocks.push(...focusSection(data));

	blocks.push({ kind: 'heading', level: 1, text: s.targetsHeading });
	blocks.push({ kind: 'paragraph', text: s.targetsIntro(year, data.targets.length) });
	if (data.targets.length) blocks.push({ kind: 'table', table: targetsTable(data) });

	blocks.push({ kind: 'heading', level: 1, text: s.foldersHeading });
	blocks.push({ kind: 'paragraph', text: s.foldersIntro });
	blocks.push({ kind: 'list', items: folders.map((f) => `${f}/`) });

	blocks.push({ kind: 'heading', level: 1, text: e.aboutHeading });
	blocks.push({ kind: 'list', items: [e.readme.suppression, e.readme.rounding, e.noValueNote] });
	blocks.push({ kind: 'heading', level: 2, text: e.readme.sources });
	blocks.push({ kind: 'list', items: [...data.indicators.map((ind) => `${ind.name[lang]}: ${ind.source[lang]}`), e.sourceLine] });

	return { title: s.reportTitle(kommune, year), subtitle: e.reportSubtitle(kommune), lang, demo: data.demo, blocks };
}
