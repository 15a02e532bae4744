/**
 * A small JSON scanner for two things JSON.parse does not give: where a syntax error is, as line
 * and column (V8's messages differ between Node versions and often name no position), and where
 * each feature of a GeoJSON FeatureCollection starts, so a message about feature 17 can point at
 * its line, and where the top-level "crs" member is. Iterative with an explicit stack, so deeply nested input cannot overflow the call stack.
 */

export interface JsonScan {
	/** Offset of the first syntax error, or -1 when the text is valid JSON. */
	errorOffset: number;
	/** What was found at the error, in Danish: `"}"`, `filens slutning`. */
	found: string;
	/** Offsets of the elements of the top-level object's "features" array (the last such key). */
	features: number[];
	/** Offset of the top-level "crs" member's value (the coordinate system), or -1. */
	crs: number;
}

const OBJECT = 1;
const ARRAY = 2;

export function scanJson(text: string): JsonScan {
	const length = text.length;
	const stack: number[] = [];
	let features: number[] = [];
	let featuresDepth = -1;
	let lastTopKey = '';
	let crs = -1;
	let i = 0;
	let state: 'value' | 'key' | 'after' = 'value';

	const skip = () => {
		while (i < length) {
			const c = text.charCodeAt(i);
			if (c === 32 || c === 9 || c === 10 || c === 13) i++;
			else break;
		}
	};
	const fail = (): JsonScan => ({
		errorOffset: i,
		found: i >= length ? 'filens slutning' : `"${text[i]}"`,
		features: [],
		crs: -1
	});

	for (;;) {
		skip();
		if (state === 'value') {
			if (featuresDepth === stack.length && stack[stack.length - 1] === ARRAY) features.push(i);
			if (stack.length === 1 && stack[0] === OBJECT && lastTopKey === 'crs') crs = i;
			const c = text[i];
			if (c === '{') {
				stack.push(OBJECT);
				i++;
				skip();
				if (text[i] === '}') {
					i++;
					stack.pop();
					state = 'after';
				} else state = 'key';
			} else if (c === '[') {
				if (stack.length === 1 && lastTopKey === 'features') {
					features = [];
					featuresDepth = 2;
				}
				stack.push(ARRAY);
				i++;
				skip();
				if (text[i] === ']') {
					i++;
					stack.pop();
					state = 'after';
				}
			} else if (c === '"') {
				if (!scanString()) return fail();
				state = 'after';
			} else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
				if (!scanNumber()) return fail();
				state = 'after';
			} else if (text.startsWith('true', i) || text.startsWith('null', i)) {
				i += 4;
				state = 'after';
			} else if (text.startsWith('false', i)) {
				i += 5;
				state = 'after';
			} else return fail();
		} else if (state === 'key') {
			if (text[i] !== '"') return fail();
			const start = i + 1;
			if (!scanString()) return fail();
			if (stack.length === 1) lastTopKey = text.slice(start, i - 1);
			skip();
			if (text[i] !== ':') return fail();
			i++;
			state = 'value';
		} else {
			if (stack.length === 0) {
				if (i < length) return fail();
				return { errorOffset: -1, found: '', features, crs };
			}
			const top = stack[stack.length - 1];
			const c = text[i];
			if (c === ',') {
				i++;
				state = top === OBJECT ? 'key' : 'value';
			} else if ((top === OBJECT && c === '}') || (top === ARRAY && c === ']')) {
				i++;
				stack.pop();
				if (stack.length < featuresDepth) featuresDepth = -1;
			} else return fail();
		}
	}

	/** From an opening quote to just past the closing one; false (i at the fault) if invalid. */
	function scanString(): boolean {
		i++;
		while (i < length) {
			const c = text.charCodeAt(i);
			if (c === 34) {
				i++;
				return true;
			}
			if (c < 32) return false;
			if (c === 92) {
				const e = text[i + 1];
				if (e === 'u') {
					if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return false;
					i += 6;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i += 2;
				else {
					i++;
					return false;
				}
			} else i++;
		}
		return false;
	}

	function scanNumber(): boolean {
		const match = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
		match.lastIndex = i;
		if (!match.exec(text)) return false;
		i = match.lastIndex;
		return true;
	}
}

/** 1-based line and column of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let lineStart = 0;
	for (let k = 0; k < offset && k < text.length; k++) {
		const c = text.charCodeAt(k);
		if (c === 10 || (c === 13 && text.charCodeAt(k + 1) !== 10)) {
			line++;
			lineStart = k + 1;
		}
	}
	return { line, column: offset - lineStart + 1 };
}
