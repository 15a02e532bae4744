/** The note under the overview map when the data cannot place every department, worked by hand. */
import { describe, expect, it } from 'vitest';
import { mapCoverageNote } from '../../src/lib/map/coverage.ts';

const department = (id: string, lat: number | null, lon: number | null) => ({
	id,
	navn: id,
	organisation_id: '2103',
	organisation_navn: 'Org',
	omraade_id: null,
	lat,
	lon
});

describe('the map’s coverage note', () => {
	it('says nothing when every department has its point', () => {
		expect(
			mapCoverageNote({ bbox: [10, 55, 10.1, 55.1], afdelinger: [department('a', 55, 10), department('b', 55.1, 10.1)] }, 'da')
		).toBeNull();
	});

	it('says the map has nothing to show when there is neither a point nor an outline (bbox null)', () => {
		const note = mapCoverageNote({ bbox: null, afdelinger: [department('a', null, null)] }, 'da');
		expect(note).toBe(
			'Kortet har intet at vise: ingen afdeling har koordinater (lat og lon i afdelinger.csv), og ingen af kommunens boligområder har et omrids (omraader.geojson). Tallene står i listerne nedenfor.'
		);
	});

	it('counts the departments left off: 2 of 3 have no coordinates', () => {
		const overview = {
			bbox: [10, 55, 10, 55] as [number, number, number, number],
			afdelinger: [department('a', 55, 10), department('b', null, null), department('c', null, null)]
		};
		expect(mapCoverageNote(overview, 'da')).toBe(
			'2 af 3 afdelinger har ingen koordinater (lat og lon i afdelinger.csv) og står ikke som punkter på kortet; de står i listen nedenfor.'
		);
		expect(mapCoverageNote(overview, 'en')).toBe(
			'2 of 3 departments have no coordinates (lat and lon in afdelinger.csv) and are not shown as points on the map; they are in the list below.'
		);
	});

	it('writes large counts with the language’s thousands separator', () => {
		const many = Array.from({ length: 1200 }, (_, i) => department(String(i), null, null));
		expect(mapCoverageNote({ bbox: [10, 55, 10, 55], afdelinger: [department('x', 55, 10), ...many] }, 'da')).toMatch(
			/^1\.200 af 1\.201 afdelinger/
		);
		expect(mapCoverageNote({ bbox: [10, 55, 10, 55], afdelinger: [department('x', 55, 10), ...many] }, 'en')).toMatch(
			/^1,200 of 1,201 departments/
		);
	});
});
