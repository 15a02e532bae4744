/**
 * English mode complete (issue 11, and issue 14's leftover): on each main page with `lang=en`, no
 * Danish-only entry of the dashboard's string tables shows, and numbers use English formats.
 *
 * The Danish words are taken from the tables themselves (strings.ts, supervision-strings.ts, the
 * work file's messages, the export words), not from a list of examples: every Danish entry whose
 * English twin differs, plain text and the fixed parts of the functions, called with a marker.
 * Content that is Danish by nature (names, a rule set's own name, source and notes, the documents
 * for the Danish process) is marked `lang="da"` on the page and left out.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { IssueCollector } from '../../pipelines/read/issues.ts';
import { readDepartments } from '../../pipelines/read/read-departments.ts';
import { describe, expect, it } from 'vitest';
import { workMessages } from '../../src/lib/drafts/messages.ts';
import { HOUSING_TYPES } from '../../src/lib/core/input-contract.ts';
import { agendaStrings } from '../../src/lib/i18n/agenda-strings.ts';
import { exportStrings } from '../../src/lib/i18n/export-strings.ts';
import { ruleNames } from '../../src/lib/focus/preset-words.ts';
import { availablePresets } from '../../src/lib/focus/presets.ts';
import { indicator, INDICATOR_IDS, useDeclaredIndicators } from '../../src/lib/core/indicators.ts';
import { demoDeclaredIndicators } from '../support/demo-declared.ts';
import { strings } from '../../src/lib/i18n/strings.ts';
import { supervisionStrings } from '../../src/lib/i18n/supervision-strings.ts';
import { chartsReady, detailReady } from './support/ready.ts';
import { e2eSite } from './support/suite.ts';

/** The presets as the demo's pages offer them: the official criteria in their full form (the demo declares their figures). */
useDeclaredIndicators(demoDeclaredIndicators());
const DEMO_PRESETS = availablePresets();

const e2e = e2eSite();

const MARK = '\u0001';

/** Every text of a table entry: a string, the strings of a record or list, a function's fixed parts. */
function texts(value: unknown): string[] {
	if (typeof value === 'string') return value.split(MARK);
	if (Array.isArray(value)) return value.flatMap(texts);
	if (typeof value === 'function') {
		try {
			const args = Array.from({ length: value.length }, () => MARK);
			return texts((value as (...a: unknown[]) => unknown)(...args));
		} catch {
			return []; // a function that needs real arguments (a list, a date) says nothing here
		}
	}
	if (value && typeof value === 'object') return Object.values(value).flatMap(texts);
	return [];
}

/** The data's own names (departments, organisations): content, Danish in both languages ("Kærgårdsvej Ældreboliger"). */
const NAMES = readDepartments('afdelinger.csv', readFileSync('data/sample/afdelinger.csv'), new IssueCollector()).departments.flatMap(
	(d) => [d.afdeling_navn, d.boligorganisation_navn]
);

/** Danish phrases of the tables that the English tables do not also use, long enough to be telling, and in no name of the data. */
function danishOnly(): string[] {
	const pairs = [
		[strings('da'), strings('en')],
		[supervisionStrings('da'), supervisionStrings('en')],
		[workMessages('da'), workMessages('en')],
		[exportStrings('da'), exportStrings('en')],
		[agendaStrings('da'), agendaStrings('en')]
	] as const;
	// The presets' own words (name, source, notes, rule names) beside their English twins.
	const presets = DEMO_PRESETS.map(
		(p) =>
			[
				[p.ruleSet.navn, p.ruleSet.kilde ?? '', ...p.ruleSet.noter, ...ruleNames(p.ruleSet.regler)],
				[p.en.navn, p.en.kilde, ...p.en.noter, ...p.en.regler]
			] as const
	);
	// Each key figure's source (kilde beside kilde_en), built in and the demo's declared ones.
	const sources = [...INDICATOR_IDS.map((id) => indicator(id)), ...demoDeclaredIndicators()].map(
		(ind) => [[ind.source.da], [ind.source.en]] as const
	);
	const all = [...pairs, ...presets, ...sources];
	const english = new Set(all.flatMap(([, en]) => texts(en)).map((t) => t.trim()));
	const found = new Set<string>();
	for (const [da] of all) {
		for (const text of texts(da)) {
			const phrase = text.trim().replace(/^[\s,.:;()"–-]+|[\s,.:;()"–-]+$/g, '');
			// Two words or a long word: "Særlig fokus", "Boligorganisation"; not "År" or "Nr."
			if (phrase.length < 8 || english.has(phrase) || !/[a-zæøå]{3}/i.test(phrase)) continue;
			if (NAMES.some((name) => name.toLowerCase().includes(phrase.toLowerCase()))) continue;
			found.add(phrase);
		}
	}
	return [...found];
}

/** The page's visible text, without the parts marked as Danish content. */
async function englishText(page: Page): Promise<string> {
	return page.evaluate(() => {
		const body = document.body.cloneNode(true) as HTMLElement;
		for (const el of body.querySelectorAll('[lang="da"], script, style, option:not(:checked)')) el.remove();
		// What shows without being text: placeholders, tooltips and the names read out to a screen reader.
		const attributes = [...body.querySelectorAll('[placeholder], [title], [aria-label]')].flatMap((el) =>
			['placeholder', 'title', 'aria-label'].map((name) => el.getAttribute(name) ?? '')
		);
		return [body.innerText, ...attributes].join('\n');
	});
}

/** Each route, what shows it is drawn, and whether it has a figure of its own to check the decimal of. */
const pages: { name: string; path: string; ready: string; charts: number; decimals?: boolean }[] = [
	{ name: 'front', path: '/?lang=en', ready: '[data-map-ready="true"]', charts: 1 },
	{ name: 'overview', path: '/kommune/0751?lang=en', ready: '[data-map-ready="true"]', charts: 1 },
	{ name: 'country', path: '/land?lang=en', ready: '[data-list=municipalities]', charts: 1 },
	{ name: 'organisation', path: '/organisation/2101?kommune=0751&lang=en', ready: '[data-section=organisation-focus]', charts: 2 },
	{ name: 'department', path: '/afdeling/2101-001?kommune=0751&lang=en', ready: '[data-section=focus]', charts: 2 },
	{ name: 'area', path: '/omraade/0751-O01?kommune=0751&lang=en', ready: '[data-section=focus]', charts: 2 },
	{ name: 'focus list', path: '/fokus?kommune=0751&lang=en', ready: '[data-table=flagged]', charts: 0 },
	// Every preset, so each one's name, source, notes and rule names are read in English.
	...DEMO_PRESETS.map((p) => ({
		name: `focus list with the preset ${p.id}`,
		path: `/fokus?kommune=0751&regler=${p.id}&lang=en`,
		ready: '[data-section=clear]',
		charts: 0,
		decimals: false // a preset may flag nothing in the demo: no figure to find
	})),
	{ name: 'targets', path: '/aftaler?kommune=0751&lang=en', ready: '[data-table=targets]', charts: 0 },
	// The agenda pages show no figures of their own outside the (Danish) document: no English decimal to find.
	{ name: 'agendas', path: '/dagsorden?kommune=0751&lang=en', ready: '[data-agenda] [data-agenda-section]', charts: 0, decimals: false },
	{
		name: "organisation's agenda",
		path: '/dagsorden/2101?kommune=0751&lang=en',
		ready: '[data-agenda] [data-agenda-section]',
		charts: 0,
		decimals: false
	},
	{
		name: "organisation's agreement",
		path: '/dagsorden/2101?kommune=0751&dok=aftale&lang=en',
		ready: '[data-form=meeting]',
		charts: 0,
		decimals: false
	}
];

describe('English mode', () => {
	const danish = danishOnly();

	it('the check is built from the tables and knows the words that were left Danish before', () => {
		expect(danish.length).toBeGreaterThan(150);
		for (const phrase of [
			'Tidlig opmærksomhed',
			'Københavns 40+- og 50+-områder',
			'Særlig fokus',
			'Tilføj regel',
			'Sammenlignet med',
			'Sådan beregnes status',
			'Aftalte mål',
			'Deltagere for kommunen',
			'Udkast til aftaledokument'
		]) {
			expect(danish).toContain(phrase);
		}
	});

	for (const route of pages) {
		it(`shows no Danish-only words and English number formats on the ${route.name} page`, async () => {
			const { page, errors } = await e2e.page();
			await page.goto(e2e.site.url + route.path);
			await page.waitForSelector(route.ready, { timeout: 60_000 });
			if (route.charts) await chartsReady(page, route.charts);
			// A detail page's focus section needs the database, but its peers and tables may follow.
			if (/^\/(organisation|afdeling|omraade)\//.test(route.path)) await detailReady(page);
			const text = await englishText(page);
			const left = danish.filter((phrase) =>
				new RegExp(`(^|[^\\p{L}])${phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^\\p{L}]|$)`, 'u').test(text)
			);
			expect(left).toEqual([]);
			// A Danish decimal comma before a unit ("24,1 %") would be a Danish number format.
			expect(text.match(/\d,\d+\s?(%|‰|kr\.)/g) ?? []).toEqual([]);
			// A housing type as the register writes it ("familie") alone in a cell or a fact is Danish too.
			const rawType = new RegExp(`(^|[\\t\\n])(${HOUSING_TYPES.join('|')})([\\t\\n]|$)`);
			expect(text.match(rawType)?.[2] ?? null).toBeNull();
			if (route.name === 'department') expect(text).toMatch(/Housing type\s+family/);
			if (route.decimals !== false) expect(text).toMatch(/\d\.\d\s?(%|‰)/);
			expect(errors).toEqual([]);
			await page.close();
		}, 120_000);
	}
});
