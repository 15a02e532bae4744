/**
 * referencetal.json (ReferenceFile in src/lib/core/reference.ts): the reference figures used, the
 * input's referencetal.csv or the project's default, as read and checked; and the input's
 * coverage of Denmark's municipalities for the manifest. Sorted, so the same input gives the same bytes.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { OUTPUT_FILES, SCHEMA_VERSION, type Coverage } from '../../src/lib/core/output-contract.ts';
import type { ReferenceFile, ReferenceRow } from '../../src/lib/core/reference.ts';
import { DANISH_MUNICIPALITIES } from '../../src/lib/core/regions.ts';
import type { ParsedInput } from '../read/model.ts';
import { danish } from '../read/terminal-count.ts';

const LEVEL_ORDER = { land: 0, region: 1, kommune: 2 } as const;
const compare = (a: string | number, b: string | number) => (a < b ? -1 : a > b ? 1 : 0);

function byKey(a: ReferenceRow, b: ReferenceRow): number {
	return (
		LEVEL_ORDER[a.niveau] - LEVEL_ORDER[b.niveau] ||
		compare(a.enhed_id, b.enhed_id) ||
		compare(a.indikator, b.indikator) ||
		a.aar - b.aar ||
		compare(a.boligtype ?? '', b.boligtype ?? '')
	);
}

/**
 * `withheld`: rows that reveal 1-4 persons on their own (audit-reference-groups.ts), left out:
 * the attacker may have them from their publisher, but our site does not repeat them.
 */
export async function writeReferenceFile(input: ParsedInput, outDir: string, withheld: readonly ReferenceRow[] = []): Promise<ReferenceFile> {
	const left = new Set(withheld);
	const file: ReferenceFile = {
		schema_version: SCHEMA_VERSION,
		kilde: input.reference?.kilde ?? 'standard',
		fil: input.reference?.fil ?? '',
		referencetal: (input.reference?.rows ?? []).filter((r) => !left.has(r)).sort(byKey)
	};
	await writeFile(join(outDir, OUTPUT_FILES.reference), JSON.stringify(file, null, '\t') + '\n');
	return file;
}

/** The municipalities the register's departments lie in, against Denmark's 98. */
export function coverage(input: ParsedInput): Coverage {
	const all = new Set(DANISH_MUNICIPALITIES);
	const kommuner = [...new Set(input.departments.map((d) => d.kommune_kode))].filter((k) => all.has(k)).sort(compare);
	return { kommuner, antal: kommuner.length, i_alt: all.size, hele_landet: kommuner.length === all.size };
}

/** The ingest's line naming the reference rows it does not republish. */
export function revealingReferenceLine(rows: readonly ReferenceRow[]): string {
	return `Referencetal ikke genudgivet (alene eller sammen med andre referencetal afslører de 1-4 personer): ${rows.map(referenceRowName).join(', ')}`;
}

/**
 * The ingest's line naming the reference rows the audit takes as our residents though their
 * `naevner` is another number (audit-reference-groups.ts, otherDenominator): the user learns why
 * more may be hidden, and can leave out a row that counts another population.
 */
export function otherDenominatorLine(items: readonly { row: ReferenceRow; residents: number }[]): string {
	const named = items.map(({ row, residents }) => `${referenceRowName(row)} (nævner ${danish(row.naevner!)}, inddata ${danish(residents)})`);
	return `Referencetal regnet som inddatas beboere, skønt nævneren er en anden (en anden dato eller en anden befolkning; revisionen kan skjule mere end nødvendigt): ${named.join(', ')}`;
}

function referenceRowName(r: ReferenceRow): string {
	return `${r.indikator} ${r.aar} ${r.niveau} ${r.enhed_id}${r.boligtype ? ` (${r.boligtype})` : ''}`;
}
