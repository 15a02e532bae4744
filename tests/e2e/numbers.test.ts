/**
 * Numbers typed the Danish way in real Chromium: on /fokus, "1,2" in a rule's "Gange" is 1.2 (the
 * rule set in the URL says so, and the flagged units are those of "1.2"), the edited preset is named
 * as edited, and what cannot be read is refused in words while the rule keeps its last number; on
 * /aftaler a target value "12,5" is 12.5.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RuleSet } from '../../src/lib/focus/rule.ts';
import { decodeRules } from '../../src/lib/focus/url.ts';
import type { WebIndex } from '../../src/lib/core/output-contract.ts';
import { readIndex } from './support/data.ts';
import { e2eSite } from './support/suite.ts';

let index: WebIndex;

const e2e = e2eSite();

beforeAll(() => {
	index = readIndex(e2e.data);
});

/** The rule set the page has put in its URL. */
async function rulesInUrl(page: Page): Promise<RuleSet> {
	const value = new URL(page.url()).searchParams.get('regler') ?? '';
	const decoded = decodeRules(value);
	if (!decoded.ok) throw new Error(`no rules in ${page.url()}`);
	return decoded.value;
}

/** Every factor of the rule set's distance rules, at any depth. */
function factors(ruleSet: RuleSet): number[] {
	const out: number[] = [];
	const walk = (rules: RuleSet['regler']) => {
		for (const r of rules) {
			if (r.type === 'afstand') out.push(r.faktor);
			if (r.type === 'kombination') walk(r.regler);
		}
	};
	walk(ruleSet.regler);
	return out;
}

async function flaggedUnits(page: Page): Promise<string[]> {
	return page.locator('[data-table=flagged] tr[data-unit]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-unit')!).sort());
}

describe('numbers typed the Danish way', () => {
	it('/fokus: "1,2" in Gange is 1.2, the same as "1.2"; the preset is named as edited; nonsense is refused in words', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/fokus?kommune=${index.default_kommune}&regler=tidlig-indsats`);
		const factor = page.locator('[data-field=faktor]').first();
		await factor.waitFor({ timeout: 60_000 });
		await page.locator('[data-table=flagged], [data-section=clear]').first().waitFor({ timeout: 60_000 });

		await factor.fill('1.2');
		await expect.poll(async () => factors(await rulesInUrl(page))).toEqual([1.2]);
		const withPoint = await flaggedUnits(page);

		await factor.fill('1,2');
		await expect.poll(async () => factors(await rulesInUrl(page))).toEqual([1.2]);
		expect(await flaggedUnits(page)).toEqual(withPoint);
		expect(await page.locator('[data-number-error]').count()).toBe(0);
		expect(await page.locator('[data-field=set-name]').inputValue()).toBe('Tidlig opmærksomhed (eksempel) (ændret)');
		expect((await rulesInUrl(page)).navn).toBe('Tidlig opmærksomhed (eksempel) (ændret)');

		await factor.fill('1,2,3');
		const error = page.locator('[data-number-error=faktor]');
		await error.waitFor();
		expect(await error.innerText()).toContain('«1,2,3» er ikke et tal');
		expect(await factor.getAttribute('aria-invalid')).toBe('true');
		// The rule keeps its last good number.
		expect(factors(await rulesInUrl(page))).toEqual([1.2]);
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);

	it('/aftaler: a target value "12,5" is 12.5, and an ambiguous rent "1.234" is refused', async () => {
		const { page, errors } = await e2e.page();
		await page.goto(`${e2e.site.url}/aftaler?kommune=${index.default_kommune}`);
		const form = page.locator('[data-form=draft-target]');
		await form.waitFor({ timeout: 60_000 });
		await form.locator('[data-field=indikator]').selectOption('husleje');
		await form.locator('[data-field=maalvaerdi]').fill('1.234');
		expect(await form.locator('[data-number-error=maalvaerdi]').innerText()).toContain('kan både betyde');
		await form.locator('[data-field=indikator]').selectOption('fraflytning');
		await form.locator('[data-field=maalvaerdi]').fill('12,5');
		expect(await form.locator('[data-number-error=maalvaerdi]').count()).toBe(0);
		await form.locator('[data-action=add-target]').click();
		const draft = page.locator('[data-table=drafts] tr[data-draft]').first();
		await draft.waitFor();
		expect(await draft.innerText()).toContain('12,5');
		expect(errors).toEqual([]);
		await page.close();
	}, 180_000);
});
