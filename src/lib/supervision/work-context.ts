/**
 * What an opened work file is checked against (drafts/check-work-file.ts): the municipality, year
 * and units of the assessment the page shows, and the key figures the data has.
 */
import type { DataContext } from '../drafts/check-work-file.ts';
import type { WebIndex } from '../core/output-contract.ts';
import type { Strings } from '../i18n/strings.ts';
import type { Assessment } from './assess.ts';

export function workContext(a: Assessment, index: WebIndex, t: Strings): DataContext {
	const { data } = a;
	const labelOf = (kode: string): string | null => {
		const k = index.kommuner.find((x) => x.kode === kode);
		return k ? t.municipalityOf(k.navn) : null;
	};
	return {
		kode: data.kommune.kode,
		// In the page's language: the assessment of a Danish document (the agendas) names it in Danish.
		kommuneLabel: labelOf(data.kommune.kode) ?? data.kommune.navn,
		year: data.year,
		years: index.years,
		labelOf,
		organisations: new Set(data.organisations.map((o) => o.id)),
		departments: new Set(data.departments.map((d) => d.id)),
		areas: new Set(data.areas.map((x) => x.id)),
		indicators: data.indicators
	};
}
