/**
 * The work file: a supervisor's work on one municipality and year as one JSON file
 * (`styringsdialog-<kommunekode>-<år>.json`), saved with "Gem arbejde" and opened with "Åbn
 * arbejde" on any machine with the same data. data/README.md documents the format; this module
 * writes it, read-work-file.ts reads and checks it.
 *
 * The first two fields say what the file is (`format`) and which version of the format it is
 * written in (`version`), so a wrong file gets a clear message instead of a list of missing fields,
 * and a file from a newer dashboard is refused rather than half read.
 */
import { compactWork, type Work } from './work.ts';
import { MEETING_FIELDS, MEETING_FILE_FIELDS } from './meeting.ts';

export const WORK_FILE_FORMAT = 'boligbarometer-styringsdialog';
export const WORK_FILE_VERSION = 1;
/** Far above any real work (a full year is tens of kilobytes), far below what would hang a tab. */
export const WORK_FILE_MAX_BYTES = 5 * 1024 * 1024;

export function workFileName(kode: string, year: number): string {
	return `styringsdialog-${kode}-${year}.json`;
}

/** The file's top-level fields, in the order the file writes them. */
export const WORK_FILE_FIELDS = [
	'format',
	'version',
	'kommune_kode',
	'aar',
	'gemt',
	'fokusregler',
	'maaludkast',
	'faellesmoede',
	'boligorganisationer'
] as const;

export interface WorkFile {
	kode: string;
	year: number;
	/** When it was saved (ISO 8601), as the file says; informative only. */
	savedAt: string | null;
	work: Work;
}

/** The file's text: indented, ending with a newline, so it reads and diffs well. */
export function workFileText(file: WorkFile): string {
	const work = compactWork(file.work);
	const organisations: Record<string, unknown> = {};
	for (const [id, o] of Object.entries(work.organisations)) {
		const moede: Record<string, string> = {};
		for (const f of MEETING_FIELDS) moede[MEETING_FILE_FIELDS[f]] = o.moede[f];
		Object.defineProperty(organisations, id, {
			value: { dagsorden: o.dagsorden, aftaledokument: o.aftaledokument, moede },
			enumerable: true
		});
	}
	const content = {
		format: WORK_FILE_FORMAT,
		version: WORK_FILE_VERSION,
		kommune_kode: file.kode,
		aar: file.year,
		gemt: file.savedAt,
		fokusregler: work.rules,
		maaludkast: work.targets,
		faellesmoede: { tekster: work.joint },
		boligorganisationer: organisations
	};
	return JSON.stringify(content, null, 2) + '\n';
}
