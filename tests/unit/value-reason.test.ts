/**
 * A dash's reason (missing, or withheld because it could reveal fewer than 5 persons) is on hover
 * and for screen readers wherever a value stands in a row; where it stands alone (a headline card,
 * `reasonShown`) it is written out, since a touch screen has no hover. Rendered by Svelte's own
 * server renderer.
 */
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import { indicator } from '../../src/lib/core/indicators.ts';
import Value from '../../src/lib/ui/Value.svelte';

const outside = indicator('uden_for_arbejdsmarked');
const withheld = { vaerdi: null, diskretioneret: true };

/** The text a sighted reader sees: hidden spans and tags dropped. */
function seen(html: string): string {
	return html
		.replace(/<span class="visually-hidden[^"]*">[^<]*<\/span>/g, '')
		.replace(/<[^>]+>/g, '')
		.replace(/<!--[^>]*-->/g, '')
		.trim();
}

describe('Value', () => {
	it('writes out why a standalone figure is withheld, in Danish and English', () => {
		const da = render(Value, { props: { indicator: outside, point: withheld, lang: 'da', reasonShown: true } }).body;
		expect(seen(da)).toBe('–diskretioneret: kunne afsløre færre end 5 personer');
		expect(da).toContain('data-value-state="suppressed"');
		const en = render(Value, { props: { indicator: outside, point: withheld, lang: 'en', reasonShown: true } }).body;
		expect(seen(en)).toBe('–suppressed: could reveal fewer than 5 persons');
	});

	it('keeps the reason on hover and for screen readers in a row', () => {
		const html = render(Value, { props: { indicator: outside, point: withheld, lang: 'da' } }).body;
		expect(seen(html)).toBe('–');
		expect(html).toContain('title="diskretioneret: kunne afsløre færre end 5 personer"');
		expect(html).toContain('(diskretioneret: kunne afsløre færre end 5 personer)');
	});

	it('says a missing standalone figure is missing, and shows a value as it is', () => {
		const missing = render(Value, { props: { indicator: outside, point: null, lang: 'da', reasonShown: true } }).body;
		expect(seen(missing)).toBe('–mangler');
		const value = render(Value, {
			props: { indicator: outside, point: { vaerdi: 12.5, diskretioneret: false }, lang: 'da', reasonShown: true }
		}).body;
		expect(seen(value)).toBe('12,5\u00a0%');
	});
});
