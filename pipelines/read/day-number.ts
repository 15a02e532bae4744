/**
 * A year column holding a number like 45292 is most often a date that lost its format: Excel
 * stores a date as its day number (1900 system: 45292 is 01-01-2024), and a CSV export or a
 * paste as values writes that number. The messages about an implausible year say so.
 */

/**
 * Day numbers of 01-01-1950 to 31-12-2100 in Excel's 1900 date system: dates a year column's
 * data could be about. Smaller numbers are years mistyped (1720), not dates.
 */
const FIRST = 18264;
const LAST = 73415;

/** ` Er det en dato gemt som dagnummer (45292 er 01-01-2024)?`, or '' for a number that is none. */
export function dayNumberHint(value: number): string {
	if (!Number.isInteger(value) || value < FIRST || value > LAST) return '';
	// Day 25569 is 01-01-1970 (Excel counts a 29-02-1900 that never was, long before FIRST).
	const date = new Date((value - 25569) * 86_400_000);
	const dd = String(date.getUTCDate()).padStart(2, '0');
	const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
	return ` Er det en dato gemt som Excels dagnummer (${value} er ${dd}-${mm}-${date.getUTCFullYear()})? Skriv årstallet.`;
}
