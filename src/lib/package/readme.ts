/**
 * LÆSMIG.txt: what is in a documentation package and where the figures come from, as plain text
 * that opens in Notepad: UTF-8 with a byte order mark (older Notepad guesses the encoding from it)
 * and CRLF line ends.
 */
import type { Indicator } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import { BOM } from '../formats/csv.ts';
import { exportStrings } from '../i18n/export-strings.ts';

export interface ReadmeGroup {
	/** What the files are, e.g. "Rapporten som Word-dokument og som PDF". */
	heading: string;
	/** Paths inside the zip, relative to the folder LÆSMIG.txt lies in. */
	files: string[];
}

export interface ReadmeInput {
	title: string;
	subtitle: string;
	lang: Lang;
	demo: boolean;
	groups: ReadmeGroup[];
	indicators: readonly Indicator[];
}

export function readmeText(input: ReadmeInput): string {
	const t = exportStrings(input.lang);
	const lines: string[] = [input.title, input.subtitle, ''];
	if (input.demo) lines.push(t.demoNote, '');
	lines.push(t.readme.contents, '');
	for (const group of input.groups) {
		lines.push(`- ${group.heading}:`);
		for (const file of group.files) lines.push(`    ${file}`);
		lines.push('');
	}
	lines.push(t.readme.sources, '');
	for (const ind of input.indicators) lines.push(`- ${ind.name[input.lang]}: ${ind.source[input.lang]}`);
	lines.push(`- ${t.sourceLine}`, '');
	lines.push(t.readme.notes, '');
	for (const note of [t.readme.suppression, t.readme.rounding, t.readme.formula]) lines.push(`- ${note}`);
	return BOM + lines.join('\r\n') + '\r\n';
}

export function readmeBytes(input: ReadmeInput): Uint8Array {
	return new TextEncoder().encode(readmeText(input));
}
