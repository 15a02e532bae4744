/**
 * indsatser.csv, the project bank (optional): one intervention per line, checked against the
 * catalogue and the department register. Columns and examples in data/README.md ("indsatser.csv").
 *
 * Decisions:
 * - afdelinger and omraader hold ids separated by `,`, `;`, `|` or line breaks; at least one of
 *   the two must name something. An area stands for all its departments.
 * - slutaar may be empty: the intervention is still running.
 * - indikatorer may be empty; each name in it must be a key figure of the catalogue.
 * - The municipalities it lies in are derived from the departments it covers.
 */
import { INTERVENTION_COLUMNS, REQUIRED_INTERVENTION_COLUMNS } from '../../src/lib/core/input-contract.ts';
import type { InterventionRow } from '../../src/lib/core/output-contract.ts';
import { activeIndicators, type IndicatorId } from '../../src/lib/core/indicators.ts';
import { INTERVENTION_TYPES, type InterventionType } from '../../src/lib/core/intervention.ts';
import type { CellChecks } from './cell-checks.ts';
import { indicatorByName } from './indicator-names.ts';
import { quoted, type IssueCollector } from './issues.ts';
import { readCheckedRows } from './read-checked-rows.ts';
import type { TableInfo } from './read-csv-file.ts';
import type { TableSource } from './table-source.ts';
import type { RegisterUnits } from './register-units.ts';

export const INTERVENTION_FILE = 'indsatser.csv';

const TYPE_ALIASES: Record<string, InterventionType> = {
	boligsocialtprojekt: 'boligsocial',
	boligsocialindsats: 'boligsocial',
	boligsocialhelhedsplan: 'helhedsplan',
	udlejning: 'udlejningsaftale',
	renoveringsprojekt: 'renovering'
};

export interface InterventionsRead {
	interventions: InterventionRow[];
	info: TableInfo | null;
}

export function readInterventions(
	file: string,
	source: TableSource,
	units: RegisterUnits | null,
	issues: IssueCollector
): InterventionsRead {
	const lines = new Map<string, number>();
	const columns = { allowed: INTERVENTION_COLUMNS, required: REQUIRED_INTERVENTION_COLUMNS };
	const { rows, info } = readCheckedRows(file, source, issues, columns, (cells) => readLine(cells, units, lines));
	return { interventions: rows, info };
}

function readLine(c: CellChecks, units: RegisterUnits | null, lines: Map<string, number>): InterventionRow | null {
	const line = c.row.line;
	const indsats_id = c.required('indsats_id', 'et id for indsatsen, fx HP-2018-1');
	if (indsats_id !== '') {
		const earlier = lines.get(indsats_id);
		if (earlier !== undefined) {
			c.error(
				'duplicate-intervention',
				'indsats_id',
				`Indsatsen ${quoted(indsats_id)} står to gange: forventede hvert indsats_id én gang, fandt det i linje ${earlier} og linje ${line}.`,
				'ét indsats_id pr. linje',
				`linje ${earlier} og ${line}`
			);
		} else lines.set(indsats_id, line);
	}
	const indsats_navn = c.name(c.required('indsats_navn', 'indsatsens navn'), 'indsats_navn');
	const typeText = c.required('indsatstype', INTERVENTION_TYPES.join(', '));
	const indsatstype =
		typeText === '' ? null : c.choice('indsatstype', 'unknown-intervention-type', 'indsatstypen', INTERVENTION_TYPES, TYPE_ALIASES);

	const afdelinger = c.list('afdelinger');
	const omraader = c.list('omraader');
	if (afdelinger.length === 0 && omraader.length === 0) {
		c.error(
			'missing-value',
			c.at('omraader') ? 'omraader' : 'afdelinger',
			'Indsatsen omfatter ingen afdelinger eller områder: forventede mindst ét afdeling_id i kolonnen "afdelinger" eller ét omraade_id i kolonnen "omraader", fandt tomme celler.',
			'mindst én afdeling eller ét område',
			''
		);
	}
	if (units) {
		for (const id of afdelinger) {
			if (units.departments.has(id)) continue;
			c.error(
				'unknown-department',
				'afdelinger',
				`Afdelingen ${quoted(id)} findes ikke i afdelinger.csv: forventede et afdeling_id fra afdelingsregistret, fandt ${quoted(id)}.`,
				'et id fra afdelinger.csv',
				id
			);
		}
		for (const id of omraader) {
			if (units.areas.has(id)) continue;
			c.error(
				'unknown-area',
				'omraader',
				`Området ${quoted(id)} findes ikke i afdelinger.csv: forventede et omraade_id fra afdelingsregistret, fandt ${quoted(id)}.`,
				'et id fra afdelinger.csv',
				id
			);
		}
	}

	const startaar = c.year('startaar', 'startåret', true);
	const slutaar = c.year('slutaar', 'slutåret', false);
	if (startaar !== null && slutaar !== null && slutaar < startaar) {
		c.error(
			'end-before-start',
			'slutaar',
			`Slutåret ligger før startåret: forventede et slutår fra ${startaar} og frem, fandt ${slutaar}.`,
			`${startaar} eller senere`,
			String(slutaar)
		);
	}

	const indikatorer: IndicatorId[] = [];
	for (const name of c.list('indikatorer')) {
		const id = indicatorByName(name);
		if (id) {
			if (!indikatorer.includes(id)) indikatorer.push(id);
			continue;
		}
		const list = activeIndicators()
			.map((i) => i.id)
			.join(', ');
		c.error('unknown-indicator', 'indikatorer', `Nøgletallet kendes ikke: forventede en af ${list}, fandt ${quoted(name)}.`, list, name);
	}

	const finansiering = c.name(c.value('finansiering'), 'finansiering');

	if (c.failed || indsatstype === null || startaar === null) return null;
	const covered = units
		? [...afdelinger.map((id) => units.departments.get(id)!), ...omraader.flatMap((id) => units.areas.get(id) ?? [])]
		: [];
	return {
		indsats_id,
		indsats_navn,
		indsatstype,
		afdelinger,
		omraader,
		startaar,
		slutaar,
		finansiering,
		politisk_maal: c.value('politisk_maal'),
		indikatorer,
		beskrivelse: c.value('beskrivelse'),
		kommune_koder: [...new Set(covered.map((d) => d.kommune_kode))].sort()
	};
}
