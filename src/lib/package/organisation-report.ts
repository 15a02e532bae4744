/**
 * The report of an organisation's documentation package: the key figures of the year against the
 * year before, the municipality and the country; a section per key figure with its definition,
 * source, charts and tables; a section per department; and what the figures mean. Pure: it takes
 * the charts already drawn (PNG bytes), so it is unit-tested without a browser.
 */
import type { PeerRow } from '../db/queries/peers.ts';
import { unitOf } from '../i18n/format.ts';
import { strings } from '../i18n/strings.ts';
import { housingTypeName } from '../i18n/housing-type-name.ts';
import type { IndicatorId } from '../core/indicators.ts';
import { organisationBars } from './chart-specs.ts';
import type { Report, ReportBlock } from '../formats/report.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { headerWithUnit, valueCell, type ExportTable } from '../formats/export-table.ts';
import { organisationPartsTable, trendTable, valueHeader } from '../download/page-tables.ts';
import { partsLines } from '../db/queries/organisation-parts.ts';
import { unitText } from '../formats/export-meta.ts';
import { focusBlocks } from './focus-blocks.ts';
import type { OrganisationData, ReportImage } from './model.ts';

const pointAt = (data: OrganisationData, id: IndicatorId, key: string, aar: number | null) =>
	aar == null ? null : data.trends[id]?.find((s) => s.key === key)?.points.find((p) => p.aar === aar);

/**
 * The country's figure in a year: the published reference (charts/benchmark-series.ts), else the
 * sum over the loaded departments only when it is called the country (every municipality loaded).
 */
function countryAt(data: OrganisationData, id: IndicatorId, aar: number) {
	const published = pointAt(data, id, 'reference', aar);
	if (published && published.vaerdi != null) return published;
	const sum = data.trends[id]?.find((s) => s.key === 'land');
	return sum?.label === strings(data.lang).country ? sum.points.find((p) => p.aar === aar) : null;
}

/** "Hele landet" or, where any key figure has a published figure that year, "Hele landet (LBF …)". */
function countryHeader(data: OrganisationData): string {
	const t = strings(data.lang);
	const source = data.indicators
		.map((ind) => data.trends[ind.id]?.find((s) => s.key === 'reference'))
		.find((s) => s?.points.some((p) => p.aar === data.year && p.vaerdi != null));
	return source ? source.label : t.country;
}

/**
 * Whether any key figure has a country figure in the year (a published reference, or the sum over
 * all 98 municipalities): without one the report neither promises nor heads an empty country column.
 */
export function hasCountry(data: OrganisationData): boolean {
	return data.indicators.some((ind) => countryAt(data, ind.id, data.year)?.vaerdi != null);
}

/** The year's key figures: the organisation this year and last, the municipality and (where there is one) the country. */
export function keyFiguresTable(data: OrganisationData): ExportTable {
	const { lang, year, previousYear } = data;
	const t = strings(lang);
	const e = exportStrings(lang);
	const country = hasCountry(data);
	return {
		title: e.keyFiguresTable(year),
		columns: [
			{ header: e.keyFigure },
			{ header: e.unit },
			...(previousYear != null ? [{ header: `${data.organisation.navn} ${previousYear}`, numeric: true }] : []),
			{ header: `${data.organisation.navn} ${year}`, numeric: true },
			{ header: `${t.municipalityOf(data.kommune.navn)} ${year}`, numeric: true },
			...(country ? [{ header: `${countryHeader(data)} ${year}`, numeric: true }] : [])
		],
		rows: data.indicators.map((ind) => [
			ind.name[lang],
			unitText(ind, lang),
			...(previousYear != null ? [valueCell(pointAt(data, ind.id, 'boligorganisation', previousYear), ind.decimals)] : []),
			valueCell(pointAt(data, ind.id, 'boligorganisation', year), ind.decimals),
			valueCell(pointAt(data, ind.id, 'kommune', year), ind.decimals),
			...(country ? [valueCell(countryAt(data, ind.id, year), ind.decimals)] : [])
		])
	};
}

/** Every department of the organisation with its register and each key figure in the year. */
export function departmentsWideTable(data: OrganisationData): ExportTable {
	const { lang, year } = data;
	const t = strings(lang);
	const e = exportStrings(lang);
	const values = data.indicators.map((ind) => new Map((data.values[ind.id]?.year ?? []).map((r) => [r.afdeling_id, r])));
	return {
		title: e.departmentsTable(year),
		columns: [
			{ header: e.departmentId },
			{ header: t.department },
			{ header: t.area },
			...(data.parts ? [{ header: t.inMunicipality }] : []),
			{ header: t.housingType },
			{ header: t.built, numeric: true },
			...data.indicators.map((ind) => ({ header: valueHeader(ind, lang, year), numeric: true }))
		],
		rows: data.departments.map((d) => [
			d.afdeling_id,
			d.afdeling_navn,
			d.omraade_id ? (d.omraade_navn ?? d.omraade_id) : t.noArea,
			...(data.parts ? [d.kommune_navn ?? d.kommune_kode] : []),
			housingTypeName(d.boligtype, t),
			d.opfoerelsesaar == null ? null : { value: d.opfoerelsesaar, decimals: 0, plain: true },
			...data.indicators.map((ind, i) => valueCell(values[i]!.get(d.afdeling_id), ind.decimals))
		])
	};
}

/** One department's key figures: this year, last year and the municipality. */
function departmentTable(data: OrganisationData, afdelingId: string, navn: string): ExportTable {
	const { lang, year, previousYear } = data;
	const t = strings(lang);
	const e = exportStrings(lang);
	const find = (rows: readonly PeerRow[] | null | undefined) => rows?.find((r) => r.afdeling_id === afdelingId);
	return {
		// The section's heading names the department; the caption says what the table holds.
		title: `${e.keyFiguresTable(year)}: ${navn}`,
		columns: [
			{ header: e.keyFigure },
			{ header: e.unit },
			...(previousYear != null ? [{ header: String(previousYear), numeric: true }] : []),
			{ header: String(year), numeric: true },
			{ header: `${t.municipalityOf(data.kommune.navn)} ${year}`, numeric: true }
		],
		rows: data.indicators.map((ind) => {
			const peers = data.values[ind.id];
			return [
				ind.name[lang],
				unitText(ind, lang),
				...(previousYear != null ? [valueCell(find(peers?.previous), ind.decimals)] : []),
				valueCell(find(peers?.year), ind.decimals),
				valueCell(pointAt(data, ind.id, 'kommune', year), ind.decimals)
			];
		})
	};
}

/** The organisation's departments among the municipality's, with their rank. */
function ownPeersTable(data: OrganisationData, id: IndicatorId): ExportTable {
	const { lang, year } = data;
	const t = strings(lang);
	const ind = data.indicators.find((i) => i.id === id)!;
	const rows = data.peers[id]?.year ?? [];
	const { own } = organisationBars(data, id, lang);
	const ranked = new Set(own.map((b) => b.id));
	const without = rows.filter((r) => !ranked.has(r.afdeling_id) && data.departments.some((d) => d.afdeling_id === r.afdeling_id));
	return {
		title: exportStrings(lang).peersTitle(ind.name[lang], year),
		columns: [{ header: t.rank, numeric: true }, { header: t.department }, { header: valueHeader(ind, lang, year), numeric: true }],
		rows: [
			...own.map((b) => [{ value: b.rank, decimals: 0, plain: true }, b.navn, { value: b.vaerdi, decimals: ind.decimals }]),
			...without.map((r) => [null, r.afdeling_navn, valueCell(r, ind.decimals)])
		]
	};
}

/** The report: key figures, a section per key figure and per department, and notes. */
export function organisationReport(data: OrganisationData, images: readonly ReportImage[]): Report {
	const { lang, year } = data;
	const t = strings(lang);
	const e = exportStrings(lang);
	const blocks: ReportBlock[] = [];
	if (data.demo) blocks.push({ kind: 'paragraph', text: e.demoNote, style: 'demo' });
	const flagsFor = (match: (f: OrganisationData['flags'][number]) => boolean) => data.flags.filter(match).map((f) => f.text);
	const image = (id: IndicatorId, kind: ReportImage['kind']): ReportBlock[] => {
		const found = images.find((i) => i.indicator === id && i.kind === kind);
		return found ? [{ kind: 'image', png: found.png, width: found.width, height: found.height, alt: found.title }] : [];
	};

	blocks.push({ kind: 'heading', level: 1, text: e.keyFiguresHeading(year) });
	if (data.parts) {
		// Whole units (issue 10): the organisation's figures are its whole, its parts beside them.
		const names = data.parts.municipalities.map((k) => k.navn);
		const codes = data.parts.municipalities.map((k) => k.kode);
		blocks.push({
			kind: 'paragraph',
			text: e.keyFiguresIntroWhole(data.organisation.navn, year, data.previousYear, names.map(t.municipalityOf), hasCountry(data))
		});
		blocks.push({ kind: 'table', table: keyFiguresTable(data) });
		blocks.push({ kind: 'paragraph', text: t.partsNote(codes.length) });
		const whole = data.indicators.flatMap((ind) =>
			(data.trends[ind.id]?.find((s) => s.key === 'boligorganisation')?.points ?? []).map((p) => ({ ...p, indikator: ind.id }))
		);
		const lines = partsLines(
			whole,
			data.parts.rows,
			codes,
			data.indicators.map((i) => i.id),
			year
		);
		blocks.push({ kind: 'table', table: organisationPartsTable(lines, names, year, lang) });
	} else {
		blocks.push({ kind: 'paragraph', text: e.keyFiguresIntro(data.organisation.navn, year, data.previousYear, hasCountry(data)) });
		blocks.push({ kind: 'table', table: keyFiguresTable(data) });
	}
	const general = flagsFor((f) => !f.indikator && !f.afdelingId);
	if (general.length) blocks.push({ kind: 'heading', level: 2, text: e.flagsHeading }, { kind: 'list', items: general });

	for (const ind of data.indicators) {
		const unit = unitOf(ind, lang);
		blocks.push({ kind: 'heading', level: 2, text: unit ? headerWithUnit(ind.name[lang], unit) : ind.name[lang] });
		blocks.push({ kind: 'paragraph', text: `${e.definition}: ${ind.definition[lang]}` });
		blocks.push({ kind: 'paragraph', text: `${e.source}: ${ind.source[lang]}`, style: 'note' });
		const flags = flagsFor((f) => f.indikator === ind.id && !f.afdelingId);
		if (flags.length) blocks.push({ kind: 'list', items: flags });
		blocks.push(...image(ind.id, 'trend'));
		blocks.push({ kind: 'table', table: trendTable(ind, lang, data.trends[ind.id] ?? [], data.years) });
		blocks.push(...image(ind.id, 'peers'));
		const { bars, own } = organisationBars(data, ind.id, lang);
		blocks.push({ kind: 'paragraph', text: e.peersIntro(own.length, bars.length) });
		blocks.push({ kind: 'table', table: ownPeersTable(data, ind.id) });
	}

	// After the key figures' sections, so they stay under "Nøgletal" in the outline.
	if (data.focus) blocks.push(...focusBlocks(data.focus));

	blocks.push({ kind: 'heading', level: 1, text: e.departmentsHeading });
	for (const d of data.departments) {
		blocks.push({ kind: 'heading', level: 2, text: `${d.afdeling_navn} (${d.afdeling_id})` });
		blocks.push({
			kind: 'paragraph',
			text: e.departmentFacts(d.omraade_id ? (d.omraade_navn ?? d.omraade_id) : null, d.boligtype, d.opfoerelsesaar)
		});
		const flags = flagsFor((f) => f.afdelingId === d.afdeling_id);
		if (flags.length) blocks.push({ kind: 'list', items: flags });
		blocks.push({ kind: 'table', table: departmentTable(data, d.afdeling_id, d.afdeling_navn) });
	}

	blocks.push({ kind: 'heading', level: 1, text: e.aboutHeading });
	blocks.push({ kind: 'list', items: [e.readme.suppression, e.readme.rounding, e.noValueNote] });
	blocks.push({ kind: 'heading', level: 2, text: e.readme.sources });
	blocks.push({ kind: 'list', items: [...data.indicators.map((ind) => `${ind.name[lang]}: ${ind.source[lang]}`), e.sourceLine] });

	return {
		title: e.reportTitle(data.organisation.navn, year),
		subtitle: e.reportSubtitle(t.municipalityOf(data.kommune.navn)),
		lang,
		demo: data.demo,
		blocks
	};
}
