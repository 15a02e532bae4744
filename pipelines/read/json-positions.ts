/**
 * Where things are in a JSON text, for the messages about a GeoJSON file that JSON.parse cannot
 * give: the line and column of the first syntax error (V8's messages differ between Node versions),
 * the line where each feature of the top-level "features" array starts (so a message about feature
 * 17 points at its line), and the line of the top-level "crs" member's value.
 *
 * The parsing is jsonc-parser's (Microsoft's JSON scanner and parser, the one VS Code uses): its
 * visitor reports every value's line and column without building a tree (about 0,13 s for the
 * 2,2 MB DAGI file; README, "Why these libraries"). It runs only for a file with something to
 * report. Comments and trailing commas, which it can allow, are errors here, as in JSON.
 */
import { createScanner, printParseErrorCode, visit } from 'jsonc-parser';

export interface JsonPositions {
	/** The first syntax error, 1-based; `found` is what stands there, in Danish. Null when valid. */
	error: { line: number; column: number; found: string } | null;
	/** 1-based line of each element of the top-level object's "features" array (the last such key). */
	featureLines: number[];
	/** 1-based line of the top-level "crs" member's value, or null. */
	crsLine: number | null;
}

/** jsonc-parser's faults inside one token (a string or a number): it reports the whole token. */
const IN_TOKEN = new Set(['UnexpectedEndOfNumber', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter']);

/**
 * The parser recurses once per level of nesting, so thousands of levels overflow the call stack;
 * GeoJSON needs fewer than ten. A file that deep is answered at the first bracket past this depth,
 * found with the library's (iterative) scanner.
 */
const MAX_DEPTH = 1000;

export function jsonPositions(text: string): JsonPositions {
	let error: JsonPositions['error'] = null;
	let featureLines: number[] = [];
	let crsLine: number | null = null;
	let depth = 0;
	let topKey = '';
	let inFeatures = false;

	const value = (line: number) => {
		if (depth === 1 && topKey === 'crs') crsLine = line + 1;
		else if (inFeatures && depth === 2) featureLines.push(line + 1);
	};
	// jsonc-parser goes on after an error and may report a token's own fault (an unclosed string)
	// before the grammar's complaint that the token should not be there at all: the earliest token
	// wins, and on the same token the grammar's word.
	let errorAt = Infinity;
	let errorInToken = false;
	const fail = (offset: number, inToken: boolean, line: number, column: number, found: string) => {
		if (offset > errorAt || (offset === errorAt && (inToken || !errorInToken))) return;
		errorAt = offset;
		errorInToken = inToken;
		error = { line: line + 1, column: column + 1, found };
	};

	try {
		visit(
			text,
			{
				onObjectBegin: (_offset, _length, line) => {
					value(line);
					depth++;
				},
				onObjectEnd: () => {
					depth--;
				},
				onArrayBegin: (_offset, _length, line) => {
					value(line);
					if (depth === 1 && topKey === 'features') {
						featureLines = [];
						inFeatures = true;
					}
					depth++;
				},
				onArrayEnd: () => {
					depth--;
					if (depth < 2) inFeatures = false;
				},
				onObjectProperty: (name) => {
					if (depth === 1) topKey = name;
				},
				onLiteralValue: (_value, _offset, _length, line) => value(line),
				onError: (code, offset, length, line, column) => {
					const kind = printParseErrorCode(code);
					if (kind === 'UnexpectedEndOfString') {
						// The string runs into a line break or the end of the file, which is where it
						// breaks; it never spans a line break, so only the column moves.
						fail(offset, true, line, column + length, foundAt(text, offset + length));
					} else if (IN_TOKEN.has(kind)) {
						// A bad escape or character inside a string, or a number cut short: the token.
						fail(offset, true, line, column, quotedToken(text.slice(offset, offset + length)));
					} else fail(offset, false, line, column, foundAt(text, offset));
				}
			},
			{ disallowComments: true, allowTrailingComma: false, allowEmptyContent: false }
		);
	} catch (e) {
		if (!(e instanceof RangeError)) throw e;
		return { error: tooDeep(text), featureLines: [], crsLine: null };
	}
	return error ? { error, featureLines: [], crsLine: null } : { error: null, featureLines, crsLine };
}

/** What stands at an offset, as the messages say it: `"]"`, or the end of the file. */
function foundAt(text: string, offset: number): string {
	return offset >= text.length ? 'filens slutning' : `"${text[offset]}"`;
}

/** A bad token as found: a string keeps its own quotes; long ones are cut. */
function quotedToken(token: string): string {
	const cut = token.length > 40 ? `${token.slice(0, 40)}…` : token;
	return cut.startsWith('"') ? cut : `"${cut}"`;
}

/** The first bracket nested deeper than MAX_DEPTH, by jsonc-parser's scanner (no recursion). */
function tooDeep(text: string): NonNullable<JsonPositions['error']> {
	const found = `mere end ${MAX_DEPTH} niveauer af [ og {`;
	const scanner = createScanner(text, true);
	let depth = 0;
	for (let kind = scanner.scan(); kind !== 17 /* EOF */; kind = scanner.scan()) {
		if (kind === 1 /* OpenBraceToken */ || kind === 3 /* OpenBracketToken */) {
			if (++depth > MAX_DEPTH) return { line: scanner.getTokenStartLine() + 1, column: scanner.getTokenStartCharacter() + 1, found };
		} else if (kind === 2 /* CloseBraceToken */ || kind === 4 /* CloseBracketToken */) depth--;
	}
	return { line: 1, column: 1, found };
}
