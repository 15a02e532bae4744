/**
 * A title typed above the table ("Nøgletal 2024" in line 1, the column names in line 2) is read as
 * the header, as the first line with content is; every missing column's error then says what is
 * most likely wrong and what to do. A header that merely lacks a column gets no such advice.
 */
import { describe, expect, it } from 'vitest';
import { mapHeaders } from '../../pipelines/read/headers.ts';
import { IssueCollector } from '../../pipelines/read/issues.ts';

const ADVICE =
	'Står der en titel ("Nøgletal 2024") over kolonnenavnene? Så slet den: kolonnenavnene skal stå i den første linje med indhold.';

function messages(fields: string[]): string[] {
	const issues = new IssueCollector();
	mapHeaders('noegletal.csv', fields, 1, ['afdeling_id', 'aar', 'ledige_boliger'], ['afdeling_id', 'aar'], issues);
	return issues
		.list()
		.filter((i) => i.code === 'missing-column')
		.map((i) => i.message);
}

describe('a title above the header', () => {
	it('gets the advice to delete it in each missing column', () => {
		expect(messages(['Nøgletal 2024', '', ''])).toEqual([
			`Kolonnen "afdeling_id" mangler: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "Nøgletal 2024". ${ADVICE}`,
			`Kolonnen "aar" mangler: forventede en kolonne med overskriften "aar" (eller fx "year"), fandt kolonnerne "Nøgletal 2024". ${ADVICE}`
		]);
	});

	it('is not suspected where the header names several columns', () => {
		expect(messages(['id', 'ledige_boliger'])).toEqual([
			'Kolonnen "afdeling_id" mangler: forventede en kolonne med overskriften "afdeling_id" (eller fx "afdelingsid"), fandt kolonnerne "id", "ledige_boliger".',
			'Kolonnen "aar" mangler: forventede en kolonne med overskriften "aar" (eller fx "year"), fandt kolonnerne "id", "ledige_boliger".'
		]);
	});
});
