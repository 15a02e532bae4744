/**
 * Danish and English numbers as spreadsheets write them.
 *
 * The rule, per file (documented in data/README.md):
 * - A file's decimal mark follows its separator: `,` in a `;`- or tab-separated file, `.` in a
 *   `,`-separated file.
 * - Empty, spaces only, or a lone `-` means "missing" (NaN here).
 * - A number may start with `-`, `−` (U+2212) or `+`, and may end with an exponent (`1,5E+03`).
 * - With both marks in one number, the last one is the decimal mark and the other groups
 *   thousands: `1.234,5` and `1,234.5` are both 1234.5.
 * - With one mark occurring several times it groups thousands: `1.234.567`.
 * - With one mark occurring once: the file's decimal mark is a decimal (`12,5` in a `;` file);
 *   the other mark is a thousands separator when it can be one, that is, exactly three digits
 *   follow it and one to three digits, not starting with 0, come before it; else it is a decimal.
 *   So in a `;` file `1.234` is 1234, but `12.5`, `0.250` and `1234.567` are decimals (12,5;
 *   0,25; 1234,567); in a `,` file `1.234` is 1.234.
 * - That one case, the other mark once between 1-3 digits and exactly three (`1.234`, `12.345`,
 *   `-999.500` in a `;` file), is ambiguous: `ambiguousGroup` tells it, and the column decides
 *   (decimal-marks.ts): by its meaning (lat/lon and scores cannot be thousands, whole counts
 *   cannot be decimals) or by its other cells. This function reads it as thousands.
 * - Spaces (also no-break and narrow no-break spaces) may group thousands: `1 234`.
 * Anything else (`12 kr`, `tolv`, `12,5%`) is not a number: null.
 *
 * The fast path reads digits straight from the source string between two offsets, so the CSV
 * reader need not cut a string per cell. mantissa / 10^k is exact to the last bit for up to 15
 * digits (both are exact doubles and IEEE division rounds correctly), the same as Number('12.5').
 */

/** Char code of the decimal mark: 44 for `,`, 46 for `.`. */
export type DecimalMark = 44 | 46;
export const COMMA: DecimalMark = 44;
export const POINT: DecimalMark = 46;

const POW10 = [1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

function isSpace(c: number): boolean {
	return c === 32 || c === 9 || c === 0xa0 || c === 0x202f;
}

/** What parseNumberInto found. */
export const NUMBER = 0;
export const MISSING = 1;
export const NOT_A_NUMBER = 2;

/**
 * Parse s[start, end) into out[index]: a finite number (returns NUMBER), NaN for missing (returns
 * MISSING), or NaN when it is not a number (returns NOT_A_NUMBER). Writing into the caller's
 * typed array instead of returning the double keeps V8 from boxing every result on the heap.
 */
export function parseNumberInto(s: string, start: number, end: number, mark: DecimalMark, out: Float64Array, index: number): number {
	// The common cell, kept small so V8 inlines it into the caller's loop: up to 15 characters of
	// digits with at most one mark inside. Everything else takes the general path below.
	if (start === end || end - start > 15) return parseGeneral(s, start, end, mark, out, index);
	let mantissa = 0;
	let fraction = -1;
	let separator = 0;
	let integerDigits = 0;
	for (let i = start; i < end; i++) {
		const c = s.charCodeAt(i);
		const digit = c - 48;
		if (digit >= 0 && digit <= 9) {
			mantissa = mantissa * 10 + digit;
			if (fraction >= 0) fraction++;
		} else if ((c === 44 || c === 46) && fraction < 0 && i > start) {
			fraction = 0;
			separator = c;
			integerDigits = i - start;
		} else return parseGeneral(s, start, end, mark, out, index);
	}
	if (fraction === 0) return parseGeneral(s, start, end, mark, out, index);
	const group = separator !== mark && fraction === 3 && canGroup(s, start, integerDigits);
	out[index] = fraction < 0 || group ? mantissa : mantissa / POW10[fraction]!;
	return NUMBER;
}

/** Blanks, signs, groups, exponents, long numbers, and non-numbers. */
function parseGeneral(s: string, start: number, end: number, mark: DecimalMark, out: Float64Array, index: number): number {
	let i = start;
	let j = end;
	while (i < j && isSpace(s.charCodeAt(i))) i++;
	while (j > i && isSpace(s.charCodeAt(j - 1))) j--;
	out[index] = NaN;
	if (i === j) return MISSING;
	let c = s.charCodeAt(i);
	let negative = false;
	if (c === 45 || c === 0x2212) {
		if (j - i === 1) return MISSING;
		negative = true;
		i++;
	} else if (c === 43) i++;
	const bodyStart = i;
	let mantissa = 0;
	let digits = 0;
	let fraction = -1;
	let separator = 0;
	let integerDigits = 0;
	for (; i < j; i++) {
		c = s.charCodeAt(i);
		if (c >= 48 && c <= 57) {
			mantissa = mantissa * 10 + (c - 48);
			digits++;
			if (fraction >= 0) fraction++;
		} else if ((c === 44 || c === 46) && fraction < 0 && digits > 0) {
			fraction = 0;
			separator = c;
			integerDigits = digits;
		} else {
			return slowInto(s.slice(bodyStart, j), negative, mark, out, index);
		}
	}
	if (digits === 0 || digits > 15 || fraction === 0) return slowInto(s.slice(bodyStart, j), negative, mark, out, index);
	let value: number;
	if (fraction < 0) value = mantissa;
	else if (separator !== mark && fraction === 3 && canGroup(s, bodyStart, integerDigits)) value = mantissa;
	else value = mantissa / POW10[fraction]!;
	out[index] = negative ? -value : value;
	return NUMBER;
}

function slowInto(body: string, negative: boolean, mark: DecimalMark, out: Float64Array, index: number): number {
	const value = slowParse(body, negative, mark);
	if (value === null) return NOT_A_NUMBER;
	out[index] = value;
	return NUMBER;
}

/**
 * Whether the `digits` digits at s[start] can be the first group of a number grouped in
 * thousands: one to three digits, not starting with 0 (nobody writes 0.250 for 250).
 */
function canGroup(s: string, start: number, digits: number): boolean {
	return digits >= 1 && digits <= 3 && s.charCodeAt(start) !== 48;
}

/** How a number cell uses the two marks, for the column's decision (decimal-marks.ts). */
export const NO_MARK = 0;
/** The file's own convention: its decimal mark as a decimal, or the other mark grouping for sure. */
export const OWN_MARKS = 1;
/** The other mark as a decimal for sure: `12.5`, `0.250`, `1.234,5` read the other way round. */
export const OTHER_DECIMAL = 2;
/** The other mark once between 1-3 digits and exactly three: `1.234` (numbers.ts reads 1234). */
export const AMBIGUOUS = 3;

/**
 * Which of the above a number cell s[start, end) is. Only its digits and marks count; the cell
 * must be one that parseNumberInto read as a number.
 */
export function markUse(s: string, start: number, end: number, mark: DecimalMark): number {
	let own = 0;
	let other = 0;
	let lastMark = 0;
	let before = 0;
	let after = 0;
	let first = -1;
	for (let i = start; i < end; i++) {
		const c = s.charCodeAt(i);
		if (c === 44 || c === 46) {
			if (c === mark) own++;
			else other++;
			lastMark = c;
			after = 0;
		} else if (c >= 48 && c <= 57) {
			if (first < 0) first = i;
			if (own + other === 0) before++;
			else after++;
		} else if (c === 101 || c === 69) break; // an exponent: the mantissa's marks decide
	}
	if (own + other === 0) return NO_MARK;
	if (own > 0 && other > 0) return lastMark === mark ? OWN_MARKS : OTHER_DECIMAL;
	if (own > 1) return OTHER_DECIMAL; // the file's own mark grouping: the other one is its decimal
	if (own === 1) return OWN_MARKS;
	if (other > 1) return OWN_MARKS;
	if (after === 3 && before <= 3 && s.charCodeAt(first) !== 48) return AMBIGUOUS;
	return OTHER_DECIMAL;
}

const scratch = new Float64Array(1);

/** The number in s[start, end): a finite number, NaN for missing, or null when not a number. */
export function parseNumber(s: string, start: number, end: number, mark: DecimalMark): number | null {
	return parseNumberInto(s, start, end, mark, scratch, 0) === NOT_A_NUMBER ? null : scratch[0]!;
}

/** Convenience for whole strings. */
export function parseNumberText(text: string, mark: DecimalMark): number | null {
	return parseNumber(text, 0, text.length, mark);
}

const SPACE = /[ \u00a0\u202f]/;
const SPACES = /[ \u00a0\u202f]/g;
const SPACE_GROUPS = /^\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
const SHAPE = /^(\d[\d.,]*)(?:[eE]([+-]?\d+))?$/;

/** Everything the fast path does not take: groups, exponents, long numbers, and non-numbers. */
function slowParse(body: string, negative: boolean, mark: DecimalMark): number | null {
	if (SPACE.test(body)) {
		if (!SPACE_GROUPS.test(body)) return null;
		body = body.replace(SPACES, '');
	}
	const shape = SHAPE.exec(body);
	if (!shape) return null;
	const core = shape[1]!;
	const exponent = shape[2] ?? '0';
	const commas = count(core, ',');
	const points = count(core, '.');
	let integer: string;
	let fraction = '';
	if (commas > 0 && points > 0) {
		const decimal = core.lastIndexOf(',') > core.lastIndexOf('.') ? ',' : '.';
		const group = decimal === ',' ? '.' : ',';
		const at = core.lastIndexOf(decimal);
		if (count(core, decimal) > 1) return null;
		integer = core.slice(0, at);
		fraction = core.slice(at + 1);
		if (fraction === '') return null;
		if (!groupedThousands(integer, group)) return null;
		integer = integer.split(group).join('');
	} else if (commas + points > 1) {
		const group = commas > 0 ? ',' : '.';
		if (!groupedThousands(core, group)) return null;
		integer = core.split(group).join('');
	} else if (commas + points === 1) {
		const sep = commas === 1 ? ',' : '.';
		const at = core.indexOf(sep);
		integer = core.slice(0, at);
		fraction = core.slice(at + 1);
		if (fraction === '') return null;
		const markChar = mark === 44 ? ',' : '.';
		if (sep !== markChar && fraction.length === 3 && shape[2] === undefined && canGroup(integer, 0, integer.length)) {
			integer += fraction;
			fraction = '';
		}
	} else {
		integer = core;
	}
	if (!/^\d+$/.test(integer) || !/^\d*$/.test(fraction)) return null;
	const value = Number(`${integer}.${fraction || '0'}e${exponent}`);
	if (!Number.isFinite(value)) return null;
	return negative ? -value : value;
}

function count(text: string, char: string): number {
	let n = 0;
	for (let i = text.indexOf(char); i !== -1; i = text.indexOf(char, i + 1)) n++;
	return n;
}

/** `1.234.567` with group `.`: one to three digits, then groups of exactly three. */
function groupedThousands(text: string, group: string): boolean {
	const parts = text.split(group);
	if (!/^\d{1,3}$/.test(parts[0]!)) return false;
	return parts.slice(1).every((p) => /^\d{3}$/.test(p));
}

/** A number as a Danish reader writes it in a message: decimal comma, no grouping. */
export function formatDanish(value: number): string {
	return String(value).replace('.', ',');
}
