/**
 * The tables behind the dashboard's charts and lists, as ExportTables: the same rows, order and
 * values as the tables on the page (TrendTable, PeersTable, DepartmentTable, UnitList), with the
 * unit moved into the header so a cell holds just the number. The export buttons and the
 * documentation package both build their CSV and XLSX from these.
 */
import type { PeerBar } from '../charts/peers.ts';
import type { TrendSeries } from '../charts/trend.ts';
import type { DepartmentRow, WebOverview } from '../core/output-contract.ts';
import type { PeerRow } from '../db/queries/peers.ts';
import type { DepartmentFigures } from '../db/queries/department-figures.ts';
import type { PartsLine } from '../db/queries/organisation-parts.ts';
import { indicator as indicatorOf, type Indicator } from '../core/indicators.ts';
import { unitOf } from '../i18n/format.ts';
import type { Lang } from '../i18n/lang.ts';
import { strings } from '../i18n/strings.ts';
import { housingTypeName } from '../i18n/housing-type-name.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { headerWithUnit, valueCell, type ExportCell, type ExportTable } from '../formats/export-table.ts';

const year = (aar: number): ExportCell => ({ value: aar, decimals: 0, plain: true });

/** A figure's column header: "Ledighed 2025 (‰)". */
export function valueHeader(ind: Indicator, lang: Lang, aar?: number): string {
	return headerWithUnit(aar == null ? ind.name[lang] : `${ind.name[lang]} ${aar}`, unitOf(ind, lang));
}

/** A trend chart's table: a row per year, latest first as on the page, a column per series. */
export function trendTable(ind: Indicator, lang: Lang, series: readonly TrendSeries[], years: readonly number[]): ExportTable {
	const t = strings(lang);
	const unit = unitOf(ind, lang);
	const lookup = series.map((s) => new Map(s.points.map((p) => [p.aar, p])));
	return {
		title: exportStrings(lang).trendTitle(ind.name[lang]),
		columns: [{ header: t.year }, ...series.map((s) => ({ header: headerWithUnit(`${ind.name[lang]}, ${s.label}`, unit), numeric: true }))],
		rows: [...years].sort((a, b) => b - a).map((aar) => [year(aar), ...lookup.map((points) => valueCell(points.get(aar), ind.decimals))])
	};
}

/**
 * A peers chart's table: the departments with a value, highest first with their rank, then those
 * without; the unit's departments marked. As PeersTable, plus the department number.
 */
export function peersTable(
	ind: Indicator,
	lang: Lang,
	aar: number,
	rows: readonly PeerRow[],
	bars: readonly PeerBar[],
	highlighted: ReadonlySet<string>
): ExportTable {
	const t = strings(lang);
	const e = exportStrings(lang);
	const rankOf = new Map(bars.map((b) => [b.id, b.rank]));
	const byId = new Map(rows.map((r) => [r.afdeling_id, r]));
	const ordered = [...bars.map((b) => byId.get(b.id)!), ...rows.filter((r) => !rankOf.has(r.afdeling_id))];
	return {
		title: e.peersTitle(ind.name[lang], aar),
		columns: [
			{ header: t.rank, numeric: true },
			{ header: e.departmentId },
			{ header: t.department },
			{ header: valueHeader(ind, lang, aar), numeric: true },
			{ header: e.highlighted }
		],
		rows: ordered.map((r) => {
			const rank = rankOf.get(r.afdeling_id);
			return [
				rank == null ? null : { value: rank, decimals: 0, plain: true },
				r.afdeling_id,
				r.afdeling_navn,
				valueCell(r, ind.decimals),
				highlighted.has(r.afdeling_id) ? e.yes : null
			];
		})
	};
}

/** A unit's departments, as DepartmentTable: register columns and the chosen figure. */
export function departmentsTable(
	departments: readonly DepartmentRow[],
	values: readonly PeerRow[] | null,
	ind: Indicator,
	aar: number,
	lang: Lang,
	show: { organisation: boolean; area: boolean; municipality?: boolean }
): ExportTable {
	const t = strings(lang);
	const e = exportStrings(lang);
	const valueOf = new Map((values ?? []).map((v) => [v.afdeling_id, v]));
	return {
		title: t.departments,
		columns: [
			{ header: e.departmentId },
			{ header: t.department },
			...(show.organisation ? [{ header: t.organisation }] : []),
			...(show.area ? [{ header: t.area }] : []),
			...(show.municipality ? [{ header: t.inMunicipality }] : []),
			{ header: t.housingType },
			{ header: t.built, numeric: true },
			{ header: valueHeader(ind, lang, aar), numeric: true }
		],
		rows: departments.map((d) => [
			d.afdeling_id,
			d.afdeling_navn,
			...(show.organisation ? [d.boligorganisation_navn] : []),
			...(show.area ? [d.omraade_id ? (d.omraade_navn ?? d.omraade_id) : t.noArea] : []),
			...(show.municipality ? [d.kommune_navn ?? d.kommune_kode] : []),
			housingTypeName(d.boligtype, t),
			d.opfoerelsesaar == null ? null : year(d.opfoerelsesaar),
			values ? valueCell(valueOf.get(d.afdeling_id), ind.decimals) : null
		])
	};
}

const byName = <T extends { navn: string }>(list: readonly T[]) => [...list].sort((a, b) => a.navn.localeCompare(b.navn, 'da'));

/** The overview's areas, as UnitList: name, number of departments and the chosen figure. */
export function areasTable(overview: WebOverview, ind: Indicator, aar: number, lang: Lang): ExportTable {
	const t = strings(lang);
	return {
		title: t.areas,
		columns: [{ header: t.area }, { header: t.departmentsCount, numeric: true }, { header: valueHeader(ind, lang, aar), numeric: true }],
		rows: byName(overview.omraader).map((a) => [
			a.navn,
			{ value: a.afdelinger, decimals: 0 },
			valueCell(
				a.values[ind.id]?.find((p) => p.aar === aar),
				ind.decimals
			)
		])
	};
}

function dwellingsCell(count: number | undefined): ExportCell {
	return count == null ? null : { value: count, decimals: 0 };
}

/** The overview's departments, as UnitList: name, organisation, area, dwellings and the figure shown. */
export function overviewDepartmentsTable(
	overview: WebOverview,
	lang: Lang,
	figures: { ind: Indicator; aar: number; departments: DepartmentFigures } | null = null
): ExportTable {
	const t = strings(lang);
	const e = exportStrings(lang);
	const areaNames = new Map(overview.omraader.map((a) => [a.id, a.navn]));
	const extra = figures
		? [
				{ header: t.dwellings, numeric: true },
				{ header: valueHeader(figures.ind, lang, figures.aar), numeric: true }
			]
		: [];
	return {
		title: t.departments,
		columns: [{ header: e.departmentId }, { header: t.department }, { header: t.organisation }, { header: t.area }, ...extra],
		rows: byName(overview.afdelinger).map((d) => [
			d.id,
			d.navn,
			d.organisation_navn,
			d.omraade_id ? (areaNames.get(d.omraade_id) ?? d.omraade_id) : t.noArea,
			...(figures
				? [
						dwellingsCell(figures.departments.dwellings.get(d.id)),
						valueCell(
							figures.departments.series.get(d.id)?.[figures.ind.id]?.find((p) => p.aar === figures.aar),
							figures.ind.decimals
						)
					]
				: [])
		])
	};
}

/** An organisation's figures in a year: a row per key figure, the whole organisation and each municipality's part. */
export function organisationPartsTable(
	lines: readonly PartsLine[],
	municipalities: readonly string[],
	aar: number,
	lang: Lang
): ExportTable {
	const t = strings(lang);
	const e = exportStrings(lang);
	return {
		title: `${t.partsHeading} ${aar}`,
		columns: [
			{ header: t.indicator },
			{ header: e.unit },
			{ header: t.wholeOrganisation, numeric: true },
			...municipalities.map((navn) => ({ header: t.municipalityPart(navn), numeric: true }))
		],
		rows: lines.map((line) => {
			const ind = indicatorOf(line.indikator);
			return [ind.name[lang], unitOf(ind, lang), valueCell(line.whole, ind.decimals), ...line.parts.map((p) => valueCell(p, ind.decimals))];
		})
	};
}
