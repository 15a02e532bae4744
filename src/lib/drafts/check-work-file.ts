/**
 * A read work file (read-work-file.ts) against the data the page shows. Refused (errors): a file
 * for another municipality or year, a target on a key figure the data lacks, a municipality
 * target naming another municipality. Opened with a notice (the supervisor's words are never
 * dropped): texts for an organisation, and targets on a department, area or organisation, that
 * the municipality's data no longer holds; they stay in the work and in the next saved file.
 */
import { LEVEL_NAME, type TargetLevel } from '../core/target.ts';
import type { IndicatorId } from '../core/indicators.ts';
import type { Lang } from '../i18n/lang.ts';
import { workMessages } from './messages.ts';
import { compactWork } from './work.ts';
import type { WorkFile } from './work-file.ts';

/** What the page knows about the data, to check a file against. */
export interface DataContext {
	kode: string;
	/** The page's municipality as a heading names it, "Aarhus Kommune". */
	kommuneLabel: string;
	year: number;
	/** Every year the data has. */
	years: readonly number[];
	/** A municipality's label by code, for naming the file's municipality. */
	labelOf: (kode: string) => string | null;
	organisations: ReadonlySet<string>;
	departments: ReadonlySet<string>;
	areas: ReadonlySet<string>;
	indicators: readonly IndicatorId[];
}

export interface FileCheck {
	errors: string[];
	notices: string[];
}

const ENGLISH_LEVEL: Record<TargetLevel, string> = {
	afdeling: 'department',
	omraade: 'area',
	boligorganisation: 'housing organisation',
	kommune: 'municipality'
};

export function checkWorkFile(file: WorkFile, data: DataContext, lang: Lang = 'da'): FileCheck {
	const m = workMessages(lang);
	const errors: string[] = [];
	const notices: string[] = [];
	if (file.kode !== data.kode) {
		errors.push(m.wrongMunicipality(file.kode, data.labelOf(file.kode) ?? file.kode, data.kode, data.kommuneLabel));
	}
	if (file.year !== data.year) {
		errors.push(data.years.includes(file.year) ? m.wrongYear(file.year, data.year) : m.yearNotInData(file.year, data.years));
	}
	// Units and key figures only mean something once the file is for this municipality.
	if (errors.length) return { errors, notices };

	const units: Record<TargetLevel, ReadonlySet<string>> = {
		afdeling: data.departments,
		omraade: data.areas,
		boligorganisation: data.organisations,
		kommune: new Set([data.kode])
	};
	file.work.targets.forEach((t, i) => {
		const path = `maaludkast[${i}]`;
		if (!data.indicators.includes(t.indikator)) errors.push(m.indicatorLacking(path, t.maal_id, t.indikator, data.indicators));
		if (t.niveau === 'kommune') {
			if (t.enhed_id !== data.kode) errors.push(m.kommuneTarget(path, t.maal_id, t.enhed_id, data.kode));
		} else if (!units[t.niveau].has(t.enhed_id)) {
			notices.push(m.unitMissing(t.maal_id, lang === 'en' ? ENGLISH_LEVEL[t.niveau] : LEVEL_NAME[t.niveau], t.enhed_id));
		}
	});
	for (const id of Object.keys(compactWork(file.work).organisations))
		if (!data.organisations.has(id)) notices.push(m.organisationMissing(id));
	return { errors, notices };
}
