/**
 * The words of the work file and its bar, Danish first, English mirroring the keys (the type
 * says so). Messages about a file name the place in it as a path (`maaludkast[2].maalvaerdi`) and
 * say what was expected and what was found, as the pipeline's messages do. The details from the
 * rule and target checks (focus/validate.ts, targets/check-target.ts) come in the same language.
 */
import type { Lang } from '../i18n/lang.ts';

function foundDa(value: unknown): string {
	if (value === undefined) return 'ingenting';
	if (typeof value === 'string') return `"${value.length > 40 ? value.slice(0, 40) + '…' : value}"`;
	if (Array.isArray(value)) return 'en liste';
	if (value === null) return 'null';
	if (typeof value === 'object') return 'et objekt';
	return String(value);
}

function foundEn(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'object' && value !== null) return 'an object';
	return foundDa(value);
}

const megabytes = (bytes: number, lang: Lang) =>
	(bytes / 1024 / 1024).toLocaleString(lang === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 1 });
const quoted = (items: readonly string[]) => items.map((i) => `"${i}"`).join(', ');

const da = {
	// Reading the file
	notJson: (detail: string) => `Filen er ikke gyldig JSON (${detail}); en arbejdsfil er en .json-fil, som "Gem arbejde" har skrevet.`,
	tooBig: (size: number, max: number) =>
		`Filen fylder ${megabytes(size, 'da')} MB; en arbejdsfil fylder højst ${megabytes(max, 'da')} MB. Er det den rigtige fil?`,
	notOurs: (expected: string, value: unknown) =>
		`Filen er ikke en arbejdsfil fra Boligbarometer: forventede "format": "${expected}" øverst i filen, fandt ${foundDa(value)}.`,
	ruleFileHint: 'Det er en fil med fokusregler; den indlæses under Fokusliste med "Indlæs regler (JSON)".',
	newerVersion: (found: number, supported: number) =>
		`Filen er skrevet af en nyere udgave af Boligbarometer (formatversion ${found}); denne udgave læser version ${supported}. Brug den nyeste udgave af dashboardet.`,
	field: (path: string, expected: string, value: unknown) => `${path}: forventede ${expected}, fandt ${foundDa(value)}`,
	unknownField: (path: string, expected: readonly string[]) => `${path}: ukendt felt; forventede et af ${quoted(expected)}`,
	unknownSection: (path: string, expected: readonly string[]) => `${path}: ukendt punkt; forventede et af ${quoted(expected)}`,
	tooMany: (path: string, max: number, count: number) => `${path}: højst ${max} stk., fandt ${count}`,
	tooLong: (path: string, max: number, length: number) =>
		`${path}: højst ${max.toLocaleString('da-DK')} tegn, fandt ${length.toLocaleString('da-DK')}`,
	targetProblem: (path: string, id: string, problem: string) => `${path}${id ? ` (${id})` : ''}: ${problem}`,
	duplicateTarget: (path: string, id: string) => `${path}: målets id "${id}" står der allerede`,
	rulesProblem: (problem: string) => `fokusregler: ${problem}`,
	moreProblems: (n: number) => `… og ${n} fejl mere.`,
	expected: {
		text: 'en tekst',
		object: 'et objekt',
		list: 'en liste',
		kode: 'en kommunekode med fire cifre, fx "0751"',
		year: (from: number, to: number) => `et årstal fra ${from} til ${to}`,
		version: 'et helt tal fra 1',
		id: 'et id på 1 til 100 tegn',
		rulesOrNull: 'fokusregler eller null',
		oneOf: (options: readonly string[]) => `en af ${quoted(options)}`
	},
	// Checking it against the data on the page
	wrongMunicipality: (fileKode: string, fileName: string, pageKode: string, pageName: string) =>
		`Filen er til ${fileName} (kommunekode ${fileKode}), men siden viser ${pageName} (${pageKode}). Vælg ${fileName} øverst, og åbn filen igen.`,
	wrongYear: (fileYear: number, pageYear: number) =>
		`Filen er til året ${fileYear}, men siden viser ${pageYear}. Vælg ${fileYear} øverst, og åbn filen igen.`,
	yearNotInData: (fileYear: number, years: readonly number[]) =>
		`Filen er til året ${fileYear}, som data ikke har; data har årene ${years.join(', ')}.`,
	indicatorLacking: (path: string, id: string, indicator: string, available: readonly string[]) =>
		`${path} (${id}): nøgletallet "${indicator}" findes ikke i data; forventede et af ${quoted(available)}`,
	kommuneTarget: (path: string, id: string, found: string, kode: string) =>
		`${path} (${id}): et mål for kommunen skal have enhed_id "${kode}", fandt "${found}"`,
	// Notices: opened, and kept
	organisationMissing: (id: string) =>
		`Boligorganisation "${id}" findes ikke længere i data for kommunen; teksterne til den er bevaret i arbejdet og kommer med, når det gemmes.`,
	unitMissing: (id: string, level: string, unit: string) =>
		`Målet ${id} gælder ${level} "${unit}", som ikke findes i data for kommunen; målet er bevaret, men kan ikke følges i tallene.`,
	// The bar
	barLabel: 'Dit arbejde',
	save: 'Gem arbejde',
	open: 'Åbn arbejde',
	saveHint: (name: string) => `Henter ${name} med tekster, mødeoplysninger, udkast til mål og fokusregler (ingen tal om beboere).`,
	openHint: 'Åbn en arbejdsfil, der er gemt med "Gem arbejde", fx på en anden computer eller fra en kollega.',
	savedInBrowser: (time: string) => `Gemt i browseren ${time}`,
	notInBrowser: 'Kan ikke gemmes i browseren (privat vindue eller fuld lagerplads); gem arbejdet i en fil.',
	nothingYet: 'Intet skrevet endnu.',
	unsaved: 'Ændringer, der ikke er gemt i en fil',
	savedInFile: (time: string) => `Alt er gemt i en fil (${time})`,
	openedFile: (name: string) => `Åbnede ${name}.`,
	openFailed: (name: string) => `${name} blev ikke åbnet, og intet er ændret:`,
	confirmTitle: (name: string) => `Du har ændringer, der ikke er gemt i en fil. Åbner du ${name}, erstatter filens indhold dem.`,
	confirmSaveFirst: 'Gem mine ændringer først',
	confirmReplace: 'Åbn filen og erstat',
	cancel: 'Fortryd',
	leaveWarning: 'Du har ændringer, der ikke er gemt i en fil. Vil du forlade siden?',
	close: 'Luk'
};

export type WorkMessages = typeof da;

const en: WorkMessages = {
	notJson: (detail) => `The file is not valid JSON (${detail}); a work file is a .json file written by "Save work".`,
	tooBig: (size, max) =>
		`The file is ${megabytes(size, 'en')} MB; a work file is at most ${megabytes(max, 'en')} MB. Is it the right file?`,
	notOurs: (expected, value) =>
		`The file is not a Boligbarometer work file: expected "format": "${expected}" at the top, found ${foundEn(value)}.`,
	ruleFileHint: 'It is a focus rules file; load it on the Focus list with "Indlæs regler (JSON)".',
	newerVersion: (found, supported) =>
		`The file was written by a newer Boligbarometer (format version ${found}); this one reads version ${supported}. Use the latest dashboard.`,
	field: (path, expected, value) => `${path}: expected ${expected}, found ${foundEn(value)}`,
	unknownField: (path, expected) => `${path}: unknown field; expected one of ${quoted(expected)}`,
	unknownSection: (path, expected) => `${path}: unknown section; expected one of ${quoted(expected)}`,
	tooMany: (path, max, count) => `${path}: at most ${max}, found ${count}`,
	tooLong: (path, max, length) => `${path}: at most ${max.toLocaleString('en-GB')} characters, found ${length.toLocaleString('en-GB')}`,
	targetProblem: (path, id, problem) => `${path}${id ? ` (${id})` : ''}: ${problem}`,
	duplicateTarget: (path, id) => `${path}: the target id "${id}" occurs twice`,
	rulesProblem: (problem) => `fokusregler (focus rules): ${problem}`,
	moreProblems: (n) => `… and ${n} more.`,
	expected: {
		text: 'a text',
		object: 'an object',
		list: 'a list',
		kode: 'a four-digit municipality code such as "0751"',
		year: (from, to) => `a year from ${from} to ${to}`,
		version: 'a whole number from 1',
		id: 'an id of 1 to 100 characters',
		rulesOrNull: 'focus rules or null',
		oneOf: (options) => `one of ${quoted(options)}`
	},
	wrongMunicipality: (fileKode, fileName, pageKode, pageName) =>
		`The file is for ${fileName} (municipality code ${fileKode}), but the page shows ${pageName} (${pageKode}). Choose ${fileName} at the top and open the file again.`,
	wrongYear: (fileYear, pageYear) =>
		`The file is for ${fileYear}, but the page shows ${pageYear}. Choose ${fileYear} at the top and open the file again.`,
	yearNotInData: (fileYear, years) => `The file is for ${fileYear}, which the data lacks; the data has ${years.join(', ')}.`,
	indicatorLacking: (path, id, indicator, available) =>
		`${path} (${id}): the key figure "${indicator}" is not in the data; expected one of ${quoted(available)}`,
	kommuneTarget: (path, id, found, kode) => `${path} (${id}): a target for the municipality must have enhed_id "${kode}", found "${found}"`,
	organisationMissing: (id) =>
		`Housing organisation "${id}" is no longer in the municipality's data; its texts are kept in the work and saved with it.`,
	unitMissing: (id, level, unit) =>
		`Target ${id} concerns ${level} "${unit}", which is not in the municipality's data; the target is kept but cannot be followed in the figures.`,
	barLabel: 'Your work',
	save: 'Save work',
	open: 'Open work',
	saveHint: (name) => `Downloads ${name} with texts, meeting details, draft targets and focus rules (no figures about residents).`,
	openHint: 'Open a work file saved with "Save work", for instance on another computer or from a colleague.',
	savedInBrowser: (time) => `Saved in this browser ${time}`,
	notInBrowser: 'Cannot be saved in this browser (private window or storage full); save the work to a file.',
	nothingYet: 'Nothing written yet.',
	unsaved: 'Changes not saved to a file',
	savedInFile: (time) => `Everything is saved to a file (${time})`,
	openedFile: (name) => `Opened ${name}.`,
	openFailed: (name) => `${name} was not opened, and nothing has changed:`,
	confirmTitle: (name) => `You have changes not saved to a file. Opening ${name} replaces them with the file's content.`,
	confirmSaveFirst: 'Save my changes first',
	confirmReplace: 'Open the file and replace',
	cancel: 'Cancel',
	leaveWarning: 'You have changes not saved to a file. Leave the page?',
	close: 'Close'
};

export function workMessages(lang: Lang): WorkMessages {
	return lang === 'en' ? en : da;
}
