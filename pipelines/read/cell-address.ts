/**
 * Excel's names for places in a workbook, as a user types them into Excel's name box: `C17` for
 * column 3 of row 17, `'Mit ark'!C17` for a cell in a sheet whose name needs quoting.
 */

/** 1 → A, 3 → C, 27 → AA (bijective base 26, as Excel counts columns). */
export function columnLetters(column: number): string {
	let letters = '';
	for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

/**
 * The sheet name as a formula writes it before `!`: plain when it is letters, digits, `_` and `.`
 * starting with a letter (`Ark1`, `Nøgletal`), else in single quotes with `'` doubled.
 */
export function sheetReference(sheet: string): string {
	return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * A position in a sheet: `Ark1!C17` for a cell, `Ark1!17:17` for a whole row (column 0), `Ark1`
 * for the whole sheet (row 0).
 */
export function sheetPosition(sheet: string, line: number, column: number): string {
	const name = sheetReference(sheet);
	if (line === 0) return name;
	if (column === 0) return `${name}!${line}:${line}`;
	return `${name}!${columnLetters(column)}${line}`;
}
