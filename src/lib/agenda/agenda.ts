/**
 * A meeting agenda or an agreement document as plain data: sections in the order the source
 * documents give, each with blocks filled from the data and a free text the supervisor writes
 * before exporting. The same object is shown on the page, written as Word (through the export
 * library's Report, see formats/report.ts) and as Markdown (markdown.ts), so all three say the same.
 *
 * Charts are requests here (which unit, which key figure); the page draws them and hands the
 * images to toReport, so this module stays free of the DOM.
 */
import type { IndicatorId } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import type { Report, ReportBlock } from '../formats/report.ts';
import type { ExportTable } from '../formats/export-table.ts';

export type ChartUnitKind = 'afdeling' | 'omraade' | 'boligorganisation' | 'kommune';

/** A trend chart to draw: one unit's key figure over the years, with its targets and interventions. */
export interface ChartRequest {
	/** Stable key, so the page draws each chart once and toReport finds its image. */
	key: string;
	unitKind: ChartUnitKind;
	unitId: string;
	indikator: IndicatorId;
	/** "Ledighed – Svalehøj"; also the image's alternative text. */
	title: string;
}

export type AgendaBlock =
	| { kind: 'subheading'; text: string }
	| { kind: 'paragraph'; text: string; style?: 'note' }
	| { kind: 'list'; items: string[] }
	| { kind: 'table'; table: ExportTable }
	| { kind: 'chart'; chart: ChartRequest };

export interface AgendaSection {
	/** Stable id, the key of the section's free text. */
	id: string;
	heading: string;
	/** What the supervisor might write here, shown in the empty text field. */
	prompt: string;
	blocks: AgendaBlock[];
}

export type AgendaKind = 'styringsdialog' | 'faellesdialog' | 'aftaledokument';

export interface Agenda {
	kind: AgendaKind;
	title: string;
	subtitle: string;
	demo: boolean;
	sections: AgendaSection[];
}

/** The supervisor's own text per section id. */
export type AgendaTexts = Record<string, string>;

export interface ChartImage {
	png: Uint8Array;
	width: number;
	height: number;
}

export const DEMO_NOTE = 'Demodata: alle afdelinger, boligorganisationer og tal er opdigtede.';

/** Every chart the agenda asks for, once each. */
export function chartRequests(agenda: Agenda): ChartRequest[] {
	const seen = new Map<string, ChartRequest>();
	for (const s of agenda.sections) for (const b of s.blocks) if (b.kind === 'chart') seen.set(b.chart.key, b.chart);
	return [...seen.values()];
}

/** Free text as paragraphs: a blank line starts a new one. */
export function paragraphs(text: string): string[] {
	return text
		.split(/\r?\n\s*\r?\n/)
		.map((p) => p.trim())
		.filter((p) => p !== '');
}

/** The agenda as the export library's Report; a chart without an image is left out. */
export function toReport(agenda: Agenda, texts: AgendaTexts, images: ReadonlyMap<string, ChartImage>, lang: Lang = 'da'): Report {
	const blocks: ReportBlock[] = [];
	if (agenda.demo) blocks.push({ kind: 'paragraph', text: DEMO_NOTE, style: 'demo' });
	agenda.sections.forEach((section, i) => {
		blocks.push({ kind: 'heading', level: 1, text: `${i + 1}. ${section.heading}` });
		for (const text of paragraphs(texts[section.id] ?? '')) blocks.push({ kind: 'paragraph', text });
		for (const b of section.blocks) {
			switch (b.kind) {
				case 'subheading':
					blocks.push({ kind: 'heading', level: 2, text: b.text });
					break;
				case 'chart': {
					const image = images.get(b.chart.key);
					if (image) blocks.push({ kind: 'image', ...image, alt: b.chart.title });
					break;
				}
				default:
					blocks.push(b);
			}
		}
	});
	return { title: agenda.title, subtitle: agenda.subtitle, lang, demo: agenda.demo, blocks };
}
