/**
 * Checks across files: key figures against the register, the register against the key figures
 * and the area polygons. Run after every file has been read on its own.
 */
import type { DepartmentRegister } from './read-departments.ts';
import type { DepartmentIds } from './read-key-figures.ts';
import { quoted, type IssueCollector } from './issues.ts';

export interface CrossCheckInput {
	/** null when afdelinger.csv is missing or could not be read: nothing to check against. */
	register: DepartmentRegister | null;
	ids: DepartmentIds;
	rowsPerDepartment: Int32Array;
	/** True when at least one key-figure file was read. */
	keyFiguresRead: boolean;
	/** True when a key-figure file lost rows to errors: a department may have figures after all. */
	keyFiguresIncomplete: boolean;
	/** Ids in omraader.geojson; null when the file is not given or could not be read. */
	areaIds: Set<string> | null;
	registerFile: string;
	areaFile: string;
}

export function crossCheck(input: CrossCheckInput, issues: IssueCollector): void {
	const { register, ids, registerFile } = input;
	if (!register) return;
	// A register that lost lines to broken quoting would make their departments "unknown" here:
	// that repeats the error already reported, so wait until the register reads cleanly.
	const registerComplete = register.info !== null && register.info.dropped === 0;

	// Key figures for a department the register does not have: one error per department, at the
	// first line it appears, so a wrong id over 16 years is one message, not 16.
	for (let d = 0; registerComplete && d < ids.ids.length; d++) {
		const id = ids.ids[d]!;
		if (register.byId.has(id)) continue;
		if (!issues.wants('error')) {
			issues.drop('error', ids.firstFile[d]!, ids.firstLine[d]!, ids.firstColumn[d]!);
			continue;
		}
		const rows = input.rowsPerDepartment[d]!;
		issues.add({
			severity: 'error',
			code: 'unknown-department',
			file: ids.firstFile[d]!,
			line: ids.firstLine[d]!,
			column: ids.firstColumn[d]!,
			message: `Afdelingen ${quoted(id)} findes ikke i ${registerFile}: forventede et afdeling_id fra registret, fandt ${quoted(id)} i ${rows} ${rows === 1 ? 'linje' : 'linjer'} (første gang her).`,
			expected: `et afdeling_id fra ${registerFile}`,
			found: id
		});
	}

	if (input.keyFiguresRead && !input.keyFiguresIncomplete) {
		for (const department of register.departments) {
			if (ids.index.has(department.afdeling_id)) continue;
			if (!issues.wants('warning')) {
				issues.drop('warning', registerFile, department.source.line, register.idColumn);
				continue;
			}
			issues.add({
				severity: 'warning',
				code: 'department-without-key-figures',
				file: registerFile,
				line: department.source.line,
				column: register.idColumn,
				message: `Afdelingen ${quoted(department.afdeling_id)} har ingen nøgletal: forventede mindst én linje med dens afdeling_id i en noegletal-fil, fandt ingen.`,
				expected: 'mindst én linje nøgletal',
				found: 'ingen'
			});
		}
	}

	if (input.areaIds) {
		const reported = new Set<string>();
		for (const department of register.departments) {
			const area = department.omraade_id;
			if (area === null || input.areaIds.has(area) || reported.has(area)) continue;
			reported.add(area);
			if (!issues.wants('warning')) {
				issues.drop('warning', registerFile, department.source.line, register.areaColumn);
				continue;
			}
			issues.add({
				severity: 'warning',
				code: 'area-without-polygon',
				file: registerFile,
				line: department.source.line,
				column: register.areaColumn,
				message: `Området ${quoted(area)} har intet polygon i ${input.areaFile}: forventede et område med omraade_id ${quoted(area)}, fandt ingen. Området kan ikke vises på kortet.`,
				expected: `omraade_id ${area} i ${input.areaFile}`,
				found: 'ingen'
			});
		}
	}
}
