/**
 * The demo input (data/sample) copied to a fresh temporary folder with afdelinger.csv's rows
 * edited by the test: how the e2e tests that need names the demo does not have (hostile, one long
 * word, a `;` or a line break in a name) make their input. The file is written back as the demo's
 * is, Windows-1252 with CRLF as Excel writes it, and papaparse quotes a cell that holds `;`, `"`
 * or a line break, so the edit is read back exactly as written. A character Windows-1252 cannot
 * hold (an emoji) is refused here, rather than written as a wrong byte the test would not see.
 */
import Papa from 'papaparse';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, tempDir } from './site.ts';

/** A row of afdelinger.csv by its column names (`afdeling_id`, `afdeling_navn`, …). */
export type DepartmentRow = Record<string, string>;

/** The folder of the edited copy; `prefix` names its temporary folder. */
export function demoInputWith(prefix: string, edit: (rows: DepartmentRow[]) => void): string {
	const input = tempDir(prefix);
	cpSync(join(ROOT, 'data/sample'), input, { recursive: true });
	const file = join(input, 'afdelinger.csv');
	// Read as latin1, one character per byte, so the bytes the edit leaves alone are written back as they were.
	const parsed = Papa.parse<DepartmentRow>(readFileSync(file, 'latin1'), { header: true, delimiter: ';', skipEmptyLines: true });
	edit(parsed.data);
	const text = Papa.unparse(parsed.data, { delimiter: ';', newline: '\r\n', quotes: false });
	const outside = /[^\u0000-\u00ff]/u.exec(text);
	if (outside) throw new Error(`demoInputWith: "${outside[0]}" cannot be written to afdelinger.csv (Windows-1252)`);
	writeFileSync(file, text, 'latin1');
	return input;
}
