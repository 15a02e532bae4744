/**
 * aftaler.csv, the agreed targets (optional): one target per line, checked against the catalogue
 * and the department register. Columns and examples in data/README.md ("aftaler.csv").
 *
 * Decisions:
 * - maal_id may be left out; a target without one is called `linje <n>` after its line.
 * - retning may be left empty: `ned` for key figures where higher is worse, else `op`.
 * - boligorganisation_id may be left empty: it is the department's organisation for a department,
 *   the organisation itself for an organisation, the area's organisation when all its departments
 *   have the same one, and none (the municipality's joint targets) otherwise.
 * - The target's municipality is derived: the department's, or the one most of the area's or the
 *   organisation's departments lie in, or the code given for a municipality.
 * - A value outside the key figure's plausible range is a warning, not an error: the agreement is
 *   what it is, but a typo (45 for 4,5) is likely.
 * - An ambiguous value (`12.500` in a `;` file, decimal-marks.ts) is read by the key figure's
 *   unit: a rate in ‰ or % or a 1-5 score cannot be in thousands, so it is 12,5; kroner have two
 *   decimals, not three, so `1.250` kr./m² is 1250.
 */
import { TARGET_COLUMNS, REQUIRED_TARGET_COLUMNS } from '../../src/lib/core/input-contract.ts';
import type { TargetRow } from '../../src/lib/core/output-contract.ts';
import { activeIndicators, indicator, type IndicatorId } from '../../src/lib/core/indicators.ts';
import { TARGET_DIRECTIONS, TARGET_LEVELS, defaultDirection, type TargetLevel } from '../../src/lib/core/target.ts';
import type { CellChecks } from './cell-checks.ts';
import { indicatorByName } from './indicator-names.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { municipalityCode } from './municipality-code.ts';
import { decimalReading } from './decimal-marks.ts';
import { formatDanish } from './numbers.ts';
import { readCheckedRows } from './read-checked-rows.ts';
import type { TableInfo } from './read-csv-file.ts';
import type { TableSource } from './table-source.ts';
import { mostCommon, type RegisterUnits } from './register-units.ts';

export const TARGET_FILE = 'aftaler.csv';

const LEVEL_ALIASES: Record<string, TargetLevel> = {
	organisation: 'boligorganisation',
	boligselskab: 'boligorganisation',
	boligomraade: 'omraade'
};

const LEVEL_WORD: Record<TargetLevel, string> = {
	afdeling: 'afdelingen',
	omraade: 'området',
	boligorganisation: 'boligorganisationen',
	kommune: 'kommunen'
};

export interface TargetsRead {
	targets: TargetRow[];
	info: TableInfo | null;
}

/** `units` is null when the register could not be read: then only the file's own checks run. */
export function readTargets(file: string, source: TableSource, units: RegisterUnits | null, issues: IssueCollector): TargetsRead {
	const lines = new Map<string, number>();
	const columns = { allowed: TARGET_COLUMNS, required: REQUIRED_TARGET_COLUMNS };
	const { rows, info } = readCheckedRows(file, source, issues, columns, (cells) => readLine(cells, units, lines));
	return { targets: rows, info };
}

function readLine(c: CellChecks, units: RegisterUnits | null, lines: Map<string, number>): TargetRow | null {
	const line = c.row.line;
	const given = c.value('maal_id');
	const maal_id = given === '' ? `linje ${line}` : given;
	const earlier = lines.get(maal_id);
	if (earlier !== undefined) {
		c.error(
			'duplicate-target',
			'maal_id',
			`Målet ${quoted(maal_id)} står to gange: forventede hvert maal_id én gang, fandt det i linje ${earlier} og linje ${line}.`,
			'ét maal_id pr. linje',
			`linje ${earlier} og ${line}`
		);
	} else lines.set(maal_id, line);

	const niveauText = c.required('niveau', `en af ${TARGET_LEVELS.join(', ')}`);
	const niveau = niveauText === '' ? null : c.choice('niveau', 'unknown-level', 'niveauet', TARGET_LEVELS, LEVEL_ALIASES);
	const enhedText = c.required('enhed_id', 'id for afdelingen, området, boligorganisationen eller kommunen');

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

	const inUnit = (column: string, value: number | null): number | null => {
		const kroner = indikator !== null && indicator(indikator).unit.da.includes('kr');
		return value === null || indikator === null || kroner ? value : decimalReading(c.value(column), c.mark, value);
	};
	const basisaar = c.year('basisaar', 'basisåret', true);
	// An empty base value is allowed: it is what the dashboard's aftaler.csv download writes for a
	// base the ingest withheld (target-baselines.ts), so that file still replaces the input.
	const basisvaerdi = inUnit('basisvaerdi', c.number('basisvaerdi', 'basisværdien', false));
	const maalaar = c.year('maalaar', 'målåret', true);
	const maalvaerdi = inUnit('maalvaerdi', c.number('maalvaerdi', 'målværdien', true));
	const aftaleaar = c.year('aftaleaar', 'aftaleåret', true);
	const aftaledokument = c.name(c.required('aftaledokument', 'navnet på aftaledokumentet, fx Aftaledokument 2024'), 'aftaledokument');
	if (basisaar !== null && maalaar !== null && maalaar < basisaar) {
		c.error(
			'target-before-base',
			'maalaar',
			`Målåret ligger før basisåret: forventede et målår fra ${basisaar} og frem, fandt ${maalaar}.`,
			`${basisaar} eller senere`,
			String(maalaar)
		);
	}
	if (indikator !== null) {
		const ind = indicator(indikator);
		const [low, high] = ind.domain;
		for (const [column, what, value] of [
			['basisvaerdi', 'Basisværdien', basisvaerdi],
			['maalvaerdi', 'Målværdien', maalvaerdi]
		] as const) {
			if (value === null || (value >= low && value <= high)) continue;
			c.warning(
				'implausible-value',
				column,
				`${what} ${formatDanish(value)} er usædvanlig for ${ind.name.da.toLowerCase()}: forventede en værdi fra ${formatDanish(low)} til ${formatDanish(high)}${ind.unit.da ? ' ' + ind.unit.da : ''}, fandt ${quoted(c.value(column))}. Er kommaet sat rigtigt?`,
				`${low}-${high}`,
				c.value(column)
			);
		}
	}
	const retning =
		c.value('retning') === ''
			? indikator
				? defaultDirection(indikator)
				: 'ned'
			: c.choice('retning', 'unknown-direction', 'retningen', TARGET_DIRECTIONS);

	// The unit, its municipality and its organisation, from the register.
	let kommune_kode: string | null = null;
	let organisation: string | null = null;
	const orgGiven = c.value('boligorganisation_id');
	if (niveau !== null && enhedText !== '') {
		let enhed_id = enhedText;
		if (niveau === 'kommune') {
			enhed_id =
				municipalityCode(enhedText, (code, message, expected) => c.error(code, 'enhed_id', message, expected, enhedText)) ?? enhedText;
		}
		const members = units ? unitMembers(units, niveau, enhed_id) : null;
		if (units && members === null) {
			c.error(
				'unknown-unit',
				'enhed_id',
				`${capital(LEVEL_WORD[niveau])} ${quoted(enhedText)} findes ikke i afdelinger.csv: forventede et ${niveau === 'kommune' ? 'kommunekode' : `${niveau}_id`} fra afdelingsregistret, fandt ${quoted(enhedText)}.`,
				`et id fra afdelinger.csv`,
				enhedText
			);
		}
		if (members) {
			kommune_kode = niveau === 'kommune' ? enhed_id : mostCommon(members, (d) => d.kommune_kode);
			const orgs = [...new Set(members.map((d) => d.boligorganisation_id))];
			organisation = niveau === 'kommune' ? null : orgs.length === 1 ? orgs[0]! : null;
			// A department or an organisation has one organisation; an area may have several.
			if (orgGiven !== '' && niveau !== 'kommune' && units?.organisations.has(orgGiven) && !orgs.includes(orgGiven)) {
				const expected = orgs.map((o) => quoted(o)).join(' eller ');
				c.error(
					'organisation-mismatch',
					'boligorganisation_id',
					`Boligorganisationen ${quoted(orgGiven)} passer ikke til ${LEVEL_WORD[niveau]} ${quoted(enhedText)}: forventede ${expected} som i afdelinger.csv, fandt ${quoted(orgGiven)}.`,
					orgs.join(', '),
					orgGiven
				);
			}
		}
		if (orgGiven !== '') {
			if (units && !units.organisations.has(orgGiven)) {
				c.error(
					'unknown-organisation',
					'boligorganisation_id',
					`Boligorganisationen ${quoted(orgGiven)} findes ikke i afdelinger.csv: forventede et boligorganisation_id fra afdelingsregistret, fandt ${quoted(orgGiven)}.`,
					'et id fra afdelinger.csv',
					orgGiven
				);
			}
			organisation = orgGiven;
		}
		if (
			c.failed ||
			indikator === null ||
			basisaar === null ||
			maalaar === null ||
			maalvaerdi === null ||
			aftaleaar === null ||
			retning === null
		)
			return null;
		return {
			maal_id,
			niveau,
			enhed_id,
			indikator,
			basisaar,
			basisvaerdi,
			maalaar,
			maalvaerdi,
			retning,
			aftaledokument,
			aftaleaar,
			boligorganisation_id: organisation,
			beskrivelse: c.value('beskrivelse'),
			kommune_kode: kommune_kode ?? ''
		};
	}
	return null;
}

function unitMembers(units: RegisterUnits, level: TargetLevel, id: string) {
	switch (level) {
		case 'afdeling': {
			const d = units.departments.get(id);
			return d ? [d] : null;
		}
		case 'omraade':
			return units.areas.get(id) ?? null;
		case 'boligorganisation':
			return units.organisations.get(id) ?? null;
		case 'kommune':
			return units.municipalities.get(id) ?? null;
	}
}

function capital(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
