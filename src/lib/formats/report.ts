/**
 * The report of a documentation package as plain data: a title and a list of blocks (headings,
 * paragraphs, tables, chart images, lists). docx.ts and pdf.ts each write the same Report, so the
 * Word document and the PDF say the same thing; organisation-report.ts fills it.
 */
import type { Lang } from '../i18n/lang.ts';
import type { ExportTable } from './export-table.ts';

export type ReportBlock =
	| { kind: 'heading'; level: 1 | 2; text: string }
	| { kind: 'paragraph'; text: string; style?: 'note' | 'demo' }
	| { kind: 'table'; table: ExportTable }
	/** A chart as PNG; width and height in CSS pixels (the PNG itself has twice as many). */
	| { kind: 'image'; png: Uint8Array; width: number; height: number; alt: string }
	| { kind: 'list'; items: string[] };

export interface Report {
	title: string;
	subtitle: string;
	lang: Lang;
	demo: boolean;
	blocks: ReportBlock[];
}

/** The report's headings, in order: what a reader sees in Word's navigation pane and the PDF outline. */
export function headingsOf(report: Report): { level: 1 | 2; text: string }[] {
	return report.blocks.flatMap((b) => (b.kind === 'heading' ? [{ level: b.level, text: b.text }] : []));
}
