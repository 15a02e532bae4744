/**
 * An agenda as Markdown (CommonMark with GitHub's pipe tables), for pasting into an intranet page,
 * a mail or a wiki. Charts cannot travel in Markdown text; each leaves a line naming it.
 *
 * Text from the data and from the supervisor is escaped where Markdown would read it as markup:
 * a department named "*Hasselhaven*" stays a name, and a `|` in a name cannot break a table.
 */
import { cellText } from '../formats/export-table.ts';
import type { ExportTable } from '../formats/export-table.ts';
import { DEMO_NOTE, paragraphs, type Agenda, type AgendaTexts } from './agenda.ts';

/** Backslash-escape the characters that start or delimit Markdown markup. */
export function escapeMarkdown(text: string): string {
	return text
		.replace(/[\\`*_[\]<>|#&]/g, (c) => `\\${c}`)
		.replace(
			/^(\s*)([-+=]|\d+[.)])(\s)/gm,
			(_, space: string, mark: string, after: string) => `${space}${mark.replace(/([-+=.)])$/, '\\$1')}${after}`
		);
}

/** One line: a table cell or a list item cannot hold a line break. */
function oneLine(text: string): string {
	return escapeMarkdown(text).replace(/\s*\r?\n\s*/g, ' ');
}

function table(t: ExportTable): string[] {
	const header = `| ${t.columns.map((c) => oneLine(c.header)).join(' | ')} |`;
	const rule = `| ${t.columns.map((c) => (c.numeric ? '---:' : '---')).join(' | ')} |`;
	const rows = t.rows.map((row) => `| ${t.columns.map((_, i) => oneLine(cellText(row[i] ?? null, 'da'))).join(' | ')} |`);
	return [`**${oneLine(t.title)}**`, '', header, rule, ...rows];
}

export function agendaMarkdown(agenda: Agenda, texts: AgendaTexts): string {
	const out: string[] = [`# ${oneLine(agenda.title)}`, '', `*${oneLine(agenda.subtitle)}*`];
	if (agenda.demo) out.push('', `> ${DEMO_NOTE}`);
	agenda.sections.forEach((section, i) => {
		out.push('', `## ${i + 1}. ${oneLine(section.heading)}`);
		for (const p of paragraphs(texts[section.id] ?? '')) out.push('', escapeMarkdown(p));
		for (const b of section.blocks) {
			out.push('');
			switch (b.kind) {
				case 'subheading':
					out.push(`### ${oneLine(b.text)}`);
					break;
				case 'paragraph':
					out.push(b.style === 'note' ? `*${oneLine(b.text)}*` : escapeMarkdown(b.text));
					break;
				case 'list':
					out.push(...b.items.map((item) => `- ${oneLine(item)}`));
					break;
				case 'table':
					out.push(...table(b.table));
					break;
				case 'chart':
					out.push(`*Figur: ${oneLine(b.chart.title)} (se Word-udgaven)*`);
					break;
			}
		}
	});
	return out.join('\n') + '\n';
}
