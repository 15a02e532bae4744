/**
 * The housing type in the page's language (issue 11): the register's three types have an English
 * word, anything else the register holds is the data's own word and stands as it is, and the
 * department table's download says the same as the page.
 */
import { describe, expect, it } from 'vitest';
import type { DepartmentRow } from '../../src/lib/core/output-contract.ts';
import { indicator } from '../../src/lib/core/indicators.ts';
import { departmentsTable } from '../../src/lib/download/page-tables.ts';
import { housingTypeName } from '../../src/lib/i18n/housing-type-name.ts';
import { strings } from '../../src/lib/i18n/strings.ts';

describe('housingTypeName', () => {
	it('says the known types in English and leaves Danish as the register writes them', () => {
		expect(['familie', 'ældre', 'ungdom'].map((v) => housingTypeName(v, strings('en')))).toEqual([
			'family housing',
			'housing for the elderly',
			'youth housing'
		]);
		expect(['familie', 'ældre', 'ungdom'].map((v) => housingTypeName(v, strings('da')))).toEqual(['familie', 'ældre', 'ungdom']);
	});

	it('keeps a value it does not know and gives none for a missing one', () => {
		expect(housingTypeName('<b>bofællesskab</b> 🏠', strings('en'))).toBe('<b>bofællesskab</b> 🏠');
		expect(housingTypeName('Familie', strings('en'))).toBe('Familie'); // not the register's word: not guessed
		expect(housingTypeName(null, strings('en'))).toBeNull();
		expect(housingTypeName('', strings('en'))).toBeNull();
	});
});

describe('the department table download', () => {
	const row = (afdeling_id: string, boligtype: string | null): DepartmentRow => ({
		afdeling_id,
		afdeling_navn: `Afdeling ${afdeling_id}`,
		boligorganisation_id: '2101',
		boligorganisation_navn: 'Boligselskabet',
		kommune_kode: '0751',
		kommune_navn: 'Aarhus',
		omraade_id: null,
		omraade_navn: null,
		boligtype,
		opfoerelsesaar: 1970,
		lat: null,
		lon: null
	});
	const departments = [row('1', 'ungdom'), row('2', 'ældre'), row('3', null)];

	for (const [lang, words] of [
		['en', ['youth housing', 'housing for the elderly', null]],
		['da', ['ungdom', 'ældre', null]]
	] as const) {
		it(`names the housing type in ${lang}`, () => {
			const table = departmentsTable(departments, null, indicator('fraflytning'), 2024, lang, { organisation: false, area: false });
			const column = table.columns.findIndex((c) => c.header === strings(lang).housingType);
			expect(column).toBeGreaterThan(0);
			expect(table.rows.map((r) => r[column])).toEqual(words);
		});
	}
});
