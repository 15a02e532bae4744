/**
 * Text bound for an XML file (SVG, the XLSX and DOCX parts): XML 1.0 forbids most control
 * characters outright (a single U+0001 in a name makes Word and Excel refuse the whole file), so
 * they are dropped; tab, LF and CR are allowed and kept. escapeXml() then makes the text safe
 * inside an element or an attribute.
 */

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF].
// Lone surrogates are not characters either.
const NOT_XML_CHAR =
	/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text without the characters XML cannot hold. */
export function xmlSafe(text: string): string {
	return text.replace(NOT_XML_CHAR, '');
}

/** The text escaped for an element or a (double- or single-quoted) attribute. */
export function escapeXml(text: string): string {
	return xmlSafe(text)
		.replaceAll('&', '&amp;')
		.replaceAll('<', '&lt;')
		.replaceAll('>', '&gt;')
		.replaceAll('"', '&quot;')
		.replaceAll("'", '&apos;');
}
