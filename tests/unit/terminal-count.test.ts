/** The terminal's counts (pipelines/read/terminal-count.ts): the singular for one, da-DK or en-GB digits. */
import { describe, expect, it } from 'vitest';
import { count } from '../../pipelines/read/terminal-count.ts';

describe('count', () => {
	it('says "1 afdeling" and "0 afdelinger", "2 rækker"', () => {
		expect(count(1, 'afdeling', 'afdelinger')).toBe('1 afdeling');
		expect(count(0, 'afdeling', 'afdelinger')).toBe('0 afdelinger');
		expect(count(2, 'række', 'rækker')).toBe('2 rækker');
	});
	it('groups thousands as the language does', () => {
		expect(count(80000, 'afdeling', 'afdelinger')).toBe('80.000 afdelinger');
		expect(count(80000, 'department', 'departments', 'en-GB')).toBe('80,000 departments');
		expect(count(1, 'municipality', 'municipalities', 'en-GB')).toBe('1 municipality');
	});
});
