/**
 * indikatorer.csv (or .xlsx), the municipality's own indicators (optional): one indicator per
 * line, in the catalogue format of src/lib/core/indicator-declaration.ts, which the built-in seven
 * are declared in too. Columns and worked examples in data/README.md ("indikatorer.csv").
 *
 * Checked here, beyond each cell (declareIndicator): an id used once, and not one of the built-in
 * seven; the key-figure columns it reads are not afdeling_id or aar, and not another column's
 * spelling (`husleje` is the register's word for husleje_kr_m2, so a declared column by that name
 * would be read as the built-in one); names within the length limit; at most MAX_DECLARED; and an
 * indicator that reads a column about residents (one a person-based indicator, built-in or declared,
 * reads) says `personer` = ja. Otherwise its figures would be published unsuppressed beside the
 * person-based figure the privacy rule withholds: `uden_for_arbejdsmarked_18_64` over
 * `beboere_18_64` declared `personer` = nej published 1 of 14 residents where the built-in share
 * was withheld.
 */
import { INDICATOR_IDS, indicator, type Indicator } from '../../src/lib/core/indicators.ts';
import {
	declareIndicator,
	INDICATOR_COLUMNS,
	REQUIRED_INDICATOR_COLUMNS,
	type IndicatorDeclaration
} from '../../src/lib/core/indicator-declaration.ts';
import { canonicalColumn, KEY_FIGURE_KEYS, RAW_COLUMNS } from '../../src/lib/core/input-contract.ts';
import type { CellChecks } from './cell-checks.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { readCheckedRows } from './read-checked-rows.ts';
import type { TableInfo } from './read-csv-file.ts';
import type { TableSource } from './table-source.ts';

export const INDICATOR_FILE = 'indikatorer.csv';

/** More than this is a file meant for something else; the output and the choosers stay usable. */
export const MAX_DECLARED = 60;

export interface IndicatorsRead {
	indicators: Indicator[];
	info: TableInfo | null;
}

export function readIndicators(file: string, source: TableSource, issues: IssueCollector): IndicatorsRead {
	const lines = new Map<string, number>();
	const personCells = new Map<string, number>();
	const columns = { allowed: INDICATOR_COLUMNS, required: REQUIRED_INDICATOR_COLUMNS };
	let count = 0;
	const { rows, info } = readCheckedRows(file, source, issues, columns, (cells) => {
		const read = readLine(cells, lines);
		if (read) personCells.set(read.id, cells.at('personer'));
		if (read && ++count > MAX_DECLARED) {
			cells.error(
				'too-many-indicators',
				'indikator',
				`Filen erklærer for mange indikatorer: forventede højst ${MAX_DECLARED}, fandt flere (linje ${cells.row.line} er nummer ${count}).`,
				`højst ${MAX_DECLARED}`,
				String(count)
			);
			return null;
		}
		return read;
	});
	const aboutResidents = new Set<string>();
	for (const ind of [...INDICATOR_IDS.map(indicator), ...rows]) if (ind.personBased) aboutResidents.add(ind.numerator).add(ind.denominator);
	const indicators = rows.filter((ind) => {
		const column = [ind.numerator, ind.denominator].find((c) => !ind.personBased && aboutResidents.has(c));
		if (column === undefined) return true;
		const users = [...INDICATOR_IDS.map(indicator), ...rows].filter(
			(other) => other.personBased && (other.numerator === column || other.denominator === column)
		);
		const found = `personer = nej, ${quoted(column)} (som ${users.map((u) => quoted(u.id)).join(', ')} også bruger)`;
		issues.add({
			severity: 'error',
			code: 'person-column',
			file,
			line: lines.get(ind.id)!,
			column: personCells.get(ind.id)!,
			message: `Indikatoren ${quoted(ind.id)} regner med kolonnen ${quoted(column)}, som tæller beboere (${users.map((u) => quoted(u.id)).join(', ')} bruger den og er diskretioneret): forventede personer = ja, så dens tal diskretioneres og revideres, fandt personer = nej. Ellers ville den vise de tal om små grupper af beboere, som diskretioneringen skjuler.`,
			expected: 'personer = ja',
			found
		});
		return false;
	});
	return { indicators, info };
}

function readLine(c: CellChecks, lines: Map<string, number>): Indicator | null {
	const row = Object.fromEntries(INDICATOR_COLUMNS.map((column) => [column, c.value(column)])) as IndicatorDeclaration;
	for (const column of ['navn', 'navn_en', 'enhed', 'enhed_en', 'kilde', 'kilde_en'] as const) c.name(row[column], column);
	const { indicator: declared, problems } = declareIndicator(row);
	for (const p of problems) c.error(p.code, p.column, p.message, p.expected, p.found);

	const id = row.indikator;
	if ((INDICATOR_IDS as readonly string[]).includes(id)) {
		c.error(
			'builtin-indicator',
			'indikator',
			`Indikatoren ${quoted(id)} er indbygget (${indicator(id).name.da.toLowerCase()}): forventede et nyt id, fandt et af de syv indbyggede. Giv den et andet id, fx ${id}_egen.`,
			'et id, der ikke er indbygget',
			id
		);
	} else if (id !== '') {
		const earlier = lines.get(id);
		if (earlier !== undefined) {
			c.error(
				'duplicate-indicator',
				'indikator',
				`Indikatoren ${quoted(id)} står to gange: forventede hvert id én gang, fandt det i linje ${earlier} og linje ${c.row.line}.`,
				'ét id pr. linje',
				`linje ${earlier} og ${c.row.line}`
			);
		} else lines.set(id, c.row.line);
	}
	for (const column of ['taeller', 'naevner'] as const) {
		const name = row[column];
		if (name === '') continue;
		const meant = canonicalColumn(name);
		const reserved =
			(KEY_FIGURE_KEYS as readonly string[]).includes(name) ||
			(meant !== null && meant !== name && !(RAW_COLUMNS as readonly string[]).includes(name));
		if (reserved) {
			const what = meant !== null && meant !== name ? `stavemåde for ${quoted(meant)}` : 'nøglekolonne';
			c.error(
				'reserved-column',
				column,
				`Kolonnenavnet ${quoted(name)} er optaget (${what}): forventede et navn, der kun betyder denne indikators tal, fandt ${quoted(name)}.`,
				'et ledigt kolonnenavn',
				name
			);
		}
	}
	return c.failed ? null : declared;
}
