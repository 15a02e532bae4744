/**
 * Which sheet of a workbook holds the table. Workbooks from Landsbyggefonden, Danmarks Statistik
 * and the municipalities' own often open with a front page ("Om data", "Indhold", "Forside")
 * before the sheet with the data; reading the first sheet with content then refused the file for
 * missing columns, naming a sheet that was never meant as the table.
 *
 * The rule: the first sheet, in tab order, whose first HEADER_SEARCH rows hold a row naming every
 * column the table requires (the header test title-lines.ts uses); visible sheets before hidden
 * ones. When no sheet does, the first visible sheet with content (a hidden one only when no
 * visible sheet has content), as before, so its missing-column errors name it. Every other sheet
 * with content gets a warning naming it, so data on a second sheet is never lost silently.
 */
import { quoted, type IssueCollector } from './issues.ts';
import type { Sheet } from './read-workbook.ts';
import { HEADER_SEARCH, type HeaderTest } from './title-lines.ts';

export function chooseSheet(file: string, sheet: Sheet, issues: IssueCollector, test?: HeaderTest): Sheet {
	const withContent = (sheet.workbook ?? [sheet]).filter((s) => s.rows.length > 0);
	const ordered = [...withContent.filter((s) => !s.hidden), ...withContent.filter((s) => s.hidden)];
	const byDefault = ordered[0] ?? sheet;
	const byHeader = test ? ordered.find((s) => hasHeader(s, test)) : undefined;
	const chosen = byHeader ?? byDefault;
	issues.inSheet(file, chosen.name);
	const first = withContent[0];
	const why =
		chosen !== byDefault
			? `det første med kolonnenavnene, ${quoted(chosen.name)}`
			: `det første ${first === chosen ? '' : 'synlige '}med indhold, ${quoted(chosen.name)}`;
	for (const other of withContent) {
		if (other === chosen) continue;
		issues.add({
			severity: 'warning',
			code: 'ignored-sheet',
			file,
			sheet: other.name,
			line: 0,
			column: 0,
			message: `Arket ${quoted(other.name)} bliver ikke læst: forventede data i ét ark (${why}), fandt også indhold i ${quoted(other.name)}${other.hidden ? ', som er skjult' : ''}. ${chosen !== byDefault ? `Står der data i det, så flyt dem til ${quoted(chosen.name)}.` : 'Flyt dataene til det første ark, eller slet arket.'}`,
			expected: chosen.name,
			found: other.name
		});
	}
	return chosen;
}

/** Whether one of the sheet's first rows names every required column (text cells only: headings are text). */
function hasHeader(sheet: Sheet, test: HeaderTest): boolean {
	for (const row of sheet.rows) {
		if (row.number > HEADER_SEARCH) return false;
		if (test.named(row.cells.map((c) => (typeof c === 'string' ? c : ''))) === test.required) return true;
	}
	return false;
}
