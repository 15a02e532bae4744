/**
 * A workbook's XML rewritten into the form Excel itself saves, for the two forms other writers use
 * that Excel opens but exceljs does not read (exceljs matches element names as written and takes
 * every cell's place from its `r` attribute):
 *
 * - Elements of the SpreadsheetML namespace under a prefix (`<x:worksheet xmlns:x="…/main">`,
 *   `<x:row>`, `<x:c>`), as the OpenXML SDK may write them. The prefix is dropped and its
 *   declaration becomes the default namespace, which is the same XML to any namespace-aware
 *   reader (Namespaces in XML 1.0, section 6.2). A part that already declares another default
 *   namespace is left as it is.
 * - Rows and cells without `r` (optional in ECMA-376 Part 1, 18.3.1.4 and 18.3.1.73: a row
 *   without it follows the row before, a cell the cell before). They get the address they stand for.
 *
 * read-workbook.ts tries this only after exceljs failed on a file that names a workbook part, so a
 * workbook Excel saved is never touched. Returns null when nothing was changed, or the ZIP does not
 * unpack.
 */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { columnLetters } from './cell-address.ts';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

export function excelFormXml(bytes: Uint8Array): Uint8Array | null {
	let parts: Record<string, Uint8Array>;
	try {
		parts = unzipSync(bytes);
	} catch {
		return null; // a damaged entry: read-workbook.ts's message says so
	}
	const out: Zippable = {};
	let changed = false;
	for (const [name, data] of Object.entries(parts)) {
		out[name] = data;
		if (!/^xl\/.*\.xml$/i.test(name)) continue;
		const before = strFromU8(data);
		let xml = withoutPrefix(before);
		if (/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) xml = withAddresses(xml);
		if (xml === before) continue;
		out[name] = strToU8(xml);
		changed = true;
	}
	// Stored, not compressed: the package lives only until exceljs has read it.
	return changed ? zipSync(out, { level: 0 }) : null;
}

/** The SpreadsheetML prefix dropped from element names, its declaration made the default. */
export function withoutPrefix(xml: string): string {
	const declared = new RegExp(`\\sxmlns:([A-Za-z_][\\w.-]*)=(["'])${MAIN.replace(/[./]/g, '\\$&')}\\2`).exec(xml);
	if (!declared || /\sxmlns=["']/.test(xml)) return xml;
	const prefix = declared[1]!.replace(/\./g, '\\.');
	return xml.replace(new RegExp(`<(/?)${prefix}:`, 'g'), '<$1').replace(new RegExp(`\\sxmlns:${prefix}=(["'])`), ' xmlns=$1');
}

/** Each `<row>` and `<c>` without `r` given the address it stands for. */
export function withAddresses(xml: string): string {
	let row = 0;
	let column = 0;
	return xml.replace(/<(row|c)(?=[\s/>])([^>]*)>/g, (tag: string, name: string, attributes: string) => {
		const r = /\sr=(["'])([^"']*)\1/.exec(attributes)?.[2];
		if (name === 'row') {
			row = r === undefined ? row + 1 : Number(r);
			column = 0;
			return r === undefined ? `<row r="${row}"${attributes}>` : tag;
		}
		if (r !== undefined) {
			column = columnNumber(r);
			return tag;
		}
		column++;
		return `<c r="${columnLetters(column)}${row}"${attributes}>`;
	});
}

/** `C17` → 3. */
function columnNumber(address: string): number {
	let n = 0;
	for (const c of address.toUpperCase()) {
		if (c < 'A' || c > 'Z') break;
		n = n * 26 + (c.charCodeAt(0) - 64);
	}
	return n;
}
