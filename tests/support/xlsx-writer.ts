/**
 * A hand-made .xlsx writer for test fixtures: every part written out as XML, so a fixture holds
 * exactly the cell kinds a test wants (shared, inline and rich-text strings, formulas with and
 * without a saved value, formula errors, date-formatted day numbers, booleans) at exactly the
 * addresses it wants, which a library's writer does not promise. Deterministic: a fixed ZIP time,
 * parts in a fixed order.
 */
import { strToU8, zipSync } from 'fflate';

export type XlsxCell =
	| number
	| boolean
	/** A shared string (sharedStrings.xml), as Excel writes typed text. */
	| string
	/** An inline string (`t="inlineStr"`), as some exporters write text. */
	| { inline: string }
	/** A shared string in rich-text runs (`<r>`), as Excel writes text with mixed formatting. */
	| { rich: string[] }
	/**
	 * A formula and the value Excel saved with it; without `value`, a formula never calculated.
	 * With `shared`, one of a shared formula's cells (`<f t="shared" si=…>`): the master (with
	 * `ref`, the range it fills) holds the formula, the others only the index, as Excel writes a
	 * formula filled down.
	 */
	| { formula: string; value?: number | string; shared?: { si: number; ref?: string } }
	/** A formula error, as Excel saves `=1/0` (`#DIV/0!`). */
	| { error: string; formula: string }
	/** A day number shown as a date (number format 14, `dd-mm-yyyy` in Danish Excel). */
	| { date: number }
	/** A number shown as a percentage (number format 10, `0.00%`): 0.305 shows as 30,50 %. */
	| { percent: number };

export interface XlsxSheet {
	name: string;
	/** Cells by address, e.g. `{ C3: 'afdeling_id' }`. */
	cells: Record<string, XlsxCell>;
	hidden?: boolean;
}

/** The day number Excel stores for a date (1900 date system): 2024-01-01 → 45292. */
export function excelDay(year: number, month: number, day: number): number {
	return Date.UTC(year, month - 1, day) / 86_400_000 + 25569;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** `xml:space="preserve"` keeps leading and trailing spaces, as Excel writes them. */
const t = (s: string) => `<t xml:space="preserve">${escape(s)}</t>`;

export function xlsx(sheets: XlsxSheet[], options: { date1904?: boolean } = {}): Uint8Array {
	const shared: string[] = [];
	const sharedIndex = new Map<string, number>();
	const share = (xml: string) => {
		let i = sharedIndex.get(xml);
		if (i === undefined) {
			i = shared.length;
			shared.push(xml);
			sharedIndex.set(xml, i);
		}
		return i;
	};
	const cellXml = (ref: string, cell: XlsxCell): string => {
		if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
		if (typeof cell === 'boolean') return `<c r="${ref}" t="b"><v>${cell ? 1 : 0}</v></c>`;
		if (typeof cell === 'string') return `<c r="${ref}" t="s"><v>${share(t(cell))}</v></c>`;
		if ('inline' in cell) return `<c r="${ref}" t="inlineStr"><is>${t(cell.inline)}</is></c>`;
		if ('rich' in cell) {
			const runs = cell.rich.map((text, i) => `<r>${i % 2 ? '<rPr><b/></rPr>' : ''}${t(text)}</r>`).join('');
			return `<c r="${ref}" t="s"><v>${share(runs)}</v></c>`;
		}
		if ('error' in cell) return `<c r="${ref}" t="e"><f>${escape(cell.formula)}</f><v>${escape(cell.error)}</v></c>`;
		if ('formula' in cell) {
			const { shared } = cell;
			const f = !shared
				? `<f>${escape(cell.formula)}</f>`
				: shared.ref
					? `<f t="shared" ref="${shared.ref}" si="${shared.si}">${escape(cell.formula)}</f>`
					: `<f t="shared" si="${shared.si}"/>`;
			if (cell.value === undefined) return `<c r="${ref}">${f}</c>`;
			if (typeof cell.value === 'string') return `<c r="${ref}" t="str">${f}<v>${escape(cell.value)}</v></c>`;
			return `<c r="${ref}">${f}<v>${cell.value}</v></c>`;
		}
		if ('percent' in cell) return `<c r="${ref}" s="2"><v>${cell.percent}</v></c>`;
		return `<c r="${ref}" s="1"><v>${cell.date}</v></c>`;
	};
	const sheetXml = (sheet: XlsxSheet): string => {
		const rows = new Map<number, [number, string][]>();
		for (const [ref, cell] of Object.entries(sheet.cells)) {
			const m = /^([A-Z]+)(\d+)$/.exec(ref);
			if (!m) throw new Error(`bad cell address ${ref}`);
			const column = [...m[1]!].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
			const line = Number(m[2]);
			if (!rows.has(line)) rows.set(line, []);
			rows.get(line)!.push([column, cellXml(ref, cell)]);
		}
		const body = [...rows.entries()]
			.sort((a, b) => a[0] - b[0])
			.map(
				([line, cells]) =>
					`<row r="${line}">${cells
						.sort((a, b) => a[0] - b[0])
						.map((c) => c[1])
						.join('')}</row>`
			)
			.join('');
		return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${body}</sheetData></worksheet>`;
	};
	// Sheets first: they fill the shared strings.
	const sheetParts = sheets.map(sheetXml);
	// The percentage style only where a cell uses it, so older fixtures keep their bytes.
	const percent = sheets.some((sheet) => Object.values(sheet.cells).some((c) => typeof c === 'object' && 'percent' in c));
	const cellXfs = percent
		? '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="10" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>'
		: '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>';
	const ns = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
	const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
	const files: Record<string, string> = {
		'[Content_Types].xml':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
			'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
			'<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
			sheets
				.map(
					(_, i) =>
						`<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`
				)
				.join('') +
			'<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
			'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>',
		'_rels/.rels': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${rel}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		'xl/workbook.xml':
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${ns}" xmlns:r="${rel}">` +
			(options.date1904 ? '<workbookPr date1904="1"/>' : '') +
			`<sheets>${sheets.map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.hidden ? ' state="hidden"' : ''} r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
		'xl/_rels/workbook.xml.rels':
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
			sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${rel}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
			`<Relationship Id="rId${sheets.length + 1}" Type="${rel}/styles" Target="styles.xml"/>` +
			`<Relationship Id="rId${sheets.length + 2}" Type="${rel}/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		'xl/styles.xml':
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="${ns}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
			'<fills count="1"><fill><patternFill patternType="none"/></fill></fills><borders count="1"><border/></borders>' +
			'<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
			`${cellXfs}</styleSheet>`,
		'xl/sharedStrings.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="${ns}" count="${shared.length}" uniqueCount="${shared.length}">${shared.map((s) => `<si>${s}</si>`).join('')}</sst>`
	};
	sheetParts.forEach((xml, i) => (files[`xl/worksheets/sheet${i + 1}.xml`] = xml));
	// Local time on purpose: ZIP stores the local date and time fields, so this gives the same bytes in every time zone.
	const mtime = new Date(2000, 0, 1);
	return zipSync(Object.fromEntries(Object.entries(files).map(([name, text]) => [name, [strToU8(text), { mtime }]])), { level: 6 });
}

/** Cells for a table written row by row from `corner` (e.g. `C3`): null leaves a cell empty. */
export function table(corner: string, rows: (XlsxCell | null)[][]): Record<string, XlsxCell> {
	const m = /^([A-Z])(\d+)$/.exec(corner)!;
	const firstColumn = m[1]!.charCodeAt(0) - 65;
	const firstRow = Number(m[2]);
	const cells: Record<string, XlsxCell> = {};
	rows.forEach((row, r) =>
		row.forEach((cell, c) => {
			if (cell !== null) cells[`${String.fromCharCode(65 + firstColumn + c)}${firstRow + r}`] = cell;
		})
	);
	return cells;
}
