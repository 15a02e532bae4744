/**
 * referencetal.csv, published reference figures (optional): one figure a line, for the country, a
 * region or a municipality, checked against the catalogue. Columns and examples in data/README.md
 * ("referencetal.csv"); the row type is ReferenceRow (src/lib/core/reference.ts).
 *
 * Decisions:
 * - `enhed_id` is `DK` for `land` (any case), a DAGI region code 1081-1085 for `region`, one of the
 *   98 municipality codes for `kommune` (three digits get their leading zero back, as in
 *   afdelinger.csv). `enhed_navn` may be empty: the unit's own name is used.
 * - `taeller` and `naevner` may be empty; when both are given they must agree with `vaerdi` at the
 *   precision `vaerdi` is written with (ratioAgrees in reference.ts: 3884 and 596952 give
 *   6,506 ‰, which agrees with `6,5` but not with `6,6`). Neither may be negative, nor `naevner` 0.
 *   They are checked as the key figure's own columns in noegletal are: whole when that column is
 *   a count of whole things (ledighed's 3884 / 596952, not husleje's m²), and for a share (ledighed,
 *   uden for arbejdsmarkedet, a declared `andel`) `taeller` at most `naevner`.
 * - Years may skip: published reference figures are sporadic (the project's default has ledighed
 *   for 2018, 2020 and 2024), and a year without one falls back to the label rule
 *   (national-benchmark.ts), so a gap is not warned about, unlike a department's own gap.
 * - `kilde` is required: a figure nobody can look up is no reference. `url`, when given, must be
 *   an http(s) address (it becomes a link).
 * - One figure per unit, key figure, year and housing type: a second one is an error naming both lines.
 * - A value outside the key figure's plausible range is a warning, as in aftaler.csv.
 */
import { HOUSING_TYPES, REFERENCE_COLUMNS, REQUIRED_REFERENCE_COLUMNS, WHOLE_COLUMNS } from '../../src/lib/core/input-contract.ts';
import { activeIndicators, indicator as indicatorOf, notAbovePairs, type IndicatorId } from '../../src/lib/core/indicators.ts';
import { MUNICIPALITY_NAMES } from '../../src/lib/core/municipalities.ts';
import { REFERENCE_LEVELS, ratioAgrees, writtenDecimals, type ReferenceLevel, type ReferenceRow } from '../../src/lib/core/reference.ts';
import { MUNICIPALITY_REGION, REGION_NAMES } from '../../src/lib/core/regions.ts';
import type { CellChecks } from './cell-checks.ts';
import { indicatorByName } from './indicator-names.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { municipalityCode } from './municipality-code.ts';
import { COMMA, formatDanish } from './numbers.ts';
import { readCheckedRows } from './read-checked-rows.ts';
import type { TableInfo } from './read-csv-file.ts';
import type { TableSource } from './table-source.ts';
import { wholeNumberHint } from './whole-number.ts';

export const REFERENCE_FILE = 'referencetal.csv';

const LEVEL_ALIASES: Record<string, ReferenceLevel> = { helelandet: 'land', landet: 'land', danmark: 'land' };

export interface ReferenceRead {
	rows: ReferenceRow[];
	info: TableInfo | null;
}

export function readReference(file: string, source: TableSource, issues: IssueCollector): ReferenceRead {
	const lines = new Map<string, number>();
	const columns = { allowed: REFERENCE_COLUMNS, required: REQUIRED_REFERENCE_COLUMNS };
	const { rows, info } = readCheckedRows(file, source, issues, columns, (cells) => readLine(cells, lines));
	return { rows, info };
}

function readLine(c: CellChecks, lines: Map<string, number>): ReferenceRow | null {
	const niveauText = c.required('niveau', `en af ${REFERENCE_LEVELS.join(', ')}`);
	const niveau = niveauText === '' ? null : c.choice('niveau', 'unknown-level', 'niveauet', REFERENCE_LEVELS, LEVEL_ALIASES);
	const enhedText = c.required('enhed_id', 'DK, en regionskode eller en kommunekode');
	const enhed = niveau !== null && enhedText !== '' ? unitId(c, niveau, enhedText) : null;

	const indikatorText = c.required('indikator', 'et nøgletal, fx ledighed');
	let indikator: IndicatorId | null = null;
	if (indikatorText !== '') {
		indikator = indicatorByName(indikatorText);
		if (indikator === null) {
			const list = activeIndicators()
				.map((i) => i.id)
				.join(', ');
			c.error(
				'unknown-indicator',
				'indikator',
				`Nøgletallet kendes ikke: forventede en af ${list}, fandt ${quoted(indikatorText)}.`,
				list,
				indikatorText
			);
		}
	}
	const aar = c.year('aar', 'året', true);
	const periode = c.name(c.value('periode'), 'periode');
	const typeText = c.value('boligtype');
	const boligtype = typeText === '' ? null : c.choice('boligtype', 'unknown-housing-type', 'boligtypen', HOUSING_TYPES);

	// The key figure's own columns say what the counts count: a whole-number column in
	// noegletal (WHOLE_COLUMNS) is whole here too, and a share's numerator is at most its denominator.
	const ind = indikator === null ? null : indicatorOf(indikator);
	let taeller = count(c, 'taeller', 'tælleren', ind !== null && ind.kind !== 'vaegtet_gennemsnit' ? wholeColumn(ind.numerator) : null);
	const naevner = count(c, 'naevner', 'nævneren', ind !== null ? wholeColumn(ind.denominator) : null);
	if (ind !== null && taeller !== null && naevner !== null && naevner > 0 && taeller > naevner) {
		const pair = notAbovePairs().find(([n, d]) => n === ind.numerator && d === ind.denominator);
		if (pair) {
			c.error(
				'numerator-above-denominator',
				'taeller',
				`Tælleren er større end nævneren, det ville sige ${pair[2].da}: ${ind.name.da.toLowerCase()} er en andel, så forventede højst ${formatDanish(naevner)} (nævneren), fandt ${quoted(c.value('taeller'))}.`,
				`højst ${formatDanish(naevner)}`,
				c.value('taeller')
			);
			taeller = null; // one message for the pair: the ratio check below would only repeat it
		}
	}
	if (naevner === 0) {
		c.error(
			'zero-denominator',
			'naevner',
			'Nævneren er 0: forventede et tal over 0 (eller en tom celle), fandt "0".',
			'et tal over 0',
			c.value('naevner')
		);
	}
	const vaerdiText = c.value('vaerdi');
	const vaerdi = c.number('vaerdi', 'værdien', true);
	const decimaler = vaerdi === null ? 0 : writtenDecimals(vaerdiText, vaerdi, c.mark === COMMA ? ',' : '.');
	if (ind !== null && vaerdi !== null) {
		const unit = ind.unit.da ? ` ${ind.unit.da}` : '';
		if (taeller !== null && naevner !== null && naevner > 0 && !ratioAgrees(taeller, naevner, vaerdi, decimaler, ind.scale)) {
			const ratio = (ind.scale * taeller) / naevner;
			const shown = formatDanish(Math.round(ratio * 10 ** decimaler) / 10 ** decimaler);
			c.error(
				'ratio-mismatch',
				'vaerdi',
				`Værdien passer ikke til tæller og nævner: ${formatDanish(taeller)} / ${formatDanish(naevner)} giver ${formatDanish(Math.round(ratio * 1e4) / 1e4)}${unit}, forventede derfor ${shown} med ${decimaler} ${decimaler === 1 ? 'decimal' : 'decimaler'}, fandt ${quoted(vaerdiText)}.`,
				shown,
				vaerdiText
			);
		}
		const [low, high] = ind.domain;
		if (vaerdi < low || vaerdi > high) {
			c.warning(
				'implausible-value',
				'vaerdi',
				`Værdien ${formatDanish(vaerdi)} er usædvanlig for ${ind.name.da.toLowerCase()}: forventede en værdi fra ${formatDanish(low)} til ${formatDanish(high)}${unit}, fandt ${quoted(vaerdiText)}. Er kommaet sat rigtigt?`,
				`${low}-${high}`,
				vaerdiText
			);
		}
	}
	const kilde = c.name(
		c.required('kilde', 'hvem der har offentliggjort tallet, fx Landsbyggefonden, ledighedsstatistik, oktober 2024'),
		'kilde'
	);
	const url = c.value('url');
	if (url !== '' && !/^https?:\/\/[^\s"'<>]+$/i.test(url)) {
		c.error(
			'invalid-url',
			'url',
			`Adressen kan ikke bruges som link: forventede en adresse, der begynder med https:// eller http://, fandt ${quoted(url)}.`,
			'en https://-adresse',
			url
		);
	}

	if (niveau !== null && enhed !== null && indikator !== null && aar !== null && !(typeText !== '' && boligtype === null)) {
		const key = [niveau, enhed, indikator, aar, boligtype ?? ''].join('|');
		const earlier = lines.get(key);
		if (earlier !== undefined) {
			const what = `${indikator} ${aar} for ${enhed}${boligtype ? ` (${boligtype})` : ''}`;
			c.error(
				'duplicate-reference',
				'enhed_id',
				`Referencetallet ${what} står to gange: forventede ét tal pr. enhed, nøgletal, år og boligtype, fandt det i linje ${earlier} og linje ${c.row.line}.`,
				'ét tal pr. enhed, nøgletal, år og boligtype',
				`linje ${earlier} og ${c.row.line}`
			);
		} else lines.set(key, c.row.line);
	}
	if (c.failed || niveau === null || enhed === null || indikator === null || aar === null || vaerdi === null) return null;
	return {
		niveau,
		enhed_id: enhed,
		enhed_navn: c.name(c.value('enhed_navn'), 'enhed_navn') || defaultName(niveau, enhed),
		indikator,
		aar,
		periode,
		boligtype,
		taeller,
		naevner,
		vaerdi,
		decimaler,
		kilde,
		url
	};
}

/** The key-figure column when it holds whole things only (boliger, not areal_m2); else null. */
function wholeColumn(column: string): string | null {
	return (WHOLE_COLUMNS as readonly string[]).includes(column) ? column : null;
}

/**
 * A count that may be left empty; null when empty or wrong (after an error). `whole` names the
 * key-figure column it counts like, when that column holds whole things.
 */
function count(c: CellChecks, column: string, what: string, whole: string | null): number | null {
	const value = c.number(column, what, false);
	if (value !== null && whole !== null && !Number.isInteger(value)) {
		const text = c.value(column);
		c.error(
			'not-a-whole-number',
			column,
			`${what.charAt(0).toUpperCase()}${what.slice(1)} er ikke et helt tal: den tæller det samme som kolonnen "${whole}" i noegletal, hele ting; forventede et helt antal som 12, fandt ${quoted(text)}.${wholeNumberHint(text, c.mark)}`,
			'et helt tal',
			text
		);
		return null;
	}
	if (value !== null && value < 0) {
		c.error(
			'negative-count',
			column,
			`${what.charAt(0).toUpperCase()}${what.slice(1)} er negativ: forventede et tal på 0 eller derover, fandt ${quoted(c.value(column))}.`,
			'0 eller derover',
			c.value(column)
		);
		return null;
	}
	return value;
}

/** The unit's id in its canonical form, or null after an error. */
function unitId(c: CellChecks, niveau: ReferenceLevel, text: string): string | null {
	if (niveau === 'land') {
		if (text.toUpperCase() === 'DK') return 'DK';
		c.error('unknown-unit', 'enhed_id', `Hele landet hedder DK: forventede "DK" på niveauet land, fandt ${quoted(text)}.`, 'DK', text);
		return null;
	}
	if (niveau === 'region') {
		if (text in REGION_NAMES) return text;
		const list = Object.keys(REGION_NAMES).join(', ');
		c.error(
			'unknown-region',
			'enhed_id',
			`Regionskoden kendes ikke: forventede en af DAGI's regionskoder ${list} (fx 1084 for Region Hovedstaden), fandt ${quoted(text)}.`,
			list,
			text
		);
		return null;
	}
	const kode = municipalityCode(text, (code, message, expected) => c.error(code, 'enhed_id', message, expected, text));
	if (kode === null) return null;
	if (!(kode in MUNICIPALITY_REGION)) {
		c.error(
			'unknown-municipality',
			'enhed_id',
			`${MUNICIPALITY_NAMES[kode]} er ikke en kommune: forventede en af de 98 kommunekoder, fandt ${quoted(text)}.`,
			'en kommunekode',
			text
		);
		return null;
	}
	return kode;
}

function defaultName(niveau: ReferenceLevel, id: string): string {
	if (niveau === 'land') return 'Hele landet';
	if (niveau === 'region') return REGION_NAMES[id]!;
	return `${MUNICIPALITY_NAMES[id]} Kommune`;
}
