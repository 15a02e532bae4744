/**
 * The report as PDF (jsPDF, loaded when the user exports): A4, Helvetica, text as real text (it
 * can be searched, copied and read aloud), headings in the PDF's outline, tables drawn with a
 * header row that repeats on a new page, charts as PNG images, and a footer with the page number.
 *
 * jsPDF's standard fonts are WinAnsi-encoded; every string passes winAnsi() first (see
 * pdf-text.ts), which keeps æøå, ‰, ², – and the no-break space, and replaces what the font lacks.
 */
import type { Lang } from '../i18n/lang.ts';
import { winAnsi } from './pdf-text.ts';
import type { Report, ReportBlock } from './report.ts';
import { exportStrings } from '../i18n/export-strings.ts';
import { cellText, type ExportTable } from './export-table.ts';
import { embedPngsAsTheyAre } from './pdf-png.ts';

type JsPdf = import('jspdf').jsPDF;

const PAGE = { width: 595.28, height: 841.89, margin: 56.7, footer: 28 } as const;
const CONTENT_WIDTH = PAGE.width - 2 * PAGE.margin;
const BOTTOM = PAGE.height - PAGE.margin;
/** CSS pixels to points: 96 px = 72 pt. */
const PX = 0.75;
const INK: [number, number, number] = [29, 35, 41];
const MUTED: [number, number, number] = [91, 102, 112];
const DEMO: [number, number, number] = [179, 71, 0];
const LANGUAGE = { da: 'da', en: 'en-GB' } as const satisfies Record<Lang, string>;

class Writer {
	y = PAGE.margin;
	constructor(readonly doc: JsPdf) {}

	/** A new page when `height` does not fit below the current position. */
	room(height: number): void {
		if (this.y + height > BOTTOM) {
			this.doc.addPage();
			this.y = PAGE.margin;
		}
	}

	font(size: number, style: 'normal' | 'bold' = 'normal', color = INK): void {
		this.doc.setFont('helvetica', style);
		this.doc.setFontSize(size);
		this.doc.setTextColor(...color);
	}

	/** Lines of `text` wrapped to `width` at the current font. */
	lines(text: string, width: number): string[] {
		return text.split(/\r\n|\r|\n/).flatMap((line) => this.doc.splitTextToSize(winAnsi(line), width) as string[]);
	}

	paragraph(text: string, size: number, style: 'normal' | 'bold' = 'normal', color = INK, after = 6): void {
		this.font(size, style, color);
		const lineHeight = size * 1.3;
		for (const line of this.lines(text, CONTENT_WIDTH)) {
			this.room(lineHeight);
			this.doc.text(line, PAGE.margin, this.y + size);
			this.y += lineHeight;
		}
		this.y += after;
	}

	heading(text: string, level: 1 | 2): void {
		const size = level === 1 ? 17 : 13.5;
		this.y += level === 1 ? 14 : 8;
		// Keep a heading with what follows it: a section's first paragraph and table, or a chart.
		this.room(size * 1.3 + (level === 1 ? 120 : 180));
		const page = this.doc.getNumberOfPages();
		this.paragraph(text, size, 'bold', INK, 4);
		this.doc.outline.add(null, winAnsi(text), { pageNumber: page });
	}

	list(items: readonly string[]): void {
		this.font(10);
		for (const item of items) {
			const lines = this.lines(item, CONTENT_WIDTH - 14);
			for (const [i, line] of lines.entries()) {
				this.room(13);
				if (i === 0) this.doc.text('•', PAGE.margin + 2, this.y + 10);
				this.doc.text(line, PAGE.margin + 14, this.y + 10);
				this.y += 13;
			}
		}
		this.y += 6;
	}

	image(png: Uint8Array, width: number, height: number): void {
		const scale = Math.min(PX, CONTENT_WIDTH / width);
		const w = width * scale;
		const h = height * scale;
		this.room(h);
		this.doc.addImage(png, 'PNG', PAGE.margin, this.y, w, h, undefined, 'FAST');
		this.y += h + 10;
	}

	table(data: ExportTable, lang: Lang): void {
		const size = 8.5;
		const pad = 3;
		const lineHeight = size * 1.25;
		// A table that fits on a page is kept on one; a longer one starts with its title, header and
		// first rows together (a title alone at the foot of a page says nothing).
		const rowHeight = lineHeight + 2 * pad;
		const whole = 10 * 1.3 + 2 + (data.rows.length + 1) * rowHeight;
		this.room(whole <= BOTTOM - PAGE.margin ? whole : 10 * 1.3 + 2 + 4 * rowHeight);
		this.paragraph(data.title, 10, 'bold', INK, 2);
		this.font(size);
		const texts = data.rows.map((row) => data.columns.map((_, i) => winAnsi(cellText(row[i] ?? null, lang))));
		const widths = columnWidths(this.doc, data, texts, size, pad);
		const cellLines = (text: string, i: number) => this.lines(text, widths[i]! - 2 * pad);

		const drawRow = (cells: string[], header: boolean) => {
			this.font(size, header ? 'bold' : 'normal', header ? INK : INK);
			const wrapped = cells.map((text, i) => cellLines(text, i));
			const height = Math.max(...wrapped.map((l) => l.length)) * lineHeight + 2 * pad;
			if (this.y + height > BOTTOM) {
				this.doc.addPage();
				this.y = PAGE.margin;
				if (!header)
					drawRow(
						data.columns.map((c) => c.header),
						true
					);
			}
			let x = PAGE.margin;
			if (header) {
				this.doc.setFillColor(238, 241, 244);
				this.doc.rect(PAGE.margin, this.y, CONTENT_WIDTH, height, 'F');
			}
			this.font(size, header ? 'bold' : 'normal');
			for (const [i, lines] of wrapped.entries()) {
				const numeric = data.columns[i]?.numeric;
				for (const [j, line] of lines.entries()) {
					const baseline = this.y + pad + j * lineHeight + size * 0.85;
					if (numeric) this.doc.text(line, x + widths[i]! - pad, baseline, { align: 'right' });
					else this.doc.text(line, x + pad, baseline);
				}
				x += widths[i]!;
			}
			this.doc.setDrawColor(191, 197, 204);
			this.doc.setLineWidth(0.5);
			this.doc.line(PAGE.margin, this.y + height, PAGE.margin + CONTENT_WIDTH, this.y + height);
			this.y += height;
		};

		drawRow(
			data.columns.map((c) => winAnsi(c.header)),
			true
		);
		for (const cells of texts) drawRow(cells, false);
		this.y += 10;
	}

	block(b: ReportBlock, lang: Lang): void {
		switch (b.kind) {
			case 'heading':
				return this.heading(b.text, b.level);
			case 'paragraph':
				return b.style === 'demo'
					? this.paragraph(b.text, 10, 'bold', DEMO)
					: b.style === 'note'
						? this.paragraph(b.text, 9, 'normal', MUTED)
						: this.paragraph(b.text, 10);
			case 'list':
				return this.list(b.items);
			case 'image':
				return this.image(b.png, b.width, b.height);
			case 'table':
				return this.table(b.table, lang);
		}
	}
}

/**
 * Column widths that fill the text width: each column as wide as its widest word or number needs,
 * the rest shared in proportion to the text's full length, so long names wrap and figures do not.
 */
function columnWidths(doc: JsPdf, data: ExportTable, texts: string[][], size: number, pad: number): number[] {
	doc.setFontSize(size);
	const measure = (text: string, bold = false) => {
		doc.setFont('helvetica', bold ? 'bold' : 'normal');
		return doc.getTextWidth(text);
	};
	const min: number[] = [];
	const full: number[] = [];
	for (const [i, column] of data.columns.entries()) {
		const cells = texts.map((row) => row[i] ?? '');
		const words = [
			...winAnsi(column.header)
				.split(/\s+/)
				.map((w) => measure(w, true)),
			...cells.flatMap((c) => (column.numeric ? [measure(c)] : c.split(/\s+/).map((w) => measure(w))))
		];
		min.push(Math.min(Math.max(0, ...words) + 2 * pad, CONTENT_WIDTH / 2));
		full.push(Math.max(measure(winAnsi(column.header), true), ...cells.map((c) => measure(c))) + 2 * pad);
	}
	const totalFull = full.reduce((a, b) => a + b, 0);
	if (totalFull <= CONTENT_WIDTH) return full.map((w) => (w * CONTENT_WIDTH) / totalFull);
	const totalMin = min.reduce((a, b) => a + b, 0);
	if (totalMin >= CONTENT_WIDTH) return min.map((w) => (w * CONTENT_WIDTH) / totalMin);
	const spare = CONTENT_WIDTH - totalMin;
	const extra = full.map((w, i) => Math.max(0, w - min[i]!));
	const totalExtra = extra.reduce((a, b) => a + b, 0) || 1;
	return min.map((w, i) => w + (spare * extra[i]!) / totalExtra);
}

/** The report as PDF bytes. */
export async function reportPdf(report: Report): Promise<Uint8Array> {
	const { jsPDF } = await import('jspdf');
	const doc = new jsPDF({ unit: 'pt', format: 'a4', compress: true });
	embedPngsAsTheyAre(doc);
	doc.setLanguage(LANGUAGE[report.lang]);
	doc.setProperties({ title: winAnsi(report.title), subject: winAnsi(report.subtitle), creator: 'Boligbarometer' });
	const writer = new Writer(doc);
	writer.paragraph(report.title, 20, 'bold', INK, 2);
	doc.outline.add(null, winAnsi(report.title), { pageNumber: 1 });
	writer.paragraph(report.subtitle, 11, 'normal', MUTED, 10);
	for (const b of report.blocks) writer.block(b, report.lang);

	const t = exportStrings(report.lang);
	const pages = doc.getNumberOfPages();
	for (let page = 1; page <= pages; page++) {
		doc.setPage(page);
		writer.font(8, 'normal', MUTED);
		const left = report.demo ? `${t.sourceLine} · ${t.demoNote}` : t.sourceLine;
		doc.text(winAnsi(left), PAGE.margin, PAGE.height - PAGE.footer);
		doc.text(`${page} / ${pages}`, PAGE.width - PAGE.margin, PAGE.height - PAGE.footer, { align: 'right' });
	}
	return new Uint8Array(doc.output('arraybuffer'));
}
