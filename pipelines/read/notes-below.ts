/**
 * Notes below a table: "Kilde: Landsbyggefonden, BO-Tal 2024" or "* Foreløbige tal" in the lines
 * after the last data row. Spreadsheets are laid out so (Landsbyggefonden's and Danmarks
 * Statistik's sheets end with their source), and Excel's CSV export keeps the line, as `Kilde: …`
 * alone or padded with separators (`Kilde: …;;;;;;`). Read as data, such a line gave a field-count
 * error or one "empty column" error per required column, naming a line the user never meant as
 * data.
 *
 * The rule: after the last data row, the lines whose only non-blank field is one cell (the note)
 * are skipped with one warning quoting them, as the title lines above the header are
 * (title-lines.ts). No table's data row can be a single cell (every table needs at least an id and
 * one more column), so nothing readable is skipped, and a skipped line is named. A one-cell line
 * with data rows after it is not a note: it is read as the data row it is, with the errors that
 * gives, so a lost row in the middle of a table is still reported where it is.
 *
 * The readers hold each one-cell row here until they know whether a data row follows (release:
 * read them after all) or the table ends (report: they were notes).
 */
import type { IssueCollector } from './issues.ts';
import { Row } from './parse-csv.ts';
import { skippedLines } from './title-lines.ts';

export class NotesBelow {
	#held: { line: number; fields: string[] }[] = [];
	/** The line of the last row that was not held. */
	#lastData = 0;

	/** True when the row has content in exactly one field: it is held, and the reader skips it for now. */
	hold(row: Row): boolean {
		let filled = 0;
		for (let i = 0; i < row.count && filled < 2; i++) if (!row.blank(i)) filled++;
		if (filled !== 1) {
			this.#lastData = row.line;
			return false;
		}
		const fields: string[] = [];
		for (let i = 0; i < row.count; i++) fields.push(row.text(i));
		this.#held.push({ line: row.line, fields });
		return true;
	}

	/** Whether rows are held. */
	get any(): boolean {
		return this.#held.length > 0;
	}

	/** The held rows, oldest first, as Rows of their own: a data row followed, so they are data. */
	release(): Row[] {
		const rows = this.#held.map(({ line, fields }) => {
			const row = new Row();
			row.grow(fields.length);
			row.count = fields.length;
			row.line = line;
			row.source = fields;
			fields.forEach((f, i) => {
				row.starts[i] = 0;
				row.ends[i] = f.length;
			});
			return row;
		});
		this.#held = [];
		return rows;
	}

	/** The table ended: the held rows were notes, and one warning names them. */
	report(file: string, issues: IssueCollector): void {
		const lastDataLine = this.#lastData;
		const notes = this.#held;
		if (notes.length === 0) return;
		this.#held = [];
		const { which, found } = skippedLines(notes);
		const after = lastDataLine > 0 ? `under den sidste datalinje (linje ${lastDataLine})` : 'under kolonnenavnene';
		issues.add({
			severity: 'warning',
			code: 'notes-below-table',
			file,
			line: notes[0]!.line,
			column: 0,
			message: `${which} ${after} bliver ikke læst: forventede datalinjer med en værdi i hver krævet kolonne, fandt en note med tekst i kun én celle: ${found}.`,
			expected: 'datalinjer',
			found
		});
	}
}
