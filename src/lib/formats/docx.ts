/**
 * The report as a Word document (docx, loaded when the user exports). Headings use Word's own
 * Title / Heading 1 / Heading 2 styles, so the navigation pane and a table of contents work and a
 * screen reader announces them; tables are real tables with a repeating header row and the figures
 * right-aligned; charts are PNG images with their title as alternative text. Danish is set as the
 * document's language, so Word's spelling check and hyphenation treat the text as Danish.
 */
import type { Lang } from '../i18n/lang.ts';
import type { Report, ReportBlock } from './report.ts';
import { cellText, type ExportTable } from './export-table.ts';
import { xmlSafe } from './xml-text.ts';

/** Text width of an A4 page with 2 cm margins, in pixels at 96 dpi: 17 cm. */
const TEXT_WIDTH_PX = 642;
const LANGUAGE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };

type Docx = typeof import('docx');

/** Text with line breaks as runs separated by breaks (a name may hold a line break). */
function runs(docx: Docx, text: string, options: { bold?: boolean; color?: string; size?: number } = {}) {
	return xmlSafe(text)
		.split(/\r\n|\r|\n/)
		.map((line, i) => new docx.TextRun({ text: line, break: i > 0 ? 1 : undefined, ...options }));
}

function table(docx: Docx, data: ExportTable, lang: Lang) {
	const { Table, TableRow, TableCell, Paragraph, WidthType, AlignmentType, ShadingType, BorderStyle } = docx;
	const border = { style: BorderStyle.SINGLE, size: 4, color: 'BFC5CC' };
	const borders = { top: border, bottom: border, left: border, right: border };
	const align = (i: number) => (data.columns[i]?.numeric ? AlignmentType.RIGHT : AlignmentType.LEFT);
	const header = new TableRow({
		tableHeader: true,
		children: data.columns.map(
			(column, i) =>
				new TableCell({
					borders,
					shading: { type: ShadingType.CLEAR, fill: 'EEF1F4', color: 'auto' },
					children: [new Paragraph({ alignment: align(i), children: runs(docx, column.header, { bold: true, size: 18 }) })]
				})
		)
	});
	const rows = data.rows.map(
		(row) =>
			new TableRow({
				cantSplit: true,
				children: data.columns.map(
					(_, i) =>
						new TableCell({
							borders,
							children: [new Paragraph({ alignment: align(i), children: runs(docx, cellText(row[i] ?? null, lang), { size: 18 }) })]
						})
				)
			})
	);
	return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows: [header, ...rows] });
}

function block(docx: Docx, b: ReportBlock, lang: Lang) {
	const { Paragraph, HeadingLevel, ImageRun } = docx;
	switch (b.kind) {
		case 'heading':
			return [new Paragraph({ heading: b.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: runs(docx, b.text) })];
		case 'paragraph':
			return [
				new Paragraph({
					spacing: { after: 120 },
					children: runs(
						docx,
						b.text,
						b.style === 'demo' ? { bold: true, color: 'B34700' } : b.style === 'note' ? { color: '5B6670', size: 18 } : {}
					)
				})
			];
		case 'list':
			return b.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: runs(docx, item) }));
		case 'table':
			return [
				new Paragraph({
					keepNext: true,
					spacing: { before: 120, after: 60 },
					children: runs(docx, b.table.title, { bold: true, size: 20 })
				}),
				table(docx, b.table, lang),
				new Paragraph({ children: [] })
			];
		case 'image': {
			const scale = Math.min(1, TEXT_WIDTH_PX / b.width);
			return [
				new Paragraph({
					spacing: { before: 120, after: 120 },
					children: [
						new ImageRun({
							type: 'png',
							data: b.png,
							transformation: { width: Math.round(b.width * scale), height: Math.round(b.height * scale) },
							altText: { name: xmlSafe(b.alt).slice(0, 200), description: xmlSafe(b.alt), title: xmlSafe(b.alt).slice(0, 200) }
						})
					]
				})
			];
		}
	}
}

/** The report as .docx bytes. */
export async function reportDocx(report: Report): Promise<Uint8Array> {
	const docx = await import('docx');
	const { Document, Paragraph, HeadingLevel } = docx;
	const language = { value: LANGUAGE[report.lang] };
	const children = [
		new Paragraph({ heading: HeadingLevel.TITLE, children: runs(docx, report.title) }),
		new Paragraph({ spacing: { after: 240 }, children: runs(docx, report.subtitle, { color: '5B6670' }) }),
		...report.blocks.flatMap((b) => block(docx, b, report.lang))
	];
	const document = new Document({
		creator: 'Boligbarometer',
		title: xmlSafe(report.title),
		description: xmlSafe(report.subtitle),
		styles: { default: { document: { run: { font: 'Calibri', size: 22, language } } } },
		sections: [
			{
				properties: {
					page: {
						size: { width: 11906, height: 16838 },
						margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 }
					}
				},
				children
			}
		]
	});
	return packDocx(docx, document);
}

/** docx's compiler (not in its typings): the document's parts by path, before they are zipped. */
type Compiler = { compile(file: unknown): Map<string, string | Uint8Array> };

/**
 * The document's parts zipped, the images stored as they are: PNG is compressed already, and
 * deflating the charts again took as long as writing the rest of the report. docx's Packer
 * deflates every part and has no option for it, so the parts come from its compiler (what
 * Packer.pack zips) and fflate zips them, in the same order; if a later docx has no such
 * compiler, Packer writes the file as before.
 */
async function packDocx(docx: Docx, document: InstanceType<Docx['Document']>): Promise<Uint8Array> {
	const compiler = (docx.Packer as unknown as { compiler?: Compiler }).compiler;
	if (typeof compiler?.compile !== 'function') return new Uint8Array(await docx.Packer.toArrayBuffer(document));
	const { zipSync } = await import('fflate');
	const encoder = new TextEncoder();
	const files: Record<string, [Uint8Array, { level: 0 | 6 }]> = {};
	for (const [path, data] of compiler.compile(document)) {
		files[path] = [typeof data === 'string' ? encoder.encode(data) : data, { level: /^word\/media\//.test(path) ? 0 : 6 }];
	}
	return zipSync(files);
}
