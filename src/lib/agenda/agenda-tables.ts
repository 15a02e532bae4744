/**
 * The tables and lines the agendas share: a unit's key figures this year against last year and a
 * benchmark, targets with their status, and interventions with what happened after they began.
 * Figures are formatted as the dashboard prints them; a missing or suppressed value is the dash.
 */
import type { SeriesPoint } from '../core/output-contract.ts';
import type { FocusPoint, FocusSeries } from '../focus/evaluate.ts';
import { shownLimit, shownValue } from '../focus/phrases.ts';
import { NO_VALUE, formatChange } from '../i18n/format.ts';
import { indicator, type IndicatorId } from '../core/indicators.ts';
import { valueCell, type ExportCell, type ExportTable } from '../formats/export-table.ts';
import { unitText } from '../formats/export-meta.ts';
import { INTERVENTION_TYPE_NAME, periodText, type Intervention } from '../core/intervention.ts';
import type { TargetLine } from '../supervision/assess.ts';
import { STATUS_LABEL, targetText } from '../targets/status.ts';
import { baseCell } from '../targets/base-cell.ts';
import type { Target } from '../core/target.ts';

export function pointAt(series: readonly SeriesPoint[] | undefined, year: number): SeriesPoint | null {
	return series?.find((p) => p.aar === year) ?? null;
}

function shownNumber(id: IndicatorId, point: SeriesPoint | null): number | null {
	if (!point || point.diskretioneret || point.vaerdi == null || !Number.isFinite(point.vaerdi)) return null;
	const factor = 10 ** indicator(id).decimals;
	return Math.round(point.vaerdi * factor) / factor;
}

/** "6,5 ‰", or "–" (diskretioneret) / "–" when missing, for running text. */
export function pointText(id: IndicatorId, point: SeriesPoint | null): string {
	const value = shownNumber(id, point);
	if (value !== null) return shownValue(id, value);
	return point?.diskretioneret ? `${NO_VALUE} (diskretioneret)` : NO_VALUE;
}

/** Key figures of a unit: last year, this year, the change, and a benchmark this year. */
export function keyFigureTable(
	title: string,
	series: FocusSeries,
	benchmark: { label: string; series: FocusSeries },
	indicators: readonly IndicatorId[],
	year: number
): ExportTable {
	// A benchmark that names its sources (the country's: core/national-benchmark.ts) gets a column saying them.
	const sourceOf = (id: IndicatorId) => (pointAt(benchmark.series[id], year) as FocusPoint | null)?.kilde?.da ?? null;
	const sourced = indicators.some((id) => sourceOf(id) !== null);
	const rows: ExportCell[][] = indicators.map((id) => {
		const ind = indicator(id);
		const before = pointAt(series[id], year - 1);
		const now = pointAt(series[id], year);
		const a = shownNumber(id, before);
		const b = shownNumber(id, now);
		const unit = unitText(ind, 'da');
		const name = unit ? `${ind.name.da} (${unit})` : ind.name.da;
		return [
			name,
			valueCell(before, ind.decimals),
			valueCell(now, ind.decimals),
			a !== null && b !== null ? formatChange(ind, b - a, 'da') : NO_VALUE,
			valueCell(pointAt(benchmark.series[id], year), ind.decimals),
			...(sourced ? [sourceOf(id) ?? NO_VALUE] : [])
		];
	});
	return {
		title,
		columns: [
			{ header: 'Nøgletal' },
			{ header: String(year - 1), numeric: true },
			{ header: String(year), numeric: true },
			{ header: 'Ændring', numeric: true },
			{ header: `${benchmark.label} ${year}`, numeric: true },
			...(sourced ? [{ header: 'Kilde' }] : [])
		],
		rows
	};
}

/** One line per target: "Ledighed i X: højst 5 ‰ i 2026 – På vej. 6,8 ‰ i 2024; …" */
export function targetLineText(line: TargetLine): string {
	const t = line.target;
	return `${indicator(t.indikator).name.da} i ${line.unitName}: ${targetText(t)} – ${STATUS_LABEL[line.evaluation.status]}. ${line.evaluation.forklaring}`;
}

export function targetTable(title: string, lines: readonly TargetLine[]): ExportTable {
	return {
		title,
		columns: [
			{ header: 'Enhed' },
			{ header: 'Nøgletal' },
			{ header: 'Basis', numeric: true },
			{ header: 'Mål', numeric: true },
			{ header: 'Seneste', numeric: true },
			{ header: 'Status' }
		],
		rows: lines.map(({ target: t, unitName, evaluation: e }) => [
			unitName,
			indicator(t.indikator).name.da,
			baseCell(t, e),
			targetText(t),
			e.seneste === null ? NO_VALUE : `${shownValue(t.indikator, e.seneste)} (${e.aar})`,
			STATUS_LABEL[e.status]
		])
	};
}

/** Drafted targets, before they have a status. */
export function draftTable(title: string, drafts: readonly { target: Target; unitName: string }[]): ExportTable {
	return {
		title,
		columns: [
			{ header: 'Enhed' },
			{ header: 'Nøgletal' },
			{ header: 'Basis', numeric: true },
			{ header: 'Mål', numeric: true },
			{ header: 'Beskrivelse' }
		],
		rows: drafts.map(({ target: t, unitName }) => [
			unitName,
			indicator(t.indikator).name.da,
			t.basisvaerdi === null ? NO_VALUE : `${shownLimit(t.indikator, t.basisvaerdi)} (${t.basisaar})`,
			targetText(t),
			t.beskrivelse
		])
	};
}

export function interventionTable(
	title: string,
	interventions: readonly Intervention[],
	coverage: (i: Intervention) => string
): ExportTable {
	return {
		title,
		columns: [
			{ header: 'Indsats' },
			{ header: 'Type' },
			{ header: 'Omfatter' },
			{ header: 'Periode' },
			{ header: 'Finansiering' },
			{ header: 'Politisk mål' }
		],
		rows: interventions.map((i) => [
			i.indsats_navn,
			INTERVENTION_TYPE_NAME[i.indsatstype],
			coverage(i),
			periodText(i),
			i.finansiering,
			i.politisk_maal
		])
	};
}

/**
 * What happened to a key figure after an intervention began: the year before the start against
 * the chosen year. "Ledighed i Svalehøj: 31,2 ‰ i 2017 (året før start) → 7,9 ‰ i 2025".
 */
export function effectText(id: IndicatorId, unitName: string, series: FocusSeries, startaar: number, year: number): string {
	const before = pointAt(series[id], startaar - 1);
	const now = pointAt(series[id], year);
	return `${indicator(id).name.da} i ${unitName}: ${pointText(id, before)} i ${startaar - 1} (året før start) → ${pointText(id, now)} i ${year}`;
}
